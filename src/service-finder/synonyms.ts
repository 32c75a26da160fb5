/**
 * Words families search with and the words services are listed under are often not the same:
 * a parent types 幼儿园 where the service says 入学政策咨询, 看病 where it says 义诊. Each group
 * below holds words that find each other (zh-Hans, zh-Hant, English). Sites replace or extend the
 * table with the finder's `synonyms` property (an array of word groups).
 */
export type SynonymGroups = readonly (readonly string[])[];

export const defaultSynonyms: SynonymGroups = [
  [
    '幼儿园',
    '幼兒園',
    '入园',
    '入園',
    '托育',
    '托儿所',
    '托兒所',
    '学前',
    '學前',
    '入学',
    '入學',
    'kindergarten',
    'preschool',
    'nursery',
    'childcare',
  ],
  [
    '上学',
    '上學',
    '入学',
    '入學',
    '学位',
    '學位',
    '转学',
    '轉學',
    '插班',
    '学校',
    '學校',
    'school',
    'enrolment',
    'enrollment',
  ],
  [
    '看病',
    '医疗',
    '醫療',
    '义诊',
    '義診',
    '体检',
    '體檢',
    '门诊',
    '門診',
    '医院',
    '醫院',
    '诊所',
    '診所',
    '医生',
    '醫生',
    'doctor',
    'clinic',
    'medical',
    'health check',
  ],
  ['疫苗', '打针', '打針', '接种', '接種', '预防针', '預防針', 'vaccine', 'vaccination'],
  [
    '法律',
    '律师',
    '律師',
    '法援',
    '法律援助',
    '维权',
    '維權',
    '仲裁',
    '欠薪',
    '讨薪',
    '討薪',
    'legal',
    'lawyer',
    'legal aid',
  ],
  [
    '心理',
    '情绪',
    '情緒',
    '辅导',
    '輔導',
    '倾诉',
    '傾訴',
    'counselling',
    'counseling',
    'mental health',
  ],
  [
    '户口',
    '戶口',
    '户籍',
    '戶籍',
    '居住证',
    '居住證',
    '办证',
    '辦證',
    '证件',
    '證件',
    'hukou',
    'residence permit',
  ],
  [
    '工作',
    '就业',
    '就業',
    '招聘',
    '找工作',
    '求职',
    '求職',
    '职业培训',
    '職業培訓',
    'job',
    'jobs',
    'employment',
  ],
  ['家暴', '家庭暴力', '反家暴', '庇护', '庇護', 'domestic violence', 'shelter'],
  ['残疾', '殘疾', '残障', '殘障', '康复', '康復', '特殊教育', 'disability', 'rehabilitation'],
];

/** NFKC + lower case, as the finder compares text. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Word → every word of its groups (itself included), in folded form. */
export function synonymIndex(groups: SynonymGroups): Map<string, string[]> {
  const index = new Map<string, Set<string>>();
  for (const group of groups) {
    const words = group.map(fold).filter((word) => word.length > 0);
    for (const word of words) {
      const related = index.get(word) ?? new Set<string>();
      for (const other of words) related.add(other);
      index.set(word, related);
    }
  }
  return new Map([...index].map(([word, related]) => [word, [...related]]));
}

/**
 * The spellings that count as a match for one (folded) query term: the term itself, and, where
 * the term is or contains a word of the table, the term with that word replaced by each related
 * word (幼儿园报名 → 入园报名, 托育报名 …), never by a shorter word it contains (that would find
 * more than was asked for). The term itself comes first.
 */
export function alternativesOf(term: string, index: Map<string, string[]>): string[] {
  const out = new Set([term]);
  for (const [word, related] of index) {
    if (!term.includes(word)) continue;
    for (const other of related) {
      // Never widen: 心理咨询 must not become plain 心理 (法律援助 → 法律, jobs → job).
      if (other !== word && word.includes(other)) continue;
      out.add(term.split(word).join(other));
    }
  }
  return [...out];
}
