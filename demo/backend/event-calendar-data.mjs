// Demo data for <event-calendar>: a fictional street office's activities as an iCalendar feed
// (`/api/events.ics`), generated around the current month so the demo never looks empty.
// Weekly and monthly series, an exception (EXDATE), a moved occurrence (RECURRENCE-ID), all-day
// and multi-day events, and one online talk planned in another time zone (Europe/London).
// Every name, address and number here is made up.

const pad = (n) => String(n).padStart(2, '0');
const day = (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const local = (d, h, m) => `${day(d)}T${pad(h)}${pad(m)}00`;
const addDays = (d, n) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));

/** The n-th (1-based) given weekday (0 = Sunday) on or after a date. */
function nextWeekday(from, weekday, n = 1) {
  const first = addDays(from, (weekday - from.getUTCDay() + 7) % 7);
  return addDays(first, 7 * (n - 1));
}

function escape(text) {
  return String(text)
    .replace(/([\\;,])/g, '\\$1')
    .replace(/\n/g, '\\n');
}

function fold(line) {
  const out = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 74) {
    let cut = 74;
    while (Buffer.byteLength(rest.slice(0, cut)) > 74) cut--;
    out.push(rest.slice(0, cut));
    rest = ' ' + rest.slice(cut);
  }
  out.push(rest);
  return out.join('\r\n');
}

const places = {
  station: { name: '示例社工站活动室', address: '某某街道幸福路 1 号', geo: '23.1291;113.2644' },
  park: { name: '某某湿地公园东门', address: '某某街道湖滨路 88 号', geo: '23.1402;113.2811' },
  hall: {
    name: '某某街道党群服务中心二楼',
    address: '某某街道和平路 20 号',
    geo: '23.1255;113.2590',
  },
  online: { name: '线上（腾讯会议）', address: '' },
};

