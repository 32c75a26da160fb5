/**
 * `<story-carousel>` as a person meets it: mount it with stories, read what is shown (slides in
 * view, their titles, links and images, the counter, the buttons by their names), and act
 * (`carousel.next()`, `carousel.pick(2)`, `carousel.press('End')`, `carousel.hover()`).
 * Markup details live here, so a change inside the widget touches this file, not the tests.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/story-carousel/index.js';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import type { DandelionLoadDetail } from '../../src/core/events.js';
import type { Story } from '../../src/core/models.js';
import { allByRole, byRole, parts, text } from './dom.js';
import type { EventLog } from './events.js';
import { mount } from './mount.js';
import { settle, until } from './wait.js';

/** Fictional story records ("故事 1", "故事 2", …), in the loose shape `.data` accepts. */
export function stories(n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    title: `故事 ${i + 1}`,
    summary: `第 ${i + 1} 个故事的摘要。`,
    url: `https://example.org/stories/${i + 1}`,
    date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    image: { src: `/tests/fixtures/carousel/photo-${(i % 4) + 1}.svg`, alt: `第 ${i + 1} 张照片` },
    ...extra(i),
  }));
}

export interface CarouselOptions {
  lang?: string;
  /** Stories in view at once; `'auto'` leaves it to the widget's width. Default 1. */
  perView?: number | 'auto';
  autoplay?: boolean;
  interval?: number;
  loop?: boolean;
  overlay?: boolean;
  label?: string;
  src?: string;
}

/** The carousel element with `options` as attributes, and `children` as its markup. */
export function carouselTemplate(
  options: CarouselOptions = {},
  children: unknown = nothing,
): TemplateResult {
  const { lang, perView = 1, autoplay, interval, loop, overlay, label, src } = options;
  return html`<story-carousel
    lang=${ifDefined(lang)}
    per-view=${ifDefined(perView === 'auto' ? undefined : perView)}
    ?autoplay=${autoplay}
    interval=${ifDefined(interval)}
    ?loop=${loop}
    ?overlay=${overlay}
    label=${ifDefined(label)}
    src=${ifDefined(src)}
    >${children}</story-carousel
  >`;
}

/** Mounts a carousel, gives it `data` (unless undefined) and waits until it shows them. */
export async function carousel(data?: unknown, options: CarouselOptions = {}): Promise<Carousel> {
  const shown = await carouselIn(carouselTemplate(options));
  if (data !== undefined) await shown.show(data);
  else await shown.ready();
  return shown;
}

/**
 * Mounts `template` (a `<story-carousel>`, or an element holding one: a wrapper with a width or
 * `dir`) after its first render, without waiting for data or markup to be read.
 */
export async function carouselIn(template: TemplateResult): Promise<Carousel> {
  const { el: root, events } = await mount(template);
  const el = (
    root.localName === 'story-carousel' ? root : root.querySelector('story-carousel')
  ) as StoryCarousel | null;
  if (!el) throw new Error('carouselIn: the template holds no <story-carousel>');
  await el.updateComplete;
  return new Carousel(el, events);
}

const names = {
  previous: /^(Previous story|上一篇)$/,
  next: /^(Next story|下一篇)$/,
  rotation: /automatic slide show|自动播放|自動播放/,
  retry: /^(Try again|重试|重試)$/,
};

/** One story as shown: its slide, title, image, link, date and summary. */
export class Slide {
  constructor(readonly el: HTMLElement) {}

  /** The story's heading, or null when it has none. */
  get heading(): HTMLElement | null {
    return allByRole(this.el, 'heading', undefined, { hidden: true })[0] ?? null;
  }

  get title(): string {
    return text(this.heading);
  }

  /** The shown photo, or null (no image, or a placeholder instead). */
  get image(): HTMLImageElement | null {
    return this.el.querySelector('img');
  }

  /** The reserved image box (`part="image"`), holding the photo or its placeholder. */
  get imageBox(): HTMLElement | null {
    return parts(this.el, 'image')[0] ?? null;
  }

  /** An empty box stands where a photo is missing or broken. */
  get hasPlaceholder(): boolean {
    return !!this.imageBox && !this.image && this.imageBox.children.length > 0;
  }

  /** The "read more" link, or null. */
  get link(): HTMLAnchorElement | null {
    return this.el.querySelector('a[href]');
  }

  get time(): HTMLTimeElement | null {
    return this.el.querySelector('time');
  }

  /** The summary box, or null. */
  get summary(): HTMLElement | null {
    return this.el.querySelector('.summary');
  }

  /** Whether the summary is cut to a few lines (it has a link to the rest). */
  get clamped(): boolean {
    return !!this.summary?.classList.contains('clamp');
  }

  /** The box with title, date, summary and link (over the image with `overlay`). */
  get textBox(): HTMLElement {
    return this.el.querySelector<HTMLElement>('.text')!;
  }

