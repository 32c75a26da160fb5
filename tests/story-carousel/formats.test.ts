import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import type { Story } from '../../src/core/models.js';
import { text, until } from '../support/index.js';
import { carouselIn, carouselTemplate, type Carousel } from '../support/carousel.js';

const fixtures = new URL('/tests/fixtures/carousel/', location.href).href;

/** A carousel showing the feed at `src`, and the stories it loaded. */
async function feed(src: string, lang = 'zh-Hans') {
  const shown = await carouselIn(carouselTemplate({ lang, src }));
  const { items } = await shown.events.loaded<Story>();
  await shown.ready();
  return Object.assign(shown, { items });
}

/** Waits until the markup stories have been read (the reader is a chunk loaded on demand). */
const read = (markup: Carousel, count: number) =>
  until(() => markup.slides().length === count, `${count} markup stories as slides`);

describe('story-carousel: data sources end to end', () => {
  it('shows an RSS feed: images, srcset, sanitized summary, unsafe links and missing titles handled', async () => {
    const rss = await feed('/tests/fixtures/carousel/feed.xml', 'en');
    expect(rss.titles()).to.deep.equal([
      '小明在美术小组里找到了自己的声音',
      '妈妈和社工一起为女儿报上了幼儿园',
      '长者食堂开张啦',
      '周末亲子阅读会',
      '',
    ]);
    const [first, second, third, fourth, fifth] = rss.slides();
    expect(first.image!.src).to.equal(`${fixtures}photo-1.svg`);
    expect(first.image!.alt).to.equal('孩子们围坐在桌边画画');
    expect(second.image!.getAttribute('srcset')).to.contain(`${fixtures}photo-2-wide.svg 1600w`);
    expect(first.summary!.querySelector('strong')!.textContent).to.equal('不爱说话');
    expect(rss.el.shadowRoot!.querySelector('script, [onerror]')).to.equal(null);
    expect((window as unknown as { hacked?: boolean }).hacked).to.equal(undefined);
    expect(first.link!.href).to.equal('https://example.org/stories/art-group');
    expect(text(first.time)).to.equal('Nov 3, 2026');
    expect(fourth.link).to.equal(null);
    expect(fifth.heading).to.equal(null);
    expect(text(fifth.summary)).to.contain('向日葵');
    // The 404 image (lazy, so fetched once in view) turns into a placeholder once it has failed.
    rss.el.goToSlide(2);
    await rss.placeholderShown(2);
    expect(third.image).to.equal(null);
    await expect(rss.el).to.be.accessible();
  });

  it('shows an Atom feed, with right-to-left titles running right to left', async () => {
    const atom = await feed('/tests/fixtures/carousel/atom.xml');
    expect(atom.titles()).to.deep.equal([
      '青少年足球队第一次比赛',
      '社区花园的秋天',
      'مەھەللە كۇتۇپخانىسى',
    ]);
    const [first, second, third] = atom.slides();
    expect(first.image!.src).to.equal(`${fixtures}photo-4.svg`);
    expect(first.summary!.querySelector('em')!.textContent).to.equal('赢得了');
    expect(second.hasPlaceholder).to.equal(true);
    expect(third.heading!.matches(':dir(rtl)')).to.equal(true);
    expect(text(first.time)).to.equal('2026年11月5日');
    await expect(atom.el).to.be.accessible();
  });

  it('shows a JSON Feed, dropping its javascript: link', async () => {
    const json = await feed('/tests/fixtures/carousel/feed.json', 'zh-Hant');
    expect(json.items.map((s) => s.id)).to.deep.equal(['jf-1', 'jf-2', 'jf-3']);
    expect(json.titles()).to.deep.equal(['四点半课堂的新伙伴', '热线那头的耐心', '冬衣募集']);
    const [first, , third] = json.slides();
    expect(first.image!.src).to.equal(`${fixtures}photo-1.svg`);
    expect(third.link).to.equal(null);
    expect(text(third.time)).to.equal('2026年10月15日');
    expect(text(first.link)).to.equal('閱讀全文');
    await expect(json.el).to.be.accessible();
  });

  it('shows WordPress posts, following the pagination', async () => {
    const wp = await feed(`/test-api/wp/posts?pages=3&key=carousel-wp-${Date.now()}`);
    expect(wp.titles()).to.deep.equal([
      '故事 1-1',
      '故事 1-2',
      '故事 2-1',
      '故事 2-2',
      '故事 3-1',
      '故事 3-2',
    ]);
    const first = wp.slide(0);
    expect(text(first.summary)).to.equal('摘要 1-1');
    expect(first.link!.href).to.equal('https://example.org/?p=11');
    expect(first.imageBox).to.equal(null);
    await expect(wp.el).to.be.accessible();
  });

  it('shows WordPress posts with their featured image and its sizes as srcset', async () => {
    const wp = await feed('/tests/fixtures/carousel/wp-posts.json', 'en');
    expect(wp.titles()).to.deep.equal(['“四点半课堂”开学了', '家长学堂：和青春期的孩子聊聊天']);
    const img = wp.slide(0).image!;
    expect(img.src).to.equal(`${fixtures}photo-1.svg`);
    expect(img.alt).to.equal('孩子们在桌前写作业');
    expect(img.getAttribute('srcset')).to.equal(
      `${fixtures}photo-2.svg 800w, ${fixtures}photo-1.svg 1600w`,
    );
    expect(wp.slide(1).hasPlaceholder).to.equal(true);
  });

  it('turns the page’s own article markup into slides', async () => {
    const markup = await carouselIn(
      carouselTemplate(
        { lang: 'en' },
        html`<article id="a1">
            <img
              src="/tests/fixtures/carousel/photo-1.svg"
              alt="孩子们在画画"
              width="1600"
              height="900"
              loading="lazy"
            />
            <h3>美术小组的第一次展览</h3>
            <time datetime="2026-11-03">11月3日</time>
            <p>孩子们把自己的画挂在了社区中心。</p>
            <a href="https://example.org/stories/exhibition">阅读全文</a>
          </article>
          <article>
            <h2>没有图片的故事</h2>
            <p>志愿者们整理了图书角。</p>
            <a href="javascript:alert(1)">坏链接</a>
          </article>
          <p slot="empty">暂无</p>`,
      ),
    );
    await read(markup, 2);
    await markup.ready();
    expect(markup.titles()).to.deep.equal(['美术小组的第一次展览', '没有图片的故事']);
    const [first, second] = markup.slides();
    expect(first.image!.src).to.equal(`${fixtures}photo-1.svg`);
    expect(first.image!.alt).to.equal('孩子们在画画');
    expect(first.image!.getAttribute('width')).to.equal('1600');
    expect(text(first.time)).to.equal('Nov 3, 2026');
    expect(first.link!.href).to.equal('https://example.org/stories/exhibition');
    expect(text(second.summary)).to.equal('志愿者们整理了图书角。');
    expect(second.link).to.equal(null);
    expect(second.hasPlaceholder).to.equal(true);
    // The markup itself stays out of view (and out of the accessibility tree).
    expect(markup.el.querySelector('article')!.getBoundingClientRect().height).to.equal(0);
    await expect(markup.el).to.be.accessible();

    const extra = document.createElement('article');
    extra.innerHTML = '<h3>新加的故事 <b>&lt;3</b></h3><p>第三篇</p>';
    markup.el.append(extra);
    await read(markup, 3);
    expect(markup.titles()).to.deep.equal([
      '美术小组的第一次展览',
      '没有图片的故事',
      '新加的故事 <3',
    ]);
    expect(markup.slide(2).heading!.querySelector('b')).to.equal(null);
  });

  it('shows the empty state for markup without stories, and prefers src over markup', async () => {
    const none = await carouselIn(
      html`<story-carousel lang="en"><p slot="empty">暂无故事</p></story-carousel>`,
    );
    expect(none.state()).to.equal('empty');
    expect(none.message).to.equal('暂无故事');
    expect(none.slides()).to.have.length(0);

    const both = await carouselIn(
      carouselTemplate({}, html`<article><h3>标记里的故事</h3></article>`),
    );
    await read(both, 1);
    expect(both.titles()).to.deep.equal(['标记里的故事']);
    await both.load('/tests/fixtures/carousel/atom.xml');
    expect(both.titles()[0]).to.equal('青少年足球队第一次比赛');
  });
});

describe('story-carousel: the demo backend', () => {
  it('shows the demo station’s RSS stories with their illustrations', async () => {
    const demo = await feed('/api/stories.xml', 'en');
    expect(demo.items).to.have.length(6);
    expect(demo.titles()[0]).to.equal('小明在美术小组里找到了自己的声音');
    const img = demo.slide(0).image!;
    expect(img.src).to.equal(new URL('/api/story-images/0-1600.svg', location.href).href);
    expect(img.getAttribute('srcset')).to.contain('0-800.svg 800w');
    expect((await demo.photoLoaded(0)).naturalWidth).to.be.above(0);
  });
});
