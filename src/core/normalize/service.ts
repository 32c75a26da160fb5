/** A {@link Service} from a loose record (a JSON API record, a spreadsheet row). */
import type { Category, Location, Phone, Service } from '../models.js';
import { asBoolean, stableId } from '../fields.js';
import { alias, isObject, fieldsOf, pick, pickEntry, type Fields } from './keys.js';
import { htmlField, linkOf, listOf, plainText, stringOf } from './values.js';
import { locationOf, makeLocation, placesCode, placesOf } from './where.js';
import type { RecordOptions } from './options.js';
import { lazyPart } from './lazy-part.js';

/**
 * Ages as text, opening hours as days and times, update dates: see `service-details.ts`. Records
 * that have them nearly always have coordinates too: the place reader comes along (one wait
 * while reading instead of two; if it fails, the first record that needs it asks again).
 */
export const serviceDetailsCode = lazyPart(
  'the service details reader',
  () =>
    Promise.all([import('./service-details.js'), placesCode.load().catch(() => undefined)]).then(
      ([code]) => code,
    ),
  true,
);

/** The keys a service's fields go by (model field name first). */
const serviceAliases = {
  id: alias('id _id uuid identifier serviceId 编号 服务编号 編號 服務編號'),
  name: alias(
    'name title serviceName 名称 服务名称 服务项目 项目名称 机构名称 名稱 服務名稱 服務項目 項目名稱 機構名稱',
  ),
  organization: alias(
    'organization organisation org organizationName provider agency 机构 单位 服务机构 所属机构 提供机构 机构名称 機構 單位 服務機構 所屬機構 機構名稱',
  ),
  description: alias(
    'description desc details summary about 描述 简介 服务内容 服务简介 详情 说明 介绍 簡介 服務內容 服務簡介 詳情 說明 介紹',
  ),
  categories: alias(
    'categories category serviceType taxonomy 类别 分类 服务类别 服务类型 服务分类 类型 類別 分類 服務類別 服務類型 類型 tags 标签 標籤',
  ),
  languages: alias('languages language lang 语言 服务语言 語言 服務語言'),
  ageMin: alias('ageMin minAge 年龄下限 最小年龄 最低年龄 年齡下限 最小年齡'),
  ageMax: alias('ageMax maxAge 年龄上限 最大年龄 最高年龄 年齡上限 最大年齡'),
  age: alias(
    'age ages ageRange ageGroup 年龄 年龄范围 适用年龄 服务年龄 年龄段 年齡 年齡範圍 適用年齡',
  ),
  eligibility: alias(
    'eligibility eligible audience targetGroup 服务对象 申请条件 适用对象 服务人群 适用人群 对象 服務對象 申請條件 適用對象',
  ),
  fees: alias('fees fee cost price charges 费用 收费 收费标准 价格 費用 收費 收費標準 價格'),
  free: alias('free isFree 免费 是否免费 免費 是否免費'),
  phones: alias(
    'phones phone telephone tel mobile phoneNumber hotline 电话 联系电话 手机 热线 咨询电话 電話 聯絡電話 聯繫電話 手機 熱線',
  ),
  email: alias('email mail emailAddress 邮箱 电子邮箱 电子邮件 電郵 電子郵件'),
  url: alias('url website web homepage link 网址 网站 链接 網址 網站 連結'),
  locations: alias('locations sites branches'),
  location: alias('location place venue 地点 地點'),
  address: alias('address addr fullAddress 地址 服务地址 详细地址 服務地址 詳細地址'),
  locationName: alias('locationName siteName 地点名称 站点 服务点 地點名稱 站點 服務點'),
  areas: alias(
    'areas area serviceArea serviceAreas region coverage 服务范围 区域 服务区域 覆盖范围 服务地区 服務範圍 區域 服務區域',
  ),
  updated: alias(
    'updated updatedAt lastUpdated modified lastModified dateModified 更新时间 更新日期 最后更新 更新時間 最後更新',
  ),
  hours: alias(
    'hours schedules openingHours schedule openHours businessHours 开放时间 服务时间 营业时间 办公时间 開放時間 服務時間 營業時間 辦公時間',
  ),
};

const LIST_SPLIT = /\s*[;,、，；|/\n]\s*/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAILTO = /^mailto:/i;
const FREE_WORDS = new Set(['免费', '免費', 'free', '0', '0元', '无', '無', '不收费', '不收費']);

function phonesOf(value: unknown): Phone[] {
  const phones: Phone[] = [];
  const add = (number: string | undefined, label?: string) => {
    if (!number || phones.some((p) => p.number === number)) return;
    phones.push(label ? { number, label } : { number });
  };
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (isObject(item)) {
      const number = stringOf(item.number ?? item.phone ?? item.tel ?? item.value);
      add(number, stringOf(item.label ?? item.type ?? item.description ?? item.name));
    } else {
      const text = stringOf(item);
      if (text) for (const part of text.split(LIST_SPLIT)) add(part.trim() || undefined);
    }
  }
  return phones;
}

