import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/service-finder/define.js';
import { mount, until } from '../support/index.js';
import { find } from '../support/dom.js';
import { showCalendar } from '../support/calendar.js';

/**
 * Map links (core `map-link.ts`, in the finder and the calendar) speak the widget's language:
 * their text names the place in that language, and the map is one for that language (Amap for
 * a Chinese UI, OpenStreetMap otherwise).
 */
const languages = [
  ['zh-Hans', '在地图上查看', 'uri.amap.com'],
  ['zh-Hant', '在地圖上查看', 'uri.amap.com'],
  ['en', 'Show ', 'www.openstreetmap.org'],
] as const;

const services = [
  {
    id: 's1',
    name: '法律咨询',
    locations: [{ name: '示例社工站', address: '和平路 20 号', lat: 23.1291, lng: 113.2644 }],
  },
];

describe('map link text in the UI language', () => {
  for (const [lang, words, host] of languages) {
    it(`service-finder detail (${lang})`, async () => {
      const { el } = await mount<HTMLElement>(
        html`<service-finder lang=${lang} .data=${services}></service-finder>`,
      );
      (await until(() => find<HTMLButtonElement>(el, '.card-title button'), 'results')).click();
      const link = await until(() => find<HTMLAnchorElement>(el, '.map-link'), 'the map link');
      const shown = link.textContent!.trim();
      expect(shown).to.equal(lang === 'en' ? 'Show 示例社工站 on a map' : `${words}示例社工站`);
      expect(new URL(link.href).host).to.equal(host);
    });

    it(`event-calendar detail (${lang})`, async () => {
      const calendar = await showCalendar({ lang, date: '2026-11-16', view: 'list' });
      const dialog = await calendar.openEvent('亲子阅读会');
      const link = find<HTMLAnchorElement>(dialog.el, `a[href*="${host}"]`)!;
      expect(link, 'the map link').to.not.equal(null);
      expect(link.textContent!.trim()).to.equal(
        lang === 'en' ? 'Show 示例社工站活动室 on a map' : `${words}示例社工站活动室`,
      );
    });
  }
});
