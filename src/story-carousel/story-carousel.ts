import { html, isServer, type TemplateResult, type PropertyDeclarations } from 'lit';
import { msg } from '@lit/localize';
import { DandelionDataElement } from '../core/data-element.js';
import type { Story } from '../core/models.js';
import { renderEmpty, renderError, renderLoading } from '../core/status-view.js';
import { networkErrorMessage } from '../core/network-error.js';
import { LazyView } from '../core/lazy-view.js';
import { baseStyles } from '../core/styles.js';
import { booleanAttribute } from '../core/boolean-attribute.js';
import type { AutoplayController } from './autoplay-controller.js';
import { markupStories } from './markup-stories.js';
import type { CarouselRegion } from './carousel-view.js';
import { nearestIndex, offsetTo, scrollBehavior } from './snap.js';
import { carouselStyles } from './story-carousel.styles.js';
import { headingLevel } from '../core/heading.js';

// globalThis, not window: the module must import in Node (server rendering) without throwing.
// Asked when rendering, not once at import, so a test can take `scrollend` away (WebKit has none).
const hasScrollEnd = () => 'onscrollend' in globalThis;

/**
 * Accessible story and photo carousel for a feed (RSS, Atom, JSON Feed, WordPress posts, JSON,
 * CSV) or for the page's own `<article>` markup. Follows the WAI-ARIA APG carousel pattern: the
 * tabbed variant (dots as a tablist, slides as tab panels) up to 10 stories shown one at a time,
 * the basic variant (previous / next and a "3 / 8" counter, slides as labelled groups) otherwise.
 * Rotation is off unless `autoplay`; it pauses on hover and while focus is inside, stops for
 * good once the user uses a control, and never starts by itself under `prefers-reduced-motion`.
 *
 * @summary Story carousel from a feed or markup, following the WAI-ARIA APG carousel pattern.
 *
 * @fires {CustomEvent<DandelionLoadDetail<Story>>} dandelion-load - `DandelionLoadDetail<Story>`: `{ items, source }` after every successful load
 * @fires {CustomEvent<DandelionErrorDetail>} dandelion-error - `DandelionErrorDetail`: `{ kind, message, status? }` when loading fails
 * @fires {CustomEvent<DandelionSelectDetail<Story>>} dandelion-select - `DandelionSelectDetail<Story>`: `{ item }` when a story's "read more" link is opened
 *
 * @slot - Stories as markup when there is no `src`/`.data`: each child element (e.g. `<article>`)
 *   becomes a slide; title from `h1`–`h4`, image from `img`, link from `a[href]`, date from
 *   `time[datetime]`, summary from the first `p`.
 * @slot empty - Shown instead of the default message when there are no stories.
 *
 * @csspart base - The carousel region (content state).
 * @csspart toolbar - Rotation, previous / next buttons and the slide picker.
 * @csspart button - Every button (rotation, previous, next, retry).
 * @csspart picker - The tablist of dots.
 * @csspart counter - The "3 / 8" counter used instead of dots for many stories.
 * @csspart track - The scrolling row of slides.
 * @csspart slide - Each story.
 * @csspart image - The image box of a story (holds the image or its placeholder).
 * @csspart status - The loading, empty and error views.
 *
 * @cssprop [--dandelion-carousel-ratio=16 / 9] - Aspect ratio of story images (space is reserved before they load).
 * @cssprop --dandelion-color-text - Body text colour
 * @cssprop --dandelion-color-muted - Dates and the counter
 * @cssprop --dandelion-color-background - Widget background
 * @cssprop --dandelion-color-surface - Slide cards and image placeholders
 * @cssprop --dandelion-color-border - Slide borders
 * @cssprop --dandelion-color-accent - Buttons, links and dots
 * @cssprop --dandelion-color-on-accent - Text on the accent colour
 * @cssprop --dandelion-color-danger - Error text
 * @cssprop --dandelion-font-family - Font stack
 * @cssprop --dandelion-font-size - Base font size
 * @cssprop --dandelion-radius - Corner radius
 * @cssprop --dandelion-space - Base spacing unit
 * @cssprop --dandelion-focus-ring - Focus outline
 * @tagname story-carousel
 */
