/**
 * Records the `dandelion-*` events a widget fires from the moment it exists, so a test can ask for
 * an event after it happened: no event is lost because the listener came late.
 */
import type { DandelionErrorDetail, DandelionLoadDetail } from '../../src/core/events.js';

export const widgetEvents = [
  'dandelion-load',
  'dandelion-error',
  'dandelion-select',
  'dandelion-submit',
] as const;

export type WidgetEventName = (typeof widgetEvents)[number] | (string & {});

export class EventLog {
  /** Every recorded event, oldest first. */
  readonly all: CustomEvent[] = [];
  private readonly waiting: { type: string; from: number; resolve: (e: CustomEvent) => void }[] =
    [];
  private readonly cursor = new Map<string, number>();

  constructor(target: EventTarget, types: readonly string[] = widgetEvents) {
    for (const type of types) target.addEventListener(type, this.record);
  }

  private record = (event: Event) => {
    this.all.push(event as CustomEvent);
    for (const w of [...this.waiting]) {
      const found = this.firstFrom(w.type, w.from);
      if (found) {
        this.waiting.splice(this.waiting.indexOf(w), 1);
        w.resolve(found.event);
      }
    }
  };

  private firstFrom(type: string, from: number) {
    const index = this.all.findIndex((e, i) => i >= from && e.type === type);
    return index < 0 ? undefined : { event: this.all[index], index };
  }

  /** Recorded events of one type. */
  of<D = unknown>(type: WidgetEventName): CustomEvent<D>[] {
    return this.all.filter((e) => e.type === type) as CustomEvent<D>[];
  }

  /**
   * The next `type` event this caller has not seen yet: one already recorded, or the next one
   * fired. Each call moves on by one, so `await next('dandelion-load')` twice is two loads.
   */
  next<D = unknown>(type: WidgetEventName): Promise<CustomEvent<D>> {
    const from = this.cursor.get(type) ?? 0;
    const found = this.firstFrom(type, from);
    if (found) {
      this.cursor.set(type, found.index + 1);
      return Promise.resolve(found.event as CustomEvent<D>);
    }
    return new Promise((resolve) => {
      this.waiting.push({
        type,
        from,
        resolve: (event) => {
          this.cursor.set(type, this.all.indexOf(event) + 1);
          resolve(event as CustomEvent<D>);
        },
      });
    });
  }

  /** The next load (items and source). */
  loaded<T = unknown>(): Promise<DandelionLoadDetail<T>> {
    return this.next<DandelionLoadDetail<T>>('dandelion-load').then((e) => e.detail);
  }

  /** The next error (kind, message, status). */
  failed(): Promise<DandelionErrorDetail> {
    return this.next<DandelionErrorDetail>('dandelion-error').then((e) => e.detail);
  }
}
