/**
 * Generated fictional data in bulk, shared by the reader tests (small counts, for correctness)
 * and `npm run bench` (large counts, for speed), so both read the same shapes.
 */

/** A fully nested HSDS 3.0 service; every 50th is inactive. */
export function hsdsService(i: number): Record<string, unknown> {
  const n = String(i).padStart(5, '0');
  return {
    id: `svc-${n}`,
    name: `社区服务 ${i}`,
    description: `第 ${i} 项服务：为某某街道居民提供支持。\n请提前预约，名额有限 & 先到先得。`,
    url: `https://example.org/services/${i}`,
    email: `svc${i}@example.org`,
    status: i % 50 === 0 ? 'inactive' : 'active',
    fees_description: i % 3 === 0 ? '免费' : '每次 10 元',
    eligibility_description: '某某街道居民',
    minimum_age: 6,
    maximum_age: 80,
    last_modified: '2026-03-15T10:30:45.123Z',
    organization: { id: `org-${i % 40}`, name: `示例社工站 ${i % 40}`, description: '社工站' },
    phones: [
      {
        id: `ph-${i}`,
        number: `020-0000${String(i % 10000).padStart(4, '0')}`,
        type: 'voice',
        description: '热线',
      },
    ],
    schedules: [
      {
        id: `sc-${i}`,
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH,FR',
        opens_at: '09:00:00',
        closes_at: '17:30:00',
      },
      {
        id: `sd-${i}`,
        freq: 'MONTHLY',
        byday: '1SA',
        opens_at: '09:00',
        closes_at: '12:00',
        description: '每月第一个周六上午',
      },
    ],
    service_areas: [{ id: `sa-${i}`, name: '某某街道' }],
    languages: [
      { id: 'l1', name: '普通话', code: 'zh' },
      { id: 'l2', name: '粤语', code: 'yue' },
    ],
    attributes: [
      {
        id: `at-${i}`,
        taxonomy_term: { id: `term-${i % 20}`, name: `类别 ${i % 20}`, parent_id: 'root' },
      },
    ],
    cost_options: [
      { id: `co-${i}`, option: '每次', amount: i % 3 === 0 ? 0 : 10, currency: 'CNY' },
    ],
    service_at_locations: [
      {
        id: `sal-${i}`,
        location: {
          id: `loc-${i}`,
          name: `站点 ${i}`,
          latitude: 23 + (i % 100) / 1000,
          longitude: 113 + (i % 100) / 1000,
          addresses: [
            {
              id: `ad-${i}`,
              address_1: `某某路 ${i} 号`,
              city: '广州市',
              region: '某某区',
              state_province: '广东省',
              postal_code: '510000',
              country: 'CN',
              address_type: 'physical',
            },
          ],
        },
      },
    ],
  };
}

