// Seeded answers for the validator parity check: for a form schema, answers that are right,
// wrong in type, too long, blank, off the list, missing, in full-width digits … so the server's
// PHP validator and the browser's validate.ts are compared where they could differ.

/** A small seeded PRNG (mulberry32): the same seed gives the same answers. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const strings = [
  '',
  '   ',
  '\u3000',
  '张三',
  '王小明 ',
  'a@example.org',
  'a@b',
  'x@例子.中国',
  '020 1234 5678',
  '+86 138 0000 0000',
  '１３８００１３８０００',
  '13800138000',
  '12',
  '12345',
  '138 0000 0000',
  '(020) 0000 1234',
  '020-0000 1234 转 123',
  '138 0000 0000 转 12',
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  'https://example.org/a',
  'ftp://example.org',
  'AB-1234',
  'ab-1234',
  '11010519491231002X',
  '某某村',
  '某某镇',
  '广州',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab',
  'aa',
  '😀😀😀',
  'x'.repeat(51),
  '孩'.repeat(60),
  '<script>alert(1)</script>',
];
const numbers = [0, 1, 2, 3, 2.5, -1, 17, 100, 1e6];

function choices(schema) {
  if (Array.isArray(schema?.enum)) return schema.enum;
  if (Array.isArray(schema?.oneOf) && schema.oneOf.every((o) => o && 'const' in o)) {
    return schema.oneOf.map((o) => o.const);
  }
  return undefined;
}

/** One answer for a schema node (undefined = left out). */
export function answerFor(schema, next, depth = 0) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const roll = next();
  if (roll < 0.12) return undefined;
  if (roll < 0.2) return pick([null, 'text', 7, true, [], {}]);
  const allowed = choices(schema);
  if (allowed) return next() < 0.85 ? pick(allowed) : 'not-a-choice';
  if ('const' in (schema ?? {})) return next() < 0.8 ? schema.const : pick([false, 'yes', 0]);
  switch (schema?.type) {
    case 'string':
      return pick(strings);
    case 'number':
    case 'integer':
      return pick(numbers);
    case 'boolean':
      return next() < 0.5;
    case 'array': {
      const items = choices(schema.items) ?? ['a', 'b'];
      const list = [];
      const n = Math.floor(next() * (items.length + 2));
      for (let i = 0; i < n; i++) list.push(pick(items));
      return list;
    }
    default:
      break;
  }
  if (schema?.properties && depth < 4) return objectFor(schema, next, depth + 1);
  return pick(strings);
}

/** Answers for an object schema, branches (then / else / allOf) included. */
export function objectFor(schema, next, depth = 0) {
  const out = {};
  const nodes = [schema, ...(schema.allOf ?? [])]
    .flatMap((n) => [n, n?.then, n?.else])
    .filter(Boolean);
  for (const node of nodes) {
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      if (name in out) continue;
      const value = answerFor(sub, next, depth);
      if (value !== undefined) out[name] = value;
    }
  }
  return out;
}
