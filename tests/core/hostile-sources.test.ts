import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { sanitizeHtml } from '../../src/core/sanitize.js';
import { fetchPages, followableNext, type Page } from '../../src/core/data/fetch-pages.js';
import { clearRequestCache } from '../../src/core/data/request-cache.js';
import '../../src/story-carousel/index.js';
import '../../src/event-calendar/index.js';
import { fakeClock, mount, parts, text, until } from '../support/index.js';

const pages = '/tests/fixtures/pages/';

/** Runs `work` with console.warn recorded (and silenced); returns the warnings. */
async function warningsOf(work: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await work();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('pagination follows only links on the origin of src', () => {
  beforeEach(() => clearRequestCache());

  for (const [file, why] of [
    ['first-offsite.json', 'another origin'],
    ['first-javascript.json', 'a javascript: link'],
    ['first-data.json', 'a data: link'],
    ['first-broken.json', 'a link that is not a URL'],
  ]) {
    it(`keeps the first page and warns for ${why}`, async () => {
      let read: Page[] = [];
      const warnings = await warningsOf(async () => {
        read = await fetchPages(new URL(pages + file, location.href).href);
      });
      expect(read).to.have.length(1);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/next page/);
    });
  }

  it('follows a next link on the same origin', async () => {
    const read = await fetchPages(new URL(`${pages}first-same.json`, location.href).href);
    expect(read.map((p) => new URL(p.url).pathname)).to.deep.equal([
      `${pages}first-same.json`,
      `${pages}second.json`,
    ]);
  });

  it('follows another origin only when the site lists it in page-origins', () => {
    const page = {
      url: 'https://data.example.org/a.json',
      json: { items: [], next: 'https://api.example.org/b.json' },
      headers: new Headers(),
    } as unknown as Page;
    const first = 'https://data.example.org/a.json';
    expect(followableNext(page, first, ['https://api.example.org'])).to.equal(
      'https://api.example.org/b.json',
    );
    expect(followableNext(page, first, ['https://api.example.org/some/path'])).to.equal(
      'https://api.example.org/b.json',
    );
  });

  it('shows the stories of the good first page in the widget', async () => {
    let shown: string[] = [];
    await warningsOf(async () => {
      const { el, events } = await mount(
        html`<story-carousel src=${`${pages}first-offsite.json`} lang="zh-Hans"></story-carousel>`,
      );
      expect((await events.loaded()).items).to.have.length(1);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      shown = parts(el, 'slide').map((slide) => text(slide));
      expect(events.of('dandelion-error')).to.have.length(0);
    });
    expect(shown).to.have.length(1);
    expect(shown[0]).to.contain('第 first-offsite 条');
  });
});

describe('refresh', () => {
  let restore: (() => void)[] = [];
  afterEach(() => {
    for (const undo of restore.reverse()) undo();
    restore = [];
    clearRequestCache();
  });

  /** Records, for every fetch the page makes, whether the page was visible at that moment. */
  function watchFetches(): string[] {
    const seen: string[] = [];
    const original = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>) => {
      seen.push(document.visibilityState);
      return original(...args);
    };
    restore.push(() => (window.fetch = original));
    return seen;
  }

  function setVisibility(state: DocumentVisibilityState): void {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    restore.push(() => delete (document as { visibilityState?: unknown }).visibilityState);
    document.dispatchEvent(new Event('visibilitychange'));
  }

  it('reloads no more often than every 30 seconds, and says so', async () => {
    const clock = fakeClock();
    restore.push(() => clock.uninstall());
    const fetches = watchFetches();
    const warnings = await warningsOf(async () => {
      const { events } = await mount(
        html`<story-carousel src=${`${pages}second.json`} refresh="0.001"></story-carousel>`,
      );
      await events.loaded();
      // The reloads' code is a chunk loaded after the first load that asks for them.
      await until(() => clock.countTimers() > 0, 'the next reload scheduled');
      await clock.tickAsync(29_999);
      expect(fetches, 'no reload before 30 s').to.have.length(1);
      await clock.tickAsync(1);
      await events.loaded();
      expect(fetches).to.have.length(2);
    });
    expect(warnings.filter((w) => /refresh="0\.001"/.test(w))).to.have.length(1);
  });

  it('waits while the page is hidden and reloads once it is shown again', async () => {
    const clock = fakeClock();
    restore.push(() => clock.uninstall());
    const fetches = watchFetches();
    const { events } = await mount(
      html`<story-carousel src=${`${pages}second.json`} refresh="60"></story-carousel>`,
    );
    await events.loaded();
    await until(() => clock.countTimers() > 0, 'the next reload scheduled');
    setVisibility('hidden');
    await clock.tickAsync(10 * 60_000);
    setVisibility('visible');
    await events.loaded();
    expect(fetches).to.deep.equal(['visible', 'visible']);
  });
});

