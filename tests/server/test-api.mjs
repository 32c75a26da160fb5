// Local test server endpoints (web-test-runner middleware, Koa-style) for the loader's rules and
// the end-to-end widget tests: real HTTP, real headers, real delays — no stubbed fetch.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const counters = new Map();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

function hsdsService(i) {
  return {
    id: `svc-${i}`,
    name: `测试服务 ${i}`,
    description: `第 ${i} 项服务的说明`,
    organization: { id: 'org-1', name: '示例社工站' },
    phones: [{ id: `ph-${i}`, number: `020-0000${String(i).padStart(4, '0')}` }],
  };
}

export async function testApi(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const route = ctx.path.slice('/test-api/'.length);
  const q = ctx.query;
  const key = q.key ?? route;

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
    case 'count':
      return json(ctx, { hits: counters.get(key) ?? 0 });
    case 'reset':
      counters.clear();
      return json(ctx, { ok: true });
    case 'json': {
      const n = hit(key);
      await sleep(Number(q.delay ?? 0));
      return json(ctx, {
        items: [{ id: 'a', title: q.title ?? `hit ${n}`, start: '2026-11-25' }],
        hit: n,
      });
    }
    case 'slow': {
      hit(key);
      await sleep(Number(q.ms ?? 1000));
      return json(ctx, [{ id: 'slow', name: q.name ?? 'slow', title: q.name ?? 'slow' }]);
    }
    case 'never': {
      // Never answers; records when the client gives up (abort/timeout closes the socket).
      hit(key);
      const closed = new Promise((resolve) => ctx.req.once('close', resolve));
      await Promise.race([sleep(120_000), closed]);
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
      const name = String(q.name ?? '').replace(/[^\w.-]/g, '');
      try {
        ctx.body = await readFile(join(fixtures, name));
        ctx.type = q.type ?? 'application/octet-stream';
      } catch {
        ctx.status = 404;
      }
      return;
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
