import '../support/setup.js';
// End-to-end: <intake-form> against the real demo receiver (mounted at /api/ by the test runner,
// faults on, in-memory PGlite). Faults come per request through the harness's `receiver`; rows
// are read through the staff API. Retries and timeouts run under a fake clock.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { renderSubmissions } from '../../demo/staff-table.js';
import { fakeClock, until, useFakeClock } from '../support/index.js';
import {
  fillTheDevice,
  letTimePass,
  loadForm,
  mountForm,
  mountFormLoading,
  outboxSettled,
  receiver,
  staffToken,
  storedRows,
  uniqueKey,
  warmUp,
  type FormOptions,
  type IntakeHarness,
} from '../support/intake.js';

const referencePattern = /^DX-[A-HJ-NP-Z2-9]{4}$/;

/** The demo receiver's test sign-up form, with a name (a marker no other test uses) filled in. */
async function signUp(options: FormOptions = {}, name = `测试-${uniqueKey()}`) {
  const form = await mountForm({ form: 'test-signup', ...options });
  await form.fill(options.lang === 'en' ? 'Name' : '姓名', name);
  return { form, name };
}

/** Rows of the test sign-up form that hold `marker`. */
const rows = (marker: string) => storedRows('test-signup', marker);

/** Whether the form has announced a delivery. */
const anySent = (form: IntakeHarness) =>
  form.events.of<{ status: string }>('dandelion-submit').some((e) => e.detail.status === 'sent');

