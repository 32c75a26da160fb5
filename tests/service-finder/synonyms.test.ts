import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { alternativesOf, synonymIndex } from '../../src/service-finder/synonyms.js';
import { defaultSynonyms } from '../../src/service-finder/synonym-table.js';

describe('finder synonyms', () => {
  const index = synonymIndex(defaultSynonyms);

  it('幼儿园 finds enrolment services, 看病 finds free clinics', () => {
    expect(alternativesOf('幼儿园', index)).to.include.members(['幼儿园', '入园', '托育', '入学']);
    expect(alternativesOf('看病', index)).to.include.members(['义诊', '医疗']);
    expect(alternativesOf('法律', index)).to.include.members(['律师', '法律援助']);
  });

  it('keeps the term first and replaces a word inside a longer term', () => {
    const out = alternativesOf('幼儿园报名', index);
    expect(out[0]).to.equal('幼儿园报名');
    expect(out).to.include.members(['入园报名', '托育报名']);
  });

  it('works across scripts and in English, case and width folded', () => {
    expect(alternativesOf('幼兒園', index)).to.include('幼儿园');
    expect(alternativesOf('kindergarten', index)).to.include('幼儿园');
    const wide = synonymIndex([['ＡＢＣ', '托育']]);
    expect(alternativesOf('abc', wide)).to.include('托育');
  });

  it('leaves a term without synonyms alone, and a site can bring its own table', () => {
    expect(alternativesOf('剪纸', index)).to.deep.equal(['剪纸']);
    const own = synonymIndex([['剪纸', '手工']]);
    expect(alternativesOf('剪纸', own)).to.deep.equal(['剪纸', '手工']);
  });
});

describe('finder synonyms stay narrow', () => {
  it('心理 does not widen to every kind of 咨询 (入学政策咨询 is not counselling)', () => {
    const out = alternativesOf('心理', synonymIndex(defaultSynonyms));
    expect(out).not.to.include('咨询');
    expect(out).to.include('情绪');
    // …and a longer term is not widened to a shorter word of its group.
    expect(alternativesOf('心理咨询', synonymIndex(defaultSynonyms))).not.to.include('心理');
  });
});
