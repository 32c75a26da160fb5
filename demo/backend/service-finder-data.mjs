// Demo data for <service-finder>: a paginated HSDS 3.0 API of fictional services.
//   GET /api/services?page=1&per_page=50   → { total_items, total_pages, page_number, contents: [...] }
//   GET /api/services/{id}                 → one service
//   GET /api/services.csv                  → the same services as a CSV export with Chinese headers
// Every name, phone number and address here is made up (020-0000xxxx numbers, 某某/示例 places).

const taxonomy = [
  { id: 'tx-family', name: '家庭支持' },
  { id: 'tx-parenting', name: '亲子教育', parent_id: 'tx-family' },
  { id: 'tx-childcare', name: '儿童托管', parent_id: 'tx-family' },
  { id: 'tx-mental', name: '心理支持' },
  { id: 'tx-child-psy', name: '儿童心理咨询', parent_id: 'tx-mental' },
  { id: 'tx-hotline', name: '心理热线', parent_id: 'tx-mental' },
  { id: 'tx-legal', name: '法律援助' },
  { id: 'tx-health', name: '医疗健康' },
  { id: 'tx-school', name: '入学咨询' },
  { id: 'tx-elder', name: '长者服务' },
  { id: 'tx-work', name: '就业辅导' },
];

const streets = ['示例路', '样板街', '模范大道', '某某巷', '和平示例路', '新村示例街'];
const areas = ['东山示例街道', '梅花示例街道', '江南示例街道', '白云示例街道'];
const orgs = [
  '示例社工站',
  '示例家庭服务中心',
  '某某法律服务站',
  '示例青年中心',
  '示例长者服务中心',
  '某某社区卫生服务站',
];
const kinds = [
  [
    '儿童心理咨询',
    ['tx-child-psy'],
    '为孩子和家长提供一对一心理咨询，帮助孩子适应新学校和新环境。',
    [6, 14],
  ],
  [
    '亲子阅读课堂',
    ['tx-parenting'],
    '每周一次的亲子阅读活动，家长和孩子一起读绘本、做手工。',
    [3, 8],
  ],
  ['放学后托管', ['tx-childcare'], '放学后到家长下班前的看护和作业辅导，适合双职工家庭。', [6, 12]],
  [
    '免费法律咨询',
    ['tx-legal'],
    '劳动合同、工伤、租房纠纷等问题的免费咨询，可以带上相关材料。',
    undefined,
  ],
  ['入学政策咨询', ['tx-school'], '帮助随迁子女家庭了解入学材料、积分和报名时间。', [5, 15]],
  [
    '心理援助热线',
    ['tx-hotline'],
    '有烦恼、压力大的时候可以打电话来聊聊，志愿者会认真倾听。',
    undefined,
  ],
  ['长者助餐', ['tx-elder'], '为 60 岁以上长者提供午餐，行动不便的可以申请送餐。', [60, 120]],
  ['就业技能培训', ['tx-work'], '电脑、家政、育婴等技能培训，结业后推荐工作机会。', [16, 60]],
  ['儿童健康体检', ['tx-health', 'tx-family'], '学龄前儿童健康检查和疫苗接种咨询。', [0, 6]],
];

/** Who runs each kind of service: a legal aid station gives legal advice, not health checks. */
const providers = {
  儿童心理咨询: ['示例家庭服务中心', '示例社工站'],
  亲子阅读课堂: ['示例社工站', '示例家庭服务中心'],
  放学后托管: ['示例社工站', '示例青年中心'],
  免费法律咨询: ['某某法律服务站'],
  入学政策咨询: ['示例社工站', '示例家庭服务中心'],
  心理援助热线: ['示例家庭服务中心', '示例青年中心'],
  长者助餐: ['示例长者服务中心'],
  就业技能培训: ['示例青年中心', '示例社工站'],
  儿童健康体检: ['某某社区卫生服务站'],
};

function pad(n, width) {
  return String(n).padStart(width, '0');
}

