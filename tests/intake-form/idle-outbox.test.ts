import '../support/setup.js';
// The outbox (IndexedDB, locks, retries) is not part of the form's first view: it is requested
// two seconds after the form shows, when the page is idle, or at the first answer if that comes
// sooner. Time is a fake clock and idle callbacks are held by the test (a stand-in
// `requestIdleCallback`), so "not yet" and "now" do not depend on how busy the machine is.
import { expect } from '@open-wc/testing';
import { until, useFakeClock } from '../support/index.js';
import {
  mountForm,
  mountFormLoading,
  receiver,
  uniqueKey,
  warmUp,
  type IntakeHarness,
} from '../support/intake.js';
import { withoutApis } from '../support/missing-api.js';

/** The form's submission controller, whose `outbox` is the promise of the outbox controller. */
const outboxOf = (form: IntakeHarness) =>
  (form.el as unknown as { submission: { outbox?: Promise<unknown> } }).submission.outbox;

/** Replaces `requestIdleCallback` with one whose callbacks run only on `idle()`. */
function holdIdleTime() {
  const restore = withoutApis([window, 'requestIdleCallback'], [window, 'cancelIdleCallback']);
  const held = new Map<number, () => void>();
  let next = 1;
  Object.assign(window, {
    requestIdleCallback: (callback: () => void) => {
      held.set(next, callback);
      return next++;
    },
    cancelIdleCallback: (handle: number) => held.delete(handle),
  });
  return {
    held: () => held.size,
    idle() {
      const callbacks = [...held.values()];
      held.clear();
      for (const callback of callbacks) callback();
    },
    restore() {
      delete (window as Partial<Window>).requestIdleCallback;
      delete (window as Partial<Window>).cancelIdleCallback;
      restore();
    },
  };
}

describe('intake-form: the outbox comes after the first view', () => {
  before(() => warmUp());
  const clock = useFakeClock();
  let idleTime: ReturnType<typeof holdIdleTime>;
  beforeEach(() => (idleTime = holdIdleTime()));
  afterEach(() => idleTime.restore());

  it('shows the form without the outbox and requests it two seconds later, when the page is idle', async () => {
    const form = await mountForm({ form: 'test-signup', key: uniqueKey('idle') });
    await clock().tickAsync(1999);
    expect(idleTime.held(), 'not waiting for idle time yet').to.equal(0);
    await clock().tickAsync(1);
    expect(outboxOf(form), 'not requested before the page is idle').to.equal(undefined);
    expect(idleTime.held()).to.equal(1);
    idleTime.idle();
    expect(outboxOf(form)).to.be.an.instanceOf(Promise);
    await outboxOf(form);
  });

  it('requests it at the first answer, before the page is idle, and sends', async () => {
    const form = await mountForm({ form: 'test-signup', key: uniqueKey('idle') });
    const name = `空闲-${uniqueKey()}`;
    await form.fill('姓名', name);
    expect(outboxOf(form), 'requested by the answer').to.be.an.instanceOf(Promise);
    await form.submit();
    expect((await form.submitted('sent')).data).to.deep.equal({ name });
  });

  it('delivers what an earlier page saved once the page is idle, without any answer', async () => {
    const key = uniqueKey('idle-reload');
    const first = await mountForm({ form: 'test-signup', key });
    await first.fill('姓名', `空闲重新加载-${key}`);
    receiver.fail('500');
    await first.submit();
    const { id } = await first.submitted('queued');
    receiver.heal();
    first.el.remove();

    const second = await mountFormLoading({ form: 'test-signup', key });
    await second.ready();
    await clock().tickAsync(2000);
    expect(second.events.of('dandelion-submit'), 'nothing before the page is idle').to.have.length(
      0,
    );
    await until(() => idleTime.held() > 0, 'the idle-time request');
    idleTime.idle();
    expect((await second.submitted('sent')).id).to.equal(id);
  });

  it('does not request it for a form removed before the page was idle', async () => {
    const form = await mountForm({ form: 'test-signup', key: uniqueKey('idle') });
    form.el.remove();
    await clock().tickAsync(2000);
    expect(idleTime.held(), 'the idle-time request is cancelled').to.equal(0);
    expect(outboxOf(form)).to.equal(undefined);
  });
});
