import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { stableId } from '../../../src/core/fields.js';
import {
  parseRfc822,
  readAtom,
  readFeed,
  readJsonFeed,
  readRss,
} from '../../../src/core/readers/feed.js';
import { plainText } from '../../../src/core/readers/plain-text.js';
import { readWordPress } from '../../../src/core/readers/wordpress.js';
import { htmlToText, sanitizeHtml } from '../../../src/core/sanitize.js';
import { hits, uniqueKey } from '../../support/network.js';
import { expectKind, fixture, loadBefore, nothingRead, thrown } from '../../support/readers.js';
import { onlyDandelionErrors, small } from '../../support/properties.js';
import { rssItems } from '../../support/generated-data.js';

const feed = (name: string) => fixture.text(`feed/${name}`);

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(items: string, channelExtra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
<link>https://inline.example.org/news/</link><description>d</description>${channelExtra}${items}</channel></rss>`;
}

describe('readRss (RSS 2.0)', () => {
  const rss2 = loadBefore(() => feed('rss2.xml'));

  it('maps the fields of a spec-shaped channel', () => {
    const { items, skipped, warnings } = readRss(rss2());
    expect(items).to.have.length(4);
    expect(items[0]).to.deep.equal({
      id: 'news.example.org-2026-0309-1',
      title: '长者助餐点开放 & 志愿者招募',
      summary: '<p>本周起，<strong>某某街道</strong>长者助餐点每天中午开放。</p>',
      url: 'https://news.example.org/stories/meal-point',
      date: '2026-03-09T10:30:00+08:00',
      author: '示例作者甲',
      tags: ['长者服务', '志愿者'],
      image: { src: 'https://news.example.org/img/meal.jpg', alt: '' },
    });
    expect(skipped).to.equal(1);
    expect(warnings).to.deep.equal(['RSS item 5: no title or summary']);
  });

  it('decodes entities in titles, takes the author name and uses a permalink guid as the link', () => {
    const [, second] = readRss(rss2()).items;
    expect(second.title).to.equal('Star City\u2019s 儿童阅读角');
    expect(second.author).to.equal('示例作者乙');
    expect(second.id).to.equal('https://news.example.org/stories/reading-corner');
    expect(second.url).to.equal('https://news.example.org/stories/reading-corner');
    expect(second.date).to.equal('2026-03-07T09:00:00Z');
    expect(second.image).to.equal(undefined);
  });

  it('resolves relative links in item links, images and summary HTML against the channel link', () => {
    const [, second, third] = readRss(rss2(), {
      baseUrl: 'https://news.example.org/feeds/main.xml',
    }).items;
    expect(second.summary).to.equal(
      '<p>周六上午，<a href="https://news.example.org/events/reading">阅读角</a>开放。</p>',
    );
    expect(third.url).to.equal('https://news.example.org/stories/garden');
    expect(third.image).to.deep.equal({
      src: 'https://news.example.org/img/garden.jpg',
      alt: '社区花园里的南瓜',
      width: 800,
      height: 600,
    });
    expect(third.summary).to.contain('src="https://news.example.org/img/garden.jpg"');
  });

  it('uses content:encoded only when there is no description', () => {
    const [first, , third] = readRss(rss2()).items;
    expect(first.summary).not.to.contain('全文');
    expect(third.summary).to.contain('居民一起收获');
  });

  it('keeps an item whose date cannot be read, without a date', () => {
    const third = readRss(rss2()).items[2];
    expect(third.title).to.equal('社区花园秋收');
    expect(third).not.to.have.property('date');
  });

  it('keeps an item without a title when it has a summary', () => {
    const fourth = readRss(rss2()).items[3];
    expect(fourth.title).to.equal('');
    expect(fourth.summary).to.equal('没有标题的简讯：热线 020-00000001 本周照常服务。');
  });

  it('derives stable, distinct ids for items without a guid', () => {
    const a = readRss(rss2()).items;
    const b = readRss(rss2()).items;
    expect(a.map((s) => s.id)).to.deep.equal(b.map((s) => s.id));
    expect(new Set(a.map((s) => s.id)).size).to.equal(a.length);
    expect(a[2].id).to.equal(stableId('https://news.example.org/stories/garden\n社区花园秋收\n'));
  });

  it('reads a channel without items as zero stories', async () => {
    expect(readRss(await feed('empty.xml'))).to.deep.equal(nothingRead);
  });

  it('keeps at most five warnings but counts every skipped item', () => {
    const result = readRss(rss('<item><link>https://x.example.org/</link></item>'.repeat(8)));
    expect(result.skipped).to.equal(8);
    expect(result.warnings).to.have.length(5);
  });

  it('keeps Arabic and Hebrew titles intact (bidi marks included)', () => {
    const titles = [
      'مرحبا بالجميع في المركز',
      'שלום לכולם',
      '\u200fالعدد 42 شارع\u200f',
      'مرحبا (示例) שלום',
    ];
    const { items } = readRss(rss(titles.map((t) => `<item><title>${t}</title></item>`).join('')));
    expect(items.map((s) => s.title)).to.deep.equal(titles);
  });

  it('reads RSS 1.0 (RDF) feeds', async () => {
    const { items } = readRss(await feed('rss1.rdf'));
    expect(items).to.deep.equal([
      {
        id: 'https://rdf.example.org/stories/1',
        title: '议事会纪要',
        summary: '本月议事会讨论了楼道照明。',
        url: 'https://rdf.example.org/stories/1',
        date: '2026-03-01T09:00:00+08:00',
        author: '示例作者戊',
        tags: ['议事会'],
      },
      {
        id: 'https://rdf.example.org/stories/2',
        title: '亲子活动',
        url: 'https://rdf.example.org/stories/2',
        tags: [],
      },
    ]);
  });

  it('honours xml:base over the channel link', () => {
    const text = `<rss version="2.0"><channel xml:base="https://base.example.org/a/"><title>t</title>
      <link>https://site.example.org/</link><description>d</description>
      <item xml:base="b/"><title>x</title><link>c.html</link></item></channel></rss>`;
    expect(readRss(text).items[0].url).to.equal('https://base.example.org/a/b/c.html');
  });

  it('reads RSS 2.0 feeds that put every element in a namespace', () => {
    const text = `<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>t</title>
      <link>https://ns.example.org/</link><description>d</description>
      <item><title>命名空间</title><link>a</link><description>摘要</description></item></channel></rss>`;
    const [story] = readRss(text).items;
    expect(story.title).to.equal('命名空间');
    expect(story.url).to.equal('https://ns.example.org/a');
    expect(story.summary).to.equal('摘要');
  });

  it('recovers feeds that use HTML entities XML does not define', async () => {
    const [item] = readRss(await feed('html-entities.xml')).items;
    expect(item.title).to.equal('Café\u00a0开放 © 2026');
  });
});

