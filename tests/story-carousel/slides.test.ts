import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { text, until } from '../support/index.js';
import { carousel, stories } from '../support/carousel.js';
import { uniqueKey } from '../support/network.js';

describe('story-carousel: images', () => {
  it('loads the first view eagerly and every other image lazily', async () => {
    const shown = await carousel(stories(5), { perView: 2 });
    expect(shown.slides().map((s) => s.image!.loading)).to.deep.equal([
      'eager',
      'eager',
      'lazy',
      'lazy',
      'lazy',
    ]);
    expect(shown.slide(0).image!.decoding).to.equal('async');
  });

  it('fetches nothing far off screen while the first story is shown, and a photo once in view', async () => {
    const shown = await carousel(
      stories(4, (i) => ({
        image: {
          src: `/tests/fixtures/carousel/photo-${i + 1}.svg?offscreen=${Date.now()}`,
          alt: '',
        },
      })),
    );
    await shown.photoLoaded(0);
    // The browser decides about all lazy photos in one pass; its neighbour being picked up
    // (within the browser's look-ahead margin) shows that pass has happened.
    await until(() => shown.slide(1).image!.currentSrc, 'the lazy loader to pick the neighbour');
    expect(shown.slide(2).image!.currentSrc).to.equal('');
    expect(shown.slide(3).image!.currentSrc).to.equal('');
    // Brought into view, a photo is fetched after all.
    await shown.afterScroll(() => shown.el.goToSlide(2));
    expect((await shown.photoLoaded(2)).naturalWidth).to.be.above(0);
  });

  it('takes alt text, srcset and size from the data, with sizes for the slide width', async () => {
    const shown = await carousel(
      stories(3, (i) =>
        i === 0
          ? {
              image: {
                src: '/tests/fixtures/carousel/photo-2.svg',
                srcset:
                  '/tests/fixtures/carousel/photo-2.svg 800w, /tests/fixtures/carousel/photo-2-wide.svg 1600w',
                alt: '妈妈牵着女儿',
                width: 800,
                height: 450,
              },
            }
          : {},
      ),
      { perView: 2 },
    );
    const [first, second] = shown.slides().map((s) => s.image!);
    expect(first.alt).to.equal('妈妈牵着女儿');
    expect(first.getAttribute('srcset')).to.contain('photo-2-wide.svg 1600w');
    expect(first.getAttribute('sizes')).to.equal('auto, 50vw');
    expect(first.getAttribute('width')).to.equal('800');
    expect(second.hasAttribute('srcset')).to.equal(false);
    expect(second.hasAttribute('sizes')).to.equal(false);
  });

  it('reserves the image box at 16:9 before loading, whatever the image size', async () => {
    const shown = await carousel(
      stories(2, (i) => ({
        // The second image never arrives (held at the test server until the page leaves).
        image: {
          src: i
            ? `/test-api/slow?hold=${uniqueKey('never-image')}`
            : '/tests/fixtures/carousel/huge.svg',
          alt: '',
        },
      })),
    );
    const photo = await shown.photoLoaded(0);
    for (const k of [0, 1]) {
      const box = shown.slide(k).imageBox!.getBoundingClientRect();
      expect(box.height / box.width, `slide ${k}`).to.be.closeTo(9 / 16, 0.01);
    }
    const image = photo.getBoundingClientRect();
    expect(image.width).to.be.closeTo(shown.slide(0).el.getBoundingClientRect().width - 2, 1);
    expect(getComputedStyle(photo).objectFit).to.equal('cover');
  });

  it('shows a placeholder instead of a broken image when an image fails', async () => {
    const shown = await carousel(
      stories(2, (i) =>
        i === 0
          ? { image: { src: '/tests/fixtures/carousel/missing-photo.jpg', alt: '缺失' } }
          : {},
      ),
    );
    await shown.placeholderShown(0);
    expect(shown.slide(0).imageBox!.getBoundingClientRect().height).to.be.above(100);
    expect(shown.slide(1).image).to.not.equal(null);
  });

  it('gives stories without an image the placeholder, and image-less feeds no image box at all', async () => {
    const mixed = await carousel(stories(2, (i) => (i === 1 ? { image: undefined } : {})));
    expect(mixed.slide(1).hasPlaceholder).to.equal(true);
    const none = await carousel(stories(2, () => ({ image: undefined })));
    expect(none.slides().map((s) => s.imageBox)).to.deep.equal([null, null]);
  });

  it('drops image URLs that are not http(s)', async () => {
    const shown = await carousel(
      stories(2, (i) => (i === 0 ? { image: { src: 'javascript:alert(1)', alt: '' } } : {})),
    );
    expect(shown.slide(0).image).to.equal(null);
    expect(shown.el.shadowRoot!.innerHTML).not.to.contain('javascript:');
  });
});

