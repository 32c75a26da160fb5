import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DandelionError } from '../../../src/core/errors.js';
import { readWordPress, wordPressTotalPages } from '../../../src/core/readers/wordpress.js';
import { sanitizeHtml } from '../../../src/core/sanitize.js';

const fixture = async (name: string) =>
  (await (await fetch(`/tests/fixtures/wordpress/${name}`)).json()) as unknown;

function thrown(fn: () => unknown): DandelionError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(DandelionError);
    return error as DandelionError;
  }
  throw new Error('expected a DandelionError, nothing was thrown');
}

const errorDoc = {
  code: 'rest_no_route',
  message: 'No route was found matching the URL and request method.',
  data: { status: 404 },
};

const uploads = 'https://wp.example.org/wp-content/uploads/2026/03/';

describe('readWordPress (wp/v2/posts?_embed)', () => {
  it('maps an embedded post: rendered title, excerpt, GMT date, featured image with srcset, author, terms', async () => {
    const { items, skipped } = readWordPress(await fixture('posts-embed.json'));
    expect(skipped).to.equal(0);
    expect(items[0]).to.deep.equal({
      id: '1207',
      title: '\u201c长者助餐点\u201d开放 & 志愿者招募',
      summary: '<p>本周起，某某街道长者助餐点每天中午开放。&hellip;</p>',
      url: 'https://wp.example.org/2026/03/09/meal-point/',
      date: '2026-03-09T02:30:00Z',
      author: '示例作者甲',
      tags: ['长者服务', '志愿者 & 义工'],
      image: {
        src: `${uploads}meal-point-photo.jpg`,
        alt: '长者在助餐点用午餐',
        width: 1600,
        height: 1067,
        srcset: [
          `${uploads}meal-point-photo-150x150.jpg 150w`,
          `${uploads}meal-point-photo-300x200.jpg 300w`,
          `${uploads}meal-point-photo-768x512.jpg 768w`,
          `${uploads}meal-point-photo-1024x683.jpg 1024w`,
          `${uploads}meal-point-photo.jpg 1600w`,
        ].join(', '),
      },
    });
  });

  it('ignores embedded error objects (hidden author or media) and strips the "Continue reading" link', async () => {
    const second = readWordPress(await fixture('posts-embed.json')).items[1];
    expect(second).not.to.have.property('image');
    expect(second).not.to.have.property('author');
    expect(second.tags).to.deep.equal(['儿童']);
    expect(second.summary).to.equal('<p>周六上午开放。</p>');
  });

  it('keeps RTL titles intact, uses the site date without date_gmt, and an empty alt when the media has none', async () => {
    const third = readWordPress(await fixture('posts-embed.json')).items[2];
    expect(third.title).to.equal('مرحبا بالجميع — שלום לכולם');
    expect(third.date).to.equal('2026-03-05T18:00:00');
    expect(third.image).to.deep.equal({
      src: `${uploads}rtl.png`,
      alt: '',
      width: 640,
      height: 480,
    });
    expect(third.author).to.equal('示例作者乙');
  });

  it('reads posts without _embed (no image, no author, no tags) and skips empty ones', async () => {
    const { items, skipped, warnings } = readWordPress(await fixture('posts-no-embed.json'));
    expect(items).to.deep.equal([
      {
        id: '88',
        title: '没有 _embed 的文章',
        summary: '<p>摘要。</p>',
        url: 'https://wp.example.org/2026/02/01/no-embed/',
        date: '2026-02-01T00:00:00Z',
        tags: [],
      },
    ]);
    expect(skipped).to.equal(1);
    expect(warnings).to.deep.equal(['WordPress post 2: no title or summary']);
  });

  it('accepts the response text as well as the parsed array', async () => {
    const text = await (await fetch('/tests/fixtures/wordpress/posts-embed.json')).text();
    expect(readWordPress(text)).to.deep.equal(readWordPress(JSON.parse(text)));
  });

  it('reads an empty page as zero stories', () => {
    expect(readWordPress([])).to.deep.equal({ items: [], skipped: 0, warnings: [] });
  });

  it('falls back to the content when there is no excerpt, and drops unsafe links', () => {
    const { items } = readWordPress([
      {
        id: 1,
        title: { rendered: 'x' },
        content: { rendered: '<p>正文</p>' },
        link: 'javascript:alert(1)',
      },
    ]);
    expect(items[0].summary).to.equal('<p>正文</p>');
    expect(items[0]).not.to.have.property('url');
  });

  it('ends the core "[…]" excerpt with an ellipsis', () => {
    const excerpt = (rendered: string) =>
      readWordPress([{ id: 1, title: { rendered: 't' }, excerpt: { rendered } }]).items[0].summary;
    expect(excerpt('<p>Some text [&hellip;]</p>\n')).to.equal('<p>Some text&hellip;</p>');
    expect(excerpt('<p>Some text [&#8230;]</p>')).to.equal('<p>Some text&hellip;</p>');
    expect(excerpt('<p>Keep [&hellip;] inside the text.</p>')).to.equal(
      '<p>Keep [&hellip;] inside the text.</p>',
    );
    expect(
      excerpt(
        '<p>Text</p><p class="link-more"><a href="https://wp.example.org/p/" class="more-link">继续阅读</a></p>',
      ),
    ).to.equal('<p>Text</p>');
  });

  it('uses the media size widths for srcset only when there are at least two', () => {
    const post = (sizes: unknown) => ({
      id: 1,
      title: { rendered: 't' },
      _embedded: {
        'wp:featuredmedia': [
          {
            source_url: 'https://wp.example.org/a.jpg',
            media_type: 'image',
            media_details: { width: 800, sizes },
          },
        ],
      },
    });
    expect(readWordPress([post({})]).items[0].image).to.deep.equal({
      src: 'https://wp.example.org/a.jpg',
      alt: '',
      width: 800,
    });
    expect(
      readWordPress([post({ medium: { source_url: '/a-300.jpg', width: 300 } })], {
        baseUrl: 'https://wp.example.org/wp-json/wp/v2/posts',
      }).items[0].image?.srcset,
    ).to.equal('https://wp.example.org/a-300.jpg 300w, https://wp.example.org/a.jpg 800w');
  });

  it('ignores featured media that is not an image', () => {
    const { items } = readWordPress([
      {
        id: 2,
        title: { rendered: 'video' },
        _embedded: {
          'wp:featuredmedia': [
            {
              source_url: 'https://wp.example.org/v.mp4',
              media_type: 'file',
              mime_type: 'video/mp4',
            },
          ],
        },
      },
    ]);
    expect(items[0]).not.to.have.property('image');
  });

  it('leaves no script or javascript: link once read.ts sanitizes the excerpt', async () => {
    const { items } = readWordPress([
      {
        id: 3,
        title: { rendered: '<script>alert(1)</script>Title' },
        excerpt: {
          rendered:
            '<p onclick="x()">Hi<script>alert(2)</script><a href="javascript:alert(3)">x</a></p>',
        },
      },
    ]);
    expect(items[0].title).not.to.contain('<');
    const clean = await sanitizeHtml(items[0].summary ?? '');
    expect(clean).not.to.match(/script|onclick|javascript:/i);
    expect(clean).to.contain('Hi');
  });
});

