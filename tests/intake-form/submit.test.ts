import '../support/setup.js';
// End-to-end: <intake-form> against the real demo receiver (mounted at /api/ by the test runner,
// faults on, in-memory PGlite). Faults are injected per request with X-Test-Fault, added by a
// test-side wrapper of the page's fetch; rows are counted through the staff API.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DandelionSubmitDetail } from '../../src/core/events.js';
import { renderSubmissions } from '../../demo/staff-table.js';
import {
  $,
  click,
  countPosts,
  fill,
  injectFault,
  loadFixture,
  ready,
  rowsWith,
  settle,
  shadowText,
  staffToken,
  submitButton,
  text,
  uniqueKey,
  until,
  warmUp,
  type IntakeForm,
} from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface MountOptions {
  key?: string;
  lang?: string;
  retryDelay?: number;
  timeout?: number;
  schema?: unknown;
  form?: string;
  redirect?: string;
}

async function mount(options: MountOptions = {}): Promise<IntakeForm> {
  const form = options.form ?? 'test-signup';
  const el = document.createElement('intake-form') as IntakeForm;
  el.setAttribute('lang', options.lang ?? 'zh-Hans');
  el.setAttribute('storage-key', options.key ?? uniqueKey('submit'));
  el.setAttribute('action', `/api/intake/${form}`);
  el.setAttribute('retry-delay', String(options.retryDelay ?? 60));
  el.setAttribute('timeout', String(options.timeout ?? 10));
  if (options.redirect) el.setAttribute('redirect', options.redirect);
  if (options.schema) el.schema = options.schema as Record<string, unknown>;
  else el.setAttribute('schema', `/api/forms/${form}.json`);
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  await ready(el);
  await settle(el);
  return el;
}

/** The next dandelion-submit with this status. */
function submitted(el: IntakeForm, status: 'sent' | 'queued'): Promise<DandelionSubmitDetail> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<DandelionSubmitDetail>).detail;
      if (detail.status !== status) return;
      el.removeEventListener('dandelion-submit', listener);
      resolve(detail);
    };
    el.addEventListener('dandelion-submit', listener);
  });
}

const referencePattern = /^DX-[A-HJ-NP-Z2-9]{4}$/;

