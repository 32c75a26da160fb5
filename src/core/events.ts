/** Kinds of failure a widget reports in `dandelion-error`. */
export type DandelionErrorKind = 'network' | 'timeout' | 'http' | 'parse' | 'format' | 'too-large';

/** `dandelion-load`: normalized items after every successful load. */
export interface DandelionLoadDetail<T = unknown> {
  items: T[];
  /** The URL the items came from, or `'data'` when given through the `.data` property. */
  source: string;
}

/** `dandelion-error`: what went wrong, in the widget's UI language. */
export interface DandelionErrorDetail {
  kind: DandelionErrorKind;
  message: string;
  status?: number;
}

/** `dandelion-select`: a service / event / story opened by the user. */
export interface DandelionSelectDetail<T = unknown> {
  item: T;
}

/** `dandelion-submit`: an intake answer was sent or queued on this device. */
export interface DandelionSubmitDetail {
  id: string;
  data: unknown;
  status: 'sent' | 'queued';
}

export interface DandelionEventDetails {
  'dandelion-load': DandelionLoadDetail;
  'dandelion-error': DandelionErrorDetail;
  'dandelion-select': DandelionSelectDetail;
  'dandelion-submit': DandelionSubmitDetail;
}

export type DandelionEventName = keyof DandelionEventDetails;
export type DandelionLoadEvent = CustomEvent<DandelionLoadDetail>;
export type DandelionErrorEvent = CustomEvent<DandelionErrorDetail>;
export type DandelionSelectEvent = CustomEvent<DandelionSelectDetail>;
export type DandelionSubmitEvent = CustomEvent<DandelionSubmitDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'dandelion-load': DandelionLoadEvent;
    'dandelion-error': DandelionErrorEvent;
    'dandelion-select': DandelionSelectEvent;
    'dandelion-submit': DandelionSubmitEvent;
  }
}

/** Dispatches a typed Dandelion event that bubbles and crosses shadow roots. */
export function emit<K extends DandelionEventName>(
  target: EventTarget,
  name: K,
  detail: DandelionEventDetails[K],
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }),
  );
}
