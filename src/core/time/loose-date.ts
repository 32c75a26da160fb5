/**
 * ISO dates from loose records: the many ways feeds write a date, read into ISO 8601 strings.
 * Its own module so a widget that reads only its page's markup (the carousel's
 * `<time datetime>`) pulls in nothing else. See `index.ts` for the whole vocabulary.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * ISO 8601 from common date shapes: ISO strings, `YYYY/MM/DD`, `YYYY.MM.DD`,
 * `2026年11月25日 14:30`, with or without time, epoch milliseconds/seconds. A date-only input
 * stays a date (`2026-11-25`); a local time without zone stays local (`2026-11-25T14:30:00`).
 * Returns `undefined` for anything it cannot read or for impossible dates.
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const ms = value < 1e11 ? value * 1000 : value;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  const text = (typeof value === 'string' ? value.trim() : '').normalize('NFKC');
  if (!text) return undefined;
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2})[:时](\d{2})(?:[:分](\d{2})(\.\d+)?)?秒?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      text,
    );
  if (m) {
    const [, y, mo, d, h, mi, s, , zone] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
    const date = `${y}-${pad(month)}-${pad(day)}`;
    if (h === undefined) return date;
    if (Number(h) > 24 || Number(mi) > 59 || Number(s ?? 0) > 60) return undefined;
    const time = `${pad(Number(h))}:${mi}:${s ?? '00'}`;
    const offset = zone
      ? zone.toUpperCase() === 'Z'
        ? 'Z'
        : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
      : '';
    return `${date}T${time}${offset}`;
  }
  // RFC 2822 (RSS pubDate) and other shapes Date understands unambiguously with a zone.
  if (/[a-z]{3},?\s+\d{1,2}\s+[a-z]{3}\s+\d{4}/i.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  return undefined;
}

/** Whether an ISO string from {@link toIsoDate} is a date without a time. */
export function isDateOnly(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso);
}
