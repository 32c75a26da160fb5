/**
 * The notices above the form and the schema keywords it ignores (notices-view.ts) as a chunk of
 * their own, not part of the form's first view: loaded when there is one to show, and the update
 * that would show it waits for them (once), so nobody sees a notice without its words. If they
 * cannot be downloaded, a notice that something went wrong still says so (status-views.ts,
 * `renderNoticeWithoutWords`), and the next notice tries the download again.
 */
import type { ReactiveElement } from 'lit';
import { LazyView } from '../core/lazy-view.js';
import type { Notice } from './status-views.js';

export class Notices extends LazyView<typeof import('./notices-view.js')> {
  constructor(
    host: ReactiveElement,
    private readonly notice: () => Notice | undefined,
    /** The loaded form (with the schema's problems), if any. */
    private readonly form: () => { problems: readonly unknown[] } | undefined,
  ) {
    super(
      host,
      () => import('./notices-view.js'),
      'the notices',
      () => this.needed,
    );
  }

  /** Whether there is a notice or a note on the schema to show. */
  get needed(): boolean {
    return !!this.notice() || !!this.form()?.problems.length;
  }

  /**
   * Before each render: an inline schema's problems are known only now (a URL's before the
   * update, which then waited); a new notice after a failed download tries it again.
   */
  prepare(newNotice: boolean): void {
    if (this.state === undefined && this.needed) void this.load();
    else if (this.state === 'failed' && newNotice && this.notice()) void this.retry();
  }
}
