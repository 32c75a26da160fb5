/**
 * Link checks and text escaping: what the widgets need at first paint. HTML sanitizing (DOMPurify)
 * is in `sanitize.ts`, used only by the lazily loaded readers.
 */
const allowedProtocols = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const absolute = /^(?:https?:\/\/|mailto:|tel:)/i;

/**
 * Returns an absolute, safe link or `undefined`: only `http:`, `https:`, `mailto:` and `tel:`
 * survive (no `javascript:`, `data:`, `vbscript:` …). Relative URLs resolve against `base`.
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Browsers ignore ASCII whitespace and control characters inside schemes ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const trimmed = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    // An absolute link of an allowed scheme never reads the base, so the base is not parsed for
    // it (the common case: 10,000 records with a website each; a third less time in a profile).
    // `http:x` (no slashes) can be relative to an http base, so it is not taken as absolute.
    url = absolute.test(trimmed)
      ? new URL(trimmed)
      : new URL(trimmed, base ?? globalThis.location?.href);
  } catch {
    return undefined;
  }
  return allowedProtocols.has(url.protocol) ? url.href : undefined;
}

/** Like {@link safeUrl} but for images: only `http:`/`https:`. */
export function safeImageUrl(value: unknown, base?: string): string | undefined {
  const url = safeUrl(value, base);
  return url && /^https?:/.test(url) ? url : undefined;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\n': '<br>',
  '\r\n': '<br>',
};

const escaped = /[&<>"'\n]|\r\n/g;

/** Turns plain text into HTML that shows exactly that text (line breaks kept). */
export function textToHtml(text: string): string {
  // One pass: one copy of the text (`replace` copies nothing when nothing matches).
  return text.replace(escaped, (c) => escapes[c]);
}
