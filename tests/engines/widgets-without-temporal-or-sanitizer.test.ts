import '../support/setup.js';
// WebKitGTK 2.50 (Safari's engine) has no `Temporal` and no HTML Sanitizer API
// (`Element.prototype.setHTML`, `Sanitizer`); Firefox 153 and this Chromium have both. Whatever
// a widget does with them where they exist, without them every widget must still read its data,
// show remote HTML sanitized (never run it) and work with dates. Chromium plays WebKit here.
import { expect } from '@open-wc/testing';
import { showCalendar, november } from '../support/calendar.js';
import { carousel } from '../support/carousel.js';
import { mountFinder } from '../support/finder.js';
import { mountForm, receiver, uniqueKey, warmUp } from '../support/intake.js';
import { withoutApis } from '../support/missing-api.js';

describe('every widget without Temporal and the HTML Sanitizer API (WebKit)', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = withoutApis(
      [globalThis, 'Temporal'],
      [globalThis, 'Sanitizer'],
      [Element.prototype, 'setHTML'],
      [Element.prototype, 'setHTMLUnsafe'],
      [ShadowRoot.prototype, 'setHTML'],
      [ShadowRoot.prototype, 'setHTMLUnsafe'],
      [Document, 'parseHTML'],
      [Document, 'parseHTMLUnsafe'],
    );
    delete (window as { hacked?: unknown }).hacked;
  });
  afterEach(() => restore());

  it('story-carousel reads an RSS feed and shows its HTML summary sanitized', async () => {
    expect('setHTML' in Element.prototype).to.equal(false);
    const shown = await carousel();
    await shown.load('/tests/fixtures/carousel/feed.xml');
    expect(shown.titles()[0]).to.equal('小明在美术小组里找到了自己的声音');
    const summary = shown.slide(0).summary!;
    expect(summary.querySelector('strong')?.textContent).to.equal('不爱说话');
    expect(summary.querySelector('script, [onerror]')).to.equal(null);
    expect('hacked' in window).to.equal(false);
  });

  it('service-finder shows a service’s HTML description sanitized', async () => {
    const finder = await mountFinder();
    await finder.open('儿童心理咨询');
    const description = (await finder.detailShown()).description()!;
    expect(description.querySelector('strong')?.textContent).to.equal('一对一');
  });

  it('event-calendar places a recurring series and shows the detail’s HTML sanitized', async () => {
    const calendar = await showCalendar(november);
    expect(calendar.daysOf('亲子阅读会')).to.include.members(['2026-11-07', '2026-11-21']);
    const dialog = await calendar.openEvent('亲子阅读会');
    const description = dialog.description()!;
    expect(description.querySelector('strong')?.textContent).to.equal('绘本');
    expect(description.querySelector('script')).to.equal(null);
  });

  it('intake-form validates and sends its answers', async function () {
    this.timeout(120_000);
    await warmUp();
    const form = await mountForm({ form: 'test-signup', key: uniqueKey('notemporal') });
    await form.submit();
    expect(form.error('姓名')).to.be.a('string').and.not.equal('');
    await form.fill('姓名', `无Temporal-${uniqueKey()}`);
    await form.submit();
    await form.submitted('sent');
    await form.delivered();
    expect(receiver.posts).to.have.length(1);
  });
});
