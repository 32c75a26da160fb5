/**
 * Every key a service's fields go by, model field name first, in rank order: the English keys
 * (`service.ts` has those on their own) and the Chinese spreadsheet headers, Simplified and
 * Traditional. Loaded with the first record that has a key outside ASCII.
 */
import type { ServiceField } from './service.js';

export const serviceKeys: Record<ServiceField, string> = {
  id: 'id _id uuid identifier serviceId 编号 服务编号 編號 服務編號',
  name: 'name title serviceName 名称 服务名称 服务项目 项目名称 机构名称 名稱 服務名稱 服務項目 項目名稱 機構名稱',
  organization:
    'organization organisation org organizationName provider agency 机构 单位 服务机构 所属机构 提供机构 机构名称 機構 單位 服務機構 所屬機構 機構名稱',
  description:
    'description desc details summary about 描述 简介 服务内容 服务简介 详情 说明 介绍 簡介 服務內容 服務簡介 詳情 說明 介紹',
  categories:
    'categories category serviceType taxonomy 类别 分类 服务类别 服务类型 服务分类 类型 類別 分類 服務類別 服務類型 類型 tags 标签 標籤',
  languages: 'languages language lang 语言 服务语言 語言 服務語言',
  ageMin: 'ageMin minAge 年龄下限 最小年龄 最低年龄 年齡下限 最小年齡',
  ageMax: 'ageMax maxAge 年龄上限 最大年龄 最高年龄 年齡上限 最大年齡',
  age: 'age ages ageRange ageGroup 年龄 年龄范围 适用年龄 服务年龄 年龄段 年齡 年齡範圍 適用年齡',
  eligibility:
    'eligibility eligible audience targetGroup 服务对象 申请条件 适用对象 服务人群 适用人群 对象 服務對象 申請條件 適用對象',
  fees: 'fees fee cost price charges 费用 收费 收费标准 价格 費用 收費 收費標準 價格',
  free: 'free isFree 免费 是否免费 免費 是否免費',
  phones:
    'phones phone telephone tel mobile phoneNumber hotline 电话 联系电话 手机 热线 咨询电话 電話 聯絡電話 聯繫電話 手機 熱線',
  email: 'email mail emailAddress 邮箱 电子邮箱 电子邮件 電郵 電子郵件',
  url: 'url website web homepage link 网址 网站 链接 網址 網站 連結',
  locations: 'locations sites branches',
  location: 'location place venue 地点 地點',
  address: 'address addr fullAddress 地址 服务地址 详细地址 服務地址 詳細地址',
  locationName: 'locationName siteName 地点名称 站点 服务点 地點名稱 站點 服務點',
  areas:
    'areas area serviceArea serviceAreas region coverage 服务范围 区域 服务区域 覆盖范围 服务地区 服務範圍 區域 服務區域',
  updated:
    'updated updatedAt lastUpdated modified lastModified dateModified 更新时间 更新日期 最后更新 更新時間 最後更新',
  hours:
    'hours schedules openingHours schedule openHours businessHours 开放时间 服务时间 营业时间 办公时间 開放時間 服務時間 營業時間 辦公時間',
};
