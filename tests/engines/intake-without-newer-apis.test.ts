import '../support/setup.js';
// <intake-form> where the engine lacks what the outbox uses when it can: Web Locks (tabs take
// turns), BroadcastChannel (tabs tell each other) and `navigator.storage.persist()` (asking to
// keep the answers). Older Safari has none of them, and in-app browsers may turn them off.
// Chromium plays that engine here, against the real demo receiver.
import { expect } from '@open-wc/testing';
import { until } from '../support/index.js';
import {
  mountForm,
  outboxSettled,
  receiver,
  storedRows,
  uniqueKey,
  warmUp,
} from '../support/intake.js';
import { withoutApis } from '../support/missing-api.js';

const atRiskText =
  '联网后会自动发送。在发送之前，答案只存在这个浏览器里；如果浏览器清理空间，或者有人清除了浏览记录，答案就会丢失。请尽量不要关闭这个页面，等发送成功再离开；如果答案丢失了，需要重新填写，再发送一次。';

describe('<intake-form> without Web Locks, BroadcastChannel and storage.persist()', () => {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });
  let restore: () => void;
  beforeEach(() => {
    restore = withoutApis(
      [navigator, 'locks'],
      [globalThis, 'BroadcastChannel'],
      [navigator.storage, 'persist'],
      [navigator.storage, 'persisted'],
    );
  });
  afterEach(() => restore());

  it('sends the answers once and shows the reference', async () => {
    expect('locks' in navigator).to.equal(false);
    const name = `无锁-${uniqueKey()}`;
    const form = await mountForm({ form: 'test-signup', key: uniqueKey('nolocks') });
    await form.fill('姓名', name);
    await form.submit();
    const detail = await form.submitted('sent');
    await form.settle();
    expect(form.result()).to.equal('提交成功，谢谢！');
    const rows = await storedRows('test-signup', name);
    expect(rows).to.have.length(1);
    expect(rows[0].key).to.equal(detail.id);
    expect(rows[0].reference).to.equal(form.reference());
  });

  it('sends one request for a double click on submit', async () => {
    const form = await mountForm({ form: 'test-signup', key: uniqueKey('nolocks') });
    await form.fill('姓名', `无锁-${uniqueKey()}`);
    const button = form.primaryButton()!;
    button.click();
    button.click();
    await form.submitted('sent');
    await form.delivered();
    await outboxSettled();
    expect(receiver.posts).to.have.length(1);
  });

  it('keeps a failed answer on the device, says it may be lost, and sends it once when back online', async () => {
    const name = `无锁-${uniqueKey()}`;
    const form = await mountForm({ form: 'test-signup', key: uniqueKey('nolocks') });
    await form.fill('姓名', name);
    receiver.fail('500');
    await form.submit();
    const { id } = await form.submitted('queued');
    await form.settle();
    // Without persist() nobody promised to keep the answers: the honest wording.
    await until(() => form.savedExplanation() === atRiskText, 'the at-risk wording');

    receiver.heal();
    receiver.goOnline();
    await form.submitted('sent');
    await form.delivered();
    await outboxSettled();
    expect(receiver.postsWith(id)).to.be.greaterThan(1); // the failed attempt (or more)
    expect(receiver.postsSinceHealWith(id)).to.equal(1); // then one delivery
    expect(await storedRows('test-signup', name)).to.have.length(1);
    await until(() => form.pending() === null, 'nothing waiting');
  });
});

describe('<intake-form> without requestIdleCallback (Safari)', () => {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });
  let restore: () => void;
  beforeEach(() => {
    restore = withoutApis([window, 'requestIdleCallback'], [window, 'cancelIdleCallback']);
  });
  afterEach(() => restore());

  it('still loads the outbox after the form shows and delivers what an earlier page saved', async () => {
    expect('requestIdleCallback' in window).to.equal(false);
    const key = uniqueKey('noidle');
    const first = await mountForm({ form: 'test-signup', key });
    const name = `无空闲-${key}`;
    await first.fill('姓名', name);
    receiver.fail('500');
    await first.submit();
    const { id } = await first.submitted('queued');
    receiver.heal();
    first.el.remove();

    const second = await mountForm({ form: 'test-signup', key });
    const detail = await second.submitted('sent');
    expect(detail.id).to.equal(id);
    expect(await storedRows('test-signup', name)).to.have.length(1);
  });
});
