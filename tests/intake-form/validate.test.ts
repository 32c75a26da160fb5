import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  checkFormat,
  codePointLength,
  validate,
  type JsonSchema,
} from '../../src/intake-form/validate.js';
import { pickText, readSchema } from '../../src/intake-form/schema.js';
import { loadPatternEngine } from '../../src/intake-form/patterns.js';
import { loadForm } from '../support/intake.js';

const codes = (schema: JsonSchema, value: unknown) =>
  validate(schema, value).map((i) => `${i.pointer} ${i.code}`);

// Schema patterns run on the linear-time engine, which the form (and the receiver) load first.
before(() => loadPatternEngine());

describe('intake validator (shared by browser and receiver)', () => {
  it('reports required answers at their own pointer, nested ones too', () => {
    const schema = {
      type: 'object',
      required: ['child', 'phone'],
      properties: {
        child: {
          type: 'object',
          required: ['birthDate'],
          properties: { birthDate: { type: 'string' } },
        },
        phone: { type: 'string' },
      },
    };
    expect(codes(schema, { child: {} })).to.deep.equal([
      '/phone required',
      '/child/birthDate required',
    ]);
    // Blank text and empty choice lists count as not answered.
    expect(codes(schema, { child: { birthDate: '   ' }, phone: '' })).to.deep.equal([
      '/phone required',
      '/child/birthDate required',
    ]);
    expect(codes(schema, { child: { birthDate: '2020-01-01' }, phone: '1' })).to.deep.equal([]);
  });

  it('checks every keyword of the subset, one message per answer', () => {
    const schema = {
      type: 'object',
      properties: {
        s: { type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z]+$' },
        n: { type: 'number', minimum: 1, maximum: 9 },
        i: { type: 'integer' },
        e: { enum: ['a', 'b'] },
        o: {
          oneOf: [
            { const: 1, title: '一' },
            { const: 2, title: '二' },
          ],
        },
        c: { type: 'boolean', const: true },
        m: {
          type: 'array',
          items: { enum: ['x', 'y', 'z'] },
          minItems: 1,
          maxItems: 2,
          uniqueItems: true,
        },
      },
    };
    expect(codes(schema, { s: 'a' })).to.deep.equal(['/s minLength']);
    expect(validate(schema, { s: 'abcde' })[0].params).to.deep.equal({ limit: 4, actual: 5 });
    expect(codes(schema, { s: 'AB' })).to.deep.equal(['/s pattern']);
    expect(codes(schema, { n: 0 })).to.deep.equal(['/n minimum']);
    expect(codes(schema, { n: 10 })).to.deep.equal(['/n maximum']);
    expect(codes(schema, { n: '5' })).to.deep.equal(['/n type']);
    expect(codes(schema, { i: 1.5 })).to.deep.equal(['/i type']);
    expect(codes(schema, { e: 'c' })).to.deep.equal(['/e enum']);
    expect(codes(schema, { o: 3 })).to.deep.equal(['/o enum']);
    expect(codes(schema, { c: false })).to.deep.equal(['/c const']);
    expect(codes(schema, { m: ['x', 'y', 'z'] })).to.deep.equal(['/m maxItems']);
    expect(codes(schema, { m: ['x', 'x'] })).to.deep.equal(['/m uniqueItems']);
    expect(codes(schema, { m: ['q'] })).to.deep.equal(['/m/0 enum']);
    expect(codes(schema, { s: 'abc', n: 5, i: 2, e: 'a', o: 2, c: true, m: ['z'] })).to.deep.equal(
      [],
    );
  });

  it('checks the formats email, tel, date and uri', () => {
    expect(checkFormat('email', 'name@example.com')).to.equal(true);
    expect(checkFormat('email', 'name@example')).to.equal(false);
    expect(checkFormat('email', 'a b@example.com')).to.equal(false);
    expect(checkFormat('tel', '020-0000 1234')).to.equal(true);
    expect(checkFormat('tel', '+86 (020) 0000-1234')).to.equal(true);
    expect(checkFormat('tel', '０２０-００００１２３４')).to.equal(true); // full-width digits
    expect(checkFormat('tel', '电话')).to.equal(false);
    expect(checkFormat('tel', '12')).to.equal(false);
    expect(checkFormat('date', '2024-02-29')).to.equal(true);
    expect(checkFormat('date', '2023-02-29')).to.equal(false);
    expect(checkFormat('date', '2023/02/01')).to.equal(false);
    expect(checkFormat('uri', 'https://example.org/a?b=c')).to.equal(true);
    expect(checkFormat('uri', 'javascript:alert(1)')).to.equal(false);
    expect(checkFormat('uri', 'example.org')).to.equal(false);
  });

  it('applies if/then/else, allOf conditionals and dependentRequired', () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { type: 'string' },
        a: { type: 'string' },
        b: { type: 'string' },
        d: { type: 'string' },
      },
      dependentRequired: { d: ['b'] },
      if: { properties: { kind: { const: 'x' } }, required: ['kind'] },
      then: { required: ['a'] },
      else: { properties: { b: { maxLength: 1 } } },
      allOf: [{ if: { required: ['a'] }, then: { properties: { a: { minLength: 3 } } } }],
    };
    expect(codes(schema, { kind: 'x' })).to.deep.equal(['/a required']);
    expect(codes(schema, { kind: 'x', a: 'ab' })).to.deep.equal(['/a minLength']);
    expect(codes(schema, { kind: 'y', b: 'bb' })).to.deep.equal(['/b maxLength']);
    expect(codes(schema, { d: 'yes' })).to.deep.equal(['/b required']);
    expect(codes(schema, {})).to.deep.equal([]);
  });

  it('counts length in code points, so emoji and CJK count once each', () => {
    expect('😀'.length).to.equal(2);
    expect(codePointLength('😀')).to.equal(1);
    expect(codePointLength('小明 Ming 😀')).to.equal(9);
    const schema = { type: 'object', properties: { n: { type: 'string', maxLength: 3 } } };
    expect(codes(schema, { n: '😀😀😀' })).to.deep.equal([]);
    expect(codes(schema, { n: '😀😀😀😀' })).to.deep.equal(['/n maxLength']);
  });

  it('ignores an invalid pattern rather than throwing (the form reports it)', () => {
    const schema = { type: 'object', properties: { p: { type: 'string', pattern: '([' } } };
    expect(codes(schema, { p: 'anything' })).to.deep.equal([]);
  });

  it('agrees with a direct count for maxLength on any text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.integer({ min: 0, max: 30 }),
        (s, n) => {
          const over = codes({ type: 'string', maxLength: n }, s).length > 0;
          return over === [...s.trim()].length > n;
        },
      ),
    );
  });

  it('never throws and always returns pointers into the value, whatever JSON arrives (property)', async () => {
    const schema = await loadForm('kitchen-sink');
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3 }),
        fc.dictionary(
          fc.constantFrom('child', 'email', 'hobbies', 'hasSibling', 'consent'),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        (any, object) => {
          for (const value of [any, object]) {
            for (const issue of validate(schema, value)) {
              expect(issue.pointer === '' || issue.pointer.startsWith('/')).to.equal(true);
            }
          }
        },
      ),
    );
  });
});

