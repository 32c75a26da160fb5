// The data of the event-calendar bench: 5,000 fictional activities over two years around
// November 2026, and the same activities in each calendar's input shape (see the bench's header).
import type { EventInput } from '@fullcalendar/core';

export const N = 5000;
export const ZONE = 'Asia/Shanghai';
/** A Saturday with a community fair: many events, so "+N more" matters. */
const BUSY_DAY = '2026-11-21';

/** Deterministic pseudo-random numbers (mulberry32), so every run gets the same data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const activities: [string, string][] = [
  ['亲子阅读会', '亲子'],
  ['亲子烘焙', '亲子'],
  ['四点半课堂', '亲子'],
  ['家长课堂：青春期沟通', '家长课堂'],
  ['家长课堂：幼小衔接', '家长课堂'],
  ['家长互助小组', '家长课堂'],
  ['儿童自然教育：湿地观鸟', '自然教育'],
  ['植物认识之旅', '自然教育'],
  ['户外观星', '自然教育'],
  ['周末徒步：白云山', '自然教育'],
  ['长者智能手机课', '长者'],
  ['长者健康讲座', '长者'],
  ['长者合唱团', '长者'],
  ['新志愿者培训', '志愿服务'],
  ['社区清洁日', '志愿服务'],
  ['非遗剪纸工作坊', '工作坊'],
  ['扎染手工坊', '工作坊'],
  ['书法班', '工作坊'],
  ['社区义诊', '健康'],
  ['心理健康讲座', '健康'],
  ['普法讲座', '健康'],
  ['社区电影夜', '文体'],
  ['跳蚤市场', '文体'],
  ['英语角', '文体'],
];
const places = [
  { name: '示例社工站活动室', address: '某某街道幸福路 1 号' },
  { name: '某某街道党群服务中心', address: '某某街道和平路 20 号' },
  { name: '示例社区图书馆', address: '某某街道书香路 8 号' },
  { name: '湿地公园东门', address: '某某区滨江路 100 号' },
  { name: '示例长者饭堂', address: '某某街道安康路 3 号' },
];
const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

interface Rule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  byday?: string;
  bymonthday?: number;
  interval?: number;
  count?: number;
  /** Last day (YYYY-MM-DD) on which an occurrence may start. */
  until?: string;
}

