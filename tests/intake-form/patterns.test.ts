import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compilePattern, validate } from '../../src/intake-form/validate.js';
import { readSchema } from '../../src/intake-form/schema.js';
import { loadPatternEngine } from '../../src/intake-form/patterns.js';
import { mountForm, uniqueKey, warmUp } from '../support/intake.js';

/**
 * Schema patterns run on a linear-time engine (RE2), in the browser and in the demo receiver.
 * `^(a+)+$` against fifty `a`s and a `b` is the proof: the browser's backtracking engine tries
 * about 2⁵⁰ ways to split the `a`s (30 of them took it 24 s), so a form or receiver still using
 * it never answers and these tests hang; RE2 answers at once.
 */
const catastrophic = `${'a'.repeat(50)}b`;

const onePattern = (pattern: string) => ({
  type: 'object',
  properties: { v: { type: 'string', pattern } },
});
const matches = (pattern: string, text: string) =>
  validate(onePattern(pattern), { v: text }).length === 0;

/** POSTs answers to the demo receiver (the real backend the test server mounts at /api/). */
async function post(form: string, data: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`/api/intake/${form}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uniqueKey('pattern') },
    body: JSON.stringify(data),
  });
  return { status: response.status, body: await response.json() };
}

const problemsOf = (schema: unknown) =>
  readSchema(schema).problems.map((p) => `${p.at} ${p.refusal ?? p.reason}`);

describe('schema patterns (linear-time engine)', () => {
  before(() => loadPatternEngine());

  it('gives the right answer on the catastrophic pattern, at once', () => {
    expect(matches('^(a+)+$', catastrophic)).to.equal(false);
    expect(matches('^(a+)+$', 'a'.repeat(50))).to.equal(true);
    expect(matches('^(x+x+)+y$', 'x'.repeat(5000))).to.equal(false);
    expect(matches('(\\w+\\s?)+$', `${'word '.repeat(2000)}!`)).to.equal(false);
    expect(matches('(\\w+\\s?)+$', 'word '.repeat(2000))).to.equal(true);
  });

  it('checks the formats families are asked for', () => {
    const cases: [pattern: string, text: string, ok: boolean][] = [
      ['^1[3-9]\\d{9}$', '13812345678', true],
      ['^1[3-9]\\d{9}$', '1381234567', false],
      ['^1[3-9]\\d{9}$', '１３８１２３４５６７８', false], // full-width digits are not \d
      ['^\\d{17}[\\dXx]$', '11010519491231002X', true],
      ['^\\d{17}[\\dXx]$', '11010519491231002Y', false],
      ['^\\p{Script=Han}{2,10}$', '王小明', true],
      ['^\\p{Script=Han}{2,10}$', '𠀀𠀁', true], // CJK extension B: one character each
      ['^\\p{Script=Han}{2,10}$', 'Wang', false],
      ['^\\p{sc=Hani}+$', '陈', true],
      ['^[\\u4e00-\\u9fa5]+村$', '石岗村', true],
      ['^[\\u4e00-\\u9fa5]+村$', '石岗', false],
      ['^[\\u{20000}-\\u{2A6DF}]$', '𠀀', true],
      ['^\\p{L}[\\p{L}\\s·]*$', '阿卜杜拉·买买提', true],
      ['^[^\\d]+$', '二〇二六', true],
      ['^.$', '😀', true],
      ['^.+$', 'a\nb', false],
      ['^\\S+$', '王\u3000明', false], // an ideographic space is \s in ECMA-262, not in RE2
      ['^(?<year>\\d{4})-(?:0[1-9]|1[0-2])$', '2026-11', true],
      ['^(?<year>\\d{4})-(?:0[1-9]|1[0-2])$', '2026-13', false],
      ['\\bDX-\\w{4}\\b', '编号 DX-7K3M。', true],
    ];
    for (const [pattern, text, ok] of cases) {
      expect(matches(pattern, text), `${pattern} on ${text}`).to.equal(ok);
    }
  });

  it('agrees with the browser’s own engine on every pattern it runs (property)', () => {
    const patterns = [
      '^1[3-9]\\d{9}$',
      '^\\d{17}[\\dXx]$',
      '^\\p{Script=Han}{2,4}$',
      '^[\\u4e00-\\u9fa5]+$',
      '\\s',
      '^\\S*$',
      '^.+$',
      '^[^]$',
      '^[]$',
      'a|1|',
      '\\b1',
      '^[\\w.-]+@\\w+\\.\\w{2,}$',
      '^\\P{Lu}*$',
      '^[\\p{Script=Han}\\d]+$',
      '^[^\\p{Script=Han}\\s]+$',
      '^[\\D]a?$',
      '^[^\\W\\d]+$',
      '(ab?){2,3}?1',
      '^\\p{ASCII}*$',
      '^[\\-.@]+$',
    ];
    const unit = fc.constantFrom(
      ...['a', 'b', 'A', '1', '9', 'X', '_', '.', '-', '@', ' ', '\n', '\r', '\u3000', '\u2028'],
      ...['小', '明', '村', '𠀀', '😀', 'é', '١'],
    );
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.string({ unit, maxLength: 14 }), (p, text) => {
        const compiled = compilePattern(p);
        expect('test' in compiled, p).to.equal(true);
        const linear = 'test' in compiled && compiled.test(text);
        expect(linear, `${p} on ${JSON.stringify(text)}`).to.equal(new RegExp(p, 'u').test(text));
      }),
    );
  });

  it('refuses what only a backtracking engine runs, and names why', () => {
    expect(
      problemsOf({
        type: 'object',
        properties: {
          a: { type: 'string', pattern: '^(.)\\1$' },
          b: { type: 'string', pattern: '^\\k<x>(?<x>a)$' },
          c: { type: 'string', pattern: '^(?=.*\\d).{8,}$' },
          d: { type: 'string', pattern: '(?<!元)钱' },
          e: { type: 'string', pattern: '^a{1001}$' },
          f: { type: 'string', pattern: '^\\p{Script_Extensions=Han}$' },
          g: { type: 'string', pattern: '([' },
          h: { type: 'string', pattern: '^\\p{Han}$' }, // ECMA-262 wants Script=Han
        },
      }),
    ).to.deep.equal([
      '/properties/a/pattern backreference',
      '/properties/b/pattern backreference',
      '/properties/c/pattern lookaround',
      '/properties/d/pattern lookaround',
      '/properties/e/pattern too-large',
      '/properties/f/pattern unsupported',
      '/properties/g/pattern invalid',
      '/properties/h/pattern invalid',
    ]);
    // Not run at all, on any engine: the answer is not checked against it.
    expect(matches('^(.)\\1$', 'ab')).to.equal(true);
  });
});

describe('<intake-form> and the demo receiver with schema patterns', function () {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('says at once that the catastrophic answer is not in the format, and sends a good one', async () => {
    const form = await mountForm({ form: 'patterns' });
    await form.fill('活动代码', catastrophic);
    expect(form.error('活动代码')).to.equal('活动代码好像填得不对，请再检查一下');
    await form.fill('手机号码', '1381234567');
    expect(form.error('手机号码')).to.equal('手机号码好像填得不对，请再检查一下');
    await form.fill('中文姓名', 'Wang');
    expect(form.error('中文姓名')).to.equal('中文姓名好像填得不对，请再检查一下');

    const answers = {
      code: 'a'.repeat(50),
      mobile: '13812345678',
      idCard: '11010519491231002X',
      name: '王𠀀明',
      village: '石岗村',
    };
    await form.fill('活动代码', answers.code);
    await form.fill('手机号码', answers.mobile);
    await form.fill('身份证号', answers.idCard);
    await form.fill('中文姓名', answers.name);
    await form.fill('村名', answers.village);
    expect(form.problems()).to.equal(null);
    await form.submit();
    expect((await form.submitted('sent')).data).to.deep.equal(answers);
  });

  it('the receiver answers the catastrophic answer at once: 422 on that question', async () => {
    const { status, body } = await post('patterns', {
      code: catastrophic,
      mobile: '13812345678',
      idCard: '1101051949123100',
      name: '王小明',
      village: '石岗村',
    });
    expect(status).to.equal(422);
    const errors = (body as { errors: { pointer: string; code: string }[] }).errors;
    expect(errors.map((e) => `${e.pointer} ${e.code}`)).to.deep.equal([
      '/code pattern',
      '/idCard pattern',
    ]);
    expect((await post('patterns', { code: 'aaa', name: '陈𠀁' })).status).to.equal(201);
  });

  it('tells the site owner, in the page’s language, which patterns are not checked and why', async () => {
    const schema = {
      type: 'object',
      properties: {
        twice: { type: 'string', title: '重复的字', pattern: '^(.)\\1$' },
        strong: { type: 'string', title: '密码', pattern: '^(?=.*\\d).{8,}$' },
      },
    };
    const expected: Record<string, string[]> = {
      'zh-Hans': [
        '/properties/twice/pattern 处的答案格式（pattern）用了反向引用',
        '/properties/strong/pattern 处的答案格式（pattern）用了先行断言或后行断言',
      ],
      'zh-Hant': [
        '/properties/twice/pattern 處的答案格式（pattern）用了反向參考',
        '/properties/strong/pattern 處的答案格式（pattern）用了前瞻或後顧斷言',
      ],
      en: [
        'The answer format (pattern) at /properties/twice/pattern uses a back-reference',
        'The answer format (pattern) at /properties/strong/pattern uses look-ahead or look-behind',
      ],
    };
    for (const [lang, sentences] of Object.entries(expected)) {
      const form = await mountForm({ schema, lang });
      const note = await form.problemsNote();
      for (const sentence of sentences) expect(note, lang).to.include(sentence);
      await expect(form.el).to.be.accessible();
    }
    // The same on both sides: the form does not check it, and neither does the receiver.
    const form = await mountForm({ schema });
    await form.fill('重复的字', '甲乙');
    expect(form.error('重复的字')).to.equal(null);
    expect((await post('patterns-refused', { twice: '甲乙' })).status).to.equal(201);
  });
});