describe('feed images', () => {
  it('takes them from enclosures, media:content, media:thumbnail, itunes:image and <img>, in that order', async () => {
    const images = readRss(await feed('media-rss.xml')).items.map((s) => s.image);
    expect(images[0]).to.deep.equal({
      src: 'https://cdn.example.org/a-1200.jpg',
      alt: '志愿者在社区中心分发物资',
      width: 1200,
      height: 800,
      srcset:
        'https://cdn.example.org/a-150.jpg 150w, https://cdn.example.org/a-480.jpg 480w, ' +
        'https://cdn.example.org/a-800.jpg 800w, https://cdn.example.org/a-1200.jpg 1200w',
    });
    expect(images[1]).to.deep.equal({
      src: 'https://cdn.example.org/b-1280.jpg',
      alt: '街道议事会现场',
      width: 1280,
      height: 960,
      srcset: 'https://cdn.example.org/b-640.jpg 640w, https://cdn.example.org/b-1280.jpg 1280w',
    });
    expect(images[2]).to.deep.equal({
      src: 'https://cdn.example.org/c-600.jpg',
      alt: '',
      width: 600,
      height: 400,
      srcset: 'https://cdn.example.org/c-300.jpg 300w, https://cdn.example.org/c-600.jpg 600w',
    });
    expect(images[3]).to.deep.equal({ src: 'https://cdn.example.org/cover.png', alt: '' });
    expect(images[4]).to.deep.equal({
      src: 'https://photos.example.org/uploads/d.jpg',
      alt: '孩子们在阅读角',
      width: 900,
      height: 600,
      srcset:
        'https://photos.example.org/uploads/d-300.jpg 300w, https://photos.example.org/uploads/d-900.jpg 900w',
    });
    expect(images[5]).to.deep.equal({
      src: 'https://cdn.example.org/e-thumb.jpg',
      alt: '',
      width: 640,
      height: 360,
    });
    expect(images[6]).to.equal(undefined);
    expect(images[7]).to.deep.equal({
      src: 'https://cdn.example.org/f-enclosure.jpg',
      alt: '夜校课堂',
    });
  });

  it('drops javascript: and data: image URLs', async () => {
    const story = readRss(await feed('media-rss.xml')).items[8];
    expect(story.title).to.equal('unsafe image urls');
    expect(story.image).to.equal(undefined);
  });

  it('never uses the URL as alt text', () => {
    const { items } = readRss(
      rss(
        '<item><title>x</title><enclosure url="https://i.example.org/p.jpg" type="image/jpeg" length="1"/></item>',
      ),
    );
    expect(items[0].image).to.deep.equal({ src: 'https://i.example.org/p.jpg', alt: '' });
  });

  it('does not load images or run handlers while looking for the first <img>', async () => {
    // An image on the test server: loading it would count there, and its 404 would fire onerror.
    const k = uniqueKey();
    const src = `${location.origin}/test-api/status/404?key=${k}`;
    let fired = false;
    (window as unknown as { __feedProbe: () => void }).__feedProbe = () => (fired = true);
    const description = escapeXml(`<img src="${src}" onerror="__feedProbe()" alt="a">`);
    const { items } = readRss(
      rss(`<item><title>x</title><description>${description}</description></item>`),
    );
    expect(items[0].image?.src).to.equal(src);
    // The same image made live after the read: once it has failed, a copy the read made would have.
    const control = new Image();
    const controlFailed = new Promise((resolve) => (control.onerror = resolve));
    control.src = `${location.origin}/test-api/status/404?key=${uniqueKey()}`;
    await controlFailed;
    expect(fired).to.equal(false);
    expect(await hits(k)).to.equal(0);
    expect(performance.getEntriesByName(src)).to.have.length(0);
  });
});

