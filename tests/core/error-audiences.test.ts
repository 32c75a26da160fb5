import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../../src/service-finder/define.js';
import '../../src/event-calendar/define.js';
import '../../src/intake-form/define.js';
import '../../src/story-carousel/define.js';
import type { DandelionErrorDetail } from '../../src/core/events.js';
import { mount, until } from '../support/index.js';
import { find, text } from '../support/dom.js';

/**
 * Errors for two audiences: the public reads a short, kind message in its language with a way
 * forward; the site owner finds the cause in "For the site administrator" and in one console
 * message that says how to fix it. The `dandelion-error` detail keeps its shape.
 */

/** The test server under another origin: same port, other host name, no CORS headers. */
function otherOrigin(path: string): string {
  const here = new URL(location.href);
  const host = here.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${here.protocol}//${host}:${here.port}${path}`;
}

interface Failure {
  el: HTMLElement;
  detail: DandelionErrorDetail;
  /** What the public reads (message and way forward), without the administrator's details. */
  publicText: string;
  /** The administrator's details: summary and content. */
  summary: string;
  admin: string;
  retry: boolean;
  /** Every console message written during the failure. */
  console: string[];
}

/** Mounts a widget that fails, and returns what each audience gets. */
async function fail(template: TemplateResult): Promise<Failure> {
  const logged: string[] = [];
  const saved = { warn: console.warn, error: console.error, info: console.info, log: console.log };
  for (const name of ['warn', 'error', 'info', 'log'] as const) {
    console[name] = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  }
  try {
    const { el, events } = await mount<HTMLElement>(template);
    const detail = await events.failed();
    const status = await until(
      () => find(el, '[part="status"].error details.admin')?.closest('[part="status"]'),
      'the error view',
    );
    const details = status.querySelector('details')!;
    const pub = status.cloneNode(true) as HTMLElement;
    pub.querySelector('details')!.remove();
    return {
      el,
      detail,
      publicText: text(pub),
      summary: text(details.querySelector('summary')),
      admin: text(details),
      retry: !!status.querySelector('button'),
      console: [...logged],
    };
  } finally {
    Object.assign(console, saved);
  }
}

const developerWords = /格式|组件|組件|元件|服务器|伺服器|JSON|server|format|widget/i;

function expectOneConsoleFix(f: Failure, ...mentions: string[]): void {
  expect(f.console, f.console.join('\n')).to.have.length(1);
  expect(f.console[0]).to.match(/^\[dandelion\] <[a-z-]+> could not show /);
  expect(f.console[0]).to.contain('To fix:');
  for (const m of mentions) expect(f.console[0]).to.contain(m);
}

function expectShape(detail: DandelionErrorDetail, kind: string, status?: number): void {
  expect(Object.keys(detail).sort()).to.deep.equal(
    status === undefined ? ['kind', 'message'] : ['kind', 'message', 'status'],
  );
  expect(detail.kind).to.equal(kind);
  expect(detail.status).to.equal(status);
}

/** A missing file (404): no retry (asking again cannot help), its address for the administrator. */
function expectNotFound(f: Failure, url: string, message: string): void {
  expectShape(f.detail, 'http', 404);
  expect(f.detail.message).to.equal(message);
  expect(f.publicText).to.contain(message);
  expect(f.publicText).not.to.match(developerWords);
  expect(f.retry).to.equal(false);
  expect(f.admin).to.contain(new URL(url, location.href).href);
}

const events = [{ id: 'a', title: '亲子阅读', when: { begin: '2026-11-25T10:00' } }];

