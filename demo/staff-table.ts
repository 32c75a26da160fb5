// Renders intake submissions as a plain table for the staff page. Every answer is put in with
// `textContent`, never as HTML: a family's "<b>…</b>" stays visible text, and nothing a
// submission contains can run or load on the staff member's screen.
//
// Given the form's schema, the table reads like the form: the questions' titles as column heads
// (in the form's order), the titles of the chosen options instead of their codes, 是 / 否 for
// yes-no answers. Answers the schema does not know still get a column, under their key.
import { pickText, readSchema, type Field } from '../src/intake-form/schema.js';

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

/** A column: its head and how to show one submission's answer in it. */
interface Column {
  head: string;
  show: (data: Record<string, unknown>) => string;
}

const words = {
  zh: { reference: '编号', received: '收到时间', yes: '是', no: '否' },
  'zh-Hant': { reference: '編號', received: '收到時間', yes: '是', no: '否' },
  en: { reference: 'Reference', received: 'Received', yes: 'Yes', no: 'No' },
};

function wordsFor(locale: string) {
  return locale === 'zh-Hant' ? words['zh-Hant'] : locale.startsWith('zh') ? words.zh : words.en;
}

function valueAt(data: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** One column per question of the schema (nested groups as "Group · Question"), in form order. */
function schemaColumns(schema: unknown, locale: string): { columns: Column[]; keys: Set<string> } {
  const w = wordsFor(locale);
  const columns: Column[] = [];
  const keys = new Set<string>();
  const answerText = (field: Field, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '';
    const choice = (v: unknown) => {
      const found = field.choices?.find((c) => c.value === v);
      return found
        ? pickText(found.title, locale)
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
    };
    if (Array.isArray(value)) return value.map(choice).join('、');
    if (field.choices) return choice(value);
    if (typeof value === 'boolean') return value ? w.yes : w.no;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const visit = (fields: Field[], path: string[], heads: string[]) => {
    for (const field of fields) {
      const here = [...path, field.key];
      const head = [...heads, pickText(field.title, locale) || field.key];
      if (field.kind === 'group') {
        visit(field.fields ?? [], here, head);
        continue;
      }
      keys.add(here.join('.'));
      columns.push({
        head: head.join(' · '),
        show: (data) => answerText(field, valueAt(data, here)),
      });
    }
  };
  visit(readSchema(schema).root.fields ?? [], [], []);
  return { columns, keys };
}

function cell(tag: 'td' | 'th', text: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (tag === 'th') el.setAttribute('scope', 'col');
  return el;
}

/**
 * Builds the table: reference, received time, then one column per question (with `schema`) and
 * one per answer the schema does not name (or per answer, without a schema).
 */
export function renderSubmissions(
  items: Submission[],
  locale = 'zh-Hans',
  schema?: unknown,
): HTMLTableElement {
  const w = wordsFor(locale);
  const rows = items.map((item) => ({ item, answers: flatten(item.data) }));
  const known = schema ? schemaColumns(schema, locale) : { columns: [], keys: new Set<string>() };
  const others = [...new Set(rows.flatMap((r) => Object.keys(r.answers)))].filter(
    (key) => !known.keys.has(key),
  );
  const columns: { head: string; show: (row: (typeof rows)[number]) => string }[] = [
    ...known.columns.map((c) => ({
      head: c.head,
      show: (r: (typeof rows)[number]) => c.show(r.item.data),
    })),
    ...others.map((key) => ({
      head: key,
      show: (r: (typeof rows)[number]) => r.answers[key] ?? '',
    })),
  ];
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const name of [w.reference, w.received, ...columns.map((c) => c.head)]) {
    head.append(cell('th', name));
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.append(
      cell('td', row.item.reference),
      cell('td', time.format(new Date(row.item.receivedAt))),
    );
    for (const column of columns) tr.append(cell('td', column.show(row)));
  }
  return table;
}
