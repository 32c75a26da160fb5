import '../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { categorySlots, paletteSize } from '../../src/core/category-colours.js';
import { ownColours, parseCategoryColours } from '../../src/core/own-category-colours.js';
import { quietly } from '../support/calendar.js';

describe('categorySlots', () => {
  const demo = ['亲子', '家长课堂', '自然教育', '长者', '志愿服务', '工作坊', '健康', '文体'];

  it('gives up to eight categories eight different colours', () => {
    const slots = categorySlots(demo);
    expect(new Set(slots.values()).size).to.equal(8);
    for (const slot of slots.values()) expect(slot).to.be.within(0, paletteSize - 1);
  });

  it('does not depend on the order, language or view the names come in', () => {
    const sorted = (locale: string) => [...demo].sort((a, b) => a.localeCompare(b, locale));
    const zh = categorySlots(sorted('zh-Hans'));
    const en = categorySlots(sorted('en'));
    const reversed = categorySlots([...demo].reverse());
    for (const name of demo) {
      expect(en.get(name), name).to.equal(zh.get(name));
      expect(reversed.get(name), name).to.equal(zh.get(name));
    }
  });

  it('is the same for the same set of names in any order (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 12 }),
        fc.nat(),
        (names, seed) => {
          const shuffled = [...names].sort(
            (a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7),
          );
          const one = categorySlots(names);
          const two = categorySlots(shuffled);
          for (const name of names) expect(two.get(name)).to.equal(one.get(name));
          if (names.length <= paletteSize) {
            expect(new Set(one.values()).size).to.equal(names.length);
          }
        },
      ),
    );
  });

  it('a name keeps its slot when a category is added that hashes elsewhere', () => {
    const before = categorySlots(['亲子', '长者']);
    const after = categorySlots(['亲子', '长者', '健康']);
    const moved = ['亲子', '长者'].filter((name) => before.get(name) !== after.get(name));
    // Only a collision may move a name, and then only one of the colliding pair.
    expect(moved.length).to.be.at.most(1);
  });
});

describe("a site's own category colours", () => {
  it('reads "name: colour" pairs, a name with a colon included, and leaves out the rest', async () => {
    const [colours, warnings] = await quietly(() =>
      parseCategoryColours(
        ' 亲子: #e11d48; 讲座: 健康: rgb(0 128 0) ;; 长者: nonsense; 无颜色; red',
        'x-test',
      ),
    );
    expect([...colours]).to.deep.equal([
      ['亲子', '#e11d48'],
      ['讲座: 健康', 'rgb(0 128 0)'],
    ]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('长者: nonsense').and.contain('无颜色');
    expect(parseCategoryColours(undefined, 'x-test').size).to.equal(0);
  });

  it('gives the named categories slots after the palette and keeps the others', () => {
    const derived = categorySlots(['亲子', '长者', '健康']);
    const { slots, custom } = ownColours('长者: teal; 不在数据里: red', 'x-test')(derived);
    expect(slots.get('长者')).to.equal(paletteSize);
    expect(custom).to.deep.equal(['teal']);
    expect(slots.get('亲子')).to.equal(derived.get('亲子'));
    expect(slots.get('健康')).to.equal(derived.get('健康'));
  });
});