describe('readAtom (RFC 4287)', () => {
  const atom = loadBefore(() => feed('atom.xml'));

  it('maps an RFC-shaped entry: html title, xml:base links, xhtml content, categories, enclosure image', () => {
    const { items } = readAtom(atom());
    const first = items[0];
    expect(first.id).to.equal('tag:atom.example.org,2026:3.2397');
    expect(first.title).to.equal('暖冬 行动 & 物资');
    expect(first.url).to.equal('https://atom.example.org/blog/posts/warm-winter');
    expect(first.date).to.equal('2026-03-09T08:29:29-04:00');
    expect(first.author).to.equal('示例作者丙');
    expect(first.tags).to.deep.equal(['冬季', '物资']);
    expect(first.image).to.deep.equal({
      src: 'https://atom.example.org/blog/img/warm.png',
      alt: '',
    });
    const summary = new DOMParser().parseFromString(first.summary ?? '', 'text/html');
    expect(summary.querySelector('p i')?.textContent).to.equal('[更新：物资清单已公布]');
    expect(summary.querySelector('a')?.getAttribute('href')).to.equal(
      'https://atom.example.org/notice',
    );
  });

  it('escapes text summaries, inherits the feed author and uses updated when there is no published', () => {
    const second = readAtom(atom()).items[1];
    expect(second.title).to.equal('纯文本摘要 <不是标签>');
    expect(second.summary).to.equal('第一行 a &lt; b<br>第二行');
    expect(second.author).to.equal('编辑部');
    expect(second.date).to.equal('2026-03-08T10:00:00+08:00');
    expect(second.url).to.equal('https://atom.example.org/blog/posts/plain');
  });

  it('prefers the HTML alternate link and resolves against the entry xml:base', () => {
    const third = readAtom(atom()).items[2];
    expect(third.title).to.equal('XHTML 标题');
    expect(third.url).to.equal('https://other.example.org/2026/report.html');
    expect(third.image).to.deep.equal({
      src: 'https://other.example.org/2026/cover.jpg',
      alt: '报告封面',
    });
  });

  it('skips entries with neither title nor summary, and reads media:group thumbnails', () => {
    const { items, skipped, warnings } = readAtom(atom());
    expect(items).to.have.length(4);
    expect(skipped).to.equal(1);
    expect(warnings).to.deep.equal(['Atom entry 4: no title or summary']);
    expect(items[3].image).to.deep.equal({
      src: 'https://atom.example.org/thumbs/1.jpg',
      alt: '运动会开幕式',
      width: 480,
      height: 360,
    });
  });

  it('reads a feed without entries as zero stories', () => {
    const text = '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id></feed>';
    expect(readAtom(text)).to.deep.equal(nothingRead);
  });
});

