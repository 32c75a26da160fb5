/** A {@link CalendarEvent} from a loose record (a JSON API record, a spreadsheet row). */
import type { CalendarEvent, Recurrence } from '../models.js';
import { asBoolean } from '../field-lists.js';
import { isDateOnly, stableId } from '../fields.js';
import { alias, fieldsOf, isObject, pick } from './keys.js';
import { htmlField, linkOf, listOf, plainText, show, stringOf } from './values.js';
import { toIso } from './dates.js';
import { addDays, instant, readWhen, validTimeZone, type When } from './when.js';
import { locationOf } from './where.js';
import type { RecordOptions } from './options.js';

/** The keys an event's fields go by (model field name first). */
const eventAliases = {
  id: alias('id _id uid uuid eventId 编号 編號'),
  title: alias(
    'title name eventName 标题 活动名称 活动 名称 主题 活动主题 標題 活動名稱 活動 名稱 主題 活動主題 summary',
  ),
  start: alias(
    'start startDate startTime startAt startsAt begin dtstart 开始时间 开始日期 开始 開始時間 開始日期 開始',
  ),
  date: alias('date eventDate day 日期 活动日期 活動日期'),
  time: alias('time eventTime 时间 活动时间 時間 活動時間'),
  end: alias(
    'end endDate endTime endAt endsAt dtend 结束时间 结束日期 结束 結束時間 結束日期 結束',
  ),
  allDay: alias('allDay isAllDay wholeDay 全天 全天活动 全天活動'),
  timeZone: alias('timeZone tz zone tzid 时区 時區'),
  location: alias('location place venue 地点 活动地点 场地 地點 活動地點 場地'),
  address: alias('address addr 地址 详细地址 詳細地址'),
  description: alias(
    'description details content body desc about 详情 简介 活动简介 活动内容 描述 内容 说明 介绍 詳情 簡介 活動簡介 活動內容 內容 說明 介紹',
  ),
  url: alias('url link website web href 网址 链接 活动链接 網址 連結 活動連結'),
  registrationUrl: alias(
    'registrationUrl registerUrl registrationLink signupUrl rsvpUrl registration 报名链接 报名网址 报名地址 报名 報名連結 報名網址 報名',
  ),
  categories: alias(
    'categories category tags eventType 类别 分类 活动类型 类型 标签 類別 分類 活動類型 類型 標籤',
  ),
  cost: alias('cost fee fees price 费用 收费 价格 費用 收費 價格'),
  organizer: alias(
    'organizer organiser host organization org 主办 主办方 主办单位 组织者 主辦 主辦方 主辦單位 組織者',
  ),
  rrule: alias('rrule recurrence recurrenceRule repeat 重复规则 重複規則'),
  exdates: alias('exdates exdate excludedDates'),
};

