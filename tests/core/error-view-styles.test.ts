/**
 * The error view's own styles (the way forward, the collapsed details for the site
 * administrator) come with its chunk, not in every widget's first view: a widget adopts them
 * when a load fails, before the error view first shows, next to the styles its lazy views
 * adopted — whichever came first. Adopted sheets, never `<style>` elements (strict CSP).
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { styles as errorStyles } from '../../src/core/error-view.js';
import { lazyResource } from '../../src/core/resource/resource-controller.js';
import { detailStyles } from '../../src/service-finder/detail-view.styles.js';
import { byRole, until } from '../support/index.js';
import { mountFinder, mountFinderLoading, type FinderHarness } from '../support/finder.js';
import { mountFormLoading } from '../support/intake.js';
import { collectRejections } from '../support/rejections.js';
import { quietly } from '../support/calendar.js';

let keys = 0;
const key = () => `error-view-styles-${++keys}-${Date.now()}`;
const failing = () => `/test-api/status/404?key=${key()}`;
const working = () => `/test-api/flaky?fail=0&key=${key()}`;

/** The sheets adopted by `el`'s shadow root. */
const sheets = (el: HTMLElement): CSSStyleSheet[] => [...el.shadowRoot!.adoptedStyleSheets];

/** Whether `el` adopted the sheet of `styles` (the very object: every widget shares it). */
const adopted = (el: HTMLElement, styles: CSSResult): boolean =>
  sheets(el).includes(styles.styleSheet!);

/** `el`'s adopted sheets, each named by its first rule and numbered when the same one repeats. */
function sheetNames(el: HTMLElement): string[] {
  const all = sheets(el);
  return all.map((sheet, i) => {
    const first = sheet.cssRules[0] as CSSStyleRule | undefined;
    const same = all.slice(0, i).filter((s) => s === sheet).length;
    return `${first?.selectorText ?? first?.cssText ?? '(empty)'}${same ? ` #${same + 1}` : ''}`;
  });
}

/** Whether any sheet adopted by `el` has a rule for the administrator's details. */
function hasAdminRule(el: HTMLElement): boolean {
  return sheets(el).some((sheet) =>
    [...sheet.cssRules].some((rule) => (rule as CSSStyleRule).selectorText?.includes('.admin')),
  );
}

/** How the administrator's details look: the list's layout, and how a long address wraps. */
function adminLook(el: HTMLElement): { dl: string; dd: string } {
  const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('[role="alert"] details.admin');
  if (!details) throw new Error('no administrator details in the error view');
  details.open = true;
  const dl = details.querySelector('dl')!;
  const dd = details.querySelector('dd')!;
  return { dl: getComputedStyle(dl).display, dd: getComputedStyle(dd).overflowWrap };
}

const styled = { dl: 'grid', dd: 'anywhere' };

/**
 * How the administrator's list looked the moment it was put in `el`'s shadow root (a mutation
 * observer runs before the page can paint): adopted later, the first frame shows it unstyled.
 */
function firstLook(el: HTMLElement): Promise<string> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const dl = el.shadowRoot!.querySelector('.admin dl');
      if (!dl) return;
      observer.disconnect();
      resolve(getComputedStyle(dl).display);
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  });
}

/** Sets the finder's `src` and waits for its failure (warned in the console on purpose). */
async function failOn(finder: FinderHarness, src: string): Promise<void> {
  await quietly(async () => {
    const failed = finder.events.failed();
    finder.el.setAttribute('src', src);
    await failed;
    await finder.settled();
  });
}

