import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
// Only the class entries: nothing in this file may register a Dandelion tag name by itself.
import { ServiceFinder } from '../../src/service-finder/class.js';
import { EventCalendar } from '../../src/event-calendar/class.js';
import { IntakeForm } from '../../src/intake-form/class.js';
import { StoryCarousel } from '../../src/story-carousel/class.js';
import { defineElement } from '../../src/core/define.js';
import { mount, until } from '../support/index.js';

const tags = ['service-finder', 'event-calendar', 'intake-form', 'story-carousel'];

/** Runs `fn` and returns what it wrote with console.warn (silenced meanwhile). */
async function warnings(fn: () => unknown): Promise<string[]> {
  const original = console.warn;
  const said: string[] = [];
  console.warn = (...args: unknown[]) => void said.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return said;
}

const services = [
  { id: 'a', name: '法律援助', description: '免费法律咨询' },
  { id: 'b', name: '儿童心理咨询', description: '每周三下午' },
];

describe('tag names: class entries and the define guard', () => {
  it('the class entries register no tag name', () => {
    for (const tag of tags) expect(customElements.get(tag), tag).to.equal(undefined);
    for (const ctor of [ServiceFinder, EventCalendar, IntakeForm, StoryCarousel]) {
      expect(customElements.getName(ctor)).to.equal(null);
    }
  });

  it('a site registers the finder under its own name and it shows the services', async () => {
    customElements.define('ngo-finder', ServiceFinder);
    const { el } = await mount<ServiceFinder>(
      html`<ngo-finder lang="zh-Hans" .data=${services}></ngo-finder>`,
    );
    expect(el).to.be.instanceOf(ServiceFinder);
    await until(
      () => el.shadowRoot!.querySelectorAll('[part~="service"]').length === 2,
      'two services shown in <ngo-finder>',
    );
    expect(el.shadowRoot!.textContent).to.contain('儿童心理咨询');
    expect(customElements.get('service-finder')).to.equal(undefined);
  });

  it('a subclass registered under another name works, with its own additions', async () => {
    class NgoCarousel extends StoryCarousel {
      /** The site's own addition. */
      get storyCount(): number {
        return this.shadowRoot!.querySelectorAll('[part~="slide"]').length;
      }
    }
    customElements.define('ngo-stories', NgoCarousel);
    const { el } = await mount<NgoCarousel>(html`<ngo-stories lang="en"></ngo-stories>`);
    el.data = [
      { id: '1', title: 'One' },
      { id: '2', title: 'Two' },
    ];
    await until(() => el.storyCount === 2, 'two slides in <ngo-stories>');
  });

  it('the define entry warns once, clearly, when the tag name belongs to another element', async () => {
    class SomebodysCalendar extends HTMLElement {}
    customElements.define('event-calendar', SomebodysCalendar);
    const said = await warnings(() => import('../../src/event-calendar/define.js'));
    expect(customElements.get('event-calendar')).to.equal(SomebodysCalendar);
    expect(said).to.have.length(1);
    expect(said[0]).to.contain('<event-calendar> is already defined by another script');
    expect(said[0]).to.contain(
      "import { EventCalendar } from 'dandelion-widgets/event-calendar/class'",
    );
    expect(said[0]).to.contain("customElements.define('my-event-calendar', EventCalendar)");
  });

  it('loading the same widget twice, or a second copy of Dandelion, stays quiet', async () => {
    const said = await warnings(async () => {
      await import('../../src/intake-form/define.js');
      defineElement('intake-form', IntakeForm);
      // A second copy (say the CDN build beside the npm build) has its own, equal class.
      class IntakeFormCopy extends HTMLElement {}
      defineElement('intake-form', IntakeFormCopy);
    });
    expect(said).to.deep.equal([]);
    expect(customElements.get('intake-form')).to.equal(IntakeForm);
  });

  it('a class the site registered first still gets the standard name from the define entry', async () => {
    // ServiceFinder is <ngo-finder> (above); a class can be registered only once.
    const said = await warnings(() => import('../../src/service-finder/define.js'));
    expect(said).to.deep.equal([]);
    const standard = customElements.get('service-finder')!;
    expect(standard.prototype).to.be.instanceOf(ServiceFinder);
    expect(customElements.get('ngo-finder')).to.equal(ServiceFinder);
  });
});
