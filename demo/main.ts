// The demo shell: language switcher (changes <html lang>, every widget follows), theme toggle,
// and one section per widget, each talking to the demo backend under /api/.
import '../src/index.js';

const shellText: Record<string, Record<string, string>> = {
  'zh-Hans': {
    title: '蒲公英 · 社区服务组件',
    language: '语言',
    theme: '外观',
    'theme-auto': '跟随系统',
    'theme-light': '浅色',
    'theme-dark': '深色',
    'nav-services': '找服务',
    'nav-events': '活动日历',
    'nav-intake': '报名与登记',
    'nav-stories': '成长故事',
    note: '所有演示数据均为虚构，与真实人物、电话和地址无关。',
  },
  'zh-Hant': {
    title: '蒲公英 · 社區服務元件',
    language: '語言',
    theme: '外觀',
    'theme-auto': '跟隨系統',
    'theme-light': '淺色',
    'theme-dark': '深色',
    'nav-services': '找服務',
    'nav-events': '活動行事曆',
    'nav-intake': '報名與登記',
    'nav-stories': '成長故事',
    note: '所有示範資料均為虛構，與真實人物、電話和地址無關。',
  },
  en: {
    title: 'Dandelion · community service widgets',
    language: 'Language',
    theme: 'Theme',
    'theme-auto': 'System',
    'theme-light': 'Light',
    'theme-dark': 'Dark',
    'nav-services': 'Services',
    'nav-events': 'Events',
    'nav-intake': 'Sign-up',
    'nav-stories': 'Stories',
    note: 'All demo data is fictional: no real people, phone numbers or addresses.',
  },
};

const language = document.querySelector<HTMLSelectElement>('#language')!;
const theme = document.querySelector<HTMLSelectElement>('#theme')!;

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = shellText[lang]?.[el.dataset.i18n!] ?? el.textContent;
  }
  localStorage.setItem('dandelion-demo-lang', lang);
}

function applyTheme(value: string): void {
  for (const widget of document.querySelectorAll('#widgets > section > *')) {
    if (value) widget.setAttribute('theme', value);
    else widget.removeAttribute('theme');
  }
  document.documentElement.style.colorScheme = value || 'light dark';
  localStorage.setItem('dandelion-demo-theme', value);
}

language.value = localStorage.getItem('dandelion-demo-lang') ?? 'zh-Hans';
theme.value = localStorage.getItem('dandelion-demo-theme') ?? '';
applyLanguage(language.value);
language.addEventListener('change', () => applyLanguage(language.value));
theme.addEventListener('change', () => applyTheme(theme.value));

void import('./sections.js').then(({ mountSections }) =>
  mountSections(document.querySelector<HTMLElement>('#widgets')!, () => applyTheme(theme.value)),
);