describe("the error view's styles", () => {
  const errorView = lazyResource.errors;
  const rejections = collectRejections();
  afterEach(() => {
    lazyResource.errors = errorView;
  });

  it('are not in a finder that has not failed', async () => {
    const finder = await mountFinder({ src: working() });
    expect(finder.names()).to.deep.equal(['recovered']);
    expect(hasAdminRule(finder.el)).to.equal(false);
  });

  it('style the administrator details of a failed finder from their first frame', async () => {
    const finder = await mountFinderLoading({ src: failing() });
    const first = firstLook(finder.el);
    await quietly(async () => {
      await finder.events.failed();
      await finder.settled();
    });
    expect(await first, 'the list as it first showed').to.equal('grid');
    expect(adminLook(finder.el)).to.deep.equal(styled);
    expect(finder.el.shadowRoot!.querySelector('style'), 'a <style> element').to.equal(null);
    expect(rejections).to.be.empty;
  });

  it('style the administrator details of an intake form whose schema failed', async () => {
    const form = await mountFormLoading({ lang: 'en', schema: failing() });
    expect(hasAdminRule(form.el), 'before the failure').to.equal(false);
    const first = firstLook(form.el);
    await quietly(async () => {
      await form.events.failed();
      await form.settle();
    });
    expect(form.status()?.getAttribute('role')).to.equal('alert');
    expect(await first, 'the list as it first showed').to.equal('grid');
    expect(adminLook(form.el)).to.deep.equal(styled);
    expect(form.el.shadowRoot!.querySelector('style'), 'a <style> element').to.equal(null);
  });

  it('come when the error view arrives after the failure (a held download), not before', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    lazyResource.errors = () => ((asked = true), released.then(errorView));
    const finder = await mountFinderLoading({ src: failing() });
    const first = firstLook(finder.el);
    await quietly(async () => {
      await until(() => asked, 'the error view asked for');
      expect(hasAdminRule(finder.el), 'before the error view arrived').to.equal(false);
      const failed = finder.events.failed();
      release();
      await failed;
      await finder.settled();
    });
    expect(await first, 'the list as it first showed').to.equal('grid');
    expect(adminLook(finder.el)).to.deep.equal(styled);
  });

  it('are not adopted when the error view cannot be downloaded (the plain message shows)', async () => {
    lazyResource.errors = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module (test)'));
    const finder = await mountFinderLoading({ src: failing() });
    await quietly(async () => {
      await finder.events.failed();
      await finder.settled();
    });
    expect(byRole(finder.el, 'alert').querySelector('.message')).to.not.equal(null);
    expect(hasAdminRule(finder.el)).to.equal(false);
    expect(rejections).to.be.empty;
  });

  it('join the detail view styles of a finder that opened a service, then failed to reload', async () => {
    const finder = await mountFinder({ src: working() });
    await finder.open('recovered');
    expect(getComputedStyle(finder.detail()!.heading()!).overflowWrap).to.equal('anywhere');
    await failOn(finder, failing());
    // The shown service stays on screen, still styled, and the error view's styles came.
    expect(getComputedStyle(finder.detail()!.heading()!).overflowWrap).to.equal('anywhere');
    expect(adopted(finder.el, detailStyles), 'the detail view styles').to.equal(true);
    expect(adopted(finder.el, errorStyles), 'the error view styles').to.equal(true);
  });

  it('stay when a finder that failed opens a service, and end the same in either order', async () => {
    const failedFirst = await mountFinderLoading({ src: failing() });
    await quietly(async () => {
      await failedFirst.events.failed();
      await failedFirst.settled();
    });
    expect(adminLook(failedFirst.el)).to.deep.equal(styled);
    const loaded = failedFirst.events.loaded();
    failedFirst.el.setAttribute('src', working());
    await loaded;
    await failedFirst.settled();
    await failedFirst.open('recovered');
    expect(getComputedStyle(failedFirst.detail()!.heading()!).overflowWrap).to.equal('anywhere');
    expect(adopted(failedFirst.el, errorStyles), 'the error view styles').to.equal(true);

    const openedFirst = await mountFinder({ src: working() });
    await openedFirst.open('recovered');
    await failOn(openedFirst, failing());
    // The same sheets (the very objects) in both shadow roots, whichever order they came in.
    expect(sheets(failedFirst.el)).to.have.length(sheets(openedFirst.el).length);
    expect(sheets(failedFirst.el).every((s) => sheets(openedFirst.el).includes(s))).to.equal(true);
    expect(sheetNames(failedFirst.el).sort()).to.deep.equal(sheetNames(openedFirst.el).sort());
  });
});