const RRULE_PREFIX = /^RRULE:/i;
/** What a 时间 cell says for an event without hours. */
const ALL_DAY_WORDS = new Set(['全天', '整天', '全日', 'all day', 'all-day', 'allday']);
const HAS_FREQ = /(?:^|;)FREQ=(?:SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(?:;|$)/i;

/** Reads a start/end cell: Google-style `{dateTime|date, timeZone}` objects too. */
function whenOf(value: unknown, baseDate?: string): (When & { timeZone?: string }) | undefined {
  if (isObject(value)) {
    const when = readWhen(value.dateTime ?? value.date ?? value.value, baseDate);
    const timeZone = stringOf(value.timeZone ?? value.tzid);
    return when && timeZone ? { ...when, timeZone } : when;
  }
  return readWhen(value, baseDate);
}

/** A CalendarEvent from a loose record, or the reason it cannot be one. */
export function recordToEvent(record: unknown, opts: RecordOptions = {}): CalendarEvent | string {
  if (!isObject(record)) return 'not an object';
  const warn = opts.warn ?? (() => {});
  const f = fieldsOf(record);
  const title = plainText(pick(f, eventAliases.title));
  if (!title) return 'missing title';

  const dateValue = pick(f, eventAliases.date);
  const timeValue = pick(f, eventAliases.time);
  const startValue = pick(f, eventAliases.start);
  const baseIso = dateValue === undefined ? undefined : toIso(dateValue);
  const baseDate = baseIso?.slice(0, 10);

  let when: (When & { timeZone?: string }) | undefined;
  if (startValue !== undefined) {
    when = whenOf(startValue, baseDate);
    if (!when) return `start: unknown date format ${show(startValue)}`;
  } else if (dateValue !== undefined) {
    if (!baseIso) return `start: unknown date format ${show(dateValue)}`;
    when = { start: baseIso };
    const allDayWord = ALL_DAY_WORDS.has(stringOf(timeValue)?.toLowerCase() ?? '');
    if (timeValue !== undefined && !allDayWord) {
      const timed = whenOf(timeValue, baseDate);
      if (timed) when = timed;
      else warn(`time: unknown time format ${show(timeValue)}; kept the date only`);
    }
  } else if (timeValue !== undefined) {
    when = whenOf(timeValue);
    if (!when) return `start: unknown date format ${show(timeValue)}`;
  } else {
    return 'missing start';
  }

  let start = when.start;
  let end = when.end;
  const endValue = pick(f, eventAliases.end);
  if (endValue !== undefined) {
    const ended = whenOf(endValue, start.slice(0, 10));
    if (ended) end = ended.start;
    else warn(`end: unknown date format ${show(endValue)}; dropped`);
  }

  const explicitAllDay = asBoolean(pick(f, eventAliases.allDay));
  // A date without a time cannot be a timed event, whatever 全天 says.
  const allDay = isDateOnly(start) || (explicitAllDay ?? false);
  if (allDay) {
    start = start.slice(0, 10);
    // People write the last day of an all-day event (inclusive); the model's end is exclusive.
    if (end)
      end =
        isDateOnly(end) || end.slice(11, 19) !== '00:00:00'
          ? addDays(end.slice(0, 10), 1)
          : end.slice(0, 10);
  } else if (end && isDateOnly(end)) {
    end = `${addDays(end, 1)}T00:00:00`;
  }
  if (end && (allDay ? end <= start : instant(end) < instant(start))) {
    warn(`end ${show(endValue ?? end)} is before start ${show(start)}; dropped the end`);
    end = undefined;
  }

  const event: CalendarEvent = {
    id: stringOf(pick(f, eventAliases.id)) ?? stableId(`${title}|${start}`),
    title,
    start,
    allDay,
    categories: listOf(pick(f, eventAliases.categories)),
  };
  if (end) event.end = end;

  const zone = stringOf(pick(f, eventAliases.timeZone)) ?? when.timeZone;
  if (zone) {
    if (validTimeZone(zone)) event.timeZone = zone;
    else warn(`timeZone: unknown time zone ${show(zone)}; dropped`);
  }

  const rruleValue = stringOf(pick(f, eventAliases.rrule));
  if (rruleValue) {
    const rrule = rruleValue.replace(RRULE_PREFIX, '');
    if (HAS_FREQ.test(rrule)) {
      const recurrence: Recurrence = { rrule };
      const exdates = listOf(pick(f, eventAliases.exdates)).flatMap((d) => toIso(d) ?? []);
      if (exdates.length) recurrence.exdates = exdates;
      event.recurrence = recurrence;
    } else {
      warn(`rrule: not a recurrence rule ${show(rruleValue)}; dropped`);
    }
  }

  const location = locationOf(
    f,
    eventAliases.location,
    eventAliases.address,
    undefined,
    opts,
    warn,
  );
  if (location) event.location = location;
  const description = htmlField(pick(f, eventAliases.description));
  if (description) event.description = description;
  const url = linkOf(pick(f, eventAliases.url), opts.baseUrl);
  if (url) event.url = url;
  const registrationUrl = linkOf(pick(f, eventAliases.registrationUrl), opts.baseUrl, 'any');
  if (registrationUrl) event.registrationUrl = registrationUrl;
  const cost = stringOf(pick(f, eventAliases.cost));
  if (cost) event.cost = cost;
  const organizer = plainText(pick(f, eventAliases.organizer));
  if (organizer) event.organizer = organizer;
  return event;
}
