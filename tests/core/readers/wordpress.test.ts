import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readWordPress, wordPressTotalPages } from '../../../src/core/readers/wordpress.js';
import { sanitizeHtml } from '../../../src/core/sanitize.js';
import { expectKind, fixture, loadBefore, nothingRead, thrown } from '../../support/readers.js';
import { onlyDandelionErrors, small } from '../../support/properties.js';

const wordpress = (name: string) => fixture.json(`wordpress/${name}`);

const errorDoc = {
  code: 'rest_no_route',
  message: 'No route was found matching the URL and request method.',
  data: { status: 404 },
};

const uploads = 'https://wp.example.org/wp-content/uploads/2026/03/';

describe('readWordPress (wp/v2/posts?_embed)', () => {
  const embedded = loadBefore(() => wordpress('posts-embed.json'));

  it('maps an embedded post: rendered title, excerpt, GMT date, featured image with srcset, author, terms', () => {
    const { items, skipped } = readWordPress(embedded());
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

  it('ignores embedded error objects (hidden author or media) and strips the "Continue reading" link', () => {
    const [, second] = readWordPress(embedded()).items;
    expect(second).not.to.have.property('image');
    expect(second).not.to.have.property('author');
    expect(second.tags).to.deep.equal(['儿童']);
    expect(second.summary).to.equal('<p>周六上午开放。</p>');
  });

  it('keeps RTL titles intact, uses the site date without date_gmt, and an empty alt when the media has none', () => {
    const [, , third] = readWordPress(embedded()).items;
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
    const { items, skipped, warnings } = readWordPress(await wordpress('posts-no-embed.json'));
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
    const text = await fixture.text('wordpress/posts-embed.json');
    expect(readWordPress(text)).to.deep.equal(readWordPress(JSON.parse(text)));
  });

  it('reads an empty page as zero stories', () => {
    expect(readWordPress([])).to.deep.equal(nothingRead);
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
    const doc = await wordpress('error-no-route.json');
    const error = thrown(() => readWordPress(doc));
    expect(error.kind).to.equal('format');
    expect(error.message).to.equal('No route was found matching the URL and request method.');
  });

  it('rejects documents that are not a posts array', () => {
    expectKind(() => readWordPress({ posts: [] }), 'format');
    expectKind(() => readWordPress([{ name: 'x' }, 3]), 'format');
    expectKind(() => readWordPress('"just a string"'), 'format');
    expectKind(() => readWordPress(null), 'format');
    expectKind(() => readWordPress('[{"title": '), 'parse');
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
        id: small.anything(),
        title: fc.oneof(fc.record({ rendered: small.anything() }), small.anything()),
        excerpt: fc.oneof(fc.record({ rendered: fc.string({ maxLength: 60 }) }), small.anything()),
        link: fc.oneof(small.webUrl(), small.anything()),
        date_gmt: fc.oneof(fc.string({ maxLength: 30 }), small.anything()),
        _embedded: fc.oneof(
          fc.record({
            author: small.anything(),
            'wp:featuredmedia': fc.array(
              fc.record({
                source_url: small.anything(),
                alt_text: small.anything(),
                media_details: small.anything(),
              }),
              { maxLength: 3 },
            ),
            'wp:term': small.anything(),
          }),
          small.anything(),
        ),
      },
      { requiredKeys: [] },
    );
    const doc = fc.oneof(
      fc.array(fc.oneof(post, small.anything()), { maxLength: 5 }),
      small.anything(),
      fc.string({ maxLength: 60 }),
      fc.json({ maxDepth: 3 }),
    );
    fc.assert(fc.property(doc, (value) => onlyDandelionErrors(() => readWordPress(value))));
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

describe('a long WordPress page', () => {
  // Its speed (10,000 posts) is measured in bench/readers.bench.ts.
  it('reads every embedded post of a long list', async () => {
    const [sample] = (await wordpress('posts-embed.json')) as object[];
    const posts = Array.from({ length: 50 }, (_, i) => ({ ...sample, id: i }));
    const { items } = readWordPress(posts);
    expect(items).to.have.length(50);
    expect(items.map((item) => item.id)).to.deep.equal(posts.map((_, i) => String(i)));
    expect(items[49].image?.srcset).to.contain('1600w');
  });
});