/** `count` VEVENTs over a year (Shanghai time), every fifth a weekly series. */
export function icsCalendar(count: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Dandelion//bench//ZH'];
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      'BEGIN:VEVENT',
      `UID:bench-${i}@example.org`,
      'DTSTAMP:20261101T000000Z',
      `SUMMARY:社区活动 ${i}`,
      `DTSTART;TZID=Asia/Shanghai:2026${month}${day}T093000`,
      `DTEND;TZID=Asia/Shanghai:2026${month}${day}T113000`,
      'LOCATION:示例社工站',
      `DESCRIPTION:第 ${i} 场活动的说明文字，欢迎街坊参加。`,
      'CATEGORIES:社区',
      ...(i % 5 === 0 ? ['RRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=10'] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

/** `count` RSS 2.0 `<item>`s: entities, relative links, categories, media images, HTML. */
export function rssItems(count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `<item><title>第 ${i} 条 &amp;#8220;动态&amp;#8221;</title><link>/stories/${i}</link>` +
      `<description>&lt;p&gt;摘要 ${i} &lt;a href="https://x.example.org/${i}"&gt;链接&lt;/a&gt;&lt;/p&gt;</description>` +
      `<pubDate>Mon, 09 Mar 2026 10:30:00 +0800</pubDate><guid isPermaLink="false">g${i}</guid>` +
      `<category>类别${i % 7}</category>` +
      (i % 2
        ? `<media:content url="https://cdn.example.org/${i}.jpg" medium="image" width="800"/>`
        : '') +
      (i % 10 === 0 ? `<description>&lt;img src="/i/${i}.jpg" alt="图"&gt;</description>` : '') +
      `</item>`,
  ).join('');
}

const serviceKinds = [
  '儿童心理咨询',
  '法律援助',
  '亲子阅读',
  '长者助餐',
  '就业辅导',
  'English corner',
];

/** A service as a generic JSON API sends it (flat keys, the model's own names), fictional. */
export function jsonService(i: number): Record<string, unknown> {
  const kind = serviceKinds[i % serviceKinds.length];
  return {
    id: `j-${i}`,
    name: `${kind}（示例点 ${i + 1}）`,
    organization: `示例社工站 ${i % 300}`,
    description: `第 ${i + 1} 项服务：${kind}。为本区家庭提供咨询和陪伴，欢迎来电预约。`,
    categories: [
      { id: `p-${i % 4}`, name: `大类 ${i % 4}` },
      { id: `c-${i % serviceKinds.length}`, name: kind, parent: `p-${i % 4}` },
    ],
    languages: i % 5 ? ['zh'] : ['zh', 'yue', 'en'],
    ageMin: i % 3 === 0 ? 3 : undefined,
    ageMax: i % 3 === 0 ? 14 : undefined,
    free: i % 2 === 0,
    phones: [{ number: `020-0000${String(i % 10000).padStart(4, '0')}` }],
    locations: [
      {
        address: `某某市某某区示例路${i + 1}号`,
        lat: 23 + (i % 1000) / 5000,
        lng: 113 + (i % 997) / 5000,
      },
    ],
    hours: [
      { day: (i % 5) + 1, opens: '09:00', closes: '12:00' },
      { day: (i % 5) + 1, opens: '14:00', closes: '17:30' },
    ],
    areas: [`示例街道 ${i % 20}`],
    updated: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
  };
}

/** A small seeded generator (mulberry32): the same seed gives the same data on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One kind of service: its category, ways it is named, what its description says, for whom. */
interface ServiceKind {
  parent: string;
  category: string;
  names: string[];
  says: string[];
  ages?: [number, number];
  english?: string[];
}

const kinds: ServiceKind[] = [
  {
    parent: '教育',
    category: '入学咨询',
    names: ['入学咨询', '小一入学政策解读', '随迁子女入学咨询', '插班转学指导'],
    says: ['帮家长弄清楚入学需要准备的材料和时间。', '随迁子女可以在这里了解积分入学的流程。'],
    ages: [5, 15],
    english: ['School enrolment advice'],
  },
  {
    parent: '教育',
    category: '放学后托管',
    names: ['放学后托管', '四点半课堂', '课后托管班', '作业辅导小组'],
    says: ['放学后有老师和志愿者陪孩子写作业。', '家长下班晚，可以在六点前来接孩子。'],
    ages: [6, 12],
    english: ['After-school care'],
  },
  {
    parent: '教育',
    category: '亲子阅读',
    names: ['亲子阅读', '绘本故事会', '周末亲子共读', '社区图书角'],
    says: ['每周一次绘本故事，孩子和家长一起参加。', '图书角可以免费借书，一次两本。'],
    ages: [2, 10],
    english: ['Storytime for families', 'Reading corner'],
  },
  {
    parent: '家庭支持',
    category: '家长课堂',
    names: ['家长课堂', '亲子沟通工作坊', '新手爸妈小组', '青春期家长沙龙'],
    says: ['讲怎样和孩子好好说话，不打不骂。', '新手父母可以在小组里交流带娃的难处。'],
    english: ['Parenting class', 'Parent workshop'],
  },
  {
    parent: '心理支持',
    category: '心理咨询',
    names: ['儿童心理咨询', '青少年心理辅导', '家庭心理咨询', '情绪支持热线', '心理健康讲座'],
    says: [
      '由持证心理咨询师提供一对一咨询，内容保密。',
      '孩子情绪低落、不愿上学，可以先打电话聊聊。',
      '每次约五十分钟，需要提前预约。',
    ],
    english: ['Counselling for children', 'Mental health support'],
  },
  {
    parent: '心理支持',
    category: '哀伤辅导',
    names: ['哀伤辅导小组', '丧亲家庭支持'],
    says: ['陪伴失去亲人的家庭慢慢走出来。'],
  },
  {
    parent: '法律服务',
    category: '法律援助',
    names: ['法律援助', '免费法律咨询', '律师驻点咨询', '劳动纠纷调解'],
    says: ['律师每周驻点，解答婚姻、劳动、租房等问题。', '符合条件的可以申请法律援助，不收费。'],
    ages: [18, 99],
    english: ['Free legal advice', 'Legal aid clinic'],
  },
  {
    parent: '法律服务',
    category: '证件办理',
    names: ['户籍业务咨询', '居住证办理指引', '证件代办服务', '出生登记协助'],
    says: [
      '帮忙准备居住证和户籍材料，告诉你去哪个窗口。',
      '不识字或者行动不便的居民可以预约上门协助。',
    ],
    english: ['ID and registration help'],
  },
  {
    parent: '健康',
    category: '社区医疗',
    names: ['家庭医生签约', '慢病随访', '儿童预防接种', '孕产妇健康课'],
    says: ['家庭医生上门随访高血压、糖尿病。', '接种前请带好预防接种证。'],
    english: ['Family doctor'],
  },
  {
    parent: '健康',
    category: '康复服务',
    names: ['康复训练', '残疾人康复站', '自闭症儿童康复'],
    says: ['由康复师带领训练，家长可以在旁边学。'],
    ages: [2, 99],
  },
  {
    parent: '长者服务',
    category: '长者助餐',
    names: ['长者助餐', '长者饭堂', '送餐上门'],
    says: ['六十岁以上长者可以在饭堂吃午饭，有补贴。', '行动不便的长者可以申请送餐上门。'],
    ages: [60, 99],
    english: ['Meals for older people'],
  },
  {
    parent: '长者服务',
    category: '长者照护',
    names: ['日间照料中心', '居家养老服务', '长者健康讲座', '认知症照护'],
    says: ['白天照顾长者，家属上班也放心。', '护理员上门帮忙洗澡、打扫。'],
    ages: [60, 99],
    english: ['Day care for elders'],
  },
  {
    parent: '就业',
    category: '就业辅导',
    names: ['就业辅导', '职业技能培训', '招聘会', '简历门诊', '灵活就业咨询'],
    says: ['帮你改简历、练面试，推荐合适岗位。', '培训合格可以拿证书，部分课程有补贴。'],
    ages: [16, 65],
    english: ['Job coaching', 'Employment support'],
  },
  {
    parent: '社区服务',
    category: '志愿服务',
    names: ['义工招募', '社区志愿者培训', '邻里互助队'],
    says: ['欢迎街坊报名做义工，每月服务四小时。'],
  },
  {
    parent: '社区服务',
    category: '新市民融入',
    names: ['新市民融入小组', '普通话学习班', '粤语入门班', 'English corner'],
    says: ['刚来城市的家庭可以在这里认识邻居。', '每周一晚练口语，零基础也可以来。'],
    english: ['English corner', 'Newcomer group'],
  },
  {
    parent: '家庭支持',
    category: '困难家庭援助',
    names: ['困难家庭探访', '临时救助申请', '物资发放'],
    says: ['家里遇到突发困难，可以申请临时救助。', '社工会上门了解情况，帮忙对接资源。'],
  },
  {
    parent: '家庭支持',
    category: '反家暴支持',
    names: ['反家暴支持', '妇女维权咨询', '庇护转介'],
    says: ['遇到家庭暴力，可以打电话求助，我们会保护你的隐私。'],
    ages: [16, 99],
  },
  {
    parent: '教育',
    category: '兴趣班',
    names: ['少儿书法班', '周末美术课', '少儿编程体验', '暑期夏令营', '乒乓球训练'],
    says: ['名额有限，先到先得。', '材料费自理，其余免费。'],
    ages: [6, 14],
    english: ['Summer camp', 'Coding club'],
  },
];

const places = [
  '东湖',
  '木棉',
  '榕树',
  '向阳',
  '晨光',
  '蒲公英',
  '青禾',
  '南山',
  '北苑',
  '长青',
  '星河',
  '新桥',
  '和平',
  '花城',
  '锦绣',
  '松柏',
  '海珠',
  '清风',
];
const orgTypes = [
  '社工服务站',
  '家庭综合服务中心',
  '社区卫生服务中心',
  '法律援助工作站',
  '长者服务中心',
  '青少年活动中心',
  '义工联',
  '公益服务中心',
  '图书馆分馆',
  '妇女儿童之家',
];
const prefixes = ['', '', '', '社区', '周末', '公益', '线上', '暑期', '晚间'];
const suffixes = [
  '',
  '',
  '',
  '小组',
  '（粤语场）',
  '服务点',
  '工作坊',
  '（第二期）',
  '热线',
  '（预约制）',
];
const generic = [
  '欢迎来电预约，也可以直接到服务点了解情况。',
  '服务对象为本街道居民，外区居民请先电话咨询。',
  '请带上身份证或居住证。',
  '节假日暂停服务，具体以通知为准。',
  '现场有无障碍通道，轮椅可以进出。',
  '可以带孩子一起来，现场有儿童角。',
  '名额有限，报满即止。',
  '费用全免，由某某区民政局购买服务。',
];
const cantonese = [
  '街坊有需要可以打电话嚟预约，社工会同你倾下。',
  '识讲粤语嘅社工周三喺度。',
  '唔使钱，欢迎带埋屋企人嚟。',
];
const englishLines = [
  'English-speaking volunteers are available on Saturdays.',
  'Please book by phone; walk-ins are welcome if there is space.',
  'Free of charge for residents of the district.',
  'Interpreting can be arranged on request.',
];
const roads = ['示例路', '某某大道', '示例街', '某某新村', '示例横街', '某某中路'];
const districts = ['示例区', '某某区', '示例新区'];

/**
 * Realistic, fictional, bilingual service records as a generic JSON API sends them: many kinds
 * of service named in many ways, varied organisations, descriptions from one sentence to a
 * paragraph (some in English, some in Cantonese), categories, addresses, hours, ages and
 * languages. Seeded: the same `seed` gives the same records. No real names, phones or places.
 */
export function bilingualServices(count: number, seed = 17): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const kind = pick(kinds);
    const org = `${pick(places)}${pick(orgTypes)}（示例）`;
    const inEnglish = kind.english && random() < 0.12;
    const name = inEnglish
      ? `${pick(kind.english!)}${random() < 0.5 ? ` · ${pick(kind.names)}` : ''}`
      : `${pick(prefixes)}${pick(kind.names)}${pick(suffixes)}`;
    const yue = random() < 0.3;
    const en = inEnglish || random() < 0.1;
    const sentences = [pick(kind.says)];
    const extra = Math.floor(random() * random() * 7);
    for (let k = 0; k < extra; k++)
      sentences.push(random() < 0.5 ? pick(kind.says) : pick(generic));
    if (yue && random() < 0.5) sentences.push(pick(cantonese));
    if (en) sentences.push(pick(englishLines));
    const [lo, hi] = kind.ages ?? [0, 99];
    const ageMin = kind.ages || random() < 0.2 ? lo + Math.floor(random() * 3) : undefined;
    const ageMax =
      ageMin === undefined ? undefined : Math.max(ageMin + 2, hi - Math.floor(random() * 3));
    const days = [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.55);
    const opens = pick(['08:30', '09:00', '09:30', '14:00', '19:00']);
    const closes = opens === '19:00' ? '21:00' : pick(['12:00', '17:00', '17:30', '18:00']);
    const street = `${pick(places)}街道`;
    return {
      id: `r-${i}`,
      name,
      organization: org,
      description: [...new Set(sentences)].join(en ? ' ' : ''),
      categories: [
        { id: `p-${kind.parent}`, name: kind.parent },
        { id: `c-${kind.category}`, name: kind.category, parent: `p-${kind.parent}` },
      ],
      languages: ['zh', ...(yue ? ['yue'] : []), ...(en ? ['en'] : [])],
      ageMin,
      ageMax,
      free: random() < 0.7,
      phones: [{ number: `020-0000${String(Math.floor(random() * 10000)).padStart(4, '0')}` }],
      locations: [
        {
          address: `某某市${pick(districts)}${pick(roads)}${1 + Math.floor(random() * 300)}号`,
          lat: 23 + random() / 5,
          lng: 113 + random() / 5,
        },
      ],
      hours: (days.length ? days : [6]).map((day) => ({ day, opens, closes })),
      areas: [street],
      updated: `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    };
  });
}
