// Demo section for <story-carousel>: the station's latest stories from the demo backend's RSS
// feed, rotating slowly until the visitor touches a control (never under reduced motion).
import '../../src/story-carousel/index.js';

const headings: Record<string, string> = {
  'zh-Hans': '成长故事',
  'zh-Hant': '成長故事',
  en: 'Stories',
};

export function mount(container: HTMLElement): void {
  const heading = document.createElement('h2');
  heading.dataset.i18n = 'nav-stories';
  heading.textContent = headings[document.documentElement.lang] ?? headings['zh-Hans'];
  const carousel = document.createElement('story-carousel');
  carousel.setAttribute('src', '/api/stories.xml');
  carousel.setAttribute('autoplay', '');
  carousel.setAttribute('interval', '7000');
  carousel.setAttribute('loop', '');
  carousel.addEventListener('dandelion-select', (event) => {
    console.info('[demo] opened', event.detail.item);
  });
  container.append(heading, carousel);
}
