import '../support/setup.js';
// Link checks: only http(s), mailto and tel survive, relative links resolve against the base.
// An absolute link of those schemes is parsed without the base (the common case, faster); the
// answer must be the one the base-aware parse gives, for any input.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { safeImageUrl, safeUrl } from '../../src/core/safe-url.js';
import '../support/fast-check.js';

const base = 'https://data.example.org/api/v1/services.json';
const allowed = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The rule as stated: the URL parsed against the base, kept when its scheme is allowed. */
function reference(value: string, against: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const trimmed = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, against);
    return allowed.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

describe('safeUrl', () => {
  it('keeps http(s), mailto and tel links, normalized', () => {
    expect(safeUrl('https://example.org/a b?q=1#x')).to.equal('https://example.org/a%20b?q=1#x');
    expect(safeUrl('HTTPS://EXAMPLE.org:443/')).to.equal('https://example.org/');
    expect(safeUrl(' mailto:family@example.org ')).to.equal('mailto:family@example.org');
    expect(safeUrl('tel:020-0000 0000')).to.equal('tel:020-0000 0000');
    expect(safeUrl('http://0x7f.1/')).to.equal('http://127.0.0.1/');
  });

  it('resolves relative links against the base, including a scheme without slashes', () => {
    expect(safeUrl('../docs/guide.html', base)).to.equal(
      'https://data.example.org/api/docs/guide.html',
    );
    expect(safeUrl('//cdn.example.org/x.png', base)).to.equal('https://cdn.example.org/x.png');
    // `https:x` is relative to an https base (the URL standard), not the host `x`.
    expect(safeUrl('https:x', base)).to.equal('https://data.example.org/api/v1/x');
  });

  it('drops every other scheme, also hidden behind control characters', () => {
    for (const bad of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'ftp://example.org/',
      ' ',
      '',
    ]) {
      expect(safeUrl(bad, base), bad).to.equal(undefined);
    }
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeImageUrl('mailto:a@example.org')).to.equal(undefined);
    expect(safeImageUrl('/p.png', base)).to.equal('https://data.example.org/p.png');
  });

  it('gives the base-aware answer for any input (seeded)', () => {
    const scheme = fc.constantFrom(
      'http:',
      'https:',
      'HTTP:',
      'mailto:',
      'tel:',
      'javascript:',
      'ftp:',
      'data:',
      '',
      'http:/',
      'https:\\\\',
    );
    const rest = fc.stringMatching(/^[ -~\t\n\u4e00-\u4e0f\u3000]{0,24}$/);
    fc.assert(
      fc.property(scheme, fc.constantFrom('', '//', '///', '/', '\\\\'), rest, (s, slashes, r) => {
        const value = `${s}${slashes}${r}`;
        expect(safeUrl(value, base), JSON.stringify(value)).to.equal(reference(value, base));
      }),
    );
  });
});