describe('<intake-form> delivering to the demo receiver', function () {
  this.timeout(30_000);
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('sends the answers once, shows the reference and clears the draft', async () => {
    const key = uniqueKey('happy');
    const marker = `测试-${key}`;
    const el = await mount({ key });
    await fill(el, 'f-name', marker);
    await fill(el, 'f-phone', '020-0000 1234');
    const sent = submitted(el, 'sent');
    submitButton(el).click();
    const detail = await sent;
    expect(detail.data).to.deep.equal({ name: marker, phone: '020-0000 1234' });
    await settle(el);
    expect(text($(el, '.result h2'))).to.equal('提交成功，谢谢！');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.result h2'));
    const reference = /DX-\w{4}/.exec(text($(el, '.reference')))![0];
    expect(reference).to.match(referencePattern);
    await expect(el).to.be.accessible();

    const rows = await rowsWith('test-signup', marker);
    expect(rows).to.have.length(1);
    expect(rows[0].key).to.equal(detail.id); // the Idempotency-Key
    expect(rows[0].reference).to.equal(reference);
    expect(rows[0].data).to.deep.equal(detail.data);

    // "Fill in another form" starts empty, and a new element finds no draft.
    await click(el, '.result > button');
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('');
    el.remove();
    const again = await mount({ key });
    await sleep(300);
    expect($<HTMLInputElement>(again, '#f-name').value).to.equal('');
  });

  it('sends one request for a double click on submit', async () => {
    const marker = `双击-${uniqueKey()}`;
    const el = await mount();
    await fill(el, 'f-name', marker);
    const posts = countPosts();
    try {
      const sent = submitted(el, 'sent');
      const button = submitButton(el);
      button.click();
      button.click();
      await sent;
      await sleep(300);
      expect(posts.count()).to.equal(1);
    } finally {
      posts.restore();
    }
    expect(await rowsWith('test-signup', marker)).to.have.length(1);
  });

  it('quietly drops a submission whose honeypot was filled (bots)', async () => {
    const marker = `机器人-${uniqueKey()}`;
    const el = await mount();
    await fill(el, 'f-name', marker);
    const trap = $<HTMLInputElement>(el, '#hp');
    trap.value = 'http://spam.example';
    trap.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const events: Event[] = [];
    el.addEventListener('dandelion-submit', (e) => events.push(e));
    const posts = countPosts();
    try {
      submitButton(el).click();
      await until(() => el.shadowRoot!.querySelector('.result.sent'), 'the fake success');
      await sleep(200);
      expect(posts.count()).to.equal(0);
    } finally {
      posts.restore();
    }
    expect(events).to.have.length(0);
    expect(await rowsWith('test-signup', marker)).to.have.length(0);
  });

  it('queues on a 5xx, shows the pending count, and delivers when the server recovers — no reload', async () => {
    const marker = `五百-${uniqueKey()}`;
    const el = await mount({ retryDelay: 0.3 });
    await fill(el, 'f-name', marker);
    const removeFault = injectFault('500');
    let queued: DandelionSubmitDetail;
    try {
      const event = submitted(el, 'queued');
      submitButton(el).click();
      queued = await event;
      await settle(el);
      expect(queued.data).to.deep.equal({ name: marker });
      expect(text($(el, '.result h2'))).to.equal('已保存在这台手机上');
      expect(shadowText(el)).to.contain('联网后会自动发送');
      await until(() => el.shadowRoot!.querySelector('.pending-text'), 'the pending count');
      expect(text($(el, '.pending-text'))).to.equal(
        '有 1 份表格保存在这台手机上，联网后会自动发送。',
      );
      await expect(el).to.be.accessible();
      // While the server keeps failing, retries keep failing and nothing is stored.
      await sleep(900);
      expect(await rowsWith('test-signup', marker)).to.have.length(0);
    } finally {
      removeFault();
    }
    const delivered = await oneEvent(el, 'dandelion-submit');
    expect(delivered.detail).to.deep.equal({
      id: queued.id,
      data: { name: marker },
      status: 'sent',
    });
    await settle(el);
    expect(text($(el, '.result h2'))).to.equal('提交成功，谢谢！');
    expect(text($(el, '.reference'))).to.match(/DX-/);
    expect(el.shadowRoot!.querySelector('.pending-text')).to.equal(null);
    await sleep(500);
    expect(await rowsWith('test-signup', marker)).to.have.length(1);
  });

  it('queues on a timeout and sends at once when the browser is back online (English)', async () => {
    const marker = `timeout-${uniqueKey()}`;
    const el = await mount({ lang: 'en', timeout: 0.5 });
    await fill(el, 'f-name', marker);
    const removeFault = injectFault('timeout');
    try {
      const queued = submitted(el, 'queued');
      submitButton(el).click();
      await queued;
      await settle(el);
      expect(text($(el, '.result h2'))).to.equal('Saved on this device');
      await until(() => el.shadowRoot!.querySelector('.pending-text'), 'the pending count');
      expect(text($(el, '.pending-text'))).to.equal(
        'One form is saved on this device and will be sent automatically.',
      );
      await expect(el).to.be.accessible();
    } finally {
      removeFault();
    }
    const sent = submitted(el, 'sent');
    window.dispatchEvent(new Event('online'));
    await sent;
    await settle(el);
    expect(text($(el, '.result h2'))).to.equal('Thank you, your answers have been sent');
    expect(await rowsWith('test-signup', marker)).to.have.length(1);
  });

  it('counts several answers saved while offline and sends them all when back online (繁體)', async () => {
    const key = uniqueKey('offline');
    const el = await mount({ key, lang: 'zh-Hant' });
    const original = window.fetch;
    window.fetch = (input, init) =>
      init?.method === 'POST'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : original(input, init);
    const markers = [`離線一-${key}`, `離線二-${key}`];
    try {
      for (const marker of markers) {
        // "Fill in another form" (the queued view also has the pending count's "Send now").
        if (el.shadowRoot!.querySelector('.result')) await click(el, '.result > button');
        await fill(el, 'f-name', marker);
        const queued = submitted(el, 'queued');
        submitButton(el).click();
        await queued;
        await settle(el);
      }
      await until(
        () => el.shadowRoot!.querySelector('.pending-text')?.textContent?.includes('2'),
        'two pending',
      );
      expect(text($(el, '.pending-text'))).to.equal(
        '有 2 份表格儲存在這支手機上，連上網路後會自動送出。',
      );
      expect(text($(el, '.result h2'))).to.equal('已儲存在這支手機上');
    } finally {
      window.fetch = original;
    }
    const delivered: string[] = [];
    el.addEventListener('dandelion-submit', (e) => {
      if (e.detail.status === 'sent') delivered.push((e.detail.data as { name: string }).name);
    });
    window.dispatchEvent(new Event('online'));
    await until(() => delivered.length === 2, 'both deliveries');
    expect(delivered).to.deep.equal(markers);
    for (const marker of markers) expect(await rowsWith('test-signup', marker)).to.have.length(1);
    await until(() => !el.shadowRoot!.querySelector('.pending-text'), 'no pending left');
  });

  it('delivers a queued answer exactly once after the page is loaded again', async () => {
    const key = uniqueKey('reload');
    const marker = `重新加载-${key}`;
    const first = await mount({ key });
    await fill(first, 'f-name', marker);
    const removeFault = injectFault('500');
    let id: string;
    try {
      const queued = submitted(first, 'queued');
      submitButton(first).click();
      id = (await queued).id;
    } finally {
      removeFault();
    }
    first.remove(); // the page goes away with the answer still queued

    const element = document.createElement('intake-form') as IntakeForm;
    const sent = submitted(element, 'sent');
    element.setAttribute('storage-key', key);
    element.setAttribute('action', '/api/intake/test-signup');
    element.setAttribute('schema', '/api/forms/test-signup.json');
    document.body.append(element);
    try {
      const detail = await sent;
      expect(detail).to.deep.equal({ id, data: { name: marker }, status: 'sent' });
      await sleep(500);
      expect(await rowsWith('test-signup', marker)).to.have.length(1);
      await ready(element);
      expect(element.shadowRoot!.querySelector('.pending-text')).to.equal(null);
    } finally {
      element.remove();
    }
  });

  it('stores once when the response is lost after commit and the retry repeats the key', async () => {
    const marker = `丢失-${uniqueKey()}`;
    const el = await mount({ retryDelay: 0.3 });
    await fill(el, 'f-name', marker);
    const removeFault = injectFault('drop-after-commit');
    let id: string;
    try {
      const queued = submitted(el, 'queued');
      submitButton(el).click();
      id = (await queued).id;
      // The server did store it; the device could not know.
      expect(await rowsWith('test-signup', marker)).to.have.length(1);
    } finally {
      removeFault();
    }
    const sent = await submitted(el, 'sent');
    expect(sent.id).to.equal(id);
    await settle(el);
    const rows = await rowsWith('test-signup', marker);
    expect(rows).to.have.length(1);
    expect(text($(el, '.reference'))).to.contain(rows[0].reference);
  });

  it('gets through a connection that drops once (offline-once) with exactly one row', async () => {
    const marker = `断线-${uniqueKey()}`;
    const el = await mount({ retryDelay: 0.2 });
    await fill(el, 'f-name', marker);
    const removeFault = injectFault('offline-once');
    try {
      const sent = submitted(el, 'sent');
      submitButton(el).click();
      await sent;
    } finally {
      removeFault();
    }
    expect(await rowsWith('test-signup', marker)).to.have.length(1);
  });

  it('maps a 422 problem from the server onto the fields', async () => {
    // The page's copy of the schema forgot "required"; the server's copy has it.
    const lenient = await loadFixture('test-signup');
    delete lenient.required;
    const el = await mount({ schema: lenient });
    await fill(el, 'f-phone', '020-0000 5678');
    const error = oneEvent(el, 'dandelion-error');
    submitButton(el).click();
    expect((await error).detail).to.deep.include({ kind: 'http', status: 422 });
    await settle(el);
    expect(text($(el, '.notice.alert'))).to.equal(
      '服务器没有接受这份表格（错误 422），请检查填写的内容。',
    );
    expect(text($(el, '#f-name-error'))).to.contain('请填写姓名');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part="error-summary"] a')].map((a) => text(a)),
    ).to.deep.equal(['请填写姓名']);
    await expect(el).to.be.accessible();
    const marker = `更正-${uniqueKey()}`;
    await fill(el, 'f-name', marker);
    expect(el.shadowRoot!.querySelector('#f-name-error')).to.equal(null);
    const sent = submitted(el, 'sent');
    submitButton(el).click();
    await sent;
    expect(await rowsWith('test-signup', marker)).to.have.length(1);
  });

  it('stores pasted HTML as text and the staff table shows it as text', async () => {
    const key = uniqueKey('html');
    const pasted = `<img src=x onerror="window.__intakeXss=1"><b>粗体</b><script>window.__intakeXss=2</script> ${key}`;
    const el = await mount();
    await fill(el, 'f-name', pasted);
    const sent = submitted(el, 'sent');
    submitButton(el).click();
    await sent;
    const rows = await rowsWith('test-signup', key);
    expect(rows).to.have.length(1);
    expect(rows[0].data.name).to.equal(pasted);
    const table = renderSubmissions(rows);
    document.body.append(table);
    try {
      expect(table.querySelector('img, b, script')).to.equal(null);
      expect(table.textContent).to.contain(pasted);
      await sleep(50);
      expect((window as { __intakeXss?: number }).__intakeXss).to.equal(undefined);
    } finally {
      table.remove();
    }
  });

  it('round-trips emoji and mixed scripts exactly', async () => {
    const key = uniqueKey('emoji');
    const name = `小明 Ming 😀👨‍👩‍👧 ㄅㄆㄇ 한글 عربي ${key}`;
    const note = '第一行\n第二行 🌼\n\tالثالث';
    const el = await mount();
    await fill(el, 'f-name', name);
    await fill(el, 'f-note', note);
    const sent = submitted(el, 'sent');
    submitButton(el).click();
    expect((await sent).data).to.deep.equal({ name, note });
    const rows = await rowsWith('test-signup', key);
    expect(rows).to.have.length(1);
    expect(rows[0].data).to.deep.equal({ name, note });
  });

  it('handles very long answers: over the limit is explained, at the limit is stored', async () => {
    const key = uniqueKey('long');
    const el = await mount();
    await fill(el, 'f-name', key);
    await fill(el, 'f-note', `${'长'.repeat(4990)}${'😀'.repeat(11)}`);
    // Checking 5,000 characters can take a moment on a loaded machine.
    await waitUntil(() => el.shadowRoot!.querySelector('#f-note-error'), 'no length message', {
      timeout: 5000,
    });
    expect(text($(el, '#f-note-error'))).to.contain('备注最多 5,000 个字，现在有 5,001 个字');
    const exact = `${'长'.repeat(4990)}${'😀'.repeat(10)}`;
    await fill(el, 'f-note', exact);
    const sent = submitted(el, 'sent');
    submitButton(el).click();
    await sent;
    const rows = await rowsWith('test-signup', key);
    expect(rows[0].data.note).to.equal(exact);
  });

  it('refuses to send more than 256 KB and says why', async () => {
    const lenient = await loadFixture('test-signup');
    delete (lenient.properties as Record<string, { maxLength?: number }>).note.maxLength;
    const el = await mount({ schema: lenient });
    await fill(el, 'f-name', uniqueKey());
    await fill(el, 'f-note', '字'.repeat(100_000));
    const posts = countPosts();
    try {
      submitButton(el).click();
      await settle(el);
      expect(text($(el, '.notice.alert'))).to.contain('超过 256 KB');
      expect(posts.count()).to.equal(0);
    } finally {
      posts.restore();
    }
  });

  it('tells the person when the device is full and the server unreachable, and keeps the answers', async () => {
    const marker = `满了-${uniqueKey()}`;
    const el = await mount();
    await fill(el, 'f-name', marker);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const removeFault = injectFault('500');
    try {
      const error = oneEvent(el, 'dandelion-error');
      submitButton(el).click();
      expect((await error).detail).to.deep.include({ kind: 'http', status: 500 });
      await settle(el);
      const notice = $(el, '.notice.alert');
      expect(text(notice)).to.equal(
        '这台手机的存储空间不够，网络也连不上，答案没能保存。请不要关闭这个页面，联网后再点一次“提交”。',
      );
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(el.shadowRoot!.activeElement).to.equal(notice);
      expect($<HTMLInputElement>(el, '#f-name').value).to.equal(marker);
      await expect(el).to.be.accessible();
    } finally {
      removeFault();
      IDBObjectStore.prototype.put = put;
    }
    const sent = submitted(el, 'sent');
    submitButton(el).click();
    await sent;
    expect(await rowsWith('test-signup', marker)).to.have.length(1);
  });

  it('opens the redirect page after a successful submission', async () => {
    const target = `#intake-done-${uniqueKey()}`;
    const el = await mount({ redirect: target });
    await fill(el, 'f-name', uniqueKey());
    const sent = submitted(el, 'sent');
    submitButton(el).click();
    await sent;
    try {
      await until(() => location.hash === target, 'the redirect');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('never runs a javascript: redirect', async () => {
    const marker = `#pwned-${uniqueKey()}`;
    const el = await mount({ redirect: `javascript:location.hash='${marker}'` });
    await fill(el, 'f-name', uniqueKey());
    const sent = submitted(el, 'sent');
    submitButton(el).click();
    await sent;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(location.hash).to.not.equal(marker);
    expect(el.shadowRoot!.querySelector('.result.sent')).to.exist;
  });

  it('can be filled and sent with the keyboard alone (activity sign-up)', async () => {
    const marker = `键盘-${uniqueKey()}`;
    const el = await mount({ form: 'activity-signup' });
    $<HTMLInputElement>(el, '#f-parentName').focus();
    await sendKeys({ type: marker });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '020-0000 4321' });
    await sendKeys({ press: 'Tab' }); // email (optional)
    await sendKeys({ press: 'Tab' }); // first session radio
    await sendKeys({ press: 'Space' });
    $<HTMLInputElement>(el, '#f-consent').focus();
    await sendKeys({ press: 'Space' });
    const sent = submitted(el, 'sent');
    $<HTMLInputElement>(el, '#f-parentName').focus();
    await sendKeys({ press: 'Enter' });
    const detail = await sent;
    expect(detail.data).to.deep.equal({
      parentName: marker,
      phone: '020-0000 4321',
      session: 'sat-am',
      children: 1,
      photos: false,
      consent: true,
    });
    expect(await rowsWith('activity-signup', marker)).to.have.length(1);
  });
});

