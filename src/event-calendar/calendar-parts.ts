/**
 * The calendar's parts that are chunks of their own, and when each is loaded: the views and
 * readers only some calendars show (see `core/lazy-view.ts` and `core/element/lazy-module.ts`).
 */
import type { ReactiveElement } from 'lit';
import { LazyModule } from '../core/element/lazy-module.js';
import { LazyView } from '../core/lazy-view.js';
import type { CalendarView } from './navigation-controller.js';

/** What decides whether a part is needed before the calendar's next update. */
export interface CalendarNeeds {
  view: () => CalendarView;
  narrow: () => boolean;
  /** `lunar` is on and the UI is Chinese. */
  lunar: () => boolean;
  /** `category-colors` is set. */
  colours: () => boolean;
}

export class CalendarParts {
  /** The detail view's code and styles, loaded when a detail first opens. */
  readonly detail: LazyView<typeof import('./event-detail.js')>;
  /** The month view in a narrow container: marks, the chosen day's list. */
  readonly phone: LazyView<typeof import('./month-phone-view.js')>;
  /** The week view, loaded before the calendar first shows a week. */
  readonly week: LazyView<typeof import('./week-view.js')>;
  /** The lunar labels' code, loaded before the first update while `lunar` is on in Chinese. */
  readonly lunar: LazyModule<typeof import('./lunar.js')>;
  /** The reader of `category-colors`, loaded before an update while it is set. */
  readonly colours: LazyModule<typeof import('../core/own-category-colours.js')>;

  constructor(host: ReactiveElement, needs: CalendarNeeds) {
    this.detail = new LazyView(host, () => import('./event-detail.js'), 'the event detail');
    this.phone = new LazyView(
      host,
      () => import('./month-phone-view.js'),
      'the phone month view',
      () => needs.view() === 'month' && needs.narrow(),
    );
    this.week = new LazyView(
      host,
      () => import('./week-view.js'),
      'the week view',
      () => needs.view() === 'week',
    );
    this.lunar = new LazyModule(host, {
      load: () => import('./lunar.js'),
      what: 'the lunar labels',
      when: needs.lunar,
    });
    this.colours = new LazyModule(host, {
      load: () => import('../core/own-category-colours.js'),
      what: 'the category colours',
      when: needs.colours,
    });
  }
}
