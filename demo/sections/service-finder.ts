// Demo section: <service-finder> on the demo backend's paginated HSDS 3.0 API (/api/services),
// with deep links in the page URL and distances from a fictional point in the demo city.
import '../../src/service-finder/index.js';

const titles: Record<string, string> = {
  'zh-Hans': '找服务',
  'zh-Hant': '找服務',
  en: 'Find a service',
};

export function mount(container: HTMLElement): void {
  const finder = document.createElement('service-finder');
  finder.setAttribute('src', '/api/services?per_page=50');
  finder.setAttribute('format', 'hsds');
  finder.setAttribute('sync-url', '');
  finder.setAttribute('origin', '23.12,113.30');
  const heading = document.createElement('h2');
  heading.slot = 'header';
  const setTitle = () => {
    heading.textContent = titles[document.documentElement.lang] ?? titles['zh-Hans'];
  };
  setTitle();
  new MutationObserver(setTitle).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
  finder.append(heading);
  container.append(finder);
}