describe('story-carousel: text, links and dates', () => {
  it('renders titles and other fields as text, never as markup', async () => {
    const shown = await carousel(
      stories(2, (i) =>
        i === 0 ? { title: '<img src=x onerror="window.titleHacked=1">小明 & <b>朋友</b>' } : {},
      ),
    );
    const title = shown.slide(0).heading!;
    expect(title.querySelector('img, b')).to.equal(null);
    expect(title.textContent).to.contain('小明 &');
    // No element came out of the text, so nothing can run an onerror later either.
    expect(shown.el.shadowRoot!.querySelector('img[src="x"], [onerror]')).to.equal(null);
    expect((window as unknown as { titleHacked?: number }).titleHacked).to.equal(undefined);
  });

  it('renders the sanitized summary HTML, without scripts or event handlers', async () => {
    const shown = await carousel(
      stories(2, (i) =>
        i === 0
          ? {
              summary:
                '<p>他<strong>第一次</strong>讲了自己的画。</p><script>window.sumHacked=1</script><a href="javascript:alert(1)" onclick="x()">链接</a>',
            }
          : {},
      ),
    );
    const summary = shown.slide(0).summary!;
    expect(summary.querySelector('strong')!.textContent).to.equal('第一次');
    expect(summary.querySelector('script')).to.equal(null);
    expect(summary.innerHTML).not.to.contain('javascript:');
    expect(summary.innerHTML).not.to.contain('onclick');
    expect((window as unknown as { sumHacked?: number }).sumHacked).to.equal(undefined);
  });

  it('shows a "read more" link only for safe URLs', async () => {
    const shown = await carousel(
      stories(3, (i) => ({
        url: ['https://example.org/a', 'javascript:alert(1)', 'data:text/html,x'][i],
      })),
      { lang: 'en' },
    );
    const first = shown.slide(0);
    expect(first.link!.href).to.equal('https://example.org/a');
    expect(text(first.link)).to.equal('Read more');
    // The link is described by its story's title.
    const describedBy = first.link!.getAttribute('aria-describedby')!;
    expect(shown.el.shadowRoot!.getElementById(describedBy)).to.equal(first.heading);
    expect(first.title).to.equal('故事 1');
    expect(shown.slide(1).link).to.equal(null);
    expect(shown.slide(2).link).to.equal(null);
  });

  it('fires dandelion-select with the story when its link is opened', async () => {
    const shown = await carousel(stories(3));
    await shown.next();
    await shown.openStory(1);
    const event = await shown.events.next<{ item: { id: string } }>('dandelion-select');
    expect(event.detail.item).to.include({ id: 's2', title: '故事 2' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('formats dates with Intl in the UI language, date-only values on their own day', async () => {
    const data = stories(2, (i) => ({ date: ['2026-11-03', '2026-11-05T09:30:00+08:00'][i] }));
    const en = await carousel(data, { lang: 'en' });
    const time = en.slide(0).time!;
    expect(time.getAttribute('datetime')).to.equal('2026-11-03');
    expect(text(time)).to.equal('Nov 3, 2026');
    const zh = await carousel(data, { lang: 'zh-Hans' });
    expect(text(zh.slide(0).time)).to.equal('2026年11月3日');
    const hant = await carousel(data, { lang: 'zh-Hant' });
    expect(text(hant.slide(0).time)).to.equal('2026年11月3日');
    expect(hant.slide(1).time!.getAttribute('datetime')).to.contain('2026-11-0');
  });

  it('builds no slide again when the current story changes, and every slide again for a new language', async () => {
    const shown = await carousel(stories(4), { lang: 'en' });
    // `format` is a getter that gives the formatter's bound function: count its calls.
    const proto = Intl.DateTimeFormat.prototype;
    const own = Object.getOwnPropertyDescriptor(proto, 'format')!;
    let formatted = 0;
    Object.defineProperty(proto, 'format', {
      ...own,
      get(this: Intl.DateTimeFormat) {
        const format = own.get!.call(this) as (date?: Date | number) => string;
        return (date?: Date | number) => (formatted++, format(date));
      },
    });
    try {
      await shown.next();
      await shown.pick(3);
      expect(formatted, 'dates formatted while moving').to.equal(0);
      expect(text(shown.slide(0).time)).to.equal('Nov 1, 2026');
      shown.el.lang = 'zh-Hans';
      await until(() => text(shown.slide(0).time) === '2026年11月1日', 'the dates in Chinese');
      expect(formatted).to.equal(4);
      expect(text(shown.slide(3).time)).to.equal('2026年11月4日');
    } finally {
      Object.defineProperty(proto, 'format', own);
    }
  });

  it('omits what a story does not have (title, date, summary, link)', async () => {
    const shown = await carousel(
      [
        { id: 'bare', summary: '只有摘要的故事。' },
        { id: 'two', title: '第二个' },
      ],
      { lang: 'en' },
    );
    const first = shown.slide(0);
    expect([first.heading, first.time, first.link]).to.deep.equal([null, null, null]);
    expect(text(first.summary)).to.equal('只有摘要的故事。');
    // Without a title the panel is still named, by its tab ("Story 1").
    expect(first.el.getAttribute('aria-labelledby')).to.equal(shown.tabs()[0].id);
    await expect(shown.el).to.be.accessible();
  });

  it('wraps long unbroken text inside the slide', async () => {
    const shown = await carousel(
      stories(2, () => ({
        title: `https://example.org/${'a'.repeat(200)}`,
        summary: '长'.repeat(300),
      })),
    );
    const slide = shown.slide(0);
    expect(slide.el.scrollWidth).to.be.at.most(slide.el.clientWidth);
    expect(slide.clamped).to.equal(true);
    expect(slide.summary!.getBoundingClientRect().height).to.be.below(200);
  });

  it('does not clamp the summary of a story that has no link to the rest', async () => {
    const shown = await carousel(stories(2, () => ({ summary: '长'.repeat(600), url: undefined })));
    expect(shown.slide(0).clamped).to.equal(false);
  });

  it('lets right-to-left story text run right to left', async () => {
    const shown = await carousel(
      stories(2, (i) =>
        i === 0 ? { title: 'مەھەللە كۇتۇپخانىسى', summary: 'بالىلار ئۈچۈن يېڭى كىتابلار' } : {},
      ),
    );
    expect(shown.slide(0).heading!.matches(':dir(rtl)')).to.equal(true);
    expect(shown.slide(0).summary!.matches(':dir(rtl)')).to.equal(true);
    expect(shown.slide(1).heading!.matches(':dir(ltr)')).to.equal(true);
  });
});

describe('story-carousel: overlay', () => {
  it('puts the text over the bottom of the image on a dark gradient', async () => {
    const shown = await carousel(stories(3), { overlay: true, lang: 'en' });
    const slide = shown.slide(0);
    const media = slide.imageBox!.getBoundingClientRect();
    const box = slide.textBox.getBoundingClientRect();
    expect(box.bottom).to.be.closeTo(media.bottom, 1);
    expect(box.top).to.be.above(media.top);
    // Painted above the image (the image box is positioned, so the text must be too).
    const [x, y] = [box.left + 20, box.bottom - 20];
    expect(slide.textBox.contains(shown.el.shadowRoot!.elementFromPoint(x, y))).to.equal(true);
    const style = getComputedStyle(slide.textBox);
    expect(style.color).to.equal('rgb(255, 255, 255)');
    expect(style.backgroundImage).to.contain('rgba(0, 0, 0, 0.8)');
    expect(style.backgroundImage).to.contain('rgba(0, 0, 0, 0.62)');
    await expect(shown.el).to.be.accessible();
  });

  it('grows the slide instead of cutting text that does not fit over the image', async () => {
    const shown = await carousel(
      stories(2, () => ({ summary: '很长的摘要。'.repeat(80), url: undefined })),
      { overlay: true },
    );
    const slide = shown.slide(0);
    const textBox = slide.textBox.getBoundingClientRect();
    expect(slide.el.getBoundingClientRect().height).to.be.at.least(textBox.height);
    expect(slide.el.scrollHeight).to.be.at.most(slide.el.clientHeight + 1);
  });
});