export class StoryCarousel extends DandelionDataElement<'story'> {
  static override properties: PropertyDeclarations = {
    autoplay: { type: Boolean, attribute: 'autoplay', converter: booleanAttribute },
    interval: { type: Number, attribute: 'interval' },
    loop: { type: Boolean, attribute: 'loop', converter: booleanAttribute },
    perView: { type: Number, attribute: 'per-view' },
    overlay: { type: Boolean, reflect: true, attribute: 'overlay', converter: booleanAttribute },
    label: { attribute: 'label' },
    index: { state: true, attribute: false },
    autoPerView: { state: true, attribute: false },
    markupVersion: { state: true, attribute: false },
  };

  static override styles = [baseStyles, carouselStyles];

  /** Rotates through the stories by itself (off by default; never starts under reduced motion). */
  autoplay = false;

  /** Milliseconds between stories while rotating. */
  interval = 5000;

  /** Previous / next and the arrow keys wrap around at the ends. */
  loop = false;

  /** Stories visible at once; unset = by the widget's width (1, 2 from 36rem, 3 from 60rem). */
  perView?: number;

  /** Puts the text over the image on a dark gradient instead of below it. */
  overlay = false;

  /** Accessible name of the carousel region (default: "Stories" in the UI language). */
  label?: string;

  private index = 0;
  private autoPerView = 1;
  /** Bumped on every change to the markup stories, so they are read again. */
  private markupVersion = 0;
  private markupObserver?: MutationObserver;
  /** The page's own `<article>`s when there is no `src`/`.data`: read like a source. */
  private readonly markup = markupStories(this, () => ({
    // Server rendering (@lit-labs/ssr) has no light DOM to read; the client reads it on hydration.
    elements: isServer ? [] : [...this.children].filter((child) => !child.slot),
    version: this.markupVersion,
    hasData: !!this.src?.trim() || this.data !== undefined,
  }));

  /**
   * The content view (region, toolbar, slides and their styles): its own chunk, requested on
   * connect so it comes with the data; an update that shows stories waits for it.
   */
  private readonly content = new LazyView(
    this,
    () => import('./carousel-view.js'),
    'the carousel view',
    () => this.showsStories,
    // The first content: its words are first-view words (in the loader chunk's messages).
    false,
  );

  /**
   * The `overlay` layout's styles (their own chunk, requested on connect with `overlay`): an
   * update that shows stories waits for them. Without them (a failed download) the text stays
   * below the image, every story still there.
   */
  private readonly overlayStyles = new LazyView(
    this,
    () => import('./overlay.styles.js'),
    'the overlay styles',
    () => this.overlay && this.showsStories,
    false,
  );

  /**
   * Rotation with its control and their styles (one chunk), loaded before the first update with
   * `autoplay`. Without it (a failed download) the carousel is still complete, and still the APG
   * default.
   */
  private readonly rotation = new LazyView(
    this,
    () => import('./rotation.js'),
    'autoplay',
    () => this.autoplay,
  );
  private autoplayer?: AutoplayController;
  private readonly broken = new Set<string>();
  private stories: Story[] = [];
  private pv = 1;
  private last = 0;
  private hasImages = false;
  private dates?: Intl.DateTimeFormat;
  private datesLocale?: string;
  private resizer?: ResizeObserver;
  private scrollTimer?: ReturnType<typeof setTimeout>;
  /** Index a programmatic scroll is heading to, until it lands. */
  private pending?: number;
  /** Whether rotation ran at the last update (a pause mid-move then brings a whole story in). */
  private wasRotating = false;

  constructor() {
    super('story');
  }

  /** Whether the next update shows stories (it waits for their view's code). */
  private get showsStories(): boolean {
    const { status } = this.loader;
    return (
      status === 'content' ||
      this.markup.status === 'content' ||
      (this.data !== undefined && status !== 'loading')
    );
  }

  private get track(): HTMLElement | null {
    return this.renderRoot.querySelector('.track');
  }

  /** Index of the first story in view. */
  get activeIndex(): number {
    return this.index;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.content.load();
    if (this.overlay) void this.overlayStyles.load();
    // slotchange only says which children are slotted, not what is in them: a story whose heading
    // or text arrives after it was read (the parser yielding mid-article when the script runs
    // before the markup, or a page editing it) is read again. Kept while detached too (it only
    // watches this element), so edits made meanwhile are not missed.
    this.markupObserver ??= new MutationObserver(this.onMarkupChange);
    this.markupObserver.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    this.resizer = new ResizeObserver(this.measure);
    const probe = this.renderRoot.querySelector('.probe');
    if (probe) this.resizer.observe(probe);
  }

  protected override firstUpdated(): void {
    this.resizer?.observe(this.renderRoot.querySelector('.probe')!);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    clearTimeout(this.scrollTimer);
  }

