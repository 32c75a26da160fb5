import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/story-carousel/define.js';
import '../../src/event-calendar/define.js';
import { mount, until } from '../support/index.js';
import { release, untilHeld } from '../support/network.js';
import { find, text } from '../support/dom.js';
import { DandelionError } from '../../src/core/errors.js';
import type { DandelionErrorDetail } from '../../src/core/events.js';
import { ensureLocalization } from '../../src/core/i18n/localization.js';
import { ResourceController } from '../../src/core/resource/resource-controller.js';
import { quietly } from '../support/calendar.js';

/** Runs `fn` with console warnings silenced (the failures here warn on purpose). */
const quiet = async <T>(fn: () => Promise<T>): Promise<T> => (await quietly(fn))[0];

/** The least a resource needs of its host, with the page's language and nothing loaded for it. */
class BareHost extends HTMLElement {
  readonly locale = { messages: 'zh-Hant', intl: 'zh-Hant' } as const;
  addController(): void {}
  removeController(): void {}
  requestUpdate(): void {}
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}
customElements.define('bare-host', BareHost);

/**
 * A zh-Hant page whose first widget action is a failure: the widget's translations are not
 * loaded yet when the load starts, yet the first `dandelion-error` and the error view already
 * speak Traditional Chinese. Its own file, so no earlier test has loaded zh-Hant.
 */
document.documentElement.lang = 'zh-Hant';

describe('the first error on a zh-Hant page', () => {
  after(() => {
    document.documentElement.lang = 'en';
  });

  it('a resource that fails before its host loaded the translations still reports in zh-Hant', async () => {
    const loadedBefore = performance
      .getEntriesByType('resource')
      .some((e) => e.name.includes('generated/locales/zh-Hant'));
    expect(loadedBefore, 'zh-Hant messages loaded before the test').to.equal(false);
    ensureLocalization();
    const host = document.createElement('bare-host') as BareHost;
    document.body.append(host);
    const failed = new Promise<DandelionErrorDetail>((resolve) =>
      host.addEventListener('dandelion-error', (e) => resolve(e.detail), { once: true }),
    );
    const resource = new ResourceController(host, {
      args: () => 1,
      key: () => [1],
      source: () => 'https://data.example.org/x.json',
      task: () => Promise.reject(new DandelionError('http', 'answered 404', 404)),
    });
    try {
      await quiet(async () => {
        resource.sync();
        expect((await failed).message).to.equal('暫時找不到這裡的內容，請稍後再來看看。');
      });
    } finally {
      host.remove();
    }
  });

  it('follows a page language set while the data was on its way', async () => {
    const detail = await quiet(async () => {
      const { el, events } = await mount<HTMLElement>(
        html`<story-carousel
          lang="zh-Hans"
          src="/test-api/status/404?hold=lang-race&key=lang-race"
        ></story-carousel>`,
      );
      await untilHeld('lang-race');
      // The site's script sets the language after the widgets started (many i18n libraries do).
      el.removeAttribute('lang');
      await release('lang-race');
      return events.failed();
    });
    expect(detail.message).to.equal('暫時找不到這裡的內容，請稍後再來看看。');
  });

  it('is in Traditional Chinese in the widget and its error view', async () => {
    const { el, detail } = await quiet(async () => {
      const { el, events } = await mount<HTMLElement>(
        html`<story-carousel src="/test-api/status/404?key=first-error"></story-carousel>`,
      );
      return { el, detail: await events.failed() };
    });
    expect(detail.message).to.equal('暫時找不到這裡的內容，請稍後再來看看。');
    await until(() => find(el, '[part="status"] summary'), 'the error view');
    expect(text(find(el, '[part="status"] summary'))).to.equal('給網站管理員');
  });

  it('is in Traditional Chinese for records given directly that cannot be read', async () => {
    const { detail } = await quiet(async () => {
      const { events } = await mount<HTMLElement>(
        html`<event-calendar .data=${[{ id: 'x', title: '沒有日期' }]}></event-calendar>`,
      );
      return { detail: await events.failed() };
    });
    expect(detail.message).to.equal('這裡的內容暫時顯示不出來，請稍後再來看看。');
  });
});