describe('readJsonFeed (JSON Feed 1.1)', () => {
  const jsonFeed = loadBefore(() => feed('feed.json'));

  it('maps items, preferring summary, image and authors', () => {
    const { items, skipped, warnings } = readJsonFeed(jsonFeed());
    expect(items[0]).to.deep.equal({
      id: '2026-03-09-meal',
      title: '助餐点 & 志愿者',
      summary: '助餐点开放 &lt;每天中午&gt;。',
      url: 'https://json.example.org/2026/03/09/meal',
      date: '2026-03-09T10:30:00+08:00',
      author: '示例作者甲, 示例作者乙',
      tags: ['长者服务', '志愿者'],
      image: { src: 'https://json.example.org/img/meal.jpg', alt: '' },
    });
    expect(skipped).to.equal(2);
    expect(warnings).to.deep.equal([
      'JSON Feed item 5: no title or summary',
      'JSON Feed item 6: not an object',
    ]);
  });

  it('falls back to content_html, the first <img>, the feed authors, and resolves relative URLs', () => {
    const second = readJsonFeed(jsonFeed()).items[1];
    expect(second.id).to.equal('42');
    expect(second.url).to.equal('https://json.example.org/2026/03/08/reading');
    expect(second.summary).to.equal(
      '<p>周六开放。<img src="https://json.example.org/img/reading.jpg" alt="阅读角"></p>',
    );
    expect(second.image).to.deep.equal({
      src: 'https://json.example.org/img/reading.jpg',
      alt: '阅读角',
    });
    expect(second.author).to.equal('编辑部');
    expect(second).not.to.have.property('date');
  });

  it('escapes content_text, uses external_url, banner_image and the 1.0 author field', () => {
    const [, , third, fourth] = readJsonFeed(jsonFeed()).items;
    expect(third.title).to.equal('');
    expect(third.summary).to.equal('只有纯文本内容<br>第二行 &amp; 符号');
    expect(third.url).to.equal('https://elsewhere.example.org/article');
    expect(fourth.image).to.deep.equal({
      src: 'https://json.example.org/img/banner-only.jpg',
      alt: '',
    });
    expect(fourth.author).to.equal('旧版作者');
  });

  it('accepts the parsed document as well as text', () => {
    expect(readJsonFeed(JSON.parse(jsonFeed()))).to.deep.equal(readJsonFeed(jsonFeed()));
  });

  it('reads zero items', () => {
    const doc = { version: 'https://jsonfeed.org/version/1.1', title: 't', items: [] };
    expect(readJsonFeed(doc)).to.deep.equal(nothingRead);
  });

  it('rejects JSON that is not a JSON Feed', () => {
    expectKind(() => readJsonFeed('{"items":[]}'), 'format');
    expectKind(() => readJsonFeed({ version: 'https://jsonfeed.org/version/1.1' }), 'format');
    expectKind(() => readJsonFeed('{"version": "https://jsonfeed.org/version/1.1", '), 'parse');
  });
});

describe('readFeed', () => {
  it('picks the reader by content', async () => {
    expect(readFeed(await feed('rss2.xml')).items[0].id).to.equal('news.example.org-2026-0309-1');
    expect(readFeed(await feed('rss1.rdf')).items[0].title).to.equal('议事会纪要');
    expect(readFeed(await feed('atom.xml')).items[0].id).to.equal(
      'tag:atom.example.org,2026:3.2397',
    );
    expect(readFeed(await feed('feed.json')).items[0].id).to.equal('2026-03-09-meal');
  });

  it('tells a wrong format from a damaged document', async () => {
    const truncated = await feed('truncated.xml');
    expectKind(() => readFeed(truncated), 'parse');
    expectKind(() => readFeed('<?xml version="1.0"?><html><body/></html>'), 'format');
    expectKind(() => readFeed('<!DOCTYPE html><html><p>blog</html>'), 'format');
    expectKind(() => readFeed('{"data": []}'), 'format');
    expectKind(() => readFeed(''), 'format');
    expectKind(() => readFeed('just text'), 'format');
  });
});

