import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { withoutInlineAttributes } from '../../src/core/inert-html.js';

/** The body of `html` as the browser parses it, with on…/style attributes removed from the tree. */
function parsedWithoutInline(html: string): string {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const el of doc.body.querySelectorAll('*')) {
    for (const { name } of [...el.attributes]) {
      if (name.startsWith('on') || name === 'style') el.removeAttribute(name);
    }
  }
  return doc.body.innerHTML;
}

describe('withoutInlineAttributes', () => {
  it('drops event handlers and style attributes in every spelling', () => {
    const cases: [string, string][] = [
      ['<img src="x.png" onerror="alert(1)" alt="a">', '<img src="x.png"  alt="a">'],
      ['<p style="color:red" onclick=alert(2)>t</p>', '<p  >t</p>'],
      ['<P ONCLICK = "a>b" Title=x>t</P>', '<P  Title=x>t</P>'],
      ['<p/onclick="x"/style=y>t</p>', '<p  >t</p>'],
      ["<svg onload='x'><a onfocus>t</a></svg>", '<svg ><a >t</a></svg>'],
    ];
    for (const [input, output] of cases)
      expect(withoutInlineAttributes(input), input).to.equal(output);
  });

  it('leaves text, comments and raw-text content alone', () => {
    for (const html of [
      'one onclick=x style=y',
      '<!-- <p onclick=x> -->',
      '<textarea><p onclick=x></textarea>',
      '<script>if (a <b) x.style = 1</script>',
      'a < b and c > d',
    ]) {
      expect(withoutInlineAttributes(html), html).to.equal(html);
    }
  });

  it('gives the tree the browser would give, minus those attributes (property)', () => {
    const name = fc.constantFrom('p', 'img', 'a', 'svg', 'textarea', 'script', 'style', 'b', 'DIV');
    const attribute = fc.tuple(
      fc.constantFrom('onclick', 'ONERROR', 'style', 'title', 'href', 'onload', 'alt', 'data-on'),
      fc.constantFrom('', '=x', '="a b"', "='c>d'", '= y', '="on style"', '=on'),
    );
    const separator = fc.constantFrom(' ', '/', '\n', '  ', '\t');
    const tag = fc
      .tuple(name, fc.array(fc.tuple(separator, attribute), { maxLength: 4 }), fc.boolean())
      .map(
        ([tagName, attributes, selfClosing]) =>
          `<${tagName}${attributes.map(([sep, [key, value]]) => `${sep}${key}${value}`).join('')}${selfClosing ? '/' : ''}>`,
      );
    const piece = fc.oneof(
      tag,
      name.map((tagName) => `</${tagName}>`),
      fc.constantFrom(
        'text ',
        '<',
        '>',
        '"',
        "'",
        '=',
        '<!-- c -->',
        '<!-- ',
        ' onclick=x ',
        '&amp;',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const html = pieces.join('');
        expect(parsedWithoutInline(withoutInlineAttributes(html))).to.equal(
          parsedWithoutInline(html),
        );
      }),
    );
  });
});
