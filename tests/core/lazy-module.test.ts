import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { DandelionElement } from '../../src/core/dandelion-element.js';
import { LazyModule } from '../../src/core/element/lazy-module.js';
import { defineElement } from '../../src/core/define.js';
import { mount } from '../support/index.js';

interface Labels {
  label: (n: number) => string;
}

/** Where the probe's feature module comes from (set by each test before mounting). */
let importer: () => Promise<Labels> = () => Promise.reject(new Error('unset'));
let imports = 0;

/** A test-only widget with an optional feature whose code is its own chunk. */
class FeatureProbe extends DandelionElement {
  @property({ type: Boolean }) labels = false;
  renders: string[] = [];
  /** What `loaded` was given, before the update that waited for it. */
  seenBeforeUpdate?: Labels;
  readonly feature = new LazyModule<Labels>(this, {
    load: () => {
      imports++;
      return importer();
    },
    what: 'the labels',
    when: () => this.labels,
    loaded: (module) => (this.seenBeforeUpdate = module),
  });
  override render() {
    const text = this.feature.module?.label(7) ?? 'plain 7';
    this.renders.push(text);
    return litHtml`<p>${text}</p>`;
  }
}
defineElement('feature-probe', FeatureProbe);

const labels: Labels = { label: (n) => `labelled ${n}` };

describe('core LazyModule (a feature’s code loaded before the next update)', () => {
  beforeEach(() => {
    imports = 0;
  });

  it('downloads nothing while the feature is off', async () => {
    importer = () => Promise.resolve(labels);
    const { el } = await mount<FeatureProbe>(html`<feature-probe></feature-probe>`);
    expect(el.renders).to.deep.equal(['plain 7']);
    expect(imports).to.equal(0);
  });

  it('renders with the module from the first frame when the feature is on', async () => {
    importer = () => Promise.resolve(labels);
    const { el } = await mount<FeatureProbe>(html`<feature-probe labels></feature-probe>`);
    expect(el.renders).to.deep.equal(['labelled 7']);
    expect(el.seenBeforeUpdate).to.equal(labels);
    expect(imports).to.equal(1);
  });

  it('loads once, when the feature is switched on later', async () => {
    importer = () => Promise.resolve(labels);
    const { el } = await mount<FeatureProbe>(html`<feature-probe></feature-probe>`);
    el.labels = true;
    await el.updateComplete;
    el.labels = false;
    await el.updateComplete;
    el.labels = true;
    await el.updateComplete;
    expect(el.renders.at(-1)).to.equal('labelled 7');
    expect(imports).to.equal(1);
  });

  it('renders without the feature after a failed download, warning once', async () => {
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const missing = `/no-such-chunk-${Date.now()}.js`;
      importer = () => import(/* @vite-ignore */ missing) as Promise<Labels>;
      const { el } = await mount<FeatureProbe>(html`<feature-probe labels></feature-probe>`);
      expect(el.renders).to.deep.equal(['plain 7']);
      expect(el.feature.state).to.equal('failed');
      el.requestUpdate();
      await el.updateComplete;
      expect(imports, 'no second try on every update').to.equal(1);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('<feature-probe> could not load the labels');
    } finally {
      console.warn = warn;
    }
  });
});

/** Two optional features, each with code of its own whose download a test releases. */
class TwoFeatureProbe extends DandelionElement {
  @property({ type: Boolean }) first = false;
  @property({ type: Boolean }) second = false;
  renders: string[] = [];
  readonly releases: Record<'first' | 'second', () => void> = { first: () => {}, second: () => {} };
  private readonly held = (name: 'first' | 'second') => () =>
    new Promise<Labels>((resolve) => {
      this.releases[name] = () => resolve({ label: (n) => `${name} ${n}` });
    });
  readonly one = new LazyModule<Labels>(this, {
    load: this.held('first'),
    what: 'the first labels',
    when: () => this.first,
  });
  readonly two = new LazyModule<Labels>(this, {
    load: this.held('second'),
    what: 'the second labels',
    when: () => this.second,
  });
  override render() {
    const text = [this.one.module?.label(1) ?? '-', this.two.module?.label(2) ?? '-'].join(' ');
    this.renders.push(text);
    return litHtml`<p>${text}</p>`;
  }
}
defineElement('two-feature-probe', TwoFeatureProbe);

describe('core LazyModule: an update that waited checks again what it needs', () => {
  it('also waits for a feature turned on while it waited for another one', async () => {
    const { el } = await mount<TwoFeatureProbe>(html`<two-feature-probe></two-feature-probe>`);
    el.first = true; // the next update waits for the first feature's code
    await new Promise((resolve) => requestAnimationFrame(resolve));
    el.second = true; // turned on meanwhile (data that arrived, a query typed)
    el.releases.first();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(el.renders, 'no render with the first feature but without the second').to.deep.equal([
      '- -',
    ]);
    el.releases.second();
    await el.updateComplete;
    expect(el.renders).to.deep.equal(['- -', 'first 1 second 2']);
  });
});