describe('format and parse errors', () => {
  it('throws parse for malformed XML, with the parser message', async () => {
    const error = thrown(() => readRss('<rss version="2.0"><channel><item><title>x</item>'));
    expect(error.kind).to.equal('parse');
    expect(error.message).to.match(/not well-formed/);
    const rss2 = await feed('rss2.xml');
    expectKind(() => readRss(`${rss2}<extra/>`), 'parse');
    expectKind(() => readAtom('<feed xmlns="http://www.w3.org/2005/Atom"><entry>'), 'parse');
  });

  it('throws format when given the other feed format', async () => {
    const atom = await feed('atom.xml');
    const rss2 = await feed('rss2.xml');
    expectKind(() => readRss(atom), 'format');
    expectKind(() => readAtom(rss2), 'format');
    expectKind(() => readJsonFeed(rss2), 'parse');
    expectKind(() => readRss('<rss version="2.0"></rss>'), 'format');
    expectKind(() => readAtom('<feed xmlns="urn:not-atom"/>'), 'format');
  });
});

describe('RSS dates (RFC 822)', () => {
  it('converts pubDate forms to ISO 8601, keeping the offset', () => {
    const dates: [string, string | undefined][] = [
      ['Sat, 07 Sep 2002 00:00:01 GMT', '2002-09-07T00:00:01Z'],
      ['Mon, 09 Mar 2026 10:30:00 +0800', '2026-03-09T10:30:00+08:00'],
      ['Mon, 09 Mar 2026 10:30:00 EST', '2026-03-09T10:30:00-05:00'],
      ['9 March 26 10:30 -0000', '2026-03-09T10:30:00Z'],
      ['09 Mar 2026', '2026-03-09'],
      ['Mon, 30 Feb 2026 10:00:00 GMT', undefined],
      ['Mon, 09 Mar 2026 25:00:00 GMT', undefined],
      ['2026-03-09T10:30:00Z', undefined],
    ];
    for (const [pubDate, iso] of dates) expect(parseRfc822(pubDate), pubDate).to.equal(iso);
  });

  it('falls back to ISO 8601 in pubDate and drops unreadable dates', () => {
    const { items } = readRss(
      rss(
        '<item><title>a</title><pubDate>2026-03-09T10:30:00+08:00</pubDate></item>' +
          '<item><title>b</title><pubDate>yesterday at noon</pubDate></item>' +
          '<item><title>c</title><pubDate>Mon, 99 Foo 2026</pubDate></item>',
      ),
    );
    expect(items.map((s) => s.date)).to.deep.equal([
      '2026-03-09T10:30:00+08:00',
      undefined,
      undefined,
    ]);
    expect(items).to.have.length(3);
  });

  it('agrees with Date for every RFC 1123 date (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = parseRfc822(d.toUTCString());
          expect(Date.parse(iso ?? '')).to.equal(Math.floor(d.getTime() / 1000) * 1000);
        },
      ),
    );
  });
});

describe('hostile feeds', () => {
  it('drops javascript:, data: and tab-hidden links', async () => {
    const { items } = readRss(await feed('hostile.xml'));
    expect(items).to.have.length(3);
    for (const story of items) expect(story).not.to.have.property('url');
    expect(items[0].title).not.to.contain('<');
  });

  it('leaves no script, handler or javascript: link once read.ts sanitizes the summary', async () => {
    const { items } = readRss(await feed('hostile.xml'));
    // At this layer the summary is still raw remote HTML...
    expect(items[0].summary).to.contain('<script>');
    for (const story of items) {
      const clean = await sanitizeHtml(story.summary ?? '');
      const doc = new DOMParser().parseFromString(clean, 'text/html');
      expect(doc.querySelectorAll('script, iframe, svg, style')).to.have.length(0);
      for (const el of doc.body.querySelectorAll('*')) {
        for (const attr of el.attributes) expect(attr.name).not.to.match(/^on/i);
      }
      for (const a of doc.querySelectorAll('a')) {
        expect(a.getAttribute('href') ?? '').not.to.match(/^\s*javascript:/i);
      }
      expect(clean.toLowerCase()).not.to.contain('javascript:');
      expect(clean).not.to.contain('onerror');
    }
    const first = new DOMParser().parseFromString(
      await sanitizeHtml(items[0].summary ?? ''),
      'text/html',
    );
    expect([...first.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))).to.deep.equal(
      ['https://ok.example.org/'],
    );
    expect(first.body.textContent).to.contain('Hello');
  });
});

