/** Shared helpers for the finder's element tests. */
import { aTimeout, waitUntil } from '@open-wc/testing';
import type { ServiceFinder } from '../../src/service-finder/service-finder.js';

export const root = (el: ServiceFinder) => el.shadowRoot!;

/** Waits until the finder left the loading state and rendered. */
export async function settled(el: ServiceFinder): Promise<void> {
  await waitUntil(
    () =>
      !el.hasAttribute('aria-busy') &&
      !root(el).querySelector('.loading') &&
      root(el).querySelector('.base > :not(slot)'),
    'finder did not finish loading',
    { timeout: 8000 },
  );
  await el.updateComplete;
}

export const cards = (el: ServiceFinder) => [
  ...root(el).querySelectorAll<HTMLElement>('[part="service"]'),
];

export const names = (el: ServiceFinder) =>
  cards(el).map((c) => c.querySelector('.open')!.textContent!.replace(/\s+/g, ' ').trim());

export const ids = (el: ServiceFinder) => cards(el).map((c) => c.dataset.id);

export const countText = (el: ServiceFinder) =>
  root(el).querySelector('[part="count"]')!.textContent!.trim();

export const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();

/** Types into the search box as a user would (input events), then waits out the debounce. */
export async function typeSearch(el: ServiceFinder, value: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('#q')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await aTimeout(200);
  await el.updateComplete;
}

export async function choose(el: ServiceFinder, selector: string, value: string): Promise<void> {
  const control = root(el).querySelector<HTMLSelectElement | HTMLInputElement>(selector)!;
  if (control instanceof HTMLInputElement && control.type === 'checkbox') {
    control.checked = value === 'on';
    control.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    control.value = value;
    control.dispatchEvent(
      new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  }
  await el.updateComplete;
}

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Clicks "use my location" and waits until the finder has an answer (the button is enabled again). */
export async function locate(el: ServiceFinder): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('.locate')!.click();
  await el.updateComplete;
  await waitUntil(
    () => root(el).querySelector('.locate')?.getAttribute('aria-disabled') === 'false',
    'the finder is still locating',
  );
  await el.updateComplete;
}

/** Waits until the detail view (its own lazily loaded chunk) shows a service. */
export async function detailShown(el: ServiceFinder): Promise<HTMLElement> {
  await waitUntil(
    () => root(el).querySelector('[part="detail"] #detail-title'),
    'the detail view did not open',
  );
  await el.updateComplete;
  return root(el).querySelector<HTMLElement>('[part="detail"]')!;
}
