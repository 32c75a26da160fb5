import '../support/setup.js';
import { expect, oneEvent } from '@open-wc/testing';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import { $, html, mount, nextButton, settle, slides, stories, text } from './helpers.js';

const img = (el: StoryCarousel, k: number) => slides(el)[k].querySelector('img');
const waitFor = async (check: () => boolean, ms = 3000) => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('story-carousel: images', () => {
  it('loads the first view eagerly and every other image lazily', async () => {
    const el = await mount(html`<story-carousel per-view="2"></story-carousel>`, stories(5));
    expect([0, 1, 2, 3, 4].map((k) => img(el, k)!.loading)).to.deep.equal([
      'eager',
      'eager',
      'lazy',
      'lazy',
      'lazy',
    ]);
    expect(img(el, 0)!.decoding).to.equal('async');
  });

  it('fetches nothing off screen while the first story is shown', async () => {
    const el = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(4, (i) => ({
        image: {
          src: `/tests/fixtures/carousel/photo-${i + 1}.svg?offscreen=${Date.now()}`,
          alt: '',
        },
      })),
    );
    await waitFor(() => img(el, 0)!.complete);
    await new Promise((r) => setTimeout(r, 200));
    const fetched = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('offscreen=') && /photo-[34]/.test(e.name));
    expect(fetched).to.have.length(0);
  });

  it('takes alt text, srcset and size from the data, with sizes for the slide width', async () => {
    const el = await mount(
      html`<story-carousel per-view="2"></story-carousel>`,
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
    );
    const first = img(el, 0)!;
    expect(first.alt).to.equal('妈妈牵着女儿');
    expect(first.getAttribute('srcset')).to.contain('photo-2-wide.svg 1600w');
    expect(first.getAttribute('sizes')).to.equal('auto, 50vw');
    expect(first.getAttribute('width')).to.equal('800');
    expect(img(el, 1)!.hasAttribute('srcset')).to.equal(false);
    expect(img(el, 1)!.hasAttribute('sizes')).to.equal(false);
  });

  it('reserves the image box at 16:9 before loading, whatever the image size', async () => {
    const el = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, (i) => ({
        image: { src: i ? '/test-api/slow?ms=3000' : '/tests/fixtures/carousel/huge.svg', alt: '' },
      })),
    );
    await waitFor(() => img(el, 0)!.complete);
    for (const k of [0, 1]) {
      const box = $(el, `#slide-${k} [part="image"]`)!.getBoundingClientRect();
      expect(box.height / box.width, `slide ${k}`).to.be.closeTo(9 / 16, 0.01);
    }
    const image = img(el, 0)!.getBoundingClientRect();
    expect(image.width).to.be.closeTo(slides(el)[0].getBoundingClientRect().width - 2, 1);
    expect(getComputedStyle(img(el, 0)!).objectFit).to.equal('cover');
  });

  it('shows a placeholder instead of a broken image when an image fails', async () => {
    const el = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, (i) =>
        i === 0
          ? { image: { src: '/tests/fixtures/carousel/missing-photo.jpg', alt: '缺失' } }
          : {},
      ),
    );
    await waitFor(() => !img(el, 0));
    const box = slides(el)[0].querySelector('[part="image"]')!;
    expect(box.querySelector('.placeholder')).to.not.equal(null);
    expect(box.getBoundingClientRect().height).to.be.above(100);
    expect(img(el, 1)).to.not.equal(null);
  });

  it('gives stories without an image the placeholder, and image-less feeds no image box at all', async () => {
    const mixed = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, (i) => (i === 1 ? { image: undefined } : {})),
    );
    expect(slides(mixed)[1].querySelector('.placeholder')).to.not.equal(null);
    const none = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, () => ({ image: undefined })),
    );
    expect(none.shadowRoot!.querySelector('[part="image"]')).to.equal(null);
  });

  it('drops image URLs that are not http(s)', async () => {
    const el = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, (i) => (i === 0 ? { image: { src: 'javascript:alert(1)', alt: '' } } : {})),
    );
    expect(img(el, 0)).to.equal(null);
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
  });
});