  /** Reachable: in view, not inert. */
  get inView(): boolean {
    return !this.el.inert;
  }
}

export class Carousel {
  constructor(
    readonly el: StoryCarousel,
    readonly events: EventLog,
  ) {}

  /** Gives the carousel `data` and waits until it is shown (and the view width measured). */
  async show(data: unknown): Promise<DandelionLoadDetail<Story>> {
    this.el.data = data;
    const loaded = (await this.events.loaded()) as DandelionLoadDetail<Story>;
    await this.ready();
    return loaded;
  }

  /** Points the carousel at `src` and waits for the load. */
  async load(src: string): Promise<DandelionLoadDetail<Story>> {
    this.el.src = src;
    const loaded = (await this.events.loaded()) as DandelionLoadDetail<Story>;
    await this.ready();
    return loaded;
  }

  /**
   * Waits until a render and the widget's size measurement have run: a ResizeObserver reports in
   * the frame after layout, and its re-render is done before the next frame.
   */
  async ready(): Promise<void> {
    await settle(this.el);
    await settle(this.el);
  }

  // --- What is shown -------------------------------------------------------------------------

  slides(): Slide[] {
    return parts(this.el, 'slide').map((el) => new Slide(el));
  }

  slide(k: number): Slide {
    const slide = this.slides()[k];
    if (!slide) throw new Error(`no slide ${k} (there are ${this.slides().length})`);
    return slide;
  }

  titles(): string[] {
    return this.slides().map((s) => s.title);
  }

  /** Positions (0-based) of the slides in view. */
  inView(): number[] {
    return this.slides().flatMap((s, k) => (s.inView ? [k] : []));
  }

  /** Position of the first story in view. */
  get current(): number {
    return this.el.activeIndex;
  }

  /** What the widget shows: its stories, or a loading, empty or error view. */
  state(): 'content' | 'loading' | 'empty' | 'error' {
    if (this.region) return 'content';
    const status = parts(this.el, 'status')[0];
    if (!status) throw new Error('neither stories nor a status view');
    if (status.getAttribute('role') === 'alert') return 'error';
    return status.getAttribute('aria-busy') === 'true' ? 'loading' : 'empty';
  }

  /** The loading, empty or error view. */
  get status(): HTMLElement | null {
    return parts(this.el, 'status')[0] ?? null;
  }

  /** The status view's message as shown: the page's own (slotted) one, or the widget's. */
  get message(): string {
    const status = this.status;
    const own = status?.querySelector('slot')?.assignedElements() ?? [];
    if (own.length) return own.map((el) => text(el)).join(' ');
    return text(status?.querySelector('.message'));
  }

  /** The grey slide-shaped box of the loading view. */
  get skeleton(): HTMLElement | null {
    return this.status?.querySelector<HTMLElement>('.skeleton') ?? null;
  }

  /** The labelled carousel region (content state). */
  get region(): HTMLElement | null {
    return parts(this.el, 'base')[0] ?? null;
  }

  get track(): HTMLElement {
    return parts(this.el, 'track')[0];
  }

  get toolbar(): HTMLElement | null {
    return parts(this.el, 'toolbar')[0] ?? null;
  }

  /** How the track announces slide changes (`polite`, or `off` while rotating). */
  get live(): string | null {
    return this.track.getAttribute('aria-live');
  }

  /** The "3 / 12" counter of the basic variant ('' when there are dots). */
  get counter(): string {
    return text(parts(this.el, 'counter')[0]);
  }

  /** The dots of the tabbed variant. */
  tabs(): HTMLButtonElement[] {
    return allByRole<HTMLButtonElement>(this.el, 'tab');
  }

  get tablist(): HTMLElement | null {
    return allByRole(this.el, 'tablist')[0] ?? null;
  }

  get previousButton(): HTMLButtonElement {
    return byRole<HTMLButtonElement>(this.el, 'button', names.previous);
  }

  get nextButton(): HTMLButtonElement {
    return byRole<HTMLButtonElement>(this.el, 'button', names.next);
  }

  /** The start / stop rotation button, or null without autoplay. */
  get rotationButton(): HTMLButtonElement | null {
    return allByRole<HTMLButtonElement>(this.el, 'button', names.rotation)[0] ?? null;
  }

  get retryButton(): HTMLButtonElement {
    return byRole<HTMLButtonElement>(this.el, 'button', names.retry);
  }

  /** Every button the user can reach. */
  buttons(): HTMLButtonElement[] {
    return allByRole<HTMLButtonElement>(this.el, 'button');
  }