function service(i) {
  const [kind, categories, description, ages] = kinds[i % kinds.length];
  const own = providers[kind];
  const org = own[Math.floor(i / kinds.length) % own.length];
  const free = i % 3 !== 0;
  const lat = 23.08 + ((i * 37) % 100) / 1000;
  const lng = 113.24 + ((i * 53) % 120) / 1000;
  const weekdays = i % 4 === 0 ? 'MO,TU,WE,TH,FR,SA' : 'MO,TU,WE,TH,FR';
  return {
    id: `demo-svc-${pad(i, 3)}`,
    name: `${kind}（${areas[i % areas.length].replace('示例街道', '')}点）`,
    description,
    status: 'active',
    email: `service${pad(i, 3)}@example.org`,
    url: `https://example.org/services/${pad(i, 3)}`,
    organization: { id: `demo-org-${orgs.indexOf(org)}`, name: org },
    eligibility_description: ages
      ? `${ages[0]}–${ages[1]} 岁，本区居住或就读`
      : '本区居民及外来务工人员',
    minimum_age: ages?.[0],
    maximum_age: ages?.[1],
    fees_description: free ? '免费' : `每次 ${10 + (i % 5) * 5} 元，低保家庭免费`,
    cost_options: free ? [{ id: `cost-${i}`, amount: 0, currency: 'CNY', option: '免费' }] : [],
    languages:
      i % 5 === 0
        ? [
            { name: '普通话', code: 'zh' },
            { name: '粤语', code: 'yue' },
          ]
        : [{ name: '普通话', code: 'zh' }],
    service_areas: [{ id: `area-${i % areas.length}`, name: areas[i % areas.length] }],
    phones: [{ id: `ph-${i}`, number: `020-0000${pad(1000 + i, 4)}`, description: '咨询电话' }],
    schedules: [
      { id: `sch-${i}-a`, freq: 'WEEKLY', byday: weekdays, opens_at: '09:00', closes_at: '12:00' },
      {
        id: `sch-${i}-b`,
        freq: 'WEEKLY',
        byday: weekdays,
        opens_at: '14:00',
        closes_at: i % 4 === 0 ? '20:00' : '17:30',
      },
    ],
    // Each service is linked to its terms and their parents, so the finder can show the tree.
    attributes: [
      ...new Set(categories.flatMap((id) => [id, taxonomy.find((t) => t.id === id).parent_id])),
    ]
      .filter(Boolean)
      .map((id) => ({
        id: `attr-${i}-${id}`,
        taxonomy_term: { ...taxonomy.find((t) => t.id === id), taxonomy: 'demo' },
      })),
    service_at_locations: [
      {
        id: `sal-${i}`,
        location: {
          id: `loc-${i}`,
          name: `${org}（${areas[i % areas.length]}）`,
          latitude: Number(lat.toFixed(5)),
          longitude: Number(lng.toFixed(5)),
          addresses: [
            {
              id: `addr-${i}`,
              address_1: `某某区${streets[i % streets.length]}${(i % 97) + 1}号`,
              city: '某某市',
              state_province: '某某省',
              country: 'CN',
              address_type: 'physical',
            },
          ],
        },
      },
    ],
    last_modified: `2026-${pad((i % 11) + 1, 2)}-${pad((i % 27) + 1, 2)}T10:00:00+08:00`,
  };
}

const total = 120;
const services = Array.from({ length: total }, (_, i) => service(i + 1));

function send(res, status, type, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

function csvCell(value) {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvExport() {
  const header = [
    '编号',
    '名称',
    '机构',
    '类别',
    '电话',
    '地址',
    '纬度',
    '经度',
    '服务范围',
    '费用',
    '简介',
    '更新时间',
  ];
  const rows = services.map((s) => {
    const location = s.service_at_locations[0].location;
    return [
      s.id,
      s.name,
      s.organization.name,
      s.attributes.map((a) => a.taxonomy_term.name).join(';'),
      s.phones[0].number,
      location.addresses[0].address_1,
      location.latitude,
      location.longitude,
      s.service_areas.map((a) => a.name).join(';'),
      s.fees_description,
      s.description,
      s.last_modified.slice(0, 10),
    ];
  });
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function handle(req, res, next) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') return next();
  if (url.pathname === '/api/services' || url.pathname === '/api/services/') {
    const perPage = Math.min(200, Math.max(1, Number(url.searchParams.get('per_page')) || 50));
    const totalPages = Math.ceil(services.length / perPage);
    const page = Math.min(Math.max(1, Number(url.searchParams.get('page')) || 1), totalPages);
    const contents = services.slice((page - 1) * perPage, page * perPage);
    return send(
      res,
      200,
      'application/json; charset=utf-8',
      JSON.stringify({
        total_items: services.length,
        total_pages: totalPages,
        page_number: page,
        size: contents.length,
        first_page: page === 1,
        last_page: page === totalPages,
        empty: contents.length === 0,
        contents,
      }),
    );
  }
  if (url.pathname === '/api/services.csv') {
    return send(res, 200, 'text/csv; charset=utf-8', csvExport());
  }
  const one = /^\/api\/services\/([\w-]+)$/.exec(url.pathname);
  if (one) {
    const found = services.find((s) => s.id === one[1]);
    if (found) return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(found));
    return send(
      res,
      404,
      'application/problem+json',
      JSON.stringify({ title: 'Not found', status: 404 }),
    );
  }
  return next();
}

export default { handle };
