import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { showCalendar, type CalendarHarness } from '../support/calendar.js';

/**
 * Issue #18: "亲子 orange in zh, blue in en". A category keeps one colour in every view (month,
 * week, list, the phone's month marks), every language, and on its filter chip.
 */
const week = { date: '2026-11-18', zone: 'Asia/Shanghai' } as const;

/** The sample's events of this week and their categories. */
const byCategory = {
  亲子: '亲子阅读会',
  长者: '长者健康讲座',
  家长课堂: '线上分享：双语养育',
  志愿服务: '新志愿者培训周',
} as const;

/** The colour an element is drawn in: the background of its colour mark. */
const drawn = (el: Element): string => getComputedStyle(el).backgroundColor;

function chipColours(calendar: CalendarHarness): Record<string, string> {
  const out: Record<string, string> = {};
  for (const chip of calendar.filters()!.querySelectorAll<HTMLElement>('.chip')) {
    const swatch = chip.querySelector('.swatch');
    if (swatch) out[chip.textContent!.trim()] = drawn(swatch);
  }
  return out;
}

/** The colour each event of the week is drawn in, read from its button's category colour. */
function eventColours(calendar: CalendarHarness): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [category, title] of Object.entries(byCategory)) {
    const [shown] = calendar.eventsTitled(title);
    expect(shown, `${title} is shown`).to.exist;
    // Every view paints the event with the same private colour; read what it resolves to.
    const probe = document.createElement('span');
    probe.style.background = getComputedStyle(shown.button).getPropertyValue('--_c');
    document.body.append(probe);
    out[category] = drawn(probe);
    probe.remove();
  }
  return out;
}

describe('<event-calendar> a category keeps its colour', () => {
  it('in the month, week and list views, in zh-Hans, zh-Hant and English', async () => {
    const seen: string[] = [];
    let first: Record<string, string> | undefined;
    for (const lang of ['zh-Hans', 'en', 'zh-Hant']) {
      for (const view of ['month', 'week', 'list'] as const) {
        const calendar = await showCalendar({ ...week, lang, view, inside: { width: 1000 } });
        const chips = chipColours(calendar);
        const events = eventColours(calendar);
        for (const category of Object.keys(byCategory)) {
          expect(events[category], `${category}: event and chip (${lang}, ${view})`).to.equal(
            chips[category],
          );
        }
        first ??= events;
        expect(events, `${lang}, ${view}`).to.deep.equal(first);
        seen.push(`${lang}/${view}`);
        calendar.el.parentElement!.remove();
      }
    }
    expect(seen).to.have.length(9);
    expect(new Set(Object.values(first!)).size, 'four categories, four colours').to.equal(4);
  });

  it('in the phone month view’s marks (390 px), in zh-Hans and English', async () => {
    const wide = await showCalendar({ ...week, view: 'month', inside: { width: 1000 } });
    const colours = chipColours(wide);
    for (const lang of ['zh-Hans', 'en']) {
      const phone = await showCalendar({ ...week, lang, view: 'month', inside: { width: 390 } });
      // 18 November: the talk for elders, the online talk for parents and the volunteers' week.
      const marks = phone.marks('2026-11-18').colours;
      expect(marks, lang).to.have.members([
        colours['长者'],
        colours['家长课堂'],
        colours['志愿服务'],
      ]);
      expect(phone.marks('2026-11-21').colours, lang).to.deep.equal([colours['亲子']]);
    }
  });
});
