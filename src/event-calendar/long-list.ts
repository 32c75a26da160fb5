/**
 * The list view for long lists (thousands of occurrences): its own chunk, loaded the first time
 * a list is long (its few styles are the calendar's, `.list-scroller` and `.list-row`). Only the rows in view, and a few on either side, are in the DOM, in a box that
 * scrolls; the space of the others is padding around them, set through the CSSOM (`cssVars`, so
 * it works under a strict CSP). Row heights are measured as rows are shown; rows not seen yet
 * count as the average height.
 *
 * For assistive technology it stays one list: every row says its position and the list's size
 * (`aria-posinset`, `aria-setsize`), and the first row of each day carries the day's heading.
 * Keyboard: Tab and Shift+Tab go through the events one by one (the rows ahead are always
 * there, and the window follows focus); ArrowDown/ArrowUp move to the next or previous event,
 * PageDown/PageUp by ten, Home/End to the first or last.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { cssVars } from '../core/css-vars.js';
import {
  renderDayTitle,
  renderListEvent,
  type EventPlaced,
  type ViewContext,
} from './view-parts.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/** One row: an occurrence, under the day it is listed on (with the heading when it is new). */
interface Row {
  placed: EventPlaced;
  day: number;
  firstOfDay: boolean;
}

/** Rows rendered beyond each edge of the view. */
const overscan = 8;
/** Rows rendered before the box has been measured. */
const initialRows = 24;
/** Height assumed for a row before any has been measured (CSS px). */
const defaultHeight = 56;
/** Most rows rendered, whatever the box's height (a box that does not scroll shows these). */
const maxRows = 160;
/** Rows moved by PageDown / PageUp. */
const pageRows = 10;

