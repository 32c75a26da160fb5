import '../support/setup.js';
// Two tabs of the same form share one outbox on the device (the same storage key): each tab is a
// page of its own (tests/support/intake.ts opens them as same-origin iframes), against the real
// demo receiver. Exactly one of them sends at a time, every waiting answer is POSTed once, and
// each answer is announced once, in the tab that made it while that tab is open.
import { expect } from '@open-wc/testing';
import { until } from '../support/index.js';
import {
  closeTab,
  mountFormInTab,
  outboxSettled,
  receiver,
  storedRows,
  uniqueKey,
  warmUp,
  type IntakeHarness,
} from '../support/intake.js';

type Submit = { id: string; status: string };

/** The ids this tab announced as sent, in order. */
const announcedSent = (form: IntakeHarness) =>
  form.events
    .of<Submit>('dandelion-submit')
    .filter((e) => e.detail.status === 'sent')
    .map((e) => e.detail.id);

/** Fills in the name and submits while the receiver fails: the answer waits in the outbox. */
async function queue(form: IntakeHarness, name: string): Promise<string> {
  await form.fill('姓名', name);
  await form.submit();
  return (await form.submitted('queued')).id;
}

describe('<intake-form> in two tabs sharing one outbox', () => {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('sends every waiting answer once when both tabs come back online, and each tab announces only its own', async () => {
    const key = uniqueKey('tabs');
    const first = await mountFormInTab({ form: 'test-signup', key });
    const second = await mountFormInTab({ form: 'test-signup', key });
    const names = [`甲-${key}`, `乙-${key}`];
    receiver.fail('500');
    const ids = [await queue(first, names[0]), await queue(second, names[1])];
    await until(() => second.pending()?.includes('2'), 'two answers waiting');

    receiver.heal();
    receiver.goOnline(); // both tabs hear it at once
    await first.submitted('sent');
    await second.submitted('sent');
    await first.delivered();
    await outboxSettled();

    // At least the failed first attempt (a tab whose outbox connects after an answer waits tries
    // it at once, and fails too), then exactly one delivery each once the server works.
    for (const id of ids) expect(receiver.postsWith(id)).to.be.greaterThan(1);
    expect(ids.map((id) => receiver.postsSinceHealWith(id))).to.deep.equal([1, 1]);
    expect(receiver.postsSinceHeal).to.equal(2);
    expect(announcedSent(first), 'the first tab announces its own answer only').to.deep.equal([
      ids[0],
    ]);
    expect(announcedSent(second), 'the second tab announces its own answer only').to.deep.equal([
      ids[1],
    ]);
    for (const [i, tab] of [first, second].entries()) {
      const rows = await storedRows('test-signup', names[i]);
      expect(rows).to.have.length(1);
      expect(rows[0].key).to.equal(ids[i]);
      await until(() => tab.showsSent(), 'the tab to show its answer as sent');
      expect(tab.result()).to.equal('提交成功，谢谢！');
      expect(tab.reference()).to.equal(rows[0].reference);
      await until(() => tab.pending() === null, 'nothing waiting, in each tab');
    }
  });

  it('counts the answers waiting in the other tab too, and clears the count when they are sent', async () => {
    const key = uniqueKey('tab-count');
    const first = await mountFormInTab({ form: 'test-signup', key });
    const second = await mountFormInTab({ form: 'test-signup', key });
    receiver.fail('500');
    await queue(first, `一-${key}`);
    await until(() => second.pending(), 'the other tab to count the waiting answer');
    expect(second.pending()).to.equal('有 1 份表格保存在这台设备上，联网后会自动发送。');
    await queue(second, `二-${key}`);
    await until(() => first.pending()?.includes('2'), 'the first tab to count both');
    expect(first.pending()).to.equal('有 2 份表格保存在这台设备上，联网后会自动发送。');

    receiver.heal();
    await second.sendNow();
    for (const tab of [first, second]) {
      await until(() => tab.pending() === null, 'nothing waiting, in each tab');
    }
  });

  it('delivers the answer of a tab that was closed from the other tab, and announces it there once', async () => {
    const key = uniqueKey('closed-tab');
    const name = `关闭-${key}`;
    const closing = await mountFormInTab({ form: 'test-signup', key });
    const staying = await mountFormInTab({ form: 'test-signup', key });
    receiver.fail('500');
    const id = await queue(closing, name);
    closeTab(closing);

    receiver.heal();
    receiver.goOnline();
    expect((await staying.submitted('sent')).id).to.equal(id);
    await staying.delivered();
    await outboxSettled();
    expect(receiver.postsWith(id)).to.be.greaterThan(1); // the failed attempt (or more)
    expect(receiver.postsSinceHealWith(id)).to.equal(1);
    expect(receiver.postsSinceHeal).to.equal(1);
    expect(announcedSent(staying)).to.deep.equal([id]);
    expect(await storedRows('test-signup', name)).to.have.length(1);
  });
});