describe('story-carousel: text, links and dates', () => {
  it('renders titles and other fields as text, never as markup', async () => {
    const el = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, (i) =>
        i === 0 ? { title: '<img src=x onerror="window.titleHacked=1">小明 & <b>朋友</b>' } : {},
      ),
    );
    const title = slides(el)[0].querySelector('.title')!;
    expect(title.querySelector('img, b')).to.equal(null);
    expect(title.textContent).to.contain('小明 &');
    await new Promise((r) => setTimeout(r, 100));
    expect((window as unknown as { titleHacked?: number }).titleHacked).to.equal(undefined);
  });

  it('renders the sanitized summary HTML, without scripts or event handlers', async () => {
    const el = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, (i) =>
        i === 0
          ? {
              summary:
                '<p>他<strong>第一次</strong>讲了自己的画。</p><script>window.sumHacked=1</script><a href="javascript:alert(1)" onclick="x()">链接</a>',
            }
          : {},
      ),
    );
    const summary = slides(el)[0].querySelector('.summary')!;
    expect(summary.querySelector('strong')!.textContent).to.equal('第一次');
    expect(summary.querySelector('script')).to.equal(null);
    expect(summary.innerHTML).not.to.contain('javascript:');
    expect(summary.innerHTML).not.to.contain('onclick');
    expect((window as unknown as { sumHacked?: number }).sumHacked).to.equal(undefined);
  });

  it('shows a "read more" link only for safe URLs', async () => {
    const el = await mount(
      html`<story-carousel lang="en" per-view="1"></story-carousel>`,
      stories(3, (i) => ({
        url: ['https://example.org/a', 'javascript:alert(1)', 'data:text/html,x'][i],
      })),
    );
    const link = slides(el)[0].querySelector<HTMLAnchorElement>('a.more')!;
    expect(link.href).to.equal('https://example.org/a');
    expect(text(link)).to.equal('Read more');
    expect(link.getAttribute('aria-describedby')).to.equal('title-0');
    expect($(el, '#title-0')!.textContent).to.equal('故事 1');
    expect(slides(el)[1].querySelector('a')).to.equal(null);
    expect(slides(el)[2].querySelector('a')).to.equal(null);
  });

  it('fires dandelion-select with the story when its link is opened', async () => {
    const el = await mount(html`<story-carousel per-view="1"></story-carousel>`, stories(3));
    el.addEventListener('click', (e) => e.preventDefault());
    nextButton(el).click();
    await el.updateComplete;
    const link = slides(el)[1].querySelector<HTMLAnchorElement>('a.more')!;
    setTimeout(() => link.click());
    const event = await oneEvent(el, 'dandelion-select');
    expect(event.detail.item).to.include({ id: 's2', title: '故事 2' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('formats dates with Intl in the UI language, date-only values on their own day', async () => {
    const data = stories(2, (i) => ({ date: ['2026-11-03', '2026-11-05T09:30:00+08:00'][i] }));
    const en = await mount(html`<story-carousel lang="en" per-view="1"></story-carousel>`, data);
    const time = slides(en)[0].querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2026-11-03');
    expect(text(time)).to.equal('Nov 3, 2026');
    const zh = await mount(
      html`<story-carousel lang="zh-Hans" per-view="1"></story-carousel>`,
      data,
    );
    expect(text(slides(zh)[0].querySelector('time'))).to.equal('2026年11月3日');
    const hant = await mount(
      html`<story-carousel lang="zh-Hant" per-view="1"></story-carousel>`,
      data,
    );
    expect(text(slides(hant)[0].querySelector('time'))).to.equal('2026年11月3日');
    expect(slides(hant)[1].querySelector('time')!.getAttribute('datetime')).to.contain('2026-11-0');
  });

  it('omits what a story does not have (title, date, summary, link)', async () => {
    const el = await mount(html`<story-carousel lang="en" per-view="1"></story-carousel>`, [
      { id: 'bare', summary: '只有摘要的故事。' },
      { id: 'two', title: '第二个' },
    ]);
    const first = slides(el)[0];
    expect(first.querySelector('.title, time, a')).to.equal(null);
    expect(text(first.querySelector('.summary'))).to.equal('只有摘要的故事。');
    expect(first.getAttribute('aria-labelledby')).to.equal('tab-0');
    await expect(el).to.be.accessible();
  });

  it('wraps long unbroken text inside the slide', async () => {
    const long = '长'.repeat(300);
    const el = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, () => ({ title: `https://example.org/${'a'.repeat(200)}`, summary: long })),
    );
    const slide = slides(el)[0];
    expect(slide.scrollWidth).to.be.at.most(slide.clientWidth);
    const summary = slide.querySelector<HTMLElement>('.summary')!;
    expect(summary.classList.contains('clamp')).to.equal(true);
    expect(summary.getBoundingClientRect().height).to.be.below(200);
  });

  it('does not clamp the summary of a story that has no link to the rest', async () => {
    const el = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, () => ({ summary: '长'.repeat(600), url: undefined })),
    );
    expect(slides(el)[0].querySelector('.summary')!.classList.contains('clamp')).to.equal(false);
  });

  it('lets right-to-left story text run right to left', async () => {
    const el = await mount(
      html`<story-carousel per-view="1"></story-carousel>`,
      stories(2, (i) =>
        i === 0 ? { title: 'مەھەللە كۇتۇپخانىسى', summary: 'بالىلار ئۈچۈن يېڭى كىتابلار' } : {},
      ),
    );
    expect(slides(el)[0].querySelector('.title')!.matches(':dir(rtl)')).to.equal(true);
    expect(slides(el)[0].querySelector('.summary')!.matches(':dir(rtl)')).to.equal(true);
    expect(slides(el)[1].querySelector('.title')!.matches(':dir(ltr)')).to.equal(true);
  });
});