export interface Spec {
  id: string;
  title: string;
  category: string;
  place: (typeof places)[number];
  day: string;
  /** Timed: start `HH:MM` and length; otherwise all-day over `days` days. */
  time?: string;
  minutes?: number;
  days: number;
  rule?: Rule;
  /** Days of removed occurrences. */
  exdates?: string[];
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const compact = (iso: string) => iso.replace(/[-:]/g, '');
const pad = (n: number) => String(n).padStart(2, '0');
const plusMinutes = (time: string, minutes: number) => {
  const m = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
};

/**
 * 5,000 activities over two years around the focus month (Nov 2025 – Oct 2027), or, with
 * `stressMonth`, all of them in the six weeks the focus month's grid shows (26 Oct – 6 Dec 2026).
 */
export function specs({ stressMonth = false } = {}): Spec[] {
  const rnd = random(6);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const first = dayOf(stressMonth ? '2026-10-26' : '2025-11-01');
  const span = dayOf(stressMonth ? '2026-12-06' : '2027-10-31') - first + 1;
  const out: Spec[] = [];
  const base = (i: number, day: number): Spec => {
    const [title, category] = pick(activities);
    const timed = rnd() < 0.75;
    return {
      id: `ev-${i}`,
      title: `${title}（第 ${(i % 40) + 1} 期）`,
      category,
      place: pick(places),
      day: isoOf(day),
      time: timed ? `${pad(int(8, 19))}:${pick(['00', '30'])}` : undefined,
      minutes: timed ? pick([60, 90, 120, 150]) : undefined,
      days: 1,
    };
  };
  // 300 recurring series.
  for (let i = 0; i < 300; i++) {
    const start = first + int(0, Math.max(0, span - 60));
    const s = base(i, start);
    const weekday = weekdays[(new Date(start * DAY_MS).getUTCDay() + 6) % 7];
    if (i < 150) {
      s.rule = { freq: 'WEEKLY', byday: weekday, count: int(6, 16) }; // courses
    } else if (i < 200) {
      s.rule = { freq: 'WEEKLY', byday: weekday }; // no end
    } else if (i < 240) {
      s.rule = {
        freq: 'WEEKLY',
        byday: weekday,
        interval: i % 2 ? 2 : undefined,
        until: isoOf(start + int(60, 240)),
      };
    } else if (i < 260) {
      s.rule = { freq: 'MONTHLY', bymonthday: Number(s.day.slice(8, 10)) }; // no end
    } else if (i < 280) {
      s.rule = { freq: 'MONTHLY', byday: pick(['2SA', '1SU', '-1FR']), count: int(6, 24) };
    } else {
      s.rule = { freq: 'DAILY', count: int(3, 7) }; // holiday camps
    }
    if (i % 10 === 0) {
      // A cancelled date (the second occurrence of a weekly or daily series).
      const step =
        s.rule.freq === 'DAILY' ? 1 : s.rule.freq === 'WEEKLY' ? 7 * (s.rule.interval ?? 1) : 0;
      if (step) s.exdates = [isoOf(start + step)];
    }
    out.push(s);
  }
  // The busy day: a community fair with many stalls and talks.
  for (let i = 0; i < 60; i++) {
    const s = base(300 + i, dayOf(BUSY_DAY));
    s.title = `社区嘉年华：${s.title}`;
    s.time ??= `${pad(9 + (i % 9))}:00`;
    s.minutes ??= 60;
    out.push(s);
  }
  // Single timed, all-day and multi-day events.
  for (let i = out.length; i < N; i++) {
    const s = base(i, first + int(0, span - 1));
    if (!s.time && rnd() < 0.35) s.days = int(2, stressMonth ? 4 : 10);
    out.push(s);
  }
  return out;
}

function ruleText(rule: Rule, allDay: boolean, time?: string): string {
  let text = `FREQ=${rule.freq}`;
  if (rule.interval) text += `;INTERVAL=${rule.interval}`;
  if (rule.byday) text += `;BYDAY=${rule.byday}`;
  if (rule.bymonthday) text += `;BYMONTHDAY=${rule.bymonthday}`;
  if (rule.count) text += `;COUNT=${rule.count}`;
  // UNTIL as wall time of the series (ical.js and rrule.js both expand in wall time here).
  if (rule.until) text += `;UNTIL=${compact(rule.until)}${allDay ? '' : `T${compact(time!)}59`}`;
  return text;
}

/** Ours: loose JSON records, as a generic events API would send them. */
export function ourRecords(list: Spec[]): Record<string, unknown>[] {
  return list.map((s) => {
    const record: Record<string, unknown> = {
      id: s.id,
      title: s.title,
      categories: [s.category],
      location: s.place.name,
      address: s.place.address,
      description: `${s.title}，欢迎社区居民参加。`,
      cost: '免费',
    };
    if (s.time) {
      record.start = `${s.day}T${s.time}:00+08:00`;
      record.end = `${s.day}T${plusMinutes(s.time, s.minutes!)}:00+08:00`;
      record.timeZone = ZONE;
    } else {
      record.start = s.day;
      record.allDay = true;
      // Records give the last day of an all-day event (inclusive), as people write it.
      if (s.days > 1) record.end = isoOf(dayOf(s.day) + s.days - 1);
    }
    if (s.rule) {
      record.rrule = ruleText(s.rule, !s.time, s.time);
      if (s.exdates) {
        record.exdates = s.exdates.map((d) => (s.time ? `${d}T${s.time}:00+08:00` : d));
      }
    }
    return record;
  });
}

/** FullCalendar: its EventInput objects for the same activities. */
export function fcEvents(list: Spec[]): EventInput[] {
  return list.map((s) => {
    const event: EventInput = {
      id: s.id,
      title: s.title,
      extendedProps: {
        categories: [s.category],
        location: s.place,
        description: `${s.title}，欢迎社区居民参加。`,
        cost: '免费',
      },
    };
    if (s.rule) {
      const dtstart = s.time ? `${compact(s.day)}T${compact(s.time)}00` : compact(s.day);
      event.rrule = `DTSTART:${dtstart}\nRRULE:${ruleText(s.rule, !s.time, s.time)}`;
      if (s.time) {
        event.duration = { minutes: s.minutes };
        if (s.exdates) event.exdate = s.exdates.map((d) => `${d}T${s.time}:00`);
      } else if (s.exdates) {
        event.exdate = s.exdates;
      }
    } else if (s.time) {
      event.start = `${s.day}T${s.time}:00+08:00`;
      event.end = `${s.day}T${plusMinutes(s.time, s.minutes!)}:00+08:00`;
    } else {
      event.start = s.day;
      event.allDay = true;
      // FullCalendar's end is exclusive.
      if (s.days > 1) event.end = isoOf(dayOf(s.day) + s.days);
    }
    return event;
  });
}
