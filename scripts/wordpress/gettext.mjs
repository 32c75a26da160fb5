// Gettext for the WordPress plugin without GNU gettext: read .po files, write .mo files (what
// PHP's translate functions read) and Jed JSON (what wp.i18n reads for the block editor script),
// and list the strings the plugin's PHP, JavaScript and block.json files ask to translate.

/** @typedef {{ context?: string, id: string, plural?: string, strings: string[] }} Entry */

const unquote = (text) => JSON.parse(text.replace(/\\'/g, "'").replace(/\t/g, '\\t'));

/** Parses a .po file: every entry, the header (msgid "") included. @returns {Entry[]} */
export function parsePo(text) {
  const entries = [];
  let entry;
  let field;
  const flush = () => {
    if (entry && entry.id !== undefined) entries.push(entry);
    entry = { strings: [] };
  };
  entry = { strings: [] };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      if (line === '' && entry.id !== undefined) flush();
      continue;
    }
    const m = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$/.exec(line);
    if (m) {
      if ((m[1] === 'msgid' || m[1] === 'msgctxt') && entry.strings.length) flush();
      const value = unquote(m[3]);
      if (m[1] === 'msgctxt') entry.context = value;
      else if (m[1] === 'msgid') entry.id = value;
      else if (m[1] === 'msgid_plural') entry.plural = value;
      else entry.strings[m[2] ? Number(m[2]) : 0] = value;
      field =
        m[1] === 'msgctxt'
          ? 'context'
          : m[1] === 'msgid'
            ? 'id'
            : m[1] === 'msgid_plural'
              ? 'plural'
              : Number(m[2] ?? 0);
      continue;
    }
    if (/^".*"$/.test(line)) {
      const value = unquote(line);
      if (typeof field === 'number') entry.strings[field] += value;
      else entry[field] += value;
      continue;
    }
    throw new Error(`Cannot read this .po line: ${raw}`);
  }
  flush();
  return entries;
}

const keyOf = (e) => (e.context !== undefined ? `${e.context}\u0004${e.id}` : e.id);

/** A .mo file (little endian, no hash table) from .po entries. @returns {Buffer} */
export function writeMo(entries) {
  const items = entries
    .filter((e) => e.id === '' || e.strings.some(Boolean))
    .map((e) => ({
      key: Buffer.from(e.plural !== undefined ? `${keyOf(e)}\0${e.plural}` : keyOf(e)),
      value: Buffer.from(e.strings.join('\0')),
    }))
    .sort((a, b) => Buffer.compare(a.key, b.key));
  const n = items.length;
  const headerSize = 28;
  const tables = headerSize + n * 16;
  const out = Buffer.alloc(tables);
  out.writeUInt32LE(0x950412de, 0);
  out.writeUInt32LE(0, 4);
  out.writeUInt32LE(n, 8);
  out.writeUInt32LE(headerSize, 12);
  out.writeUInt32LE(headerSize + n * 8, 16);
  out.writeUInt32LE(0, 20);
  out.writeUInt32LE(tables, 24);
  const blobs = [];
  let offset = tables;
  const place = (buffer, at) => {
    out.writeUInt32LE(buffer.length, at);
    out.writeUInt32LE(offset, at + 4);
    blobs.push(buffer, Buffer.from([0]));
    offset += buffer.length + 1;
  };
  items.forEach((item, i) => place(item.key, headerSize + i * 8));
  items.forEach((item, i) => place(item.value, headerSize + n * 8 + i * 8));
  return Buffer.concat([out, ...blobs]);
}

/** Jed 1.x locale data for wp.i18n (wp_set_script_translations). */
export function writeJed(entries, locale, pluralForms, wanted) {
  const messages = { '': { domain: 'messages', lang: locale, 'plural-forms': pluralForms } };
  for (const e of entries) {
    if (e.id === '' || !e.strings.some(Boolean) || !wanted.has(keyOf(e))) continue;
    messages[keyOf(e)] = e.strings;
  }
  return JSON.stringify({ domain: 'messages', locale_data: { messages } });
}

const domain = 'dandelion-widgets';
const str = String.raw`'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"`;
const phpString = (single, double) =>
  single !== undefined ? single.replace(/\\(['\\])/g, '$1') : JSON.parse(`"${double}"`);

/**
 * The strings a source file asks to translate in the plugin's text domain.
 * @returns {{ context?: string, id: string, plural?: string }[]}
 */
export function extractStrings(code) {
  const found = [];
  const calls = new RegExp(
    String.raw`\b(__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e|_x|_n)\(\s*(?:${str})` +
      String.raw`(?:\s*,\s*(?:${str}))?(?:\s*,\s*(?:${str}))?`,
    'g',
  );
  for (const m of code.matchAll(calls)) {
    const args = [
      [m[2], m[3]],
      [m[4], m[5]],
      [m[6], m[7]],
    ]
      .filter(([a, b]) => a !== undefined || b !== undefined)
      .map(([a, b]) => phpString(a, b));
    const fn = m[1];
    if (fn === '_n') {
      if (args.length >= 2) found.push({ id: args[0], plural: args[1] });
    } else if (fn === '_x') {
      if (args[2] === domain) found.push({ id: args[0], context: args[1] });
    } else if (args[1] === domain) {
      found.push({ id: args[0] });
    }
  }
  return found;
}

/** The translatable fields of a block.json (WordPress translates them with these contexts). */
export function blockJsonStrings(meta) {
  return [
    { id: meta.title, context: 'block title' },
    { id: meta.description, context: 'block description' },
    ...(meta.keywords ?? []).map((k) => ({ id: k, context: 'block keyword' })),
  ];
}

export { keyOf };