/** Builds the feed for the month containing `now` (and the months around it). */
export function buildDemoIcs(now = new Date()) {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const seriesStart = addDays(monthStart, -35);
  const events = [];
  const add = (e) => events.push(e);

  // Weekly parent–child reading, Saturdays 10:00–11:30; one week off, one week moved.
  const reading = nextWeekday(seriesStart, 6);
  const skipped = nextWeekday(monthStart, 6, 2);
  const moved = nextWeekday(monthStart, 6, 3);
  add({
    uid: 'demo-reading',
    summary: '亲子阅读会',
    start: `DTSTART;TZID=Asia/Shanghai:${local(reading, 10, 0)}`,
    end: `DTEND;TZID=Asia/Shanghai:${local(reading, 11, 30)}`,
    rrule: 'FREQ=WEEKLY;BYDAY=SA',
    exdate: `EXDATE;TZID=Asia/Shanghai:${local(skipped, 10, 0)}`,
    place: places.station,
    categories: '亲子',
    cost: '免费',
    description: '和孩子一起读绘本、做手工。适合 3–8 岁儿童及家长。\n请自带水杯。',
    registration: 'https://example.org/demo/register/reading',
  });
  add({
    uid: 'demo-reading',
    recurrenceId: `RECURRENCE-ID;TZID=Asia/Shanghai:${local(moved, 10, 0)}`,
    summary: '亲子阅读会（改在下午）',
    start: `DTSTART;TZID=Asia/Shanghai:${local(moved, 14, 0)}`,
    end: `DTEND;TZID=Asia/Shanghai:${local(moved, 15, 30)}`,
    place: places.hall,
    categories: '亲子',
    cost: '免费',
    description: '本周因场地调整，改在下午进行。',
  });

  // Monthly health talk for older residents: second Wednesday, 14:30–16:00.
  const talk = nextWeekday(addDays(monthStart, -31), 3, 2);
  add({
    uid: 'demo-health-talk',
    summary: '长者健康讲座：秋冬季防跌倒',
    start: `DTSTART;TZID=Asia/Shanghai:${local(talk, 14, 30)}`,
    end: `DTEND;TZID=Asia/Shanghai:${local(talk, 16, 0)}`,
    rrule: 'FREQ=MONTHLY;BYDAY=2WE',
    place: places.hall,
    categories: '长者',
    cost: '免费',
    organizer: '示例社工站长者服务组',
    description: '社区医生讲解居家防跌倒的小方法，现场可免费量血压。',
  });

  // Art-therapy group every other Tuesday, six sessions.
  const art = nextWeekday(addDays(monthStart, -7), 2);
  add({
    uid: 'demo-art-group',
    summary: '艺术疗愈小组',
    start: `DTSTART;TZID=Asia/Shanghai:${local(art, 15, 0)}`,
    end: `DTEND;TZID=Asia/Shanghai:${local(art, 16, 30)}`,
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6',
    place: places.station,
    categories: '艺术疗愈',
    cost: '材料费 20 元',
    description: '通过绘画和黏土表达情绪，小组共 6 次，请尽量每次参加。',
    registration: 'https://example.org/demo/register/art',
  });

  // Single events this month.
  const birdDay = nextWeekday(monthStart, 0, 2);
  add({
    uid: 'demo-birds',
    summary: '儿童自然教育：湿地观鸟',
    allDay: [day(birdDay), day(addDays(birdDay, 1))],
    place: places.park,
    categories: '自然教育',
    cost: '免费（名额 20 个）',
    description: '由志愿者带领认识常见水鸟。请穿运动鞋，自带望远镜更好。',
    registration: 'https://example.org/demo/register/birds',
  });
  const parents = nextWeekday(monthStart, 4, 1);
  add({
    uid: 'demo-parents',
    summary: '家长课堂：和青春期孩子好好说话',
    start: `DTSTART;TZID=Asia/Shanghai:${local(parents, 19, 0)}`,
    end: `DTEND;TZID=Asia/Shanghai:${local(parents, 20, 30)}`,
    place: places.station,
    categories: '家长课堂',
    cost: '免费',
  });
  const policy = nextWeekday(monthStart, 1, 3);
  add({
    uid: 'demo-policy',
    summary: '政策宣讲：居住证与积分入学',
    start: `DTSTART;TZID=Asia/Shanghai:${local(policy, 9, 30)}`,
    end: `DTEND;TZID=Asia/Shanghai:${local(policy, 11, 0)}`,
    place: places.hall,
    categories: '政策',
    cost: '免费',
    organizer: '某某街道办事处',
    description: '工作人员现场答疑，可带上材料咨询。咨询电话 020-00001234。',
  });
  // An online talk planned in London: shown in the viewer's zone, London time named in the detail.
  const online = nextWeekday(monthStart, 3, 3);
  add({
    uid: 'demo-online',
    summary: '线上分享：海外华人家庭的双语养育',
    start: `DTSTART;TZID=Europe/London:${local(online, 12, 0)}`,
    end: `DTEND;TZID=Europe/London:${local(online, 13, 0)}`,
    place: places.online,
    categories: '家长课堂',
    cost: '免费',
    description: '由一位在伦敦工作的社工线上分享。',
  });
  // A charity fair over a weekend and a volunteer training running across two weeks.
  const fair = nextWeekday(monthStart, 5, 2);
  add({
    uid: 'demo-fair',
    summary: '社区公益义卖',
    allDay: [day(fair), day(addDays(fair, 3))],
    place: places.hall,
    categories: '志愿服务',
    cost: '免费入场',
  });
  const training = nextWeekday(monthStart, 1, 2);
  add({
    uid: 'demo-training',
    summary: '新志愿者培训周',
    allDay: [day(training), day(addDays(training, 10))],
    place: places.station,
    categories: '志愿服务',
    description: '每天晚上 7 点线上课程，周末线下实践。',
  });

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Dandelion demo//event-calendar//ZH',
    'X-WR-CALNAME:示例社工站活动',
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  const stamp = `${day(now)}T000000Z`;
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`);
    if (e.recurrenceId) lines.push(e.recurrenceId);
    lines.push(`SUMMARY:${escape(e.summary)}`);
    if (e.allDay)
      lines.push(`DTSTART;VALUE=DATE:${e.allDay[0]}`, `DTEND;VALUE=DATE:${e.allDay[1]}`);
    else lines.push(e.start, e.end);
    if (e.rrule) lines.push(`RRULE:${e.rrule}`);
    if (e.exdate) lines.push(e.exdate);
    const where = [e.place.name, e.place.address].filter(Boolean).join('，');
    lines.push(`LOCATION:${escape(where)}`);
    if (e.place.geo) lines.push(`GEO:${e.place.geo}`);
    lines.push(`CATEGORIES:${escape(e.categories)}`);
    if (e.description || e.cost) {
      lines.push(
        `DESCRIPTION:${escape([e.description, e.cost && `费用：${e.cost}`].filter(Boolean).join('\n'))}`,
      );
    }
    if (e.organizer) lines.push(`ORGANIZER;CN=${escape(e.organizer)}:mailto:demo@example.org`);
    if (e.registration) lines.push(`URL:${e.registration}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** Serves `/api/events.ics`; passes everything else on. */
export function handle(req, res, next) {
  const path = (req.url ?? '').split('?')[0];
  if (path !== '/api/events.ics') return next();
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(buildDemoIcs());
}

export default { handle };
