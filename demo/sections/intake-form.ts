// Demo section for <intake-form>: the three example forms from demo/forms/, posted to the demo
// receiver. Submissions can be read on the staff page (token printed by `npm start`).
import '../../src/intake-form/index.js';

const text: Record<string, Record<string, string>> = {
  'zh-Hans': { heading: '报名与登记', choose: '选择表格', staff: '工作人员查看提交记录' },
  'zh-Hant': { heading: '報名與登記', choose: '選擇表格', staff: '工作人員查看送出紀錄' },
  en: { heading: 'Sign-up and intake', choose: 'Form', staff: 'Staff: see submissions' },
};
const forms: Record<string, Record<string, string>> = {
  'activity-signup': {
    'zh-Hans': '周末亲子活动报名',
    'zh-Hant': '週末親子活動報名',
    en: 'Weekend activity sign-up',
  },
  'kindergarten-registration': {
    'zh-Hans': '幼儿园入园报名协助',
    'zh-Hant': '幼兒園入園報名協助',
    en: 'Kindergarten registration help',
  },
  'home-visit': {
    'zh-Hans': '家访记录（社工用）',
    'zh-Hant': '家訪紀錄（社工用）',
    en: 'Home visit record (staff)',
  },
};

export function mount(container: HTMLElement): void {
  const lang = document.documentElement.lang in text ? document.documentElement.lang : 'zh-Hans';
  const heading = document.createElement('h2');
  heading.dataset.i18n = 'nav-intake';
  heading.textContent = text[lang].heading;

  const label = document.createElement('label');
  label.textContent = `${text[lang].choose} `;
  const select = document.createElement('select');
  for (const [name, titles] of Object.entries(forms)) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = titles[lang];
    select.append(option);
  }
  label.append(select);

  const form = document.createElement('intake-form');
  const show = (name: string) => {
    form.setAttribute('schema', `/api/forms/${name}.json`);
    form.setAttribute('action', `/api/intake/${name}`);
  };
  show(select.value);
  select.addEventListener('change', () => show(select.value));
  form.addEventListener('dandelion-submit', (event) => {
    // Only the outcome, never the answers: they are personal data.
    console.info('[demo] intake', event.detail.status, event.detail.id);
  });

  const staff = document.createElement('a');
  staff.href = '/staff.html';
  staff.textContent = text[lang].staff;
  container.append(heading, label, form, staff);
}