  /** What Tab reaches inside the widget, in order (nothing in inert, off-screen slides). */
  tabSequence(): HTMLElement[] {
    return [
      ...this.el.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]'),
    ].filter((el) => el.tabIndex >= 0 && !el.closest('[inert]'));
  }

  /** The element that has keyboard focus inside the widget. */
  get focused(): Element | null {
    return this.el.shadowRoot!.activeElement;
  }

  /** Waits until the photo of slide `k` has loaded and can be drawn; fails if it is broken. */
  async photoLoaded(k: number): Promise<HTMLImageElement> {
    const img = this.slide(k).image;
    if (!img) throw new Error(`slide ${k} shows no photo`);
    await img.decode();
    return img;
  }

  /** Waits until slide `k` shows the placeholder instead of a photo that failed to load. */
  async placeholderShown(k: number): Promise<void> {
    await until(() => this.slide(k).hasPlaceholder, `the placeholder on slide ${k}`);
  }

  // --- Acting as the user --------------------------------------------------------------------

  async next(): Promise<void> {
    this.nextButton.click();
    await this.el.updateComplete;
  }

  async previous(): Promise<void> {
    this.previousButton.click();
    await this.el.updateComplete;
  }

  /** Clicks the dot of story `k`. */
  async pick(k: number): Promise<void> {
    this.tabs()[k].click();
    await this.el.updateComplete;
  }

  /** Presses a key (real keyboard input) where focus is, or on `from` first. */
  async press(key: string, from?: HTMLElement): Promise<void> {
    from?.focus();
    await sendKeys({ press: key });
    await this.el.updateComplete;
  }

  /** Opens the "read more" link of slide `k` (the page's navigation is prevented). */
  async openStory(k: number): Promise<void> {
    const link = this.slide(k).link;
    if (!link) throw new Error(`slide ${k} has no link`);
    const stay = (e: Event) => e.preventDefault();
    this.el.addEventListener('click', stay);
    link.click();
    this.el.removeEventListener('click', stay);
    await this.el.updateComplete;
  }

  /** Moves the real mouse pointer over the middle of the carousel. */
  async hover(): Promise<void> {
    const r = this.el.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
    });
    await this.el.updateComplete;
  }

  /** Moves the pointer to the page's bottom-left corner, away from the carousel. */
  async leave(): Promise<void> {
    await sendMouse({ type: 'move', position: [2, window.innerHeight - 2] });
    await this.el.updateComplete;
  }

  /** Does `act` and waits until the track's scrolling has ended (`scrollend`) and rendered. */
  async afterScroll(act: () => unknown): Promise<void> {
    const ended = new Promise((resolve) =>
      this.track.addEventListener('scrollend', resolve, { once: true }),
    );
    await act();
    await ended;
    await this.el.updateComplete;
  }

  /** Swipes (scrolls the track itself, as touch or a trackpad does) to story `k`. */
  async swipeTo(k: number): Promise<void> {
    const [first, second] = this.slides();
    const pitch = second.el.offsetLeft - first.el.offsetLeft;
    await this.afterScroll(() => this.track.scrollTo({ left: pitch * k, behavior: 'instant' }));
  }

  /**
   * Turns the browser's own scroll snapping off, as in an engine or a moment where it does not
   * act (a smooth scroll cut short, a resize): what the track rests on is then the widget's doing.
   */
  withoutBrowserSnapping(): void {
    this.track.style.scrollSnapType = 'none';
  }

  /** Distance in px between the starts of two neighbouring stories. */
  get pitch(): number {
    const [first, second] = this.slides();
    return Math.abs(second.el.offsetLeft - first.el.offsetLeft);
  }

  /** Scrolls the track with a trackpad to `stories` stories' widths from the start (0.5: half-way). */
  scrollBy(stories: number): void {
    this.track.dispatchEvent(new WheelEvent('wheel', { bubbles: true, deltaX: 1 }));
    this.track.scrollTo({ left: this.pitch * stories, behavior: 'instant' });
  }

  /**
   * Puts the track `stories` widths from the start with no user input, as when a smooth scroll
   * of the widget's is cut short (by the page, focus or the browser).
   */
  cutShort(stories: number): void {
    this.track.scrollTo({ left: this.pitch * stories, behavior: 'instant' });
  }

  /** The story whose start the track rests on (within half a pixel), or null between two. */
  restingOn(): number | null {
    const at = Math.abs(this.track.scrollLeft) / this.pitch;
    const whole = Math.round(at);
    return Math.abs(at - whole) * this.pitch <= 0.5 ? whole : null;
  }

  /** Waits until the track rests on story `k`, whole (the widget's realigning scroll landed). */
  async restsOn(k: number): Promise<void> {
    await until(() => this.restingOn() === k, `the track to rest on story ${k}`);
    await this.el.updateComplete;
  }

  /** Presses the pointer on the track, as the start of a swipe. */
  async touch(): Promise<void> {
    this.track.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await this.el.updateComplete;
  }
}
