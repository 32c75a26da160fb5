/**
 * The one place Dandelion hands markup from a feed to the browser's parser, for pages that enforce
 * Trusted Types (`require-trusted-types-for 'script'`). The markup only ever lands in documents
 * without a browsing context (a `DOMParser` document, or a `<template>` of one): nothing in them
 * runs or loads, and what the widgets show from them is text or DOMPurify's output. So the policy
 * passes text through unchanged; allow it with `trusted-types dandelion-inert` (see README).
 */
interface Policy {
  createHTML(input: string): string;
}

let policy: Policy | null | undefined;

function trusted(text: string): string {
  if (policy === undefined) {
    const factory = (
      globalThis as {
        trustedTypes?: { createPolicy(name: string, rules: Policy): Policy };
      }
    ).trustedTypes;
    try {
      policy = factory?.createPolicy('dandelion-inert', { createHTML: (input) => input }) ?? null;
    } catch {
      // The page's CSP does not allow the policy: parsing then fails there, and readers say so.
      policy = null;
    }
  }
  return policy ? policy.createHTML(text) : text;
}

/** Parses text into an inert document (no scripts run, nothing is fetched). */
export function parseInert(text: string, type: DOMParserSupportedType): Document {
  const markup = type === 'text/html' ? withoutInlineAttributes(text) : text;
  return new DOMParser().parseFromString(trusted(markup), type);
}

let inertDoc: Document | undefined;

/** An inert `<template>` holding `html`, for reading a fragment (e.g. a feed item's first image). */
export function inertTemplate(html: string): HTMLTemplateElement {
  inertDoc ??= parseInert('<!doctype html><title></title>', 'text/html');
  const template = inertDoc.createElement('template');
  template.innerHTML = trusted(withoutInlineAttributes(html));
  return template;
}

/** Elements whose content the HTML parser reads as text up to their end tag. */
const rawText = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
]);
const space = /[\t\n\f\r ]/;

/**
 * `html` without inline event handlers (`on…`) and `style` attributes, removed before any parser
 * sees them. Chromium checks both against the page's CSP the moment they are parsed, even into a
 * document where nothing runs (DOMParser, `<template>`, the Sanitizer API alike), so a page with
 * `script-src`/`style-src` reporting would get a false alarm for every hostile feed record.
 * A small tokenizer after the HTML spec's tag and attribute states (not a sanitizer: the real
 * sanitizing happens after, on the parsed tree, and would still drop anything this misses).
 */
export function withoutInlineAttributes(html: string): string {
  if (!/[\s/](?:on|style)/i.test(html)) return html;
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out += html.slice(i, lt);
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      const stop = end < 0 ? n : end + 3;
      out += html.slice(i, stop);
      i = stop;
      continue;
    }
    if (!/[A-Za-z]/.test(html[i + 1] ?? '')) {
      // `</x>`, `<!doctype>`, `<?…>` or a lone `<`: copied as they are (no attributes to strip).
      out += '<';
      i++;
      continue;
    }
    // A start tag: name, then attributes until `>`.
    let j = i + 1;
    while (j < n && !space.test(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
    const name = html.slice(i + 1, j).toLowerCase();
    out += html.slice(i, j);
    for (;;) {
      const start = j;
      while (j < n && (space.test(html[j]) || html[j] === '/')) j++;
      if (j >= n || html[j] === '>') {
        out += html.slice(start, j + 1);
        j++;
        break;
      }
      let k = j + 1; // the first character of a name may be `=`
      while (k < n && !space.test(html[k]) && !'/>='.includes(html[k])) k++;
      const attribute = html.slice(j, k).toLowerCase();
      let eq = k;
      while (eq < n && space.test(html[eq])) eq++;
      // A name without `=` ends before the spaces after it (they separate the next attribute).
      if (html[eq] === '=') {
        k = eq + 1;
        while (k < n && space.test(html[k])) k++;
        const quote = html[k];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, k + 1);
          k = close < 0 ? n : close + 1;
        } else {
          while (k < n && !space.test(html[k]) && html[k] !== '>') k++;
        }
      }
      // A dropped attribute leaves one space: an unquoted value before it must not run into
      // what follows (`a=x onclick=y/>` must not become `a=x/>`).
      out += attribute.startsWith('on') || attribute === 'style' ? ' ' : html.slice(start, k);
      j = k;
    }
    i = j;
    if (rawText.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = end < 0 ? n : end;
      out += html.slice(i, stop);
      i = stop;
    }
  }
  return out + html.slice(i);
}
