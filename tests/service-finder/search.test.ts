import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { service } from '../support/finder-data.js';
import { highlight, matchRanges, snippet } from '../../src/service-finder/highlight.js';
import { htmlText, SearchIndex } from '../../src/service-finder/search-index.js';
import { bitsOf, hasBit, normalizeText, queryTerms } from '../../src/service-finder/query-terms.js';
import { buildFacets } from '../../src/service-finder/facets.js';
import { filterServices, narrows } from '../../src/service-finder/results.js';
import { emptyFilters } from '../../src/service-finder/url-state.js';

describe('service-finder search index', () => {
  it('finds Chinese text by substring without spaces', () => {
    const index = new SearchIndex([
      service({ name: '儿童心理咨询' }),
      service({ name: '法律援助' }),
    ]).complete();
    expect(index.matches(0, queryTerms('心理'))).to.equal(true);
    expect(index.matches(1, queryTerms('心理'))).to.equal(false);
  });

  it('folds full-width letters and digits and case', () => {
    const index = new SearchIndex([service({ name: 'abc 123 Club' })]).complete();
    expect(index.matches(0, queryTerms('ＡＢＣ'))).to.equal(true);
    expect(index.matches(0, queryTerms('１２３'))).to.equal(true);
    expect(index.matches(0, queryTerms('CLUB'))).to.equal(true);
    expect(normalizeText('ＡＢＣ１２')).to.equal('abc12');
  });

  it('matches organization, categories and description text (not markup)', () => {
    const index = new SearchIndex([
      service({
        name: '服务',
        organization: '示例社工站',
        categories: [{ id: 'c', name: '家庭教育' }],
        description: '<p class="x">一对一<strong>辅导</strong> &amp; 陪伴</p>',
      }),
    ]).complete();
    expect(index.matches(0, queryTerms('社工站'))).to.equal(true);
    expect(index.matches(0, queryTerms('家庭'))).to.equal(true);
    expect(index.matches(0, queryTerms('辅导 & 陪伴'))).to.equal(true);
    expect(index.matches(0, queryTerms('strong'))).to.equal(false);
    expect(index.matches(0, queryTerms('class'))).to.equal(false);
    expect(index.description(0)).to.equal('一对一辅导 & 陪伴');
  });

  it('needs every term (AND), split on ideographic spaces too', () => {
    const index = new SearchIndex([
      service({ name: '儿童心理咨询', organization: '示例社工站' }),
    ]).complete();
    expect(queryTerms('心理\u3000社工')).to.deep.equal(['心理', '社工']);
    expect(index.matches(0, queryTerms('心理 社工'))).to.equal(true);
    expect(index.matches(0, queryTerms('心理 法律'))).to.equal(false);
  });

  it('does not match across two fields', () => {
    const index = new SearchIndex([service({ name: '儿童', organization: '心理站' })]).complete();
    expect(index.matches(0, queryTerms('童心'))).to.equal(false);
  });

  it('decodes entities in description text', () => {
    expect(htmlText('a&lt;b&#x4e2d;&#25991;&nbsp;c')).to.equal('a<b中文 c');
    expect(htmlText('line<br>two')).to.equal('line two');
  });

  it('agrees with a naive normalized substring test (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 3 }), (name, q) => {
        const terms = queryTerms(q);
        fc.pre(terms.length > 0);
        const index = new SearchIndex([service({ name: name || 'x' })]).complete();
        const expected = terms.every((t) => normalizeText(name || 'x').includes(t));
        return index.matches(0, terms) === expected;
      }),
    );
  });
});

