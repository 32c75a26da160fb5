/** A {@link Story} from a loose record (a JSON API record, a spreadsheet row). */
import type { Story, StoryImage } from '../models.js';
import { asNumber, stableId } from '../fields.js';
import { alias, fieldsOf, isObject, pick } from './keys.js';
import { linkOf, htmlField, listOf, plainText, stringOf } from './values.js';
import { toIso } from './dates.js';
import type { RecordOptions } from './options.js';

/** The keys a story's fields go by (model field name first). */
const storyAliases = {
  id: alias('id _id guid uid uuid 编号 編號'),
  title: alias('title name headline subject 标题 题目 名称 標題 題目 名稱'),
  summary: alias(
    'summary description excerpt abstract teaser content body text 摘要 简介 描述 内容 正文 簡介 內容',
  ),
  image: alias(
    'image img picture photo cover thumbnail featuredImage imageUrl 图片 封面 配图 照片 圖片 封面圖 配圖',
  ),
  imageAlt: alias(
    'imageAlt altText alt imageDescription 图片说明 图片描述 替代文字 圖片說明 圖片描述',
  ),
  url: alias('url link href permalink 链接 网址 原文链接 連結 網址 原文連結'),
  date: alias(
    'date published publishedAt pubDate datePublished created createdAt 日期 发布日期 发布时间 时间 發布日期 發佈日期 發布時間 時間',
  ),
  author: alias('author by creator writer 作者 撰稿 撰稿人'),
  tags: alias('tags tag keywords categories category 标签 关键词 分类 標籤 關鍵詞 分類'),
};

const SRCSET_DESCRIPTOR = /^\d+(?:\.\d+)?[wx]$/;
const WHITESPACE = /\s+/;

function srcsetOf(value: unknown, baseUrl: string | undefined): string | undefined {
  const s = stringOf(value);
  if (!s) return undefined;
  const candidates = s.split(',').flatMap((candidate) => {
    const [url, descriptor, ...rest] = candidate.trim().split(WHITESPACE);
    const safe = linkOf(url, baseUrl);
    if (!safe || rest.length || (descriptor && !SRCSET_DESCRIPTOR.test(descriptor))) return [];
    return [descriptor ? `${safe} ${descriptor}` : safe];
  });
  return candidates.length ? candidates.join(', ') : undefined;
}

function imageOf(value: unknown, baseUrl: string | undefined): StoryImage | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  if (isObject(item)) {
    const src = linkOf(item.src ?? item.url ?? item.href ?? item.source_url, baseUrl);
    if (!src) return undefined;
    const image: StoryImage = {
      src,
      alt: plainText(item.alt ?? item.alt_text ?? item.title) ?? '',
    };
    const srcset = srcsetOf(item.srcset, baseUrl);
    if (srcset) image.srcset = srcset;
    const width = asNumber(item.width);
    const height = asNumber(item.height);
    if (width !== undefined && width > 0) image.width = width;
    if (height !== undefined && height > 0) image.height = height;
    return image;
  }
  const src = linkOf(item, baseUrl);
  return src ? { src, alt: '' } : undefined;
}

/** A Story from a loose record, or the reason it cannot be one. */
export function recordToStory(record: unknown, opts: RecordOptions = {}): Story | string {
  if (!isObject(record)) return 'not an object';
  const f = fieldsOf(record);
  const title = plainText(pick(f, storyAliases.title));
  const summary = htmlField(pick(f, storyAliases.summary));
  if (!title && !summary) return 'missing title and summary';
  const url = linkOf(pick(f, storyAliases.url), opts.baseUrl);
  const date = toIso(pick(f, storyAliases.date));
  const story: Story = {
    id:
      stringOf(pick(f, storyAliases.id)) ??
      stableId(`${title ?? ''}|${summary ?? ''}|${url ?? ''}|${date ?? ''}`),
    title: title ?? '',
    tags: listOf(pick(f, storyAliases.tags)),
  };
  if (summary) story.summary = summary;
  const image = imageOf(pick(f, storyAliases.image), opts.baseUrl);
  if (image) {
    const alt = plainText(pick(f, storyAliases.imageAlt));
    if (alt) image.alt = alt;
    story.image = image;
  }
  if (url) story.url = url;
  if (date) story.date = date;
  const author = plainText(pick(f, storyAliases.author));
  if (author) story.author = author;
  return story;
}
