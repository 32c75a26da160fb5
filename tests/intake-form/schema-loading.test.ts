import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { fakeClock, until } from '../support/index.js';
import { mountFormLoading } from '../support/intake.js';
import { lazyFetching } from '../../src/core/data/fetch-text.js';
import { lazyResource } from '../../src/core/resource/resource-controller.js';
import {
  fireTimersUntil,
  hits,
  release,
  uniqueKey,
  untilHeld,
  untilHits,
} from '../support/network.js';

/** A schema fixture (tests/fixtures/) served by the test server, as `type`. */
const schemaUrl = (name: string, key: string, extra = '', type = 'application/json') =>
  `/test-api/fixture?name=${name}&type=${encodeURIComponent(type)}&key=${key}${extra}`;

/**
 * The schema loads like every widget's data (the core resource controller): the same cap,
 * retries, charset decoding, busy state, abort and latest-wins, and the same errors.
 */
describe('<intake-form> loading its schema like the data widgets', () => {
  it('refuses a schema over 10 MB with the shared "too large" error (no retry: it stays too large)', async () => {
    const form = await mountFormLoading({
      lang: 'en',
      schema: `/test-api/large?mb=11&key=${uniqueKey()}`,
    });
    const failure = await form.events.failed();
    expect(failure.kind).to.equal('too-large');
    expect(failure.message).to.equal(
      'This content cannot be shown here right now. Please come back later.',
    );
    await form.settle();
    expect(form.status()?.getAttribute('role')).to.equal('alert');
    expect(form.status()!.querySelector('button')).to.equal(null);
    expect(form.el.hasAttribute('aria-busy')).to.equal(false);
  });

  it('asks for its error view with the failure code when the schema request fails, not after it', async () => {
    const failureCode = lazyFetching.failure;
    const errorView = lazyResource.errors;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let failureAsked = false;
    let viewAsked = false;
    lazyFetching.failure = () => ((failureAsked = true), released.then(failureCode));
    lazyResource.errors = () => ((viewAsked = true), errorView());
    try {
      const form = await mountFormLoading({
        lang: 'en',
        schema: `/test-api/status/404?key=${uniqueKey()}`,
      });
      await until(() => failureAsked, 'the failure code asked for');
      expect(viewAsked, 'error view asked for').to.equal(true);
      release();
      const failure = await form.events.failed();
      expect(failure.kind).to.equal('http');
      expect(failure.status).to.equal(404);
    } finally {
      lazyFetching.failure = failureCode;
      lazyResource.errors = errorView;
    }
  });

  it('retries a 500 after a backoff and shows the form when the server recovers', async () => {
    const k = uniqueKey();
    const clock = fakeClock();
    try {
      const form = await mountFormLoading({
        lang: 'en',
        schema: `/test-api/flaky?fail=1&status=500&name=intake-schema.json&type=application/json&key=${k}`,
      });
      await fireTimersUntil(clock, () => !!form.el.shadowRoot!.querySelector('form'), 'the form');
      expect(await hits(k)).to.equal(2);
      expect(form.events.of('dandelion-error')).to.have.length(0);
      await form.ready();
      expect(form.title()).to.equal('社区活动报名');
    } finally {
      clock.uninstall();
    }
  });

  for (const [name, what, type] of [
    ['intake-schema-gbk.json', 'saved in GBK by a Chinese editor', 'application/json'],
    [
      'intake-schema-bom.json',
      'in UTF-8 with a byte-order mark',
      'application/json; charset=utf-8',
    ],
  ] as const) {
    it(`reads a schema ${what}`, async () => {
      const form = await mountFormLoading({ schema: schemaUrl(name, uniqueKey(), '', type) });
      await form.ready();
      expect(form.title()).to.equal('社区活动报名');
      expect(form.control('孩子的姓名').type).to.equal('text');
      expect(form.events.of('dandelion-error')).to.have.length(0);
    });
  }

  it('is busy while the schema loads, and shows only the latest schema when it changes mid-load', async () => {
    const old = uniqueKey('old');
    const form = await mountFormLoading({
      schema: schemaUrl('intake-schema-gbk.json', old, `&hold=${old}`),
    });
    await untilHeld(old);
    expect(form.el.getAttribute('aria-busy')).to.equal('true');
    expect(form.status()?.getAttribute('aria-busy')).to.equal('true');

    form.el.schema = '/api/forms/test-signup.json';
    await form.ready();
    expect(form.title()).to.equal('测试报名');
    // The old request was given up at the server; letting it answer now changes nothing.
    await untilHits(`${old}:closed`);
    await release(old);
    await form.settle();
    expect(form.title()).to.equal('测试报名');
    expect(form.el.hasAttribute('aria-busy')).to.equal(false);
    expect(form.events.of('dandelion-error')).to.have.length(0);
  });

  it('keeps the form and its answers when moved in the page, without asking again', async () => {
    const k = uniqueKey();
    const form = await mountFormLoading({
      noDraft: true,
      schema: schemaUrl('intake-schema.json', k),
    });
    await form.ready();
    await form.fill('孩子的姓名', '小明');
    const parent = form.el.parentElement!;
    form.el.remove();
    parent.append(form.el);
    await form.settle();
    await until(() => form.control('孩子的姓名').value === '小明', 'the answer kept');
    expect(await hits(k)).to.equal(1);
  });
});