function emailOf(value: unknown): string | undefined {
  for (const part of (stringOf(value) ?? '').split(LIST_SPLIT)) {
    const email = part.replace(MAILTO, '').trim();
    if (EMAIL.test(email)) return email;
  }
  return undefined;
}

function categoriesOf(value: unknown): Category[] {
  const categories: Category[] = [];
  const add = (category: Category) => {
    if (!categories.some((c) => c.id === category.id)) categories.push(category);
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isObject(item)) {
        const name = plainText(item.name ?? item.title ?? item.label);
        if (!name) continue;
        const category: Category = { id: stringOf(item.id) ?? name, name };
        const parent = stringOf(item.parent ?? item.parent_id ?? item.parentId);
        if (parent) category.parent = parent;
        add(category);
      } else {
        for (const name of listOf(item)) add({ id: name, name });
      }
    }
  } else {
    for (const name of listOf(value)) add({ id: name, name });
  }
  return categories;
}

function serviceLocations(f: Fields, opts: RecordOptions, warn: (m: string) => void): Location[] {
  const list = pick(f, serviceAliases.locations);
  if (Array.isArray(list)) {
    const places = list.some(isObject) ? placesOf(opts, warn) : undefined;
    return list.flatMap((item) => {
      const location =
        isObject(item) && places
          ? places.locationFromObject(item, warn)
          : makeLocation(undefined, plainText(item), {});
      return location ? [location] : [];
    });
  }
  const location = locationOf(
    f,
    serviceAliases.location,
    serviceAliases.address,
    serviceAliases.locationName,
    opts,
    warn,
  );
  return location ? [location] : [];
}

/** A Service from a loose record, or the reason it cannot be one. */
export function recordToService(record: unknown, opts: RecordOptions = {}): Service | string {
  if (!isObject(record)) return 'not an object';
  const warn = opts.warn ?? (() => {});
  const f = fieldsOf(record);
  const nameEntry = pickEntry(f, serviceAliases.name);
  const name = plainText(nameEntry?.value);
  if (!name) return 'missing name';
  // A sheet with only 机构名称 uses it as the name; do not repeat it as the organization.
  const organization = plainText(pickEntry(f, serviceAliases.organization, nameEntry?.key)?.value);
  const phones = phonesOf(pick(f, serviceAliases.phones));
  const locations = serviceLocations(f, opts, warn);
  const id =
    stringOf(pick(f, serviceAliases.id)) ??
    stableId(
      [name, organization, locations[0]?.address, phones[0]?.number].map((s) => s ?? '').join('|'),
    );

  const service: Service = {
    id,
    name,
    categories: categoriesOf(pick(f, serviceAliases.categories)),
    languages: listOf(pick(f, serviceAliases.languages)),
    phones,
    locations,
    schedules: [],
    areas: listOf(pick(f, serviceAliases.areas)),
  };
  const description = htmlField(pick(f, serviceAliases.description));
  if (description) service.description = description;
  if (organization) service.organization = organization;

  const eligibility = plainText(pick(f, serviceAliases.eligibility));
  if (eligibility) service.eligibility = eligibility;
  const feesValue = pick(f, serviceAliases.fees);
  const fees = stringOf(feesValue);
  if (fees) service.fees = fees;
  const free =
    asBoolean(pick(f, serviceAliases.free)) ??
    (feesValue === 0 || (fees !== undefined && FREE_WORDS.has(fees.toLowerCase()))
      ? true
      : undefined);
  if (free !== undefined) service.free = free;

  const email = emailOf(pick(f, serviceAliases.email));
  if (email) service.email = email;
  const url = linkOf(pick(f, serviceAliases.url), opts.baseUrl);
  if (url) service.url = url;

  const hours = pick(f, serviceAliases.hours);
  const detailed = Array.isArray(hours) && hours.some(isObject);
  if (!detailed) {
    const text = Array.isArray(hours) ? listOf(hours).join('; ') : plainText(hours);
    if (text) service.scheduleText = text;
  }
  const age = pick(f, serviceAliases.age);
  const ageMin = pick(f, serviceAliases.ageMin);
  const ageMax = pick(f, serviceAliases.ageMax);
  const updated = pick(f, serviceAliases.updated);
  if (
    detailed ||
    age !== undefined ||
    ageMin !== undefined ||
    ageMax !== undefined ||
    updated !== undefined
  ) {
    const details = serviceDetailsCode.code(opts);
    if (details) {
      details.addDetails(service, detailed ? hours : undefined, age, ageMin, ageMax, updated);
    } else {
      warn('ages, opening hours and update date not read (their code could not be downloaded)');
    }
  }
  return service;
}
