// Local test server endpoints (web-test-runner middleware, Koa-style) for the loader's rules and
// the end-to-end widget tests: real HTTP and real headers, no stubbed fetch. Time is the test's:
// a response that has to stay "in flight" while the test acts is held until the test releases it
// (`hold=<name>` and `/test-api/release?hold=<name>`), never for a number of milliseconds.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const counters = new Map();

function hit(key) {
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  return n;
}

function json(ctx, body, status = 200) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

/** Resolves when the client goes away before it has an answer (abort, timeout, page left). */
function clientGone(ctx) {
  return new Promise((resolve) => ctx.res.once('close', resolve));
}

/**
 * Gates for `hold=<name>`: a request carrying it waits until the test calls
 * `/test-api/release?hold=<name>`, or until its client goes away (then `<key>:closed` is
 * counted, as for `never`). Once released, a gate stays open: later requests with the same name
 * pass at once, so a release that comes before the request is not lost.
 */
const gates = new Map();

function gate(name) {
  let entry = gates.get(name);
  if (!entry) {
    let open;
    entry = { opened: new Promise((resolve) => (open = resolve)), open, waiting: 0, arrived: 0 };
    gates.set(name, entry);
  }
  return entry;
}

/** Holds the request at its gate; true when released, false when the client left first. */
async function held(ctx, name, key) {
  const entry = gate(name);
  entry.arrived++;
  entry.waiting++;
  const outcome = await Promise.race([
    entry.opened.then(() => 'released'),
    clientGone(ctx).then(() => 'gone'),
  ]);
  entry.waiting--;
  if (outcome === 'gone') {
    hit(`${key}:closed`);
    ctx.status = 204;
    return false;
  }
  return true;
}

function hsdsService(i) {
  return {
    id: `svc-${i}`,
    name: `测试服务 ${i}`,
    description: `第 ${i} 项服务的说明`,
    organization: { id: 'org-1', name: '示例社工站' },
    phones: [{ id: `ph-${i}`, number: `020-0000${String(i).padStart(4, '0')}` }],
  };
}

/**
 * Control routes (never held):
 * - `count?key=` → `{ hits }`: requests a route answered for that key (`<key>:closed`: requests
 *   whose client left while held or on `never`).
 * - `reset`: forgets every count (gates stay as they are).
 * - `release?hold=`: opens the gate `hold` (held requests answer now, later ones at once).
 * - `held?hold=` → `{ waiting, arrived }`: requests now waiting at the gate, and all that reached
 *   it, so a test can wait until its request is really at the server.
 */
function controlRoute(ctx, route, q, key) {
  switch (route) {
    case 'count':
      json(ctx, { hits: counters.get(key) ?? 0 });
      return true;
    case 'reset':
      counters.clear();
      json(ctx, { ok: true });
      return true;
    case 'release': {
      const entry = gate(String(q.hold ?? ''));
      entry.open();
      json(ctx, { released: entry.waiting });
      return true;
    }
    case 'held': {
      const entry = gate(String(q.hold ?? ''));
      json(ctx, { waiting: entry.waiting, arrived: entry.arrived });
      return true;
    }
    default:
      return false;
  }
}

/** Answers with `tests/fixtures/<name>` as `type` (default: bytes). */
async function sendFixture(ctx, q) {
  const name = String(q.name ?? '').replace(/[^\w.-]/g, '');
  try {
    ctx.body = await readFile(join(fixtures, name));
    ctx.type = q.type ?? 'application/octet-stream';
  } catch {
    ctx.status = 404;
  }
}

