/**
 * Puts a widget on the page the way a site does, with its events recorded from before it is
 * connected (the first load or error can come fast). Everything mounted is removed after each
 * test (see setup.ts), so no test sees another's elements.
 */
import { render, type TemplateResult } from 'lit';
import { EventLog } from './events.js';

const mounted = new Set<HTMLElement>();

export interface Mounted<T extends HTMLElement> {
  el: T;
  events: EventLog;
}

/**
 * Renders `template` (one root element) into a fresh container, starts recording its events,
 * then connects it to the document and waits for its first render.
 */
export async function mount<T extends HTMLElement>(template: TemplateResult): Promise<Mounted<T>> {
  const container = document.createElement('div');
  render(template, container);
  const el = container.firstElementChild as T | null;
  if (!el) throw new Error('mount: the template has no element');
  const events = new EventLog(container);
  mounted.add(container);
  document.body.append(container);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return { el, events };
}

/** Removes everything `mount` put on the page. */
export function unmountAll(): void {
  for (const container of mounted) container.remove();
  mounted.clear();
}