  protected override willUpdate(): void {
    if (this.datesLocale !== this.locale.intl) {
      this.datesLocale = this.locale.intl;
      this.dates = new Intl.DateTimeFormat(this.locale.intl, { dateStyle: 'medium' });
    }
    const { status, items } = this.loader;
    const markup = this.markup.status === 'content' ? (this.markup.value ?? []) : [];
    this.stories = status === 'content' ? items : status === 'idle' ? markup : [];
    const n = this.stories.length;
    this.pv = Math.max(1, Math.floor(this.perView ?? 0) || this.autoPerView);
    this.last = Math.max(0, n - this.pv);
    this.index = Math.min(this.index, this.last);
    this.hasImages = this.stories.some((s) => s.image);
    const rotation = this.rotation.module;
    this.autoplayer ??=
      rotation && new rotation.AutoplayController(this, () => this.go(this.index + 1, false, true));
    if (this.autoplayer) {
      this.autoplayer.enabled = this.autoplay && n > this.pv;
      this.autoplayer.interval = this.interval > 0 ? this.interval : 5000;
    }
  }

  protected override updated(): void {
    const rotating = !!this.autoplayer?.rotating;
    if (this.wasRotating && !rotating) this.settle();
    this.wasRotating = rotating;
    // Only the stories in view are reachable; set here so an index change re-renders no slide.
    const slides = this.track?.children ?? [];
    for (let k = 0; k < slides.length; k++) {
      slides[k].toggleAttribute('inert', k < this.index || k >= this.index + this.pv);
    }
    // Custom properties through CSSOM, not a style attribute (strict CSP).
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.track,.status')) {
      el.style.setProperty('--_pv', (this.perView ?? 0) >= 1 ? String(this.pv) : '');
    }
  }

  /**
   * Reads the per-view the container queries chose for this width (a style read, only when the
   * width changes) from an empty, zero-height probe, so it is known before the stories arrive
   * and rendering them never re-triggers the observer.
   */
  private readonly measure = (entries: ResizeObserverEntry[]) => {
    this.autoPerView = Number(getComputedStyle(entries[0].target).getPropertyValue('--_pv')) || 1;
    // New widths move the slide edges: the current story comes back whole, at once.
    void this.updateComplete.then(() => this.align(true));
  };

  /** Shows the next story (wraps around with `loop`). */
  next(): void {
    this.go(this.index + 1);
  }

  /** Shows the previous story (wraps around with `loop`). */
  previous(): void {
    this.go(this.index - 1);
  }

  /** Shows the story at `index` (0-based; clamped). */
  goToSlide(index: number): void {
    this.go(index);
  }

  private go(i: number, user = false, wrap = this.loop): void {
    if (!this.stories.length) return;
    if (user) this.autoplayer?.stop();
    const last = this.last;
    this.index = i > last ? (wrap ? 0 : last) : i < 0 ? (wrap ? last : 0) : i;
    this.align();
  }

  /** Scrolls the current story to the track's start, unless it is there already. */
  private align(instant = false): void {
    const track = this.track;
    const slide = track?.children[this.index];
    if (!track || !slide) return;
    // One layout read per move; the browser animates (or not, under reduced motion).
    const delta = offsetTo(track, slide, this.rtl);
    if (Math.abs(delta) < 1) return;
    this.pending = this.index;
    track.scrollTo({ left: track.scrollLeft + delta, behavior: scrollBehavior(instant) });
  }

  /** Rotation paused: the move under way lands, else the story nearest the start comes in whole. */
  private settle(): void {
    const track = this.track;
    if (this.pending === undefined && track) {
      this.index = nearestIndex(track, this.last) ?? this.index;
    }
    this.align();
  }

  private get rtl(): boolean {
    // Not matches(':dir(rtl)'): Chrome before 120 (Android WeChat's XWeb) throws on it.
    return getComputedStyle(this).direction === 'rtl';
  }

  /** After a swipe or trackpad scroll settles, the story in view becomes the current one. */
  private readonly onScrollEnd = () => {
    const track = this.track;
    const i = track ? nearestIndex(track, this.last) : undefined;
    if (!track || i === undefined) return;
    // Ours was cut short, or a scroll ended just before ours started: ours lands (again).
    if (this.pending !== undefined && i !== this.pending) return this.align();
    this.pending = undefined;
    if (i !== this.index) {
      this.autoplayer?.stop();
      this.index = i;
    }
    // A scroll that stopped between two stories (snapping did not act) comes to rest whole.
    this.align();
  };

  private readonly onScroll = () => {
    clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(this.onScrollEnd, 150);
  };

  private readonly onKey = async (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const [back, forward] = this.rtl ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight'];
    const key = event.key;
    const target =
      key === 'Home'
        ? 0
        : key === 'End'
          ? this.last
          : key === forward
            ? this.index + 1
            : key === back
              ? this.index - 1
              : -2;
    if (target < -1) return;
    event.preventDefault();
    const from = event.composedPath()[0] as HTMLElement;
    const tab = from.getAttribute('role') === 'tab';
    this.go(target, true, tab || this.loop);
    await this.updateComplete;
    // Tabs pattern: focus follows the selected tab. From inside a slide that just became inert,
    // focus moves to the slide now in view so arrow keys keep working.
    const next = tab ? `#tab-${this.index}` : from.closest('.slide') ? `#slide-${this.index}` : '';
    if (next) this.renderRoot.querySelector<HTMLElement>(next)?.focus({ preventScroll: true });
  };

  // At an end without loop these stay put (the buttons are aria-disabled, still focusable).
  private readonly onPrevious = () => this.go(this.index - 1, true);

  private readonly onNext = () => this.go(this.index + 1, true);

  private readonly onTab = (event: Event) =>
    this.go(Number((event.currentTarget as HTMLElement).dataset.i), true);

  private readonly onRotation = () => {
    const autoplayer = this.autoplayer;
    if (autoplayer?.stopped) autoplayer.play();
    else autoplayer?.stop();
  };

  /** The user takes the track in hand (touch, pen, mouse): rotation stops, their scroll wins. */
  private readonly onPointerDown = () => {
    this.autoplayer?.stop();
    this.pending = undefined;
  };

  private readonly onWheel = { handleEvent: () => (this.pending = undefined), passive: true };

  private readonly onSelect = (event: Event) => {
    this.autoplayer?.stop();
    this.emit('dandelion-select', {
      item: this.stories[Number((event.currentTarget as HTMLElement).dataset.i)],
    });
  };

  private readonly onImageError = (event: Event) => {
    this.broken.add((event.target as HTMLElement).dataset.id!);
    this.requestUpdate();
  };

  private readonly onSlotChange = () => this.markupVersion++;

  /** A change inside a slotted story (its own attributes, text or children). */
  private readonly onMarkupChange = (records: MutationRecord[]) => {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot.source');
    const elements = slot?.assignedElements() ?? [];
    if (records.some((r) => elements.some((el) => el.contains(r.target)))) this.markupVersion++;
  };

  /** What the region, slide and toolbar views read. */
  private view(): CarouselRegion {
    const { stories, index, pv, last, loop, hasImages, broken, autoplayer } = this;
    const scrollEnd = hasScrollEnd();
    const rotation = this.rotation.module;
    return {
      ...{ stories, index, pv, last, loop, hasImages, broken, autoplayer },
      rotation:
        this.autoplay && autoplayer && rotation
          ? rotation.renderRotation(autoplayer, this.onRotation)
          : undefined,
      label: this.label,
      locale: this.locale,
      onKey: this.onKey,
      onScrollEnd: scrollEnd ? this.onScrollEnd : undefined,
      onScroll: scrollEnd ? undefined : this.onScroll,
      onPointerDown: this.onPointerDown,
      onWheel: this.onWheel,
      dates: this.dates!,
      headingLevel: headingLevel(this.headingLevel),
      onImageError: this.onImageError,
      onSelect: this.onSelect,
      onPrevious: this.onPrevious,
      onNext: this.onNext,
      onTab: this.onTab,
    };
  }

  private renderCarousel(): TemplateResult {
    const { content } = this;
    if (content.module) return content.module.renderCarousel(this.view());
    // Its chunk is still on its way (it re-renders then), or failed: retry fetches it again.
    return content.state === 'failed'
      ? renderError(networkErrorMessage(), () => void content.retry())
      : renderLoading();
  }

  private renderEmpty(): TemplateResult {
    return renderEmpty(msg('No stories to show yet.', { id: 'carousel.empty' }));
  }

  override render() {
    return html`<i class="probe"></i
      ><slot class="source" @slotchange=${this.onSlotChange}></slot>${this.loader.render({
        content: () => this.renderCarousel(),
        empty: () => this.renderEmpty(),
        // No `src`/`.data`: the page's own markup is the source.
        idle: () =>
          this.markup.render({
            content: () => this.renderCarousel(),
            empty: () => this.renderEmpty(),
          }),
      })}`;
  }
}
