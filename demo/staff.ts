// The staff page: asks for the staff token, then lists a form's submissions as a text table.
// The token stays in this tab only (sessionStorage) and is sent as `Authorization: Bearer`.
import { renderSubmissions, type Submission } from './staff-table.js';

const tokenInput = document.querySelector<HTMLInputElement>('#token')!;
const formSelect = document.querySelector<HTMLSelectElement>('#form')!;
const status = document.querySelector<HTMLElement>('#status')!;
const output = document.querySelector<HTMLElement>('#submissions')!;
const lang = document.documentElement.lang || 'zh-Hans';

tokenInput.value = sessionStorage.getItem('dandelion-staff-token') ?? '';

function titleOf(title: unknown, name: string): string {
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const t = title as Record<string, string>;
    return t[lang] ?? t['zh-Hans'] ?? name;
  }
  return name;
}

async function loadForms(): Promise<void> {
  const forms = (await (await fetch('/api/forms/index.json')).json()) as {
    name: string;
    title: unknown;
  }[];
  formSelect.replaceChildren(
    ...forms.map((f) => {
      const option = document.createElement('option');
      option.value = f.name;
      option.textContent = titleOf(f.title, f.name);
      return option;
    }),
  );
}

async function show(event?: Event): Promise<void> {
  event?.preventDefault();
  const token = tokenInput.value.trim();
  sessionStorage.setItem('dandelion-staff-token', token);
  output.replaceChildren();
  status.textContent = '正在读取…';
  const response = await fetch(`/api/intake/${encodeURIComponent(formSelect.value)}/submissions`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status === 401) {
    status.textContent = '令牌不对，或者服务器没有设置令牌。请向管理员确认。';
    return;
  }
  if (!response.ok) {
    status.textContent = `读取失败（错误 ${response.status}）。`;
    return;
  }
  const { items } = (await response.json()) as { items: Submission[] };
  status.textContent = `共 ${items.length} 份`;
  if (items.length === 0) return;
  // The form's questions name the columns; without the schema the answers' keys do.
  const schema = await fetch(`/api/forms/${encodeURIComponent(formSelect.value)}.json`)
    .then((r) => (r.ok ? (r.json() as Promise<unknown>) : undefined))
    .catch(() => undefined);
  output.append(renderSubmissions(items, lang, schema));
}

document.querySelector('#staff-form')!.addEventListener('submit', (event) => void show(event));
void loadForms();
