/**
 * The occurrences of the days a view shows, as a resource derived from two inputs — the loaded
 * items and the range (display zone, first and last day): `loading → content | error`.
 *
 * Once the code for series is loaded a range is expanded at once, inside the host's update, so a
 * new month or week never paints without its series. The first range with series waits for that
 * code (the series expander and ical.js, lazy chunks): the view shows a skeleton meanwhile, not
 * an empty month or a "no events" that is not true. When the code cannot be loaded the view
 * shows a localized message with a retry button and the host fires a typed `dandelion-error`.
 * Only the latest request may change the result.
 */
import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { CalendarEvent } from '../core/models.js';
import { errorMessage } from '../core/error-messages.js';
import { toDandelionError, type DandelionError } from '../core/errors.js';
import { renderError, renderLoading } from '../core/status-view.js';
import { DAY } from '../core/time/wall.js';
import type { Zone } from '../core/time/zone.js';
import type { Occurrence } from './occurrences.js';
import { PlacementCache } from './placement.js';
import type { EventPlaced } from './view-parts.js';

/** Where occurrences come from (the calendar's `OccurrenceCache`). */
export interface OccurrenceSource {
  /** Occurrences overlapping [start, end) at once, or undefined while their code is loading. */
  now(events: readonly CalendarEvent[], start: number, end: number): Occurrence[] | undefined;
  /** The same, loading the code first when needed. */
  get(events: readonly CalendarEvent[], start: number, end: number): Promise<Occurrence[]>;
}

/** One request: the items, the display zone and the days [first, last]. */
export interface RangeRequest {
  items: readonly CalendarEvent[];
  zone: Zone;
  first: number;
  last: number;
  /** Palette index of an event (its first category's colour, -1 = none). */
  colourOf: (event: CalendarEvent) => number;
}

export type RangeStatus = 'loading' | 'content' | 'error';

export class RangeController implements ReactiveController {
  status: RangeStatus = 'content';
  /** The occurrences of the range, placed in the display zone (content only). */
  placed: EventPlaced[] = [];
  /** Why the range could not be expanded (error only). */
  error?: DandelionError;
  /** The expansion in flight, if any (the host's `updateComplete` waits for it). */
  pending?: Promise<void>;
  private key = '';
  private items?: readonly CalendarEvent[];
  private readonly placements = new PlacementCache<Occurrence>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The occurrences' source, asked on every request. */
    private readonly source: () => OccurrenceSource,
    /** Tells the page (a `dandelion-error`) that the range could not be expanded. */
    private readonly failed: (error: DandelionError) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Removed while loading: the answer was dropped, ask again.
    if (this.key === '') this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // A range still loading is forgotten (its answer is ignored) and asked for again on return.
    if (this.status === 'loading') {
      this.key = '';
      this.pending = undefined;
    }
  }

  /** Expands `r` unless it is the range already shown (call in the host's `willUpdate`). */
  request(r: RangeRequest): void {
    const key = `${r.zone.name}|${r.first}|${r.last}`;
    if (key === this.key && r.items === this.items) return;
    this.key = key;
    this.items = r.items;
    this.pending = undefined;
    this.error = undefined;
    if (r.items.length === 0) return this.show([], r);
    // A day of margin on both sides: dates and floating times are read in other zones by the core.
    const from = r.zone.startOfDay(r.first) - DAY;
    const to = r.zone.startOfDay(r.last + 1) + DAY;
    const source = this.source();
    let ready: Occurrence[] | undefined;
    try {
      ready = source.now(r.items, from, to);
    } catch (error) {
      return this.fail(error, 'parse');
    }
    if (ready) return this.show(ready, r);
    this.status = 'loading';
    const current = () => this.key === key && this.items === r.items;
    const pending = source.get(r.items, from, to).then(
      (occurrences) => {
        if (!current()) return;
        this.show(occurrences, r);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (!current()) return;
        this.fail(error, 'network');
        this.host.requestUpdate();
      },
    );
    this.pending = pending;
    void pending.finally(() => {
      if (this.pending === pending) this.pending = undefined;
    });
  }

  /** Expands the range again (after its code could not be loaded). */
  readonly retry = () => {
    this.key = '';
    this.host.requestUpdate();
  };

  /** The loading skeleton, the error with its retry button, or `content()`. */
  render(content: () => TemplateResult): TemplateResult {
    if (this.status === 'loading') return renderLoading();
    if (this.status === 'error') {
      return renderError(
        errorMessage(this.error?.kind ?? 'network', this.error?.status),
        this.retry,
      );
    }
    return html`${content()}`;
  }

  private show(occurrences: Occurrence[], r: RangeRequest): void {
    const placed: EventPlaced[] = [];
    for (const occurrence of occurrences) {
      const p = this.placements.place(occurrence, r.zone, r.colourOf);
      if (p && p.endDay >= r.first && p.startDay <= r.last) placed.push(p);
    }
    this.placed = placed;
    this.status = 'content';
  }

  private fail(error: unknown, kind: 'network' | 'parse'): void {
    console.warn('[dandelion] could not expand the events', error);
    this.error = toDandelionError(error, kind);
    this.status = 'error';
    this.failed(this.error);
  }
}