describe('story-carousel: overlay', () => {
  it('puts the text over the bottom of the image on a dark gradient', async () => {
    const el = await mount(
      html`<story-carousel overlay per-view="1" lang="en"></story-carousel>`,
      stories(3),
    );
    await settle(el);
    const slide = slides(el)[0];
    const media = slide.querySelector('[part="image"]')!.getBoundingClientRect();
    const textBox = slide.querySelector<HTMLElement>('.text')!;
    const box = textBox.getBoundingClientRect();
    expect(box.bottom).to.be.closeTo(media.bottom, 1);
    expect(box.top).to.be.above(media.top);
    // Painted above the image (the image box is positioned, so the text must be too).
    const [x, y] = [box.left + 20, box.bottom - 20];
    expect(textBox.contains(el.shadowRoot!.elementFromPoint(x, y))).to.equal(true);
    const style = getComputedStyle(textBox);
    expect(style.color).to.equal('rgb(255, 255, 255)');
    expect(style.backgroundImage).to.contain('rgba(0, 0, 0, 0.8)');
    expect(style.backgroundImage).to.contain('rgba(0, 0, 0, 0.62)');
    await expect(el).to.be.accessible();
  });

  it('grows the slide instead of cutting text that does not fit over the image', async () => {
    const el = await mount(
      html`<story-carousel overlay per-view="1"></story-carousel>`,
      stories(2, () => ({ summary: '很长的摘要。'.repeat(80), url: undefined })),
    );
    const slide = slides(el)[0];
    const textBox = slide.querySelector('.text')!.getBoundingClientRect();
    expect(slide.getBoundingClientRect().height).to.be.at.least(textBox.height);
    expect(slide.scrollHeight).to.be.at.most(slide.clientHeight + 1);
  });
});
