import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { mountFinder } from '../support/finder.js';

/** Fictional services at increasing distance from the origin 23.1,113.2. */
const near = (k: number) => ({ lat: 23.1 + k * 0.01, lng: 113.2 });
const data = [
  {
    id: 'health',
    name: '儿童健康体检',
    description: '免费体检，也可以咨询法律和入学方面的转介。',
    categories: ['儿童健康'],
    locations: [{ address: '某某路1号', ...near(1) }],
  },
  {
    id: 'enrol',
    name: '入学政策咨询',
    description: '帮助外来务工家庭的孩子办理入园、入学手续。',
    categories: ['入学咨询'],
    locations: [{ address: '某某路2号', ...near(2) }],
  },
  {
    id: 'legal',
    name: '法律援助工作站',
    description: '劳动争议、讨薪维权的免费法律咨询。',
    categories: ['法律援助'],
    locations: [{ address: '某某路3号', ...near(3) }],
  },
  {
    id: 'clinic',
    name: '社区义诊',
    description: '每月一次的社区义诊。',
    categories: ['医疗'],
    locations: [{ address: '某某路4号', ...near(4) }],
  },
];

describe('<service-finder> search relevance and related words', () => {
  it('sorted by distance, a query still lists the services named for it first', async () => {
    const finder = await mountFinder({ data, origin: '23.1,113.2' });
    expect(finder.sort()).to.contain('距离');
    await finder.search('法律');
    // The legal aid station first, then the nearer health check that only mentions 法律.
    expect(finder.ids()).to.deep.equal(['legal', 'health']);
  });

  it('幼儿园 finds the enrolment service, 看病 finds the free clinic', async () => {
    const finder = await mountFinder({ data });
    await finder.search('幼儿园');
    expect(finder.ids()).to.include('enrol');
    await finder.search('看病');
    // 体检 and 义诊 are both ways to see a doctor.
    expect(finder.ids()).to.have.members(['health', 'clinic']);
  });

  it('a longer term is never widened to a shorter word of its group', async () => {
    const finder = await mountFinder({ data });
    await finder.search('法律援助');
    expect(finder.ids()).to.deep.equal(['legal']);
  });

  it('a site can bring its own word groups, or none', async () => {
    const finder = await mountFinder({ data });
    finder.el.synonyms = [];
    await finder.search('幼儿园');
    expect(finder.ids()).to.deep.equal([]);
    finder.el.synonyms = [['剪纸', '义诊']];
    await finder.search('剪纸');
    expect(finder.ids()).to.deep.equal(['clinic']);
  });
});