describe('<intake-form> delivering to the demo receiver', () => {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('sends the answers once, shows the reference and clears the draft', async () => {
    const key = uniqueKey('happy');
    const marker = `测试-${key}`;
    const form = await mountForm({ form: 'test-signup', key });
    await form.fill('姓名', marker);
    await form.fill('电话', '020-0000 1234');
    await form.submit();
    const detail = await form.submitted('sent');
    expect(detail.data).to.deep.equal({ name: marker, phone: '020-0000 1234' });
    await form.settle();
    expect(form.result()).to.equal('提交成功，谢谢！');
    expect(form.focused()).to.equal(form.resultHeading());
    const reference = form.reference();
    expect(reference).to.match(referencePattern);
    await expect(form.el).to.be.accessible();

    const stored = await rows(marker);
    expect(stored).to.have.length(1);
    expect(stored[0].key).to.equal(detail.id); // the Idempotency-Key
    expect(stored[0].reference).to.equal(reference);
    expect(stored[0].data).to.deep.equal(detail.data);

    // "Fill in another form" starts empty, and a new element finds no draft.
    await form.startOver();
    expect(form.control('姓名').value).to.equal('');
    form.el.remove();
    const again = await mountForm({ form: 'test-signup', key });
    await again.draftChecked();
    expect(again.control('姓名').value).to.equal('');
  });

  it('sends one request for a double click on submit', async () => {
    const { form, name } = await signUp();
    const button = form.primaryButton()!;
    button.click();
    button.click();
    await form.submitted('sent');
    await form.delivered();
    expect(receiver.posts).to.have.length(1);
    expect(await rows(name)).to.have.length(1);
  });

  it('quietly drops a submission whose honeypot was filled (bots)', async () => {
    const { form, name } = await signUp();
    form.fillHoneypot('http://spam.example');
    await form.submit();
    await until(() => form.showsSent(), 'the fake success');
    await form.delivered();
    expect(receiver.posts).to.have.length(0);
    expect(form.events.of('dandelion-submit')).to.have.length(0);
    expect(await rows(name)).to.have.length(0);
  });

  it('keeps the answers on the device when the server fails (5xx), and says how many wait', async () => {
    const { form, name } = await signUp();
    receiver.fail('500');
    await form.submit();
    const queued = await form.submitted('queued');
    expect(queued.data).to.deep.equal({ name });
    await form.settle();
    expect(form.result()).to.equal('已保存在这台设备上');
    expect(form.text()).to.contain('联网后会自动发送');
    await until(() => form.pending(), 'the pending count');
    expect(form.pending()).to.equal('有 1 份表格保存在这台设备上，联网后会自动发送。');
    expect(await form.storedOutbox()).to.have.length(1);
    expect(await rows(name)).to.have.length(0);
    await expect(form.el).to.be.accessible();
  });

  it('queues when the server does not answer in time, and sends at once when the browser is back online (English)', async () => {
    let form: IntakeHarness;
    let name: string;
    const clock = fakeClock();
    try {
      ({ form, name } = await signUp({ lang: 'en', timeout: 20 }));
      receiver.fail('timeout');
      await form.submit();
      await until(() => receiver.waiting === 1, 'the answers to be on their way');
      await clock.tickAsync(19_999);
      expect(receiver.waiting, 'still waiting just before the timeout').to.equal(1);
      await clock.tickAsync(1);
      await form.submitted('queued');
      await form.settle();
      expect(form.result()).to.equal('Saved on this device');
      await until(() => form.pending(), 'the pending count');
      expect(form.pending()).to.equal(
        'One form is saved on this device and will be sent automatically.',
      );
    } finally {
      clock.uninstall();
    }
    await expect(form.el).to.be.accessible();
    receiver.heal();
    receiver.goOnline();
    await form.submitted('sent');
    await form.settle();
    expect(form.result()).to.equal('Thank you, your answers have been sent');
    expect(await rows(name)).to.have.length(1);
  });

  it('counts several answers saved while offline and sends them all when back online (繁體)', async () => {
    const key = uniqueKey('offline');
    const form = await mountForm({ form: 'test-signup', key, lang: 'zh-Hant' });
    receiver.goOffline();
    const markers = [`離線一-${key}`, `離線二-${key}`];
    for (const marker of markers) {
      // "Fill in another form" (the queued view also has the pending count's "Send now").
      if (form.result()) await form.startOver();
      await form.fill('姓名', marker);
      await form.submit();
      await form.submitted('queued');
    }
    await until(() => form.pending()?.includes('2'), 'two pending');
    expect(form.pending()).to.equal('有 2 份表格儲存在這台裝置上，連上網路後會自動送出。');
    expect(form.result()).to.equal('已儲存在這台裝置上');
    await expect(form.el).to.be.accessible();

    receiver.goOnline();
    const delivered = [await form.submitted('sent'), await form.submitted('sent')];
    expect(delivered.map((d) => (d.data as { name: string }).name)).to.deep.equal(markers);
    for (const marker of markers) expect(await rows(marker)).to.have.length(1);
    await until(() => !form.pending(), 'no pending left');
  });

  it('delivers a queued answer exactly once after the page is loaded again', async () => {
    const key = uniqueKey('reload');
    const marker = `重新加载-${key}`;
    const first = await mountForm({ form: 'test-signup', key });
    await first.fill('姓名', marker);
    receiver.fail('500');
    await first.submit();
    const { id } = await first.submitted('queued');
    receiver.heal();
    first.el.remove(); // the page goes away with the answer still queued

    const second = await mountFormLoading({ form: 'test-signup', key });
    expect(await second.submitted('sent')).to.deep.equal({
      id,
      data: { name: marker },
      status: 'sent',
    });
    await second.delivered();
    expect(second.events.of('dandelion-submit')).to.have.length(1);
    expect(receiver.posts, 'the failed attempt and one delivery').to.have.length(2);
    expect(await rows(marker)).to.have.length(1);
    await second.ready();
    expect(second.pending()).to.equal(null);
  });

  describe('retrying', () => {
    const clock = useFakeClock();

    /** A sign-up that retries after 10 s (fake clock), sent while the receiver has `fault`. */
    async function sentWhileFailing(fault: Parameters<typeof receiver.fail>[0]) {
      const sent = await signUp({ retryDelay: 10 });
      receiver.fail(fault);
      await sent.form.submit();
      return sent;
    }

    it('tries again after the retry delay, not before, and delivers once the server recovers — no reload', async () => {
      const { form, name } = await sentWhileFailing('500');
      const queued = await form.submitted('queued');
      expect(receiver.posts).to.have.length(1);
      // The first retry comes 10 s later, give or take 20 % (so devices do not retry in step).
      await clock().tickAsync(7_999);
      await outboxSettled();
      expect(receiver.posts, 'no retry before 8 s').to.have.length(1);
      await clock().tickAsync(4_001);
      await until(() => receiver.posts.length === 2, 'the first retry, by 12 s');
      await receiver.answered();
      // The server still fails: nothing is stored and the answer keeps waiting.
      expect(await rows(name)).to.have.length(0);
      expect(form.pending()).to.equal('有 1 份表格保存在这台设备上，联网后会自动发送。');

      receiver.heal();
      await letTimePass(clock(), () => anySent(form), 'the next retry to deliver');
      expect(await form.submitted('sent')).to.deep.equal({
        id: queued.id,
        data: { name },
        status: 'sent',
      });
      await form.settle();
      expect(form.result()).to.equal('提交成功，谢谢！');
      expect(form.reference()).to.match(referencePattern);
      expect(form.pending()).to.equal(null);
      expect(await rows(name)).to.have.length(1);
    });

    it('stores once when the response is lost after commit and the retry repeats the key', async () => {
      const { form, name } = await sentWhileFailing('drop-after-commit');
      await until(() => form.events.of('dandelion-submit').length, 'the form to answer');
      const [{ detail: first }] = form.events.of<{ id: string; status: string }>(
        'dandelion-submit',
      );
      // The browser itself may repeat a request whose reused connection was cut (with the same
      // key); else the form queues it, though the server did store it.
      if (first.status === 'queued') expect(await rows(name)).to.have.length(1);
      receiver.heal();
      await letTimePass(clock(), () => anySent(form), 'the retry');
      expect((await form.submitted('sent')).id).to.equal(first.id);
      await form.settle();
      const stored = await rows(name);
      expect(stored).to.have.length(1);
      expect(form.reference()).to.equal(stored[0].reference);
    });

    it('gets through a connection that drops once (offline-once) with exactly one row', async () => {
      const { form, name } = await sentWhileFailing('offline-once');
      // The browser itself may repeat a request whose reused connection was cut; else the form
      // queues it and its retry gets through.
      await letTimePass(clock(), () => anySent(form), 'the answers to get through');
      await form.delivered();
      expect(await rows(name)).to.have.length(1);
    });
  });

  it('maps a 422 problem from the server onto the questions', async () => {
    // The page's copy of the schema forgot "required"; the server's copy has it.
    const lenient = await loadForm('test-signup');
    delete lenient.required;
    const form = await mountForm({ form: 'test-signup', schema: lenient });
    await form.fill('电话', '020-0000 5678');
    await form.submit();
    expect(await form.events.failed()).to.deep.include({ kind: 'http', status: 422 });
    await form.settle();
    expect(form.noticeText()).to.equal('表格没有提交成功（错误 422），请检查填写的内容后再提交。');
    expect(form.error('姓名')).to.contain('请填写姓名');
    expect(form.summaryMessages()).to.deep.equal(['请填写姓名']);
    await expect(form.el).to.be.accessible();
    const marker = `更正-${uniqueKey()}`;
    await form.fill('姓名', marker);
    expect(form.error('姓名')).to.equal(null);
    await form.submit();
    await form.submitted('sent');
    expect(await rows(marker)).to.have.length(1);
  });

  it('stores pasted HTML as text and the staff table shows it as text', async () => {
    const key = uniqueKey('html');
    const pasted = `<img src="data:," onerror="window.__intakeXss=1"><b>粗体</b><script>window.__intakeXss=2</script> ${key}`;
    const { form } = await signUp({}, pasted);
    await form.submit();
    await form.submitted('sent');
    const stored = await rows(key);
    expect(stored).to.have.length(1);
    expect(stored[0].data.name).to.equal(pasted);
    const table = renderSubmissions(stored);
    document.body.append(table);
    try {
      expect(table.querySelector('img, b, script')).to.equal(null);
      expect(table.textContent).to.contain(pasted);
      // An image made from the text would have failed (and run its handler) before this one.
      await new Promise((resolve) => {
        const probe = new Image();
        probe.onerror = resolve;
        probe.src = 'data:,';
      });
      expect((window as { __intakeXss?: number }).__intakeXss).to.equal(undefined);
    } finally {
      table.remove();
    }
  });

  it('round-trips emoji and mixed scripts exactly', async () => {
    const key = uniqueKey('emoji');
    const name = `小明 Ming 😀👨‍👩‍👧 ㄅㄆㄇ 한글 عربي ${key}`;
    const note = '第一行\n第二行 🌼\n\tالثالث';
    const { form } = await signUp({}, name);
    await form.fill('备注', note);
    await form.submit();
    expect((await form.submitted('sent')).data).to.deep.equal({ name, note });
    const stored = await rows(key);
    expect(stored).to.have.length(1);
    expect(stored[0].data).to.deep.equal({ name, note });
  });

  it('handles very long answers: over the limit is explained, at the limit is stored', async () => {
    const { form, name } = await signUp();
    await form.fill('备注', `${'长'.repeat(4990)}${'😀'.repeat(11)}`);
    await until(() => form.error('备注'), 'the length message');
    expect(form.error('备注')).to.contain('备注最多 5,000 个字，现在有 5,001 个字');
    const exact = `${'长'.repeat(4990)}${'😀'.repeat(10)}`;
    await form.fill('备注', exact);
    await form.submit();
    await form.submitted('sent');
    expect((await rows(name))[0].data.note).to.equal(exact);
  });

  it('refuses to send more than 256 KB and says why', async () => {
    const lenient = await loadForm('test-signup');
    delete (lenient.properties as Record<string, { maxLength?: number }>).note.maxLength;
    const form = await mountForm({ form: 'test-signup', schema: lenient });
    await form.fill('姓名', uniqueKey());
    await form.fill('备注', '字'.repeat(100_000));
    await form.submit();
    expect(form.noticeText()).to.contain('超过 256 KB');
    await form.delivered();
    expect(receiver.posts).to.have.length(0);
  });

  it('tells the person when the device is full and the server unreachable, and keeps the answers', async () => {
    const { form, name } = await signUp();
    const roomAgain = fillTheDevice();
    receiver.fail('500');
    try {
      await form.submit();
      expect(await form.events.failed()).to.deep.include({ kind: 'http', status: 500 });
      await form.settle();
      const notice = form.notice()!;
      expect(form.noticeText()).to.equal(
        '这台设备的存储空间不够，网络也连不上，答案没能保存。请不要关闭这个页面，联网后再点一次“提交”。',
      );
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(form.focused()).to.equal(notice);
      expect(form.control('姓名').value).to.equal(name);
      await expect(form.el).to.be.accessible();
    } finally {
      receiver.heal();
      roomAgain();
    }
    await form.submit();
    await form.submitted('sent');
    expect(await rows(name)).to.have.length(1);
  });

  it('opens the redirect page after a successful submission', async () => {
    const target = `#intake-done-${uniqueKey()}`;
    const { form } = await signUp({ redirect: target });
    await form.submit();
    await form.submitted('sent');
    try {
      await until(() => location.hash === target, 'the redirect');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('never runs a javascript: redirect', async () => {
    const marker = `#pwned-${uniqueKey()}`;
    const { form, name } = await signUp({ redirect: `javascript:location.hash='${marker}'` });
    await form.submit();
    await form.submitted('sent');
    // A javascript: navigation runs as a task of the page's network queue: a round trip to the
    // receiver later, it would have run.
    expect(await rows(name)).to.have.length(1);
    expect(location.hash).to.not.equal(marker);
    expect(form.showsSent()).to.equal(true);
  });

  it('can be filled and sent with the keyboard alone (activity sign-up)', async () => {
    const marker = `键盘-${uniqueKey()}`;
    const form = await mountForm({ form: 'activity-signup' });
    form.control('家长姓名').focus();
    await sendKeys({ type: marker });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '020-0000 4321' });
    await sendKeys({ press: 'Tab' }); // email (optional)
    await sendKeys({ press: 'Tab' }); // first session radio
    await sendKeys({ press: 'Space' });
    form.control('我同意示例社工站保存以上资料').focus();
    await sendKeys({ press: 'Space' });
    form.control('家长姓名').focus();
    await sendKeys({ press: 'Enter' });
    expect((await form.submitted('sent')).data).to.deep.equal({
      parentName: marker,
      phone: '020-0000 4321',
      session: 'sat-am',
      children: 1,
      photos: false,
      consent: true,
    });
    expect(await storedRows('activity-signup', marker)).to.have.length(1);
  });
});

describe('demo receiver staff API', () => {
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
    expect(await rows(key)).to.have.length(1);
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
