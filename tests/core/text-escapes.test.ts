import '../support/setup.js';
// Remote text shown as HTML: `textToHtml` escapes it (line breaks become `<br>`), and
// `isEscapedText` tells such text apart from real markup, so a list of plain descriptions skips
// the sanitizer. Both work in one pass without copies; the answers must be those of the plain
// rules (escape each character; remove the escapes, then look for `<` or `&`) for any input.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { textToHtml } from '../../src/core/safe-url.js';
import { isEscapedText, needsSanitizing } from '../../src/core/normalize/markup.js';
import '../support/fast-check.js';

const entity: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The escaping rule as stated: the five characters, then each line break. */
const referenceEscape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => entity[c]).replace(/\r?\n/g, '<br>');

/** Nothing left that could be markup once the escapes `textToHtml` writes are removed. */
const referenceEscaped = (html: string) =>
  !/[<&]/.test(html.replace(/&(?:amp|lt|gt|quot|#39);|<br>/g, ''));

/** Text made of the pieces that matter here: escapes, their near misses, markup, line breaks. */
const pieces = fc.array(
  fc.constantFrom(
    '&',
    '<',
    '>',
    '"',
    "'",
    '\n',
    '\r\n',
    '\r',
    '&amp;',
    '&amp',
    '&lt;',
    '&#39;',
    '&#40;',
    '&nbsp;',
    '<br>',
    '<br/>',
    '<b>',
    'br>',
    'amp;',
    '招生',
    'a',
    ' ',
  ),
  { maxLength: 12 },
);

describe('textToHtml', () => {
  it('escapes the five characters and keeps line breaks as <br>', () => {
    expect(textToHtml('年龄<6岁 & "家长"\r\n周一\n\'开放\'')).to.equal(
      '年龄&lt;6岁 &amp; &quot;家长&quot;<br>周一<br>&#39;开放&#39;',
    );
    const plain = '社区服务 12：为居民提供支持。';
    expect(textToHtml(plain)).to.equal(plain);
  });

  it('gives the stated rule’s answer for any text (seeded)', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.join('');
        expect(textToHtml(text), JSON.stringify(text)).to.equal(referenceEscape(text));
      }),
    );
  });
});

describe('isEscapedText', () => {
  it('tells escaped text from markup', () => {
    expect(isEscapedText(textToHtml('请提前预约 & 先到先得\n名额有限 <10 人'))).to.equal(true);
    expect(isEscapedText('<p>报名</p>')).to.equal(false);
    expect(isEscapedText('先到先得 &nbsp;')).to.equal(false);
    expect(isEscapedText('<b&amp;r>')).to.equal(false);
    expect(needsSanitizing('第一行<br>第二行 &amp; 更多')).to.equal(false);
    expect(needsSanitizing('<a href="https://example.org">报名</a>')).to.equal(true);
  });

  it('answers as removing the escapes and looking for what is left, for any text (seeded)', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const html = parts.join('');
        expect(isEscapedText(html), JSON.stringify(html)).to.equal(referenceEscaped(html));
      }),
    );
  });
});
