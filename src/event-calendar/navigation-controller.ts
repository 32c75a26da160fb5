/**
 * Where the calendar is: the focused day (whose month or week is shown), today, the dates
 * navigation may reach (`min-date` / `max-date`), stepping by month or week, and the month grid's
 * keyboard — the WAI-ARIA APG **grid** pattern: one tab stop on the focused day; arrows (mirrored
 * right-to-left), Home/End (week), Ctrl+Home/End (month), PageUp/PageDown (month),
 * Shift+PageUp/PageDown (year); Enter/Space opens the day.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { addMonths, monthLength, monthStart, parseDay, weekStart } from '../core/time/day.js';

/** The calendar's views. */
export type CalendarView = 'month' | 'week' | 'list';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

export interface NavigationOptions {
  /** The view in effect (month and list step by month, week by week). */
  view: () => CalendarView;
  /** Enter or Space on a day cell. */
  activate: (day: number, cell: HTMLElement) => unknown;
  /** The focused date was moved by the toolbar or `goTo` (not by the grid's arrows). */
  moved: () => void;
}

/** What the date attributes say, read in the host's `willUpdate`. */
export interface DateInputs {
  date?: string;
  minDate?: string;
  maxDate?: string;
  /** `date` changed in this update. */
  dateChanged: boolean;
  /** `min-date` or `max-date` changed in this update. */
  boundsChanged: boolean;
}

export class NavigationController implements ReactiveController {
  /** The focused day (day number); 0 until the first update. */
  focusDay = 0;
  /** Today in the display zone (day number). */
  today = 0;
  /** First day of the week (ISO weekday, 1 = Monday). */
  firstDay = 1;
  /** Earliest and latest day navigation may reach. */
  minDay?: number;
  maxDay?: number;
  /** Focus the focused day's cell after the next render (it moved by keyboard or click). */
  private focusCell = false;

  constructor(
    private readonly host: Host,
    private readonly options: NavigationOptions,
  ) {
    host.addController(this);
  }

  /** Takes today, the week start and the date attributes into account (host's `willUpdate`). */
  sync(today: number, firstDay: number, inputs: DateInputs): void {
    this.today = today;
    this.firstDay = firstDay;
    if (inputs.dateChanged || !this.focusDay) this.focusDay = parseDay(inputs.date) ?? today;
    if (inputs.boundsChanged || inputs.dateChanged) {
      this.minDay = parseDay(inputs.minDate);
      this.maxDay = parseDay(inputs.maxDate);
      this.focusDay = this.clamp(this.focusDay);
    }
  }

  hostUpdated(): void {
    if (!this.focusCell) return;
    this.focusCell = false;
    this.host.renderRoot
      .querySelector<HTMLElement>(`[role="gridcell"][data-day="${this.focusDay}"]`)
      ?.focus();
  }

  /** `day` moved into the allowed dates. */
  clamp(day: number): number {
    if (this.minDay !== undefined && day < this.minDay) return this.minDay;
    if (this.maxDay !== undefined && day > this.maxDay) return this.maxDay;
    return day;
  }

  /** Whether navigation may reach `day` (an arrow function: views are handed it as is). */
  readonly inRange = (day: number): boolean => this.clamp(day) === day;

  /** First and last day of the focused month's grid (whole weeks) or of the focused week. */
  gridRange(view: 'month' | 'week'): [number, number] {
    const focus = this.focusDay;
    if (view === 'week') {
      const first = weekStart(focus, this.firstDay);
      return [first, first + 6];
    }
    const last = monthStart(focus) + monthLength(focus) - 1;
    return [weekStart(monthStart(focus), this.firstDay), weekStart(last, this.firstDay) + 6];
  }

  /** Day reached by one step back (−1) or forward (+1) in the current view. */
  private stepped(direction: -1 | 1): number {
    return this.options.view() === 'week'
      ? this.focusDay + 7 * direction
      : addMonths(this.focusDay, direction);
  }

  /** Whether a step in `direction` would still show some allowed date. */
  canStep(direction: -1 | 1): boolean {
    const target = this.stepped(direction);
    const week = this.options.view() === 'week';
    const first = week ? weekStart(target, this.firstDay) : monthStart(target);
    const last = week ? first + 6 : first + monthLength(first) - 1;
    if (direction < 0) return this.minDay === undefined || last >= this.minDay;
    return this.maxDay === undefined || first <= this.maxDay;
  }

  /** One month (month, list views) or week back (−1) or forward (+1), when allowed. */
  step(direction: -1 | 1): void {
    if (this.canStep(direction)) this.goTo(this.stepped(direction));
  }

  /** Moves the focused date (within the allowed dates). */
  goTo(day: number): void {
    this.focusDay = this.clamp(day);
    this.options.moved();
    this.host.requestUpdate();
  }

  /** Moves the grid's focus to `day` (clamped) and focuses its cell once rendered. */
  private focusOn(day: number): void {
    this.focusDay = this.clamp(day);
    this.focusCell = true;
    this.host.requestUpdate();
  }

  readonly onPrevious = () => this.step(-1);
  readonly onNext = () => this.step(1);
  readonly onToday = () => this.goTo(this.today);

  readonly onGridKeydown = (e: KeyboardEvent) => {
    const cell = e.target as HTMLElement;
    if (cell.getAttribute('role') !== 'gridcell') return;
    const day = this.keyTarget(e);
    if (day === 'activate') {
      e.preventDefault();
      this.options.activate(this.focusDay, cell);
      return;
    }
    if (day === undefined) return;
    e.preventDefault();
    this.focusOn(day);
  };

  /** The day a key moves the grid's focus to, `activate` for Enter/Space, else undefined. */
  private keyTarget(e: KeyboardEvent): number | 'activate' | undefined {
    const focus = this.focusDay;
    const forward = getComputedStyle(this.host).direction === 'rtl' ? -1 : 1;
    switch (e.key) {
      case 'ArrowRight':
        return focus + forward;
      case 'ArrowLeft':
        return focus - forward;
      case 'ArrowDown':
        return focus + 7;
      case 'ArrowUp':
        return focus - 7;
      case 'Home':
        return e.ctrlKey ? monthStart(focus) : weekStart(focus, this.firstDay);
      case 'End':
        return e.ctrlKey
          ? monthStart(focus) + monthLength(focus) - 1
          : weekStart(focus, this.firstDay) + 6;
      case 'PageUp':
        return addMonths(focus, e.shiftKey ? -12 : -1);
      case 'PageDown':
        return addMonths(focus, e.shiftKey ? 12 : 1);
      case 'Enter':
      case ' ':
        return 'activate';
      default:
        return undefined;
    }
  }

  readonly onCellClick = (e: Event) => {
    const cell = e.currentTarget as HTMLElement;
    if (e.target === cell || (e.target as HTMLElement).closest('button') === null) {
      this.focusOn(Number(cell.dataset.day));
    }
  };
}
