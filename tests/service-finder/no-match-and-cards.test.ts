import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { useFakeClock } from '../support/index.js';
import { mountFinder, records } from '../support/finder.js';

describe('service-finder when nothing matches', () => {
  it('suggests the categories that have services; one tap clears the search and shows it', async () => {
    const finder = await mountFinder();
    await finder.search('不存在的服务名称');
    expect(finder.ids()).to.deep.equal([]);
    expect(finder.noMatch()).to.equal('没有符合条件的服务。试试换个关键词，或者少选几个筛选条件。');
    expect(finder.suggestionsLabel()).to.equal('也可以按类别看看全部服务：');
    // Top-level categories with services, the fullest first (家庭教育 and 心理支持 have two each).
    expect(finder.suggestions()).to.have.members(['心理支持', '家庭教育', '法律援助', '长者服务']);
    expect(finder.suggestions().slice(0, 2)).to.have.members(['心理支持', '家庭教育']);
    await finder.suggest('法律援助');
    expect(finder.searchBox().value).to.equal('');
    expect(finder.ids()).to.deep.equal(['s-2']);
    expect(finder.control<HTMLSelectElement>('服务类别').selectedOptions[0].textContent).to.contain(
      '法律援助',
    );
    expect(finder.noMatch()).to.equal(null);
  });

  it('shows the page’s way to ask for help (slot "help") and stays accessible', async () => {
    const finder = await mountFinder({
      lang: 'en',
      content: html`<p slot="help">
        Still can’t find it? Call the service desk: <a href="tel:020-0000-0000">020-0000 0000</a>
      </p>`,
    });
    await finder.search('nothing like this at all');
    expect(finder.noMatch()).to.equal(
      'No services match your search. Try other words or fewer filters.',
    );
    expect(finder.suggestionsLabel()).to.equal('Or see every service in a category:');
    const help = finder.slotted('help');
    expect(help.length).to.equal(1);
    expect((help[0] as HTMLElement).offsetHeight, 'the help is on screen').to.be.greaterThan(0);
    await expect(finder.el).to.be.accessible();
  });
});

describe('service-finder cards: address and today’s hours', () => {
  // Wednesday 25 November 2026, 10:00 in the viewer's clock.
  useFakeClock(new Date(2026, 10, 25, 10, 0));

  it('shows the address and today’s hours (zh-Hans)', async () => {
    const finder = await mountFinder();
    const psy = finder.card('s-1');
    expect(psy.address).to.equal('某某市某某区示例路1号');
    expect(psy.today).to.equal('今天 9:00–12:00、14:00–17:00');
    expect(finder.card('s-2').today, 'no timetable, no line').to.equal(null);
    expect(finder.card('s-4').address, 'no address, no line').to.equal(null);
  });

  it('says when a service is closed today, and speaks English', async () => {
    const data = records();
    data[0].hours = [{ day: 1, opens: '09:00', closes: '17:00' }];
    const zh = await mountFinder({ data });
    expect(zh.card('s-1').today).to.equal('今天不开放');
    const en = await mountFinder({ lang: 'en' });
    expect(en.card('s-1').address).to.equal('某某市某某区示例路1号');
    expect(en.card('s-1').today).to.equal('Today 9:00 AM–12:00 PM, 2:00 PM–5:00 PM');
    const hant = await mountFinder({ lang: 'zh-Hant', data });
    expect(hant.card('s-1').today).to.equal('今天不開放');
  });
});