/** Whether two lists hold the same occurrences in the same order (the calendar slices anew). */
function sameItems(a: readonly EventPlaced[], b: readonly EventPlaced[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class LongList implements ReactiveController {
  private items?: readonly EventPlaced[];
  private first = 0;
  private rows: Row[] = [];
  /** Measured height of each row (0 = not measured yet). */
  private heights: number[] = [];
  /** Offsets of the rows (`offsets[i]` = space above row i; one more than rows), when valid. */
  private offsets?: Float64Array;
  private measured = 0;
  private measuredSum = 0;
  private start = 0;
  private end = 0;
  /** The row that has (or is about to get) focus; the window always holds it. */
  private focusIndex?: number;
  /** Focus this row's event once rendered. */
  private focusPending = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostUpdated(): void {
    const box = this.box();
    if (!box) return;
    if (this.measure()) this.offsets = undefined;
    if (this.focusPending && this.focusIndex !== undefined) {
      this.focusPending = false;
      this.rowButton(this.focusIndex)?.focus();
    }
    // After a render the window may not cover the box yet (first render, heights now known).
    const [start, end] = this.windowFor(box);
    if (start < this.start || end > this.end) this.setWindow(start, end);
  }

  /** The list of `items` (in order, from the day `first` on). */
  render(items: readonly EventPlaced[], first: number, c: ViewContext): TemplateResult {
    if (!this.items || !sameItems(items, this.items) || first !== this.first) {
      this.setItems(items, first);
    }
    const total = this.rows.length;
    const offsets = this.offsetTable();
    const before = offsets[this.start];
    const after = offsets[total] - offsets[this.end];
    const shown = this.rows.slice(this.start, this.end);
    return html`<div class="list-scroller" @scroll=${this.onScroll}>
      <ul
        class="list-rows"
        ${cssVars({ '--before': `${before}px`, '--after': `${after}px` })}
        @keydown=${this.onKeydown}
        @focusin=${this.onFocusIn}
      >
        ${repeat(
          shown,
          (row) => row.placed.key,
          (row, i) => this.renderRow(row, this.start + i, total, c),
        )}
      </ul>
    </div>`;
  }

  private renderRow(row: Row, index: number, total: number, c: ViewContext): TemplateResult {
    const today = row.day === c.today;
    return html`<li
      class="list-row${today ? ' today' : ''}"
      data-index=${index}
      aria-posinset=${index + 1}
      aria-setsize=${total}
    >
      ${row.firstOfDay ? renderDayTitle(row.day, c) : nothing} ${renderListEvent(row.placed, c)}
    </li>`;
  }

  private setItems(items: readonly EventPlaced[], first: number): void {
    const old = new Map(this.rows.map((row, i) => [row.placed.key, this.heights[i]]));
    this.items = items;
    this.first = first;
    this.rows = [];
    let day: number | undefined;
    for (const placed of items) {
      const shownOn = Math.max(placed.startDay, first);
      this.rows.push({ placed, day: shownOn, firstOfDay: shownOn !== day });
      day = shownOn;
    }
    // A row keeps its height unless it gained or lost its day heading.
    this.heights = this.rows.map((row, i) =>
      i > 0 && this.rows[i - 1].day === row.day ? (old.get(row.placed.key) ?? 0) : 0,
    );
    this.measured = 0;
    this.measuredSum = 0;
    for (const h of this.heights) {
      if (h > 0) {
        this.measured++;
        this.measuredSum += h;
      }
    }
    this.offsets = undefined;
    if (this.focusIndex !== undefined && this.focusIndex >= this.rows.length) {
      this.focusIndex = undefined;
    }
    const box = this.box();
    const [start, end] = box ? this.windowFor(box) : [0, Math.min(this.rows.length, initialRows)];
    this.start = Math.min(start, this.rows.length);
    this.end = Math.min(Math.max(end, this.start), this.rows.length);
  }

  private box(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.list-scroller');
  }

  private rowButton(index: number): HTMLElement | null | undefined {
    return this.box()?.querySelector<HTMLElement>(`.list-row[data-index="${index}"] button`);
  }

  /** Records the heights of the rendered rows; true when one changed. */
  private measure(): boolean {
    let changed = false;
    for (const li of this.box()?.querySelectorAll<HTMLElement>('.list-row') ?? []) {
      const index = Number(li.dataset.index);
      const height = li.getBoundingClientRect().height;
      const old = this.heights[index];
      if (!(height > 0) || Math.abs(old - height) < 0.5) continue;
      if (old > 0) this.measuredSum -= old;
      else this.measured++;
      this.measuredSum += height;
      this.heights[index] = height;
      changed = true;
    }
    return changed;
  }

  private offsetTable(): Float64Array {
    if (this.offsets) return this.offsets;
    const estimate = this.measured ? this.measuredSum / this.measured : defaultHeight;
    const offsets = new Float64Array(this.rows.length + 1);
    for (let i = 0; i < this.rows.length; i++) {
      offsets[i + 1] = offsets[i] + (this.heights[i] || estimate);
    }
    this.offsets = offsets;
    return offsets;
  }

  /** The row at `y` px from the top of the list. */
  private indexAt(y: number): number {
    const offsets = this.offsetTable();
    let low = 0;
    let high = this.rows.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (offsets[mid] <= y) low = mid;
      else high = mid - 1;
    }
    return Math.max(0, low);
  }

  /** The rows to render for the box's scroll position (and the focused row). */
  private windowFor(box: HTMLElement): [number, number] {
    const total = this.rows.length;
    if (total === 0) return [0, 0];
    const height = box.clientHeight;
    if (!(height > 0)) return [0, Math.min(total, initialRows)];
    const top = Math.max(0, box.scrollTop);
    let start = Math.max(0, this.indexAt(top) - overscan);
    let end = Math.min(total, this.indexAt(top + height) + 1 + overscan);
    const focus = this.focusIndex;
    // Keep the focused row (and the rows Tab goes to next) unless it was scrolled far away.
    if (focus !== undefined && focus >= start - 4 * overscan && focus < end + 4 * overscan) {
      start = Math.min(start, Math.max(0, focus - overscan));
      end = Math.max(end, Math.min(total, focus + overscan + 1));
    }
    return [start, Math.min(end, start + maxRows)];
  }

  private setWindow(start: number, end: number): void {
    if (start === this.start && end === this.end) return;
    this.start = start;
    this.end = end;
    this.host.requestUpdate();
  }

  private readonly onScroll = (e: Event) => {
    const [start, end] = this.windowFor(e.currentTarget as HTMLElement);
    this.setWindow(start, end);
  };

  private readonly onFocusIn = (e: FocusEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('.list-row');
    if (!row) return;
    this.focusIndex = Number(row.dataset.index);
    const box = this.box();
    if (box) this.setWindow(...this.windowFor(box));
  };

  private readonly onKeydown = (e: KeyboardEvent) => {
    const current = this.focusIndex ?? 0;
    const last = this.rows.length - 1;
    const target: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
      Home: 0,
      End: last,
    };
    if (!(e.key in target) || e.altKey || e.ctrlKey || e.metaKey || last < 0) return;
    e.preventDefault();
    this.focusRow(Math.min(last, Math.max(0, target[e.key])));
  };

  /** Scrolls row `index` into the window and focuses its event. */
  private focusRow(index: number): void {
    this.focusIndex = index;
    this.focusPending = true;
    const box = this.box();
    if (box) {
      const offsets = this.offsetTable();
      const top = offsets[index];
      const bottom = offsets[index + 1];
      if (top < box.scrollTop) box.scrollTop = top;
      else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
      [this.start, this.end] = this.windowFor(box);
    }
    this.host.requestUpdate();
  }
}
