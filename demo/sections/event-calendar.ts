// Demo section for <event-calendar>: the street office's activities from the demo backend's
// iCalendar feed, with lunar labels and a category filter.
import '../../src/event-calendar/index.js';

const headings: Record<string, string> = {
  'zh-Hans': '活动日历',
  'zh-Hant': '活動行事曆',
  en: 'Events',
};

export function mount(container: HTMLElement): void {
  const heading = document.createElement('h2');
  heading.dataset.i18n = 'nav-events';
  heading.textContent = headings[document.documentElement.lang] ?? headings['zh-Hans'];
  const calendar = document.createElement('event-calendar');
  calendar.setAttribute('src', '/api/events.ics');
  calendar.setAttribute('lunar', '');
  // The activities happen in person in the community: show them at local time wherever the
  // visitor is (a note under the calendar names the zone when it is not the visitor's).
  calendar.setAttribute('time-zone', 'Asia/Shanghai');
  calendar.addEventListener('dandelion-select', (event) => {
    console.info('[demo] opened', event.detail.item);
  });
  container.append(heading, calendar);
}
