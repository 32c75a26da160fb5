/**
 * The dialog's content: its head (title, "back to the list", close), a day's events, or one
 * event's detail — whose code is its own chunk (`event-detail.ts`), shown as loading or as an
 * error with a retry button until it is there.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { eventTitle } from '../core/event-title.js';
import { networkErrorMessage } from '../core/network-error.js';
import { renderError, renderLoading } from '../core/status-view.js';
import type { DialogController } from './dialog-controller.js';
import type { Display } from './display.js';
import {
  renderListEvent,
  when,
  zoneShown,
  type EventPlaced,
  type ViewContext,
} from './view-parts.js';
import { heading } from '../core/heading.js';

/** The detail's own chunk: undefined while loading, `failed` when it could not be loaded. */
type DetailModule = typeof import('./event-detail.js') | 'failed' | undefined;

export interface DialogData {
  dialog: DialogController;
  view: ViewContext;
  display: Display;
  /** The events shown (the day list shows a day's). */
  visible: EventPlaced[];
  detail: DetailModule;
  /** The checked `map-link` template. */
  mapTemplate?: string;
  /** Default to a Chinese map provider (zh UIs). */
  chineseMaps: boolean;
  /** Palette index by category. */
  colours: Map<string, number>;
  /** Sets the detail's status line; `message` is called in the calendar's language. */
  setNotice: (message: () => string) => void;
  onRetryDetail: () => void;
}

export function renderDialog(d: DialogData): TemplateResult {
  const state = d.dialog.state;
  return html`<dialog
    part="dialog"
    class="dialog"
    aria-labelledby="dialog-title"
    @close=${d.dialog.onDialogClose}
    @click=${d.dialog.onDialogClick}
  >
    ${
      state
        ? html`<div class="dialog-body">
            ${state.mode === 'event' ? renderDetail(d, state.placed, state.fromDay) : renderDayList(d, state.day)}
          </div>`
        : nothing
    }
  </dialog>`;
}

function renderHead(d: DialogData, title: string, back: boolean): TemplateResult {
  return html`<div class="dialog-head">
    ${
      back
        ? html`<button
            part="button"
            class="button secondary back"
            type="button"
            @click=${d.dialog.onBack}
          >
            ${msg('Back to the list', { id: 'calendar.back' })}
          </button>`
        : nothing
    }
    ${heading(d.view.headingLevel, title, { id: 'dialog-title', class: 'dialog-title', tabindex: -1 })}
    <button
      part="button"
      class="button secondary icon close"
      type="button"
      aria-label=${msg('Close', { id: 'calendar.close' })}
      @click=${d.dialog.onClose}
    >
      <span aria-hidden="true" class="cross"></span>
    </button>
  </div>`;
}

function renderDetail(d: DialogData, p: EventPlaced, fromDay: number | undefined): TemplateResult {
  const head = renderHead(d, eventTitle(p.event), fromDay !== undefined);
  if (d.detail === undefined) return html`${head}${renderLoading()}`;
  if (d.detail === 'failed') {
    return html`${head}${renderError(networkErrorMessage(), d.onRetryDetail)}`;
  }
  const formats = d.view.formats;
  const zone = d.display.zone.name;
  return d.detail.renderEventDetail(p, {
    formats,
    zoneName: zone,
    head,
    when: when(p, formats),
    zoneShown: (ms) => zoneShown(formats, zone, ms),
    mapTemplate: d.mapTemplate,
    chineseMaps: d.chineseMaps,
    colourOf: (category) => d.colours.get(category) ?? -1,
    notice: d.dialog.notice,
    setNotice: d.setNotice,
  });
}

function renderDayList(d: DialogData, day: number): TemplateResult {
  const title = msg(str`Events on ${d.view.formats.dayHeading(day)}`, { id: 'calendar.dayList' });
  return html`${renderHead(d, title, false)}
    <ul class="list-events day-list">
      ${d.visible
        .filter((p) => p.startDay <= day && p.endDay >= day)
        .map((p) => html`<li>${renderListEvent(p, d.view)}</li>`)}
    </ul>`;
}
