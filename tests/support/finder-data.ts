/**
 * Fictional services for the finder's tests: records as a generic JSON source gives them (for
 * the element), and `service()` for the finder's DOM-free modules.
 */
import type { Service } from '../../src/core/models.js';

/** A normalized service with only what a test names; the rest empty. */
export function service(partial: Partial<Service> = {}): Service {
  return {
    id: partial.name ?? 'x',
    name: 'x',
    categories: [],
    languages: [],
    phones: [],
    locations: [],
    schedules: [],
    areas: [],
    ...partial,
  };
}

export interface TestRecord {
  id?: string;
  name?: string;
  organization?: string;
  description?: string;
  categories?: { id: string; name: string; parent?: string }[] | string[];
  languages?: string[];
  ageMin?: number;
  ageMax?: number;
  free?: boolean;
  fees?: string;
  eligibility?: string;
  phones?: { number: string; label?: string }[];
  email?: string;
  url?: string;
  locations?: { name?: string; address?: string; lat?: number; lng?: number }[];
  hours?: { day: number; opens: string; closes: string }[] | string;
  areas?: string[];
  updated?: string;
}

/** Categories with a parent: 心理支持 > 儿童心理. */
const counselling = { id: 'cat-psy', name: '心理支持' };
const childPsy = { id: 'cat-psy-child', name: '儿童心理', parent: 'cat-psy' };
const legal = { id: 'cat-legal', name: '法律援助' };
const family = { id: 'cat-family', name: '家庭教育' };

export function records(): TestRecord[] {
  return [
    {
      id: 's-1',
      name: '儿童心理咨询',
      organization: '示例社工站',
      description: '<p>为 6 到 14 岁的孩子提供<strong>一对一</strong>心理咨询。</p>',
      categories: [childPsy],
      languages: ['zh', 'yue'],
      ageMin: 6,
      ageMax: 14,
      free: true,
      fees: '免费',
      eligibility: '本区居住的儿童及家长',
      phones: [{ number: '020-00001001', label: '预约' }],
      email: 'xinli@example.org',
      url: 'https://example.org/xinli',
      locations: [
        { name: '示例社工站', address: '某某市某某区示例路1号', lat: 23.1291, lng: 113.2644 },
      ],
      hours: [
        { day: 1, opens: '09:00', closes: '17:00' },
        { day: 3, opens: '09:00', closes: '12:00' },
        { day: 3, opens: '14:00', closes: '17:00' },
      ],
      areas: ['东山街道'],
      updated: '2026-10-01',
    },
    {
      id: 's-2',
      name: '法律援助咨询',
      organization: '某某法律服务站',
      description: '免费法律咨询，帮助外来务工家庭。',
      categories: [legal],
      languages: ['zh', 'en'],
      free: true,
      phones: [{ number: '020-00001002' }],
      locations: [{ address: '某某市某某区模范路3号', lat: 23.2, lng: 113.3 }],
      areas: ['梅花村街道'],
      updated: '2026-11-02',
    },
    {
      id: 's-3',
      name: 'ABC English Club',
      organization: '示例青年中心',
      description: 'Weekly English corner for teenagers.',
      categories: [family],
      languages: ['en'],
      ageMin: 12,
      ageMax: 18,
      fees: '每次 20 元',
      phones: [{ number: '020-00001003' }],
      locations: [{ address: '某某市某某区样板街8号', lat: 23.3, lng: 113.5 }],
      hours: '每周六上午，节假日除外',
      areas: ['东山街道'],
      updated: '2026-09-15',
    },
    {
      id: 's-4',
      name: '安心家长课堂',
      organization: '示例家庭服务中心',
      description: '家长学习小组，谈谈孩子的心理和情绪。',
      categories: [family, counselling],
      languages: ['zh'],
      ageMin: 0,
      ageMax: 6,
      phones: [{ number: '020-00001004' }],
      areas: ['梅花村街道'],
      updated: '2026-08-01',
    },
    {
      id: 's-5',
      name: '张家社区食堂',
      organization: '示例长者服务中心',
      categories: [{ id: 'cat-elder', name: '长者服务' }],
      languages: ['zh'],
      phones: [{ number: '020-00001005' }],
      locations: [{ address: '某某市某某区示例大道10号' }],
      updated: '2026-07-01',
    },
  ];
}

/** `count` generated services (for paging and performance). */
export function manyRecords(count: number): TestRecord[] {
  const categories = ['心理支持', '法律援助', '家庭教育', '长者服务', '就业辅导', '儿童托管'];
  const out: TestRecord[] = [];
  for (let i = 1; i <= count; i++) {
    out.push({
      id: `m-${i}`,
      name: `示例服务 ${String(i).padStart(5, '0')}`,
      organization: `示例机构 ${i % 50}`,
      description: `第 ${i} 项服务，提供${categories[i % categories.length]}，欢迎来电咨询。`,
      categories: [categories[i % categories.length]],
      languages: i % 3 ? ['zh'] : ['zh', 'en'],
      ageMin: i % 4 === 0 ? 3 : undefined,
      ageMax: i % 4 === 0 ? 12 : undefined,
      free: i % 2 === 0,
      phones: [{ number: `020-0000${String(i % 10000).padStart(4, '0')}` }],
      locations: [
        {
          address: `某某市某某区示例路${i}号`,
          lat: 23 + (i % 100) / 1000,
          lng: 113 + (i % 97) / 1000,
        },
      ],
      hours: [{ day: ((i % 7) + 1) as 1, opens: '09:00', closes: '17:00' }],
      areas: [`示例街道 ${i % 12}`],
      updated: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
    });
  }
  return out;
}