describe('intake schema reader', () => {
  it('reads fields, steps and widgets from the kitchen-sink form with no problems', async () => {
    const form = readSchema(await loadForm('kitchen-sink'));
    expect(form.problems).to.deep.equal([]);
    expect(form.steps.map((s) => s.fields.map((f) => f.key))).to.deep.equal([
      ['child'],
      [
        'email',
        'phone',
        'website',
        'code',
        'grade',
        'district',
        'hobbies',
        'hasSibling',
        'siblingCount',
      ],
      ['note', 'station', 'newsletter', 'visitDate', 'visitPlan', 'consent'],
    ]);
    const field = (p: string) => form.byPointer.get(p)!;
    expect(field('/child').kind).to.equal('group');
    expect(field('/child/birthDate').inputType).to.equal('date');
    expect(field('/grade').widget).to.equal('radio');
    expect(field('/district').widget).to.equal('select');
    expect(field('/hobbies').kind).to.equal('multi');
    expect(field('/hasSibling').widget).to.equal('radio');
    expect(field('/siblingCount').condition).to.deep.include({ scope: '', when: true });
    expect(field('/visitPlan').requiredWhen).to.deep.equal([{ scope: '', present: 'visitDate' }]);
    expect(field('/consent').consent).to.equal(true);
    expect(field('/station').readOnly).to.equal(true);
  });

  it('names every unsupported or invalid keyword with its place', () => {
    const form = readSchema({
      type: 'object',
      properties: {
        a: { type: 'string', anyOf: [], format: 'date-time', pattern: '([' },
        b: { type: 'string', 'x-ui': { widget: 'slider', colour: 'red' } },
        c: { type: 'null' },
      },
      'x-ui': { steps: [{ fields: ['a', 'nope'] }] },
      additionalProperties: false,
    });
    const found = form.problems.map((p) => `${p.keyword} @ ${p.at} (${p.reason})`);
    expect(found).to.have.members([
      'additionalProperties @ /additionalProperties (unsupported)',
      'anyOf @ /properties/a/anyOf (unsupported)',
      'pattern @ /properties/a/pattern (invalid)',
      'format: date-time @ /properties/a/format (unsupported)',
      'x-ui.colour @ /properties/b/x-ui/colour (unsupported)',
      'widget: slider @ /properties/b/x-ui/widget (unsupported)',
      'type: null @ /properties/c/type (unsupported)',
      'steps[0]: nope @ /x-ui/steps/0/fields (invalid)',
    ]);
    // The rest still becomes fields; a field no step names goes on the last step.
    expect(form.steps[0].fields.map((f) => f.key)).to.deep.equal(['a', 'b', 'c']);
  });

  it('refuses a document that cannot be a form', () => {
    expect(() => readSchema([])).to.throw();
    expect(() => readSchema({ type: 'string' })).to.throw();
  });

  it('picks per-language text with sensible fallbacks', () => {
    const t = { 'zh-Hans': '孩子', en: 'Child' };
    expect(pickText(t, 'zh-Hans')).to.equal('孩子');
    expect(pickText(t, 'zh-Hant')).to.equal('孩子');
    expect(pickText(t, 'en')).to.equal('Child');
    expect(pickText({ 'zh-Hant': '孩子' }, 'en')).to.equal('孩子');
    expect(pickText('纯文本', 'en')).to.equal('纯文本');
    expect(pickText(undefined, 'en')).to.equal('');
  });
});
