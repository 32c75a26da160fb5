import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { sanitizeHtml, useSanitizerEngine } from '../../src/core/sanitize.js';

/** `html` parsed into a fragment, for comparing two sanitizers' output by structure. */
function tree(html: string): string {
  const doc = document.implementation.createHTMLDocument('');
  const box = doc.createElement('div');
  box.innerHTML = html;
  box.normalize();
  return box.innerHTML;
}

async function both(html: string): Promise<[string, string]> {
  useSanitizerEngine('auto');
  const native = await sanitizeHtml(html);
  useSanitizerEngine('dompurify');
  const purified = await sanitizeHtml(html);
  useSanitizerEngine('auto');
  return [tree(native), tree(purified)];
}

const hostile = [
  '<p onclick="alert(1)">hi <i>it</i> <u>u<b>b</b></u></p>',
  '<a href="javascript:alert(1)">x</a><a href=" JAVASCRIPT:alert(1)">y</a><a href="https://example.org/" title="t">z</a>',
  '<a href="mailto:a@example.org">m</a><a href="tel:020-00000000">t</a><a href="/local#x">l</a><a href="data:text/html,x">d</a>',
  '<script>alert(1)</script><style>p{color:red}</style><template><p>t</p></template><noscript><p>n</p></noscript>',
  '<svg><g onload="x"><text>s</text></g></svg><math><mi>x</mi></math><p>after</p>',
  '<img src="/p.png" alt="a" onerror="x" style="x" srcset="/q.png 2x">',
  '<iframe src="https://example.org"></iframe><object data="x">fallback</object><embed src="x">',
  '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>',
  '<form action="/x"><input name="a" value="v"><button>b</button><textarea>t</textarea></form>',
  '<!-- a comment --><div lang="zh-Hans" dir="ltr" class="c" id="i" data-x="1">文字 &amp; &lt;b&gt;</div>',
  '<p>unclosed <b>bold <i>both</p> <blockquote>q</blockquote><hr><br>',
  '<article><section><header><h2>标题</h2></header><figure><img src="/a.png" alt=""><figcaption>c</figcaption></figure></section></article>',
];

describe('sanitizeHtml engines', () => {
  it("uses the browser's own sanitizer where it has one: DOMPurify is never downloaded", async () => {
    expect(typeof (globalThis as { Sanitizer?: unknown }).Sanitizer, 'this Chromium').to.equal(
      'function',
    );
    const out = await sanitizeHtml('<p onclick="x()">hi <script>bad()</script><b>b</b></p>');
    expect(out).to.equal('<p>hi <b>b</b></p>');
    const loaded = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => /dompurify|purify/i.test(name));
    expect(loaded).to.deep.equal([]);
  });

  it('gives the same result as DOMPurify on hostile and ordinary markup', async () => {
    for (const html of hostile) {
      const [native, purified] = await both(html);
      expect(native, html).to.equal(purified);
    }
  });

  it('keeps links to http(s), mailto, tel and relative URLs only, and opens them safely', async () => {
    const out = tree(await sanitizeHtml(hostile[2]!));
    const box = document.createElement('div');
    box.innerHTML = out;
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'mailto:a@example.org',
      'tel:020-00000000',
      '/local#x',
      null,
    ]);
    for (const a of links) {
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
      expect(a.getAttribute('target')).to.equal('_blank');
    }
  });

  it('agrees with DOMPurify on generated markup (seeded property)', async () => {
    const tag = fc.constantFrom(
      'p',
      'b',
      'i',
      'a',
      'img',
      'span',
      'div',
      'u',
      'font',
      'script',
      'svg',
      'style',
      'table',
      'td',
      'li',
      'ul',
    );
    const attr = fc.tuple(
      fc.constantFrom(
        'href',
        'src',
        'alt',
        'title',
        'onclick',
        'style',
        'class',
        'lang',
        'onerror',
      ),
      fc.constantFrom(
        'https://example.org/x',
        'javascript:alert(1)',
        '/rel',
        'x',
        'tel:1',
        'data:x',
        '',
      ),
    );
    const text = fc.constantFrom('文字', 'a & b', '<', 'x', ' ');
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc
          .tuple(tag, fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }))
          .map(
            ([name, attrs, children]) =>
              `<${name}${attrs.map(([n, v]) => ` ${n}="${v}"`).join('')}>${children.join('')}</${name}>`,
          ),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(fc.array(node, { maxLength: 4 }), async (parts) => {
        const [native, purified] = await both(parts.join(''));
        expect(native, parts.join('')).to.equal(purified);
      }),
    );
  });
});