describe('feed readers are total (fast-check)', () => {
  const xmlish = fc
    .array(
      fc.constantFrom(
        '<?xml version="1.0"?>',
        '<rss version="2.0">',
        '</rss>',
        '<channel>',
        '</channel>',
        '<item>',
        '</item>',
        '<title>',
        '</title>',
        '<link>',
        '</link>',
        '<description>',
        '</description>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '</feed>',
        '<entry>',
        '</entry>',
        '<content type="xhtml">',
        '</content>',
        '<summary type="html">',
        '</summary>',
        '<enclosure url="a.jpg" type="image/jpeg"/>',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '</rdf:RDF>',
        '<media:content xmlns:media="http://search.yahoo.com/mrss/" url="x" width="-1"/>',
        '<![CDATA[<img src=x onerror=alert(1)>]]>',
        '&nbsp;',
        '&amp;',
        '&#0;',
        'javascript:alert(1)',
        '/rel',
        'x',
        ' ',
        '中文',
        '{"version":"https://jsonfeed.org/version/1.1","items":',
        '[',
        ']',
        '}',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('never throws anything but DandelionError on arbitrary text', () => {
    const readers = [readFeed, readRss, readAtom, readJsonFeed];
    const text = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      xmlish,
      fc.json({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(text, (value) =>
        onlyDandelionErrors(...readers.map((read) => () => read(value))),
      ),
    );
  });

  it('never throws anything but DandelionError on arbitrary JSON Feed-shaped values', () => {
    const item = fc.dictionary(
      fc.constantFrom(
        'id',
        'url',
        'external_url',
        'title',
        'summary',
        'content_html',
        'content_text',
        'image',
        'banner_image',
        'date_published',
        'authors',
        'author',
        'tags',
      ),
      small.anything(),
    );
    const jsonFeedShaped = fc.record({
      version: fc.constant('https://jsonfeed.org/version/1.1'),
      items: fc.array(fc.oneof(item, small.anything()), { maxLength: 5 }),
      authors: small.anything(),
    });
    fc.assert(
      fc.property(fc.oneof(small.anything(), jsonFeedShaped), (doc) =>
        onlyDandelionErrors(
          () => readJsonFeed(doc),
          () => readFeed(doc),
        ),
      ),
    );
  });

  const xmlChars = /^[\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
  const safeTitle = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .filter((s) => xmlChars.test(s) && !/[<&]/.test(s) && s.trim() !== '');

  it('round-trips safe titles and absolute links written into an RSS item', () => {
    fc.assert(
      fc.property(safeTitle, small.webUrl(), (title, link) => {
        const [story] = readRss(
          rss(`<item><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link></item>`),
        ).items;
        expect(story.title).to.equal(title.trim());
        expect(story.url).to.equal(new URL(link).href);
      }),
    );
  });

  it('resolves relative links of an RSS item against the channel link', () => {
    const base = 'https://inline.example.org/news/';
    fc.assert(
      fc.property(
        small.webPath().filter((p) => p.trim() !== '' && URL.canParse(p, base)),
        (path) => {
          const [story] = readRss(
            rss(`<item><title>t</title><link>${escapeXml(path)}</link></item>`),
          ).items;
          expect(story.url).to.equal(new URL(path, base).href);
          expect(story.url).to.match(/^https:\/\//);
        },
      ),
    );
  });

  it('decodes titles exactly like htmlToText without a DOM parse per title', () => {
    const piece = fc.constantFrom(
      'a',
      ' ',
      '\n',
      '&',
      'amp;',
      '#38;',
      '#x26;',
      'nbsp;',
      'hellip;',
      'copy',
      ';',
      '#',
      'x',
      '1',
      '中',
      'ع',
      '&lt;',
      '&#8217;',
      '&#150;',
      '&AMP;',
      '&eacute;',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
        (value) => {
          expect(plainText(value)).to.equal(htmlToText(value));
        },
      ),
    );
  });

  it('reads the other readers\u2019 input without confusing formats', () => {
    // A WordPress array is not a JSON Feed, a JSON Feed is not a WordPress array.
    expectKind(() => readJsonFeed('[{"title":{"rendered":"x"}}]'), 'format');
    expectKind(
      () => readWordPress({ version: 'https://jsonfeed.org/version/1.1', items: [] }),
      'format',
    );
  });
});

describe('a long RSS feed', () => {
  // Its speed (10,000 items, next to the XML parse) is measured in bench/readers.bench.ts.
  it('reads every item of a generated feed: entities, relative links, media images', () => {
    const items = rssItems(20);
    const result = readRss(rss(items));
    expect(result.items).to.have.length(20);
    expect(result.items[1].image?.src).to.equal('https://cdn.example.org/1.jpg');
    expect(result.items[3].title).to.equal('第 3 条 \u201c动态\u201d');
  });
});