export async function testApi(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const route = ctx.path.slice('/test-api/'.length);
  const q = ctx.query;
  const key = q.key ?? route;

  if (controlRoute(ctx, route, q, key)) return;
  if (q.hold !== undefined && !(await held(ctx, String(q.hold), key))) return;

  if (route.startsWith('status/')) {
    hit(key);
    ctx.status = Number(route.split('/')[1]);
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>Error</title><h1>Server error</h1>';
    return;
  }
  if (route.startsWith('calendar/'))
    return calendarRoute(ctx, route.slice('calendar/'.length), q, key);
  switch (route) {
    case 'json': {
      const n = hit(key);
      return json(ctx, {
        items: [{ id: 'a', title: q.title ?? `hit ${n}`, start: '2026-11-25' }],
        hit: n,
      });
    }
    case 'slow': {
      // In flight for as long as the test wants: the `hold=` gate above keeps it (never sleeps).
      hit(key);
      return json(ctx, [{ id: 'slow', name: q.name ?? 'slow', title: q.name ?? 'slow' }]);
    }
    case 'never': {
      // Never answers; counts `<key>:closed` when the client gives up (abort or timeout closes
      // the connection), which is the only way this request ends.
      hit(key);
      await clientGone(ctx);
      hit(`${key}:closed`);
      ctx.status = 204;
      return;
    }
    case 'flaky': {
      const n = hit(key);
      if (n <= Number(q.fail ?? 2)) {
        ctx.status = Number(q.status ?? 503);
        ctx.body = 'try later';
        return;
      }
      // `name=`: then answers with that fixture (a form's schema), else a one-record list.
      if (q.name !== undefined) return sendFixture(ctx, q);
      return json(ctx, [{ id: 'ok', name: 'recovered', title: 'recovered' }]);
    }
    case 'large': {
      hit(key);
      const mb = Number(q.mb ?? 11);
      ctx.type = 'application/json';
      if (q.length !== 'no') ctx.set('Content-Length', String(mb * 1024 * 1024));
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      ctx.body = Readable.from(
        (function* () {
          for (let i = 0; i < mb; i++) yield chunk;
        })(),
      );
      if (q.length !== 'no') ctx.length = mb * 1024 * 1024;
      return;
    }
    case 'html-as-json':
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
      return;
    case 'truncated':
      ctx.type = 'application/json';
      ctx.body = '[{"id":"1","name":"完整"},{"id":"2","na';
      return;
    case 'hsds/services': {
      hit(key);
      const total = Number(q.total ?? 45);
      const perPage = Number(q.per_page ?? 20);
      const page = Number(q.page ?? 1);
      const totalPages = Math.ceil(total / perPage);
      const contents = [];
      for (let i = (page - 1) * perPage + 1; i <= Math.min(total, page * perPage); i++) {
        contents.push(hsdsService(i));
      }
      return json(ctx, {
        total_items: total,
        total_pages: totalPages,
        page_number: page,
        size: contents.length,
        first_page: page === 1,
        last_page: page === totalPages,
        empty: contents.length === 0,
        contents,
      });
    }
    case 'wp/posts': {
      hit(key);
      const page = Number(q.page ?? 1);
      const totalPages = Number(q.pages ?? 3);
      ctx.set('X-WP-Total', String(totalPages * 2));
      ctx.set('X-WP-TotalPages', String(totalPages));
      return json(
        ctx,
        [1, 2].map((i) => ({
          id: page * 10 + i,
          date: '2026-11-0' + i + 'T10:00:00',
          link: `https://example.org/?p=${page * 10 + i}`,
          title: { rendered: `故事 ${page}-${i}` },
          excerpt: { rendered: `<p>摘要 ${page}-${i}</p>` },
        })),
      );
    }
    case 'tribe/events': {
      hit(key);
      const page = Number(q.page ?? 1);
      const pages = Number(q.pages ?? 2);
      const base = `${ctx.protocol}://${ctx.host}/test-api/tribe/events`;
      const body = {
        events: [
          {
            id: page * 100,
            title: `活动 ${page}`,
            start_date: '2026-12-0' + page + ' 09:30:00',
            end_date: '2026-12-0' + page + ' 11:00:00',
            all_day: false,
            timezone: 'Asia/Shanghai',
            url: `https://example.org/event/${page}`,
          },
        ],
        total: pages,
        total_pages: pages,
      };
      if (page < pages) body.next_rest_url = `${base}?page=${page + 1}&pages=${pages}&key=${key}`;
      return json(ctx, body);
    }
    case 'link': {
      hit(key);
      const page = Number(q.page ?? 1);
      const pages = Number(q.pages ?? 3);
      if (page < pages)
        ctx.set('Link', `</test-api/link?page=${page + 1}&pages=${pages}&key=${key}>; rel="next"`);
      return json(ctx, [{ id: `p${page}`, name: `page ${page}`, title: `page ${page}` }]);
    }
    case 'endless': {
      // Always says there is a next page: the loader must stop at its page cap.
      const page = Number(q.page ?? 1);
      hit(key);
      ctx.set('Link', `</test-api/endless?page=${page + 1}&key=${key}>; rel="next"`);
      return json(ctx, [{ id: `e${page}`, name: `endless ${page}`, title: `endless ${page}` }]);
    }
    case 'fixture': {
      hit(key);
      return sendFixture(ctx, q);
    }
    default:
      ctx.status = 404;
      ctx.body = 'unknown test route';
  }
}

// ---------------------------------------------------------------------------------------------
// <event-calendar> routes (owned by the calendar tests)

/**
 * `calendar/dupes`: a paginated JSON event list (Link: rel="next") whose pages overlap — the
 * second page repeats an event of the first, as APIs paging by date often do.
 */
function calendarRoute(ctx, route, q, key) {
  switch (route) {
    case 'dupes': {
      hit(key);
      const page = Number(q.page ?? 1);
      const pages = {
        1: [
          {
            id: 'dup-a',
            title: '第一页的活动',
            start: '2026-11-17T10:00:00+08:00',
            end: '2026-11-17T11:00:00+08:00',
          },
          {
            id: 'dup-b',
            title: '跨页重复的活动',
            start: '2026-11-18T10:00:00+08:00',
            end: '2026-11-18T11:00:00+08:00',
          },
        ],
        2: [
          {
            id: 'dup-b',
            title: '跨页重复的活动',
            start: '2026-11-18T10:00:00+08:00',
            end: '2026-11-18T11:00:00+08:00',
          },
          {
            id: 'dup-c',
            title: '第二页的活动',
            start: '2026-11-19T10:00:00+08:00',
            end: '2026-11-19T11:00:00+08:00',
          },
        ],
      };
      if (page < 2)
        ctx.set('Link', `</test-api/calendar/dupes?page=${page + 1}&key=${key}>; rel="next"`);
      return json(ctx, pages[page] ?? []);
    }
    default:
      ctx.status = 404;
      ctx.body = 'unknown calendar test route';
  }
}
