// Demo data for <story-carousel>: a fictional social-work station's stories as an RSS 2.0 feed
// (`/api/stories.xml`, images as Media RSS with two widths for `srcset`) and as a JSON Feed
// (`/api/stories.json`), plus simple generated illustrations (`/api/story-images/<n>-<w>.svg`).
// Every person, place and number here is made up.

const stories = [
  {
    id: 'art-group',
    title: '小明在美术小组里找到了自己的声音',
    summary:
      '<p>十岁的小明以前在班上<strong>几乎不说话</strong>。参加美术治疗小组三个月后，他第一次在大家面前讲了自己画的“会飞的房子”。</p>',
    alt: '孩子们围坐在桌边画画',
    days: 2,
  },
  {
    id: 'kindergarten',
    title: '妈妈和社工一起为女儿报上了幼儿园',
    summary:
      '<p>刚来到城里的李女士不知道怎么给女儿报名。社工陪她准备材料、一起去了街道办，九月女儿顺利入园。</p>',
    alt: '妈妈牵着女儿走进幼儿园',
    days: 6,
  },
  {
    id: 'canteen',
    title: '长者食堂开张啦',
    summary:
      '<p>社区长者食堂开始供应午餐，志愿者每天为行动不便的老人送餐上门。咨询电话 020-00001234（示例）。</p>',
    alt: '志愿者端着饭菜',
    days: 11,
  },
  {
    id: 'football',
    title: '青少年足球队第一次比赛',
    summary:
      '<p>队员们输了比赛，却<em>赢得了</em>彼此的信任。教练说，下个月再约隔壁街道的队伍。</p>',
    alt: '孩子们在球场上奔跑',
    days: 15,
  },
  {
    id: 'homework',
    title: '四点半课堂的新伙伴',
    summary: '<p>放学后，孩子们在社工站写作业，大学生志愿者帮他们答疑，家长下班后再来接。</p>',
    alt: '孩子们在桌前写作业',
    days: 20,
  },
  {
    id: 'garden',
    title: '社区花园的秋天',
    summary: '<p>居民们一起收获了南瓜和向日葵籽，还把种子分给了幼儿园的小朋友。</p>',
    alt: '居民在花园里采摘南瓜',
    days: 27,
  },
];

const palettes = ['#4a90c2', '#c27a4a', '#7a4ac2', '#3f9a6b', '#c24a6e', '#8a8f2e'];

function illustration(n, width) {
  const color = palettes[n % palettes.length];
  const height = Math.round((width * 9) / 16);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 900">
<rect width="1600" height="900" fill="${color}"/>
<circle cx="${1100 + (n % 3) * 120}" cy="220" r="110" fill="#fff3c4"/>
<path d="M0 900 L${300 + n * 40} ${520 - n * 10} L760 760 L${1050 + n * 20} 430 L1600 900Z" fill="#0b3d2e" opacity=".7"/>
<g fill="#fff" opacity=".9"><circle cx="500" cy="640" r="36"/><rect x="470" y="680" width="60" height="120" rx="24"/>
<circle cx="640" cy="670" r="28"/><rect x="616" y="702" width="48" height="98" rx="20"/></g></svg>`;
}

const escapeXml = (s) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c],
  );

function dated(days, now = Date.now()) {
  return new Date(now - days * 86_400_000);
}

// Links are relative: readers resolve them against the feed's URL (RSS via the channel link).
function rss(origin) {
  const items = stories
    .map((s, i) => {
      const image = (w) => `${origin}/api/story-images/${i}-${w}.svg`;
      return `<item>
  <title>${escapeXml(s.title)}</title>
  <link>${origin}/#story-${s.id}</link>
  <guid isPermaLink="false">demo-${s.id}</guid>
  <pubDate>${dated(s.days).toUTCString()}</pubDate>
  <description>${escapeXml(s.summary)}</description>
  <media:content url="${image(800)}" medium="image" width="800" height="450"><media:description>${escapeXml(s.alt)}</media:description></media:content>
  <media:content url="${image(1600)}" medium="image" width="1600" height="900"><media:description>${escapeXml(s.alt)}</media:description></media:content>
</item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>示例社工站 · 成长故事（虚构）</title>
  <link>/</link>
  <description>某某街道示例社工站的服务故事，全部为虚构内容。</description>
  <language>zh-CN</language>
${items}
</channel>
</rss>`;
}

function jsonFeed(origin) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: '示例社工站 · 成长故事（虚构）',
    home_page_url: `${origin}/`,
    items: stories.map((s, i) => ({
      id: `demo-${s.id}`,
      url: `${origin}/#story-${s.id}`,
      title: s.title,
      content_html: s.summary,
      image: `${origin}/api/story-images/${i}-1600.svg`,
      date_published: dated(s.days).toISOString(),
    })),
  };
}

export function handle(req, res, next) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const origin = '';
  const send = (type, body) => {
    res.statusCode = 200;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-cache');
    res.end(body);
  };
  if (url.pathname === '/api/stories.xml')
    return send('application/rss+xml; charset=utf-8', rss(origin));
  if (url.pathname === '/api/stories.json') {
    return send('application/feed+json; charset=utf-8', JSON.stringify(jsonFeed(origin)));
  }
  const image = /^\/api\/story-images\/(\d+)-(800|1600)\.svg$/.exec(url.pathname);
  if (image && Number(image[1]) < stories.length) {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    return send('image/svg+xml', illustration(Number(image[1]), Number(image[2])));
  }
  return next();
}

export default { handle };
