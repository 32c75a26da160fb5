import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { DandelionElement } from '../../src/core/dandelion-element.js';
import { defineElement } from '../../src/core/define.js';
import {
  ResourceController,
  type ResourceRequest,
} from '../../src/core/resource/resource-controller.js';
import { mount, settle } from '../support/index.js';

/** A test-only widget whose resource is a word: inline (`=word`) at once, else answered by the test. */
class ResourceProbe extends DandelionElement {
  @property() word?: string;
  /** Every asynchronous task run, with the way to answer it. */
  readonly runs: { word: string; request: ResourceRequest; answer: (value: string) => void }[] = [];
  frames: string[] = [];
  readonly resource = new ResourceController(this, {
    args: () => this.word,
    key: (word) => [word],
    source: (word) => word || undefined,
    task: (word, request) => {
      if (word!.startsWith('=')) return word!.slice(1);
      return new Promise<string>((resolve) =>
        this.runs.push({ word: word!, request, answer: resolve }),
      );
    },
    isEmpty: (value) => value === '',
    reconnect: 'resume',
    keepContent: false,
  });
  override render() {
    const shown = this.resource.render({
      content: (value) => litHtml`<p>${value}</p>`,
      empty: () => litHtml`<p>empty</p>`,
      idle: () => litHtml`<p>idle</p>`,
    });
    this.frames.push(this.resource.status);
    return shown;
  }
}
defineElement('resource-probe', ResourceProbe);

/**
 * A probe put over a server-rendered (declarative) shadow root, as Lit's hydration support does:
 * its first render is over the server's markup instead of a fresh root.
 */
class HydratedProbe extends ResourceProbe {
  protected override createRenderRoot() {
    return this.shadowRoot ?? super.createRenderRoot();
  }
}
defineElement('hydrated-probe', HydratedProbe);

/** A probe whose shadow root holds what a server rendered before it connects. */
async function overServerMarkup(word: string): Promise<HydratedProbe> {
  const el = document.createElement('hydrated-probe') as HydratedProbe;
  el.word = word;
  el.attachShadow({ mode: 'open' }).append(document.createElement('p'));
  document.body.append(el);
  return el;
}

const shown = (el: ResourceProbe) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('core ResourceController', () => {
  it('shows an inline value in the first render, without a loading state', async () => {
    const { el } = await mount<ResourceProbe>(
      html`<resource-probe word="=hello"></resource-probe>`,
    );
    expect(el.frames).to.deep.equal(['content']);
    expect(shown(el)).to.equal('hello');
  });

  it('lets only the latest load change the state, aborting the older one', async () => {
    const { el } = await mount<ResourceProbe>(html`<resource-probe word="one"></resource-probe>`);
    expect(el.getAttribute('aria-busy')).to.equal('true');
    el.word = 'two';
    await el.updateComplete;
    const [one, two] = el.runs;
    expect(one.request.signal.aborted).to.equal(true);
    two.answer('second');
    one.answer('first');
    await settle(el);
    expect(shown(el)).to.equal('second');
    expect(el.hasAttribute('aria-busy')).to.equal(false);
  });

  it('drops shown content for new inputs when asked to (a new form is another form)', async () => {
    const { el } = await mount<ResourceProbe>(html`<resource-probe word="=old"></resource-probe>`);
    el.word = 'new';
    await el.updateComplete;
    expect(el.resource.status).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
    el.runs[0].answer('');
    await settle(el);
    expect(shown(el)).to.equal('empty');
  });

  it('keeps a loaded value when put back in the page, and loads again one cut off', async () => {
    const { el } = await mount<ResourceProbe>(html`<resource-probe word="kept"></resource-probe>`);
    el.runs[0].answer('value');
    await settle(el);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await settle(el);
    expect(el.runs, 'no new load').to.have.length(1);
    expect(shown(el)).to.equal('value');

    el.word = 'cut';
    await el.updateComplete;
    el.remove();
    expect(el.runs[1].request.signal.aborted, 'aborted on removal').to.equal(true);
    parent.append(el);
    await settle(el);
    expect(el.runs, 'loaded again').to.have.length(3);
    el.runs[2].answer('again');
    await settle(el);
    expect(shown(el)).to.equal('again');
  });

  describe('over server-rendered markup (hydration)', () => {
    afterEach(() => document.querySelectorAll('hydrated-probe').forEach((el) => el.remove()));

    it("renders the server's loading state first, then an inline value", async () => {
      const el = await overServerMarkup('=hello');
      await settle(el);
      expect(el.frames).to.deep.equal(['loading', 'content']);
      expect(shown(el)).to.equal('hello');
    });

    it('starts a load only after that first render, and shows its value', async () => {
      const el = await overServerMarkup('far');
      await el.updateComplete;
      expect(el.frames[0]).to.equal('loading');
      await settle(el);
      expect(el.runs.map((run) => run.word)).to.deep.equal(['far']);
      el.runs[0].answer('here');
      await settle(el);
      expect(shown(el)).to.equal('here');
    });

    it('renders idle first when there is nothing to load', async () => {
      const el = await overServerMarkup('');
      await settle(el);
      expect(el.frames[0]).to.equal('idle');
      expect(shown(el)).to.equal('idle');
    });
  });
});
