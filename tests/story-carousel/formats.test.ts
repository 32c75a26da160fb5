import '../support/setup.js';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import type { Story } from '../../src/core/models.js';
import { $, html, settle, slides, text } from './helpers.js';

const fixtures = new URL('/tests/fixtures/carousel/', location.href).href;
const titles = (el: StoryCarousel) => slides(el).map((s) => text(s.querySelector('.title')));

async function load(src: string, lang = 'zh-Hans'): Promise<{ el: StoryCarousel; items: Story[] }> {
  const el = await fixture<StoryCarousel>(
    html`<story-carousel lang=${lang} per-view="1"></story-carousel>`,
  );
  const loaded = oneEvent(el, 'dandelion-load');
  el.src = src;
  const event = await loaded;
  await settle(el);
  return { el, items: event.detail.items as Story[] };
}

const waitFor = async (check: () => boolean) => {
  const end = performance.now() + 3000;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('story-carousel: data sources end to end', () => {
  it('shows an RSS feed: images, srcset, sanitized summary, unsafe links and missing titles handled', async () => {
    const { el } = await load('/tests/fixtures/carousel/feed.xml', 'en');
    expect(titles(el)).to.deep.equal([
      '小明在美术小组里找到了自己的声音',
      '妈妈和社工一起为女儿报上了幼儿园',
      '长者食堂开张啦',
      '周末亲子阅读会',
      '',
    ]);
    const [first, second, third, fourth, fifth] = slides(el);
    const img = first.querySelector('img')!;
    expect(img.src).to.equal(`${fixtures}photo-1.svg`);
    expect(img.alt).to.equal('孩子们围坐在桌边画画');
    expect(second.querySelector('img')!.getAttribute('srcset')).to.contain(
      `${fixtures}photo-2-wide.svg 1600w`,
    );
    expect(first.querySelector('.summary strong')!.textContent).to.equal('不爱说话');
    expect(el.shadowRoot!.querySelector('script, [onerror]')).to.equal(null);
    expect((window as unknown as { hacked?: boolean }).hacked).to.equal(undefined);
    expect(first.querySelector<HTMLAnchorElement>('a.more')!.href).to.equal(
      'https://example.org/stories/art-group',
    );
    expect(text(first.querySelector('time'))).to.equal('Nov 3, 2026');
    expect(fourth.querySelector('a')).to.equal(null);
    expect(fifth.querySelector('.title')).to.equal(null);
    expect(text(fifth.querySelector('.summary'))).to.contain('向日葵');
    // The 404 image turns into a placeholder once the browser has tried it.
    el.goToSlide(2);
    await waitFor(() => !third.querySelector('img'));
    expect(third.querySelector('.placeholder')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an Atom feed, with right-to-left titles running right to left', async () => {
    const { el } = await load('/tests/fixtures/carousel/atom.xml');
    expect(titles(el)).to.deep.equal([
      '青少年足球队第一次比赛',
      '社区花园的秋天',
      'مەھەللە كۇتۇپخانىسى',
    ]);
    const [first, second, third] = slides(el);
    expect(first.querySelector('img')!.src).to.equal(`${fixtures}photo-4.svg`);
    expect(first.querySelector('.summary em')!.textContent).to.equal('赢得了');
    expect(second.querySelector('.placeholder')).to.not.equal(null);
    expect(third.querySelector('.title')!.matches(':dir(rtl)')).to.equal(true);
    expect(text(first.querySelector('time'))).to.equal('2026年11月5日');
    await expect(el).to.be.accessible();
  });

  it('shows a JSON Feed, dropping its javascript: link', async () => {
    const { el, items } = await load('/tests/fixtures/carousel/feed.json', 'zh-Hant');
    expect(items.map((s) => s.id)).to.deep.equal(['jf-1', 'jf-2', 'jf-3']);
    expect(titles(el)).to.deep.equal(['四点半课堂的新伙伴', '热线那头的耐心', '冬衣募集']);
    const [first, , third] = slides(el);
    expect(first.querySelector('img')!.src).to.equal(`${fixtures}photo-1.svg`);
    expect(third.querySelector('a')).to.equal(null);
    expect(text(third.querySelector('time'))).to.equal('2026年10月15日');
    expect(text(first.querySelector('a.more'))).to.equal('閱讀全文');
    await expect(el).to.be.accessible();
  });

  it('shows WordPress posts, following the pagination', async () => {
    const { el } = await load(`/test-api/wp/posts?pages=3&key=carousel-wp-${Date.now()}`);
    expect(titles(el)).to.deep.equal([
      '故事 1-1',
      '故事 1-2',
      '故事 2-1',
      '故事 2-2',
      '故事 3-1',
      '故事 3-2',
    ]);
    expect(text(slides(el)[0].querySelector('.summary'))).to.equal('摘要 1-1');
    expect(slides(el)[0].querySelector<HTMLAnchorElement>('a.more')!.href).to.equal(
      'https://example.org/?p=11',
    );
    expect(slides(el)[0].querySelector('[part="image"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows WordPress posts with their featured image and its sizes as srcset', async () => {
    const { el } = await load('/tests/fixtures/carousel/wp-posts.json', 'en');
    expect(titles(el)).to.deep.equal(['“四点半课堂”开学了', '家长学堂：和青春期的孩子聊聊天']);
    const img = slides(el)[0].querySelector('img')!;
    expect(img.src).to.equal(`${fixtures}photo-1.svg`);
    expect(img.alt).to.equal('孩子们在桌前写作业');
    expect(img.getAttribute('srcset')).to.equal(
      `${fixtures}photo-2.svg 800w, ${fixtures}photo-1.svg 1600w`,
    );
    expect(slides(el)[1].querySelector('.placeholder')).to.not.equal(null);
  });

  it('turns the page’s own article markup into slides', async () => {
    const el = await fixture<StoryCarousel>(
      html`<story-carousel lang="en" per-view="1">
        <article id="a1">
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
        <p slot="empty">暂无</p>
      </story-carousel>`,
    );
    await settle(el);
    expect(titles(el)).to.deep.equal(['美术小组的第一次展览', '没有图片的故事']);
    const [first, second] = slides(el);
    expect(first.querySelector('img')!.src).to.equal(`${fixtures}photo-1.svg`);
    expect(first.querySelector('img')!.alt).to.equal('孩子们在画画');
    expect(first.querySelector('img')!.getAttribute('width')).to.equal('1600');
    expect(text(first.querySelector('time'))).to.equal('Nov 3, 2026');
    expect(first.querySelector<HTMLAnchorElement>('a.more')!.href).to.equal(
      'https://example.org/stories/exhibition',
    );
    expect(text(second.querySelector('.summary'))).to.equal('志愿者们整理了图书角。');
    expect(second.querySelector('a')).to.equal(null);
    expect(second.querySelector('.placeholder')).to.not.equal(null);
    // The markup itself stays out of view (and out of the accessibility tree).
    expect(el.querySelector('article')!.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();

    const extra = document.createElement('article');
    extra.innerHTML = '<h3>新加的故事 <b>&lt;3</b></h3><p>第三篇</p>';
    el.append(extra);
    await settle(el);
    expect(titles(el)).to.deep.equal(['美术小组的第一次展览', '没有图片的故事', '新加的故事 <3']);
    expect(slides(el)[2].querySelector('b')).to.equal(null);
  });

  it('shows the empty state for markup without stories, and prefers src over markup', async () => {
    const el = await fixture<StoryCarousel>(
      html`<story-carousel lang="en"><p slot="empty">暂无故事</p></story-carousel>`,
    );
    await settle(el);
    expect($(el, '[part="status"]')).to.not.equal(null);
    expect(slides(el)).to.have.length(0);

    const both = await fixture<StoryCarousel>(
      html`<story-carousel per-view="1"
        ><article><h3>标记里的故事</h3></article></story-carousel
      >`,
    );
    await settle(both);
    expect(titles(both)).to.deep.equal(['标记里的故事']);
    const loaded = oneEvent(both, 'dandelion-load');
    both.src = '/tests/fixtures/carousel/atom.xml';
    await loaded;
    await settle(both);
    expect(titles(both)[0]).to.equal('青少年足球队第一次比赛');
  });
});

describe('story-carousel: the demo backend', () => {
  it('shows the demo station’s RSS stories with their illustrations', async () => {
    const { el, items } = await load('/api/stories.xml', 'en');
    expect(items).to.have.length(6);
    expect(titles(el)[0]).to.equal('小明在美术小组里找到了自己的声音');
    const img = slides(el)[0].querySelector('img')!;
    expect(img.src).to.equal(new URL('/api/story-images/0-1600.svg', location.href).href);
    expect(img.getAttribute('srcset')).to.contain('0-800.svg 800w');
    await waitFor(() => img.complete && img.naturalWidth > 0);
  });
});