describe('errors for two audiences', () => {
  it('a network failure: try again, in the page language, with the URL for the administrator', async () => {
    const src = 'http://127.0.0.1:9/events.json';
    const f = await fail(html`<event-calendar lang="zh-Hans" src=${src}></event-calendar>`);
    expectShape(f.detail, 'network');
    expect(f.detail.message).to.equal('暂时连不上。请检查网络连接后再试一次。');
    expect(f.publicText).to.contain('暂时连不上。请检查网络连接后再试一次。');
    expect(f.publicText).to.contain('如果一直这样，请联系主办机构。');
    expect(f.publicText).not.to.match(developerWords);
    expect(f.retry).to.equal(true);
    expect(f.summary).to.equal('给网站管理员');
    expect(f.admin).to.contain(src);
    expectOneConsoleFix(f, src, 'Check the src URL');
    const details = find(f.el, 'details.admin') as HTMLDetailsElement;
    expect(details.open, 'collapsed').to.equal(false);
    await expect(f.el).to.be.accessible();
  });

  it('a CORS refusal: no retry, no blame on the connection, the header to send for the administrator', async () => {
    const src = otherOrigin('/tests/fixtures/finder/hsds-services.json');
    const f = await fail(html`<story-carousel lang="zh-Hant" src=${src}></story-carousel>`);
    expectShape(f.detail, 'network');
    expect(f.detail.message).to.equal('這裡的內容暫時顯示不出來，請稍後再來看看。');
    expect(f.publicText).not.to.contain('網路');
    expect(f.publicText).to.contain('如果一直這樣，請聯絡主辦機構。');
    expect(f.publicText).not.to.match(developerWords);
    expect(f.retry).to.equal(false);
    expect(f.summary).to.equal('給網站管理員');
    expect(f.admin).to.contain(`Access-Control-Allow-Origin: ${location.origin}`);
    expectOneConsoleFix(f, 'Access-Control-Allow-Origin');
  });

  it('HTTP 404: no retry, the status and address for the administrator (English page)', async () => {
    const src = '/test-api/status/404';
    const f = await fail(html`<service-finder lang="en" src=${src}></service-finder>`);
    expectNotFound(f, src, 'This content cannot be found at the moment. Please come back later.');
    expect(f.publicText).to.contain('If this keeps happening, please contact the organisation.');
    expect(f.summary).to.equal('For the site administrator');
    expect(f.admin).to.contain('HTTP status 404');
    expectOneConsoleFix(f, '404', 'check the src URL');
  });

  it('HTTP 503: try again later, with a retry button', async () => {
    const f = await fail(
      html`<story-carousel
        lang="zh-Hans"
        timeout="300"
        src="/test-api/status/503?key=${Math.random()}"
      ></story-carousel>`,
    );
    expectShape(f.detail, 'http', 503);
    expect(f.detail.message).to.equal('我们这边出了点问题，请过一会儿再试。');
    expect(f.retry).to.equal(true);
    expect(f.admin).to.contain('HTTP 状态码 503');
    expectOneConsoleFix(f, '503');
  });

  it('unreadable data (an HTML page served as JSON): the cause for the administrator only', async () => {
    const f = await fail(
      html`<service-finder lang="zh-Hans" src="/test-api/html-as-json"></service-finder>`,
    );
    expectShape(f.detail, 'format');
    expect(f.detail.message).to.equal('这里的内容暂时显示不出来，请稍后再来看看。');
    expect(f.publicText).not.to.match(developerWords);
    expect(f.retry).to.equal(false);
    expect(f.admin).to.contain('received HTML, not JSON');
    expectOneConsoleFix(f, 'format attribute');
  });

  it('every record skipped is an error, not an empty calendar: the count for the administrator', async () => {
    const data = Array.from({ length: 120 }, (_, i) => ({ id: `e${i}`, title: `活动 ${i}` }));
    const f = await fail(html`<event-calendar lang="zh-Hans" .data=${data}></event-calendar>`);
    expectShape(f.detail, 'format');
    expect(f.publicText).to.contain('这里的内容暂时显示不出来');
    expect(f.publicText).not.to.contain('暂时还没有');
    expect(f.admin).to.contain('跳过的记录 120');
    expect(f.admin).to.contain('相关设置 map');
    expectOneConsoleFix(f, '120', 'map');
  });

  it('an invalid map names the path that matched nothing', async () => {
    const f = await fail(
      html`<event-calendar
        lang="en"
        .data=${events}
        map='{"start":"when.start"}'
      ></event-calendar>`,
    );
    expectShape(f.detail, 'format');
    expect(f.admin).to.contain('Setting map');
    expectOneConsoleFix(f, '"start": "when.start" matched nothing', 'id, title, when');
    expect(f.console[0]).not.to.contain('check the format setting');
  });

  it('a map that is not JSON names the attribute and shows how to write it', async () => {
    const f = await fail(
      html`<event-calendar lang="en" .data=${events} map="{start: when}"></event-calendar>`,
    );
    expectShape(f.detail, 'format');
    expect(f.admin).to.contain('Setting map');
    expectOneConsoleFix(f, 'not valid JSON', `map='{"title":"name"`);
  });

  it('an items-path that is not in the document lists the keys that are', async () => {
    const doc = { code: 0, data: { list: events } };
    const f = await fail(
      html`<event-calendar lang="en" .data=${doc} items-path="data.rows"></event-calendar>`,
    );
    expectShape(f.detail, 'format');
    expect(f.admin).to.contain('Setting items-path');
    expectOneConsoleFix(f, 'items-path "data.rows" not found', 'top-level keys are: code, data');
  });

  it('a bad attribute value (format="xml") names the attribute and the values it takes', async () => {
    const f = await fail(
      html`<service-finder lang="en" .data=${[{ name: 'A' }]} format="xml"></service-finder>`,
    );
    expectShape(f.detail, 'format');
    expect(f.admin).to.contain('Setting format');
    expectOneConsoleFix(f, 'unknown format "xml"', 'one of: json, csv');
  });

  it('a form whose schema cannot be loaded says so kindly, the schema URL for the administrator', async () => {
    const schema = '/test-api/status/404';
    const f = await fail(html`<intake-form lang="zh-Hans" schema=${schema}></intake-form>`);
    expectNotFound(f, schema, '暂时找不到这里的内容，请稍后再来看看。');
    expect(f.admin).to.contain('Nothing at that address: check the schema URL');
    expectOneConsoleFix(f, '<intake-form>', '404');
  });

  it('contact-phone turns the way forward into a tel: link', async () => {
    const f = await fail(
      html`<story-carousel
        lang="zh-Hans"
        contact-phone="010-6512 3456"
        src="/test-api/status/404"
      ></story-carousel>`,
    );
    expect(f.publicText).to.contain('如果一直这样，请打电话给我们： 010-6512 3456');
    const link = find<HTMLAnchorElement>(f.el, '[part="status"] a[href^="tel:"]')!;
    expect(link.getAttribute('href')).to.equal('tel:01065123456');
  });

  it('a contact-phone that is not a phone number is not linked', async () => {
    const f = await fail(
      html`<story-carousel
        lang="en"
        contact-phone="javascript:alert(1)"
        src="/test-api/status/404"
      ></story-carousel>`,
    );
    expect(find(f.el, '[part="status"] a')).to.equal(null);
    expect(f.publicText).to.contain('please contact the organisation');
  });
});