describe('a source where no record can be used', () => {
  for (const [what, data] of [
    ['lists nested 100,000 deep', () => JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
    [
      'objects nested 100,000 deep',
      () => JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
    ],
  ] as const) {
    it(`is an error, not an empty list: ${what}`, async () => {
      await warningsOf(async () => {
        const { el, events } = await mount(
          html`<story-carousel lang="zh-Hans" .data=${data()}></story-carousel>`,
        );
        const error = await events.failed();
        expect(error.kind).to.equal('format');
        expect(events.of('dandelion-load')).to.have.length(0);
        await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        expect(
          parts(el, 'status')
            .map((s) => text(s))
            .join(' '),
        ).to.not.equal('');
        expect(parts(el, 'slide')).to.have.length(0);
      });
    });
  }

  it('is an error, not an empty calendar: 120 activities without a date', async () => {
    const data = Array.from({ length: 120 }, (_, i) => ({ id: i, title: `活动 ${i}` }));
    await warningsOf(async () => {
      const { events } = await mount(
        html`<event-calendar lang="zh-Hans" date="2026-11-16" .data=${data}></event-calendar>`,
      );
      expect((await events.failed()).kind).to.equal('format');
    });
  });

  it('still shows the usable records when only some are broken', async () => {
    const data = [
      { id: 1, title: '没有日期' },
      { id: 2, title: '亲子阅读', start: '2026-11-17T10:00:00+08:00' },
    ];
    await warningsOf(async () => {
      const { events } = await mount(
        html`<event-calendar date="2026-11-16" .data=${data}></event-calendar>`,
      );
      expect((await events.loaded()).items).to.have.length(1);
    });
  });
});

describe('images inside feed HTML', () => {
  const tracker = 'https://tracker.example.net/pixel.gif';
  const local = '/tests/fixtures/carousel/photo-1.svg';
  const html1 = `<p>故事<img src="${tracker}" alt="像素"><img src="${local}" alt="照片"></p>`;

  function sources(html: string): (string | null)[] {
    const template = document.createElement('template');
    template.innerHTML = html;
    return [...template.content.querySelectorAll('img')].map((img) => img.getAttribute('src'));
  }

  it('load only from the page and the source, unless the site lists more hosts', async () => {
    expect(sources(await sanitizeHtml(html1))).to.deep.equal([null, local]);
    expect(
      sources(await sanitizeHtml(html1, { baseUrl: 'https://tracker.example.net/feed.xml' })),
    ).to.deep.equal([tracker, local]);
    expect(
      sources(await sanitizeHtml(html1, { imageOrigins: ['https://tracker.example.net'] })),
    ).to.deep.equal([tracker, local]);
    expect(sources(await sanitizeHtml(html1, { imageOrigins: ['*'] }))).to.deep.equal([
      tracker,
      local,
    ]);
  });

  it('keep the alt text of a refused image on the slide, and follow image-origins', async () => {
    const story = [{ id: 's', title: '示例故事', summary: html1 }];
    for (const [origins, expected] of [
      [undefined, [null, local]],
      ['https://tracker.example.net', [tracker, local]],
    ] as const) {
      const { el, events } = await mount(
        html`<story-carousel image-origins=${origins ?? nothing} .data=${story}></story-carousel>`,
      );
      await events.loaded();
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const images = parts(el, 'slide').flatMap((slide) => [...slide.querySelectorAll('img')]);
      const inSummary = images.filter((img) => img.alt === '像素' || img.alt === '照片');
      expect(inSummary.map((img) => img.getAttribute('src'))).to.deep.equal(expected);
      el.remove();
    }
  });

  it('do not become a story’s photo from another host unless allowed', async () => {
    for (const [origins, expected] of [
      [undefined, false],
      ['https://hostile.example.org', true],
    ] as const) {
      const { el, events } = await mount(
        html`<story-carousel
          src="/tests/fixtures/feed/hostile.xml"
          image-origins=${origins ?? nothing}
        ></story-carousel>`,
      );
      const { items } = await events.loaded<{ image?: { src: string } }>();
      const photos = items.map((story) => story.image?.src).filter(Boolean);
      expect(photos.includes('https://hostile.example.org/x.png'), String(origins)).to.equal(
        expected,
      );
      el.remove();
    }
  });
});
