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