describe('readWordPress errors', () => {
  it('turns a WordPress error object into a format error with its message', async () => {
    const doc = await fixture('error-no-route.json');
    const error = thrown(() => readWordPress(doc));
    expect(error.kind).to.equal('format');
    expect(error.message).to.equal('No route was found matching the URL and request method.');
  });

  it('rejects documents that are not a posts array', () => {
    expect(thrown(() => readWordPress({ posts: [] })).kind).to.equal('format');
    expect(thrown(() => readWordPress([{ name: 'x' }, 3])).kind).to.equal('format');
    expect(thrown(() => readWordPress('"just a string"')).kind).to.equal('format');
    expect(thrown(() => readWordPress(null)).kind).to.equal('format');
    expect(thrown(() => readWordPress('[{"title": ')).kind).to.equal('parse');
  });

  it('unwraps an _envelope response', () => {
    const { items } = readWordPress({
      status: 200,
      headers: {},
      body: [{ id: 9, title: { rendered: '封装' } }],
    });
    expect(items[0].title).to.equal('封装');
    expect(
      thrown(() => readWordPress({ status: 404, headers: {}, body: errorDoc })).message,
    ).to.contain('No route');
  });

  it('never throws anything but DandelionError (fast-check)', () => {
    const post = fc.record(
      {
        id: fc.anything(),
        title: fc.oneof(fc.record({ rendered: fc.anything() }), fc.anything()),
        excerpt: fc.oneof(fc.record({ rendered: fc.string() }), fc.anything()),
        link: fc.oneof(fc.webUrl(), fc.anything()),
        date_gmt: fc.oneof(fc.string(), fc.anything()),
        _embedded: fc.oneof(
          fc.record({
            author: fc.anything(),
            'wp:featuredmedia': fc.array(
              fc.record({
                source_url: fc.anything(),
                alt_text: fc.anything(),
                media_details: fc.anything(),
              }),
            ),
            'wp:term': fc.anything(),
          }),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.array(fc.oneof(post, fc.anything())), fc.anything(), fc.string(), fc.json()),
        (doc) => {
          try {
            readWordPress(doc);
          } catch (error) {
            expect(error).to.be.instanceOf(DandelionError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('wordPressTotalPages', () => {
  it('reads X-WP-TotalPages', () => {
    expect(
      wordPressTotalPages(new Headers({ 'X-WP-TotalPages': '7', 'X-WP-Total': '61' })),
    ).to.equal(7);
    expect(wordPressTotalPages(new Headers({ 'x-wp-totalpages': ' 0 ' }))).to.equal(0);
  });

  it('is undefined when the header is missing or not a number', () => {
    expect(wordPressTotalPages(new Headers())).to.equal(undefined);
    expect(wordPressTotalPages(new Headers({ 'X-WP-TotalPages': 'many' }))).to.equal(undefined);
    expect(wordPressTotalPages(new Headers({ 'X-WP-TotalPages': '-1' }))).to.equal(undefined);
    expect(wordPressTotalPages(new Headers({ 'X-WP-TotalPages': '2.5' }))).to.equal(undefined);
  });
});

describe('readWordPress performance', () => {
  it('reads 10,000 embedded posts', async function () {
    this.timeout(60_000);
    const [sample] = (await fixture('posts-embed.json')) as object[];
    const posts = Array.from({ length: 10_000 }, (_, i) => ({ ...sample, id: i }));
    const t0 = performance.now();
    const { items } = readWordPress(posts);
    const ms = performance.now() - t0;
    expect(items).to.have.length(10_000);
    expect(items[9_999].image?.srcset).to.contain('1600w');
    expect(ms).to.be.below(3000);
  });
});
