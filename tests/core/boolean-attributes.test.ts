import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import type { PropertyDeclaration, ReactiveElement } from 'lit';
import { booleanAttribute } from '../../src/core/boolean-attribute.js';
import { ServiceFinder } from '../../src/service-finder/index.js';
import { EventCalendar } from '../../src/event-calendar/index.js';
import { IntakeForm } from '../../src/intake-form/index.js';
import { StoryCarousel } from '../../src/story-carousel/index.js';
import { FinderHarness, records } from '../support/finder.js';
import { mount } from '../support/index.js';
import { carouselIn, stories } from '../support/carousel.js';

const widgets = {
  'service-finder': ServiceFinder,
  'event-calendar': EventCalendar,
  'intake-form': IntakeForm,
  'story-carousel': StoryCarousel,
} as const;

/** Every boolean `@property` of a widget class: [property name, attribute name]. */
function booleanProperties(ctor: typeof ReactiveElement): [string, string, PropertyDeclaration][] {
  return [...ctor.elementProperties]
    .filter(([, options]) => options.type === Boolean)
    .map(([name, options]) => [String(name), String(options.attribute), options]);
}

describe('boolean attributes: the literal "false" is false', () => {
  it('reads present as on, absent and "false" (any case) as off', () => {
    const read = (value: string | null) => booleanAttribute.fromAttribute!(value, Boolean);
    expect(read(null)).to.equal(false);
    expect(read('')).to.equal(true);
    expect(read('true')).to.equal(true);
    expect(read('sync-url')).to.equal(true);
    expect(read('0')).to.equal(true);
    expect(read('false')).to.equal(false);
    expect(read('FALSE')).to.equal(false);
    expect(read('False')).to.equal(false);
    expect(booleanAttribute.toAttribute!(true, Boolean)).to.equal('');
    expect(booleanAttribute.toAttribute!(false, Boolean)).to.equal(null);
  });

  it('every boolean attribute of every widget uses the shared converter', () => {
    const found: string[] = [];
    for (const [tag, ctor] of Object.entries(widgets)) {
      for (const [name, attribute, options] of booleanProperties(ctor)) {
        found.push(`${tag}[${attribute}]`);
        expect(options.converter, `${tag}.${name}`).to.equal(booleanAttribute);
      }
    }
    // The list is the documented one (README "Boolean attributes"): a new one is added there too.
    expect(found.sort()).to.deep.equal([
      'event-calendar[lunar]',
      'intake-form[no-draft]',
      'service-finder[sync-url]',
      'story-carousel[autoplay]',
      'story-carousel[loop]',
      'story-carousel[overlay]',
    ]);
  });

  for (const [tag, ctor] of Object.entries(widgets)) {
    it(`<${tag}>: each boolean attribute turns on when present and off for "false" or removal`, () => {
      for (const [name, attribute] of booleanProperties(ctor)) {
        const el = document.createElement(tag) as unknown as HTMLElement & Record<string, unknown>;
        expect(el[name], `${attribute} off by default`).to.equal(false);
        el.setAttribute(attribute, '');
        expect(el[name], `${attribute}=""`).to.equal(true);
        el.setAttribute(attribute, 'false');
        expect(el[name], `${attribute}="false"`).to.equal(false);
        el.setAttribute(attribute, 'true');
        expect(el[name], `${attribute}="true"`).to.equal(true);
        el.removeAttribute(attribute);
        expect(el[name], `${attribute} removed`).to.equal(false);
      }
    });
  }

  describe('as Vue and Svelte write it', () => {
    let saved: string;
    beforeEach(() => {
      saved = location.href;
    });
    afterEach(() => {
      history.replaceState(history.state, '', saved);
    });

    it('<service-finder sync-url="false"> neither reads nor writes the page URL', async () => {
      const url = new URL(saved);
      url.searchParams.set('sf-q', '心理');
      history.replaceState(history.state, '', url.href);
      const { el, events } = await mount<ServiceFinder>(
        html`<service-finder lang="zh-Hans" sync-url="false" .data=${records()}></service-finder>`,
      );
      const finder = new FinderHarness(el, events);
      await events.loaded();
      await finder.settled();
      expect(finder.searchBox().value, 'the query in the URL is not read').to.equal('');
      await finder.search('法律');
      expect(new URL(location.href).searchParams.get('sf-q')).to.equal('心理');
    });

    it('<story-carousel overlay="false"> puts the text below the image, as without the attribute', async () => {
      const gradient = async (overlay: string | undefined) => {
        const shown = await carouselIn(
          overlay === undefined
            ? html`<story-carousel per-view="1"></story-carousel>`
            : html`<story-carousel per-view="1" overlay=${overlay}></story-carousel>`,
        );
        await shown.show(stories(2));
        const text = shown.el.shadowRoot!.querySelector('.media + .text')!;
        return getComputedStyle(text).backgroundImage;
      };
      expect(await gradient('')).to.contain('linear-gradient');
      expect(await gradient(undefined)).to.equal('none');
      expect(await gradient('false')).to.equal('none');
      expect(await gradient('FALSE')).to.equal('none');
    });

    it('a reflected boolean set to false removes its attribute', async () => {
      const shown = await carouselIn(html`<story-carousel overlay></story-carousel>`);
      shown.el.overlay = false;
      await shown.el.updateComplete;
      expect(shown.el.hasAttribute('overlay')).to.equal(false);
    });
  });
});

describe('a string set on a number or boolean property (Vue, Svelte: same-named attribute)', () => {
  it('is read as the attribute would be, for every such property of every widget', () => {
    for (const [tag, ctor] of Object.entries(widgets)) {
      const el = document.createElement(tag) as unknown as Record<string, unknown>;
      for (const [name, options] of ctor.elementProperties) {
        const key = String(name);
        if (options.type === Number) {
          el[key] = '42';
          expect(el[key], `${tag}.${key}`).to.equal(42);
          el[key] = 7;
          expect(el[key], `${tag}.${key}`).to.equal(7);
        } else if (options.type === Boolean) {
          el[key] = 'false';
          expect(el[key], `${tag}.${key}`).to.equal(false);
          el[key] = '';
          expect(el[key], `${tag}.${key}`).to.equal(true);
          el[key] = false;
          expect(el[key], `${tag}.${key}`).to.equal(false);
        }
      }
    }
  });

  it('keeps other properties as set (a schema URL stays a string)', () => {
    const form = document.createElement('intake-form') as IntakeForm;
    form.schema = '/forms/a.json';
    expect(form.schema).to.equal('/forms/a.json');
  });

  it('a mounted carousel given interval "3000" and loop "false" as properties reads 3000 and false', async () => {
    const { el } = await mount<StoryCarousel>(html`<story-carousel></story-carousel>`);
    Object.assign(el, { interval: '3000', loop: 'false' });
    await el.updateComplete;
    expect(el.interval).to.equal(3000);
    expect(el.loop).to.equal(false);
  });
});