describe('service-finder highlight', () => {
  it('marks the matched part of the original text', () => {
    expect(highlight('儿童心理咨询', ['心理'])).to.deep.equal([
      { text: '儿童', mark: false },
      { text: '心理', mark: true },
      { text: '咨询', mark: false },
    ]);
  });

  it('maps full-width text back to the original characters', () => {
    expect(highlight('ＡＢＣ俱乐部', ['abc'])).to.deep.equal([
      { text: 'ＡＢＣ', mark: true },
      { text: '俱乐部', mark: false },
    ]);
  });

  it('keeps combining marks with their letter', () => {
    const text = 'Cafe\u0301 corner';
    expect(matchRanges(text, [normalizeText('café')])).to.deep.equal([[0, 5]]);
  });

  it('merges overlapping matches of several terms', () => {
    expect(highlight('abcdef', ['abc', 'cde'])).to.deep.equal([
      { text: 'abcde', mark: true },
      { text: 'f', mark: false },
    ]);
  });

  it('shows a description snippet around the first match with ellipses', () => {
    const text = 'x'.repeat(100) + '心理' + 'y'.repeat(100);
    const parts = snippet(text, ['心理'], 10)!;
    expect(parts.map((p) => p.text).join('')).to.equal(`…${'x'.repeat(10)}心理${'y'.repeat(10)}…`);
    expect(parts.find((p) => p.mark)!.text).to.equal('心理');
    expect(snippet(text, ['法律'])).to.equal(undefined);
  });

  it('finds the same ranges as normalizing every cluster on its own, also for a text seen before (property)', () => {
    // The reference: each cluster (a character and its marks) normalized by itself.
    const reference = (text: string, terms: string[]): [number, number][] => {
      let normalized = '';
      const starts: number[] = [];
      const ends: number[] = [];
      for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
        const n = normalizeText(m[0]);
        normalized += n;
        for (let k = 0; k < n.length; k++) {
          starts.push(m.index);
          ends.push(m.index + m[0].length);
        }
      }
      const ranges: [number, number][] = [];
      for (const term of terms) {
        for (
          let at = normalized.indexOf(term);
          at >= 0;
          at = normalized.indexOf(term, at + term.length)
        )
          ranges.push([starts[at], ends[at + term.length - 1]]);
      }
      ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const merged: [number, number][] = [];
      for (const r of ranges) {
        const last = merged.at(-1);
        if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
        else merged.push([r[0], r[1]]);
      }
      return merged;
    };
    // Plain units (ASCII, ideographs) beside ones normalization changes (full width, upper case,
    // compatibility ideographs, ligatures, combining marks, a surrogate pair).
    const units = [
      '心',
      '理',
      '㐀',
      'a',
      'B',
      ' ',
      '1',
      'Ａ',
      '１',
      '（',
      '豈',
      'ﬁ',
      'e',
      '\u0301',
      'İ',
      '😀',
      '䷀',
    ];
    const text = fc.array(fc.constantFrom(...units), { maxLength: 12 }).map((u) => u.join(''));
    fc.assert(
      fc.property(text, text, (t, q) => {
        const terms = queryTerms(q);
        const expected = reference(t, terms);
        // Twice: the second time the text's mapping is the remembered one.
        return [0, 1].every(
          () => JSON.stringify(matchRanges(t, terms)) === JSON.stringify(expected),
        );
      }),
    );
  });

  it('never changes the text, and marks only what matches (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ minLength: 1, maxLength: 2 }),
        (text, q) => {
          const terms = queryTerms(q);
          const segments = highlight(text, terms);
          if (segments.map((s) => s.text).join('') !== text) return false;
          return segments
            .filter((s) => s.mark)
            .every((s) => terms.some((t) => normalizeText(s.text).includes(t)));
        },
      ),
    );
  });
});

describe('service-finder filtering with character bitsets', () => {
  const alphabet = ['心', '理', '咨', '询', '法', 'a', 'b', 'Ａ', ' ', '律'];
  const word = fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((cs) => cs.join(''));

  it('gives exactly the naive substring results, also when narrowing within earlier results', () => {
    fc.assert(
      fc.property(
        // Past 64 services the index is built in slices: part now, the rest on demand.
        fc.array(word, { minLength: 1, maxLength: 100 }),
        word,
        fc.array(fc.constantFrom(...alphabet), { maxLength: 3 }),
        (texts, typed, more) => {
          const services = texts.map((t, i) => service({ id: `s${i}`, name: t || 'x' }));
          const index = new SearchIndex(services);
          // Index part of it now (a deadline already passed: one slice of 64) and the rest on
          // demand, as the element does.
          index.step(0);
          const base = {
            services,
            order: services.map((_, i) => i),
            index,
            facets: buildFacets(services, (a, b) => (a < b ? -1 : a > b ? 1 : 0)),
            filters: emptyFilters(),
            now: new Date(),
          };
          const naive = (q: string) =>
            services
              .map((_, i) => i)
              .filter((i) =>
                queryTerms(q).every((t) => normalizeText(services[i].name).includes(t)),
              );
          const first = queryTerms(typed);
          const r1 = filterServices({ ...base, terms: first });
          expect(r1).to.deep.equal(naive(typed));
          const longer = typed + more.join('');
          const second = queryTerms(longer);
          const within = narrows(first, second) ? bitsOf(services.length, r1) : undefined;
          const r2 = filterServices({ ...base, terms: second, within });
          expect(r2).to.deep.equal(naive(longer));
        },
      ),
    );
  });

  it('knows when a query only narrows the previous one', () => {
    expect(narrows(['心'], ['心理'])).to.equal(true);
    expect(narrows(['心理'], ['心理', '咨询'])).to.equal(true);
    expect(narrows(['心理'], ['心'])).to.equal(false);
    expect(narrows([], ['心'])).to.equal(false);
    expect(narrows(['ab', 'c'], ['abc'])).to.equal(true);
  });

  it('stores positions in bitsets', () => {
    const bits = bitsOf(70, [0, 31, 32, 69]);
    expect([0, 1, 31, 32, 33, 69].map((i) => hasBit(bits, i))).to.deep.equal([
      true,
      false,
      true,
      true,
      false,
      true,
    ]);
  });
});