describe('demo receiver staff API', function () {
  this.timeout(30_000);
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('answers 401 without data when the token is missing or wrong', async () => {
    for (const headers of [
      {},
      { Authorization: 'Bearer wrong-token' },
      { Authorization: staffToken },
    ] as Record<string, string>[]) {
      const response = await fetch('/api/intake/test-signup/submissions', { headers });
      expect(response.status).to.equal(401);
      expect(response.headers.get('WWW-Authenticate')).to.contain('Bearer');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).to.not.have.property('items');
      expect(body.status).to.equal(401);
    }
    const ok = await fetch('/api/intake/test-signup/submissions', {
      headers: { Authorization: `Bearer ${staffToken}` },
    });
    expect(ok.status).to.equal(200);
    expect(ok.headers.get('Cache-Control')).to.equal('no-store');
  });

  it('replays the stored answer for a repeated Idempotency-Key and refuses other answers under it', async () => {
    const key = uniqueKey('idem');
    const post = (name: string) =>
      fetch('/api/intake/test-signup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ name }),
      });
    const first = await post(key);
    expect(first.status).to.equal(201);
    const again = await post(key);
    expect(again.status).to.equal(200);
    expect(await again.json()).to.deep.equal(await first.json());
    const other = await post(`${key}-changed`);
    expect(other.status).to.equal(422);
    expect(other.headers.get('Content-Type')).to.contain('application/problem+json');
    expect(await rowsWith('test-signup', key)).to.have.length(1);
  });

  it('answers bad requests with RFC 9457 problem details', async () => {
    const invalid = await fetch('/api/intake/test-signup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uniqueKey() },
      body: JSON.stringify({ phone: '电话' }),
    });
    expect(invalid.status).to.equal(422);
    expect(invalid.headers.get('Content-Type')).to.contain('application/problem+json');
    const problem = (await invalid.json()) as { errors: { pointer: string; code: string }[] };
    expect(problem.errors.map((e) => `${e.pointer} ${e.code}`)).to.deep.equal([
      '/name required',
      '/phone format',
    ]);

    const notJson = await fetch('/api/intake/test-signup', { method: 'POST', body: 'name=x' });
    expect(notJson.status).to.equal(415);
    const tooBig = await fetch('/api/intake/test-signup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x', note: 'a'.repeat(300 * 1024) }),
    });
    expect(tooBig.status).to.equal(413);
    const noForm = await fetch('/api/intake/no-such-form', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noForm.status).to.equal(404);
  });
});
