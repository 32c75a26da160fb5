import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { resolveLocale, toSupportedLocale } from '../../src/core/i18n/locale.js';

describe('locale resolution', () => {
  it('runs in a real Chromium (proof of the runner, not a feature)', () => {
    expect(navigator.userAgent).to.contain('Chrome');
  });

  it('maps language tags to the shipped message locales', () => {
    const locales: [string | undefined, string][] = [
      ['zh-CN', 'zh-Hans'],
      ['zh', 'zh-Hans'],
      ['zh-Hans-SG', 'zh-Hans'],
      ['zh-TW', 'zh-Hant'],
      ['zh_HK', 'zh-Hant'],
      ['zh-Hant', 'zh-Hant'],
      ['en-GB', 'en'],
      ['fr', 'en'],
      ['', 'zh-Hans'],
      [undefined, 'zh-Hans'],
    ];
    for (const [tag, locale] of locales)
      expect(toSupportedLocale(tag), String(tag)).to.equal(locale);
  });

  it('prefers the element lang, then the nearest ancestor, then <html lang>', () => {
    const html = document.documentElement;
    const previous = html.getAttribute('lang');
    const outer = document.createElement('div');
    const inner = document.createElement('span');
    outer.append(inner);
    document.body.append(outer);
    try {
      html.setAttribute('lang', 'en');
      expect(resolveLocale(inner).messages).to.equal('en');
      outer.setAttribute('lang', 'zh-TW');
      expect(resolveLocale(inner)).to.deep.equal({ messages: 'zh-Hant', intl: 'zh-TW' });
      inner.setAttribute('lang', 'zh-CN');
      expect(resolveLocale(inner)).to.deep.equal({ messages: 'zh-Hans', intl: 'zh-CN' });
      html.removeAttribute('lang');
      outer.removeAttribute('lang');
      inner.removeAttribute('lang');
      expect(resolveLocale(inner).messages).to.equal('zh-Hans');
    } finally {
      outer.remove();
      if (previous === null) html.removeAttribute('lang');
      else html.setAttribute('lang', previous);
    }
  });

  it('crosses shadow roots to find the language', () => {
    const host = document.createElement('div');
    host.setAttribute('lang', 'zh-Hant');
    const inside = document.createElement('p');
    host.attachShadow({ mode: 'open' }).append(inside);
    document.body.append(host);
    try {
      expect(resolveLocale(inside).messages).to.equal('zh-Hant');
    } finally {
      host.remove();
    }
  });
});
