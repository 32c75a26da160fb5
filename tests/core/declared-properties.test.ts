import '../support/setup.js';
// The widgets declare their reactive properties in Lit's static `properties` (no decorator
// helper in the bundles): attributes with their converters, reflection, the base classes'
// attributes on every widget, and internal state that renders without an attribute.
import { expect, html } from '@open-wc/testing';
import { ServiceFinder } from '../../src/service-finder/class.js';
import { EventCalendar } from '../../src/event-calendar/class.js';
import { IntakeForm } from '../../src/intake-form/class.js';
import { StoryCarousel } from '../../src/story-carousel/class.js';
import '../../src/service-finder/define.js';
import '../../src/story-carousel/define.js';
import { mount, until } from '../support/index.js';

/** Attributes every data widget observes (`DandelionElement` and `DandelionDataElement`). */
const shared = ['theme', 'heading-level', 'contact-phone'];
const data = ['src', 'format', 'map', 'items-path', 'refresh', 'credentials', 'timeout'];
const more = ['max-pages', 'page-origins', 'image-origins'];

describe('declared properties', () => {
  it('gives each widget its own attributes and those of its base classes, nothing else', () => {
    expect(ServiceFinder.observedAttributes).to.have.members([
      ...shared,
      ...data,
      ...more,
      'origin',
      'map-link',
      'sync-url',
      'page-size',
    ]);
    expect(EventCalendar.observedAttributes).to.have.members([
      ...shared,
      ...data,
      ...more,
      'view',
      'date',
      'min-date',
      'max-date',
      'time-zone',
      'lunar',
      'map-link',
      'category-colors',
      'day-max-events',
      'page-size',
    ]);
    expect(StoryCarousel.observedAttributes).to.have.members([
      ...shared,
      ...data,
      ...more,
      'autoplay',
      'interval',
      'loop',
      'per-view',
      'overlay',
      'label',
    ]);
    expect(IntakeForm.observedAttributes).to.include.members([
      ...shared,
      'schema',
      'action',
      'redirect',
      'name',
      'storage-key',
      'timeout',
      'retry-delay',
      'no-draft',
    ]);
  });

  it('reads attributes with their converters and keeps the fields’ defaults', async () => {
    const { el } = await mount<StoryCarousel>(
      html`<story-carousel interval="3000" loop="false" per-view="2"></story-carousel>`,
    );
    expect(el.interval).to.equal(3000);
    expect(el.loop).to.equal(false);
    expect(el.perView).to.equal(2);
    expect(el.autoplay).to.equal(false);
    expect(el.headingLevel).to.equal(2);
    expect(el.timeout).to.equal(15);
    el.setAttribute('heading-level', '3');
    el.setAttribute('autoplay', '');
    expect(el.headingLevel).to.equal(3);
    expect(el.autoplay).to.equal(true);
  });

  it('reflects the reflected properties, inherited and own', async () => {
    const { el } = await mount<StoryCarousel>(html`<story-carousel></story-carousel>`);
    el.theme = 'dark';
    el.overlay = true;
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.hasAttribute('overlay')).to.equal(true);
  });

  it('renders again for internal state (the current story)', async () => {
    const { el } = await mount<StoryCarousel>(html`<story-carousel per-view="1"></story-carousel>`);
    el.data = [
      { id: 'a', title: '第一个故事' },
      { id: 'b', title: '第二个故事' },
      { id: 'c', title: '第三个故事' },
    ];
    const tabs = await until(() => {
      const found = [...el.shadowRoot!.querySelectorAll('[role=tab]')];
      return found.length === 3 ? found : undefined;
    }, 'the slide picker');
    el.goToSlide(1);
    await el.updateComplete;
    expect(tabs[1].getAttribute('aria-selected')).to.equal('true');
    expect(tabs[0].getAttribute('aria-selected')).to.equal('false');
    expect(el.hasAttribute('index')).to.equal(false);
  });

  it('renders again for a property without attribute, and for what is typed', async () => {
    const { el } = await mount<ServiceFinder>(html`<service-finder></service-finder>`);
    el.data = [
      { id: 'a', name: '示例服务点' },
      { id: 'b', name: '另一家机构' },
    ];
    await until(() => el.shadowRoot!.textContent!.includes('示例服务点'), 'the service shown');
    expect(el.hasAttribute('data')).to.equal(false);
    // Internal state (the search box's text) renders, and is no attribute.
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = '另一家';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await until(() => !el.shadowRoot!.textContent!.includes('示例服务点'), 'the list filtered');
    expect(el.shadowRoot!.textContent).to.contain('另一家机构');
    expect(el.hasAttribute('input-value')).to.equal(false);
    expect(ServiceFinder.observedAttributes).not.to.include('inputvalue');
  });
});
