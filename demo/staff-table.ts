// Renders intake submissions as a plain table for the staff page. Every answer is put in with
// `textContent`, never as HTML: a family's "<b>…</b>" stays visible text, and nothing a
// submission contains can run or load on the staff member's screen.

export interface Submission {
  id: string;
  reference: string;
  key: string;
  receivedAt: string;
  data: Record<string, unknown>;
}

/** Flattens nested answers into `child.name`-style columns; lists are joined with "、". */
export function flatten(
  value: unknown,
  prefix = '',
  out: Record<string, string> = {},
): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (Array.isArray(value)) {
    out[prefix] = value
      .map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
      .join('、');
  } else if (value !== undefined && value !== null) {
    out[prefix] = String(value);
  }
  return out;
}

function cell(tag: 'td' | 'th', text: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (tag === 'th') el.setAttribute('scope', 'col');
  return el;
}

/** Builds the table (reference, received time, then one column per answer). */
export function renderSubmissions(items: Submission[], locale = 'zh-Hans'): HTMLTableElement {
  const rows = items.map((item) => ({ item, answers: flatten(item.data) }));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.answers)))];
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  const fixed = locale.startsWith('zh') ? ['编号', '收到时间'] : ['Reference', 'Received'];
  for (const name of [...fixed, ...columns]) head.append(cell('th', name));
  const body = table.createTBody();
  for (const { item, answers } of rows) {
    const row = body.insertRow();
    row.append(cell('td', item.reference), cell('td', time.format(new Date(item.receivedAt))));
    for (const column of columns) row.append(cell('td', answers[column] ?? ''));
  }
  return table;
}
