import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import ICAL from 'ical.js';
import type { CalendarEvent } from '../../../src/core/models.js';
import { readIcs } from '../../../src/core/readers/ics.js';
import { byId, fixture, rejected } from '../../support/readers.js';
import { onlyDandelionErrorsAsync, small } from '../../support/properties.js';
import { icsCalendar } from '../../support/generated-data.js';

const ics = (name: string) => fixture.text(`ics/${name}`);

describe('readIcs', () => {
  describe('simple events (basic.ics)', () => {
    let items: CalendarEvent[];
    before(async () => {
      ({ items } = await readIcs(await ics('basic.ics'), {
        baseUrl: 'https://calendar.example.org/feeds/all.ics',
      }));
    });

    it('joins folded lines and reads the VTIMEZONE zone with its offset', () => {
      const event = byId(items, 'zoned-1@example.org');
      expect(event.title).to.equal(
        '长者健康讲座：如何预防跌倒，以及社区里可以找到的支持服务（第一讲，共三讲）',
      );
      expect(event.start).to.equal('2026-11-28T09:30:00+08:00');
      expect(event.end).to.equal('2026-11-28T11:30:00+08:00');
      expect(event.timeZone).to.equal('Asia/Shanghai');
      expect(event.allDay).to.equal(false);
    });

    it('reads LOCATION, GEO, URL, CATEGORIES, ORGANIZER and text DESCRIPTION', () => {
      const event = byId(items, 'zoned-1@example.org');
      expect(event.location).to.deep.equal({
        name: '示例社工站 二楼活动室, 某某街道 100 号',
        lat: 23.1,
        lng: 113.3,
      });
      expect(event.url).to.equal('https://example.org/events/zoned-1');
      expect(event.categories).to.deep.equal(['长者', '健康', '讲座']);
      expect(event.organizer).to.equal('示例社工站');
      expect(event.description).to.equal('欢迎参加！<br>请带上身份证。<br>咨询电话：020-00001234');
    });

    it('keeps UTC times as Z instants without a zone', () => {
      const event = byId(items, 'utc-1@example.org');
      expect(event.start).to.equal('2026-12-01T12:00:00Z');
      expect(event.end).to.equal('2026-12-01T13:30:00Z');
      expect(event.timeZone).to.equal(undefined);
    });

    it('escapes markup in DESCRIPTION (it is text) and drops javascript: URLs', () => {
      const event = byId(items, 'utc-1@example.org');
      expect(event.description).to.equal(
        '&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;粗体&lt;/b&gt;',
      );
      expect(event.description).not.to.contain('<');
      expect(event).not.to.have.property('url');
    });

    it('keeps floating times local, adds DURATION, drops a blank DESCRIPTION', () => {
      const event = byId(items, 'floating-1@example.org');
      expect(event.start).to.equal('2026-12-02T12:00:00');
      expect(event.end).to.equal('2026-12-02T13:30:00');
      expect(event).not.to.have.property('description');
      expect(event).not.to.have.property('timeZone');
      expect(event.organizer).to.equal('kitchen@example.org');
      expect(event.url).to.equal('https://calendar.example.org/events/lunch');
    });

    it('reads VALUE=DATE as all-day dates with an exclusive end', () => {
      const week = byId(items, 'allday-1@example.org');
      expect(week).to.include({ allDay: true, start: '2026-12-07', end: '2026-12-10' });
      // No DTEND: one day (RFC 5545 §3.6.1).
      expect(byId(items, 'allday-2@example.org')).to.include({
        allDay: true,
        start: '2026-12-12',
        end: '2026-12-13',
      });
      // DURATION on a date counts days.
      expect(byId(items, 'allday-3@example.org')).to.include({
        start: '2026-12-19',
        end: '2026-12-21',
      });
    });

    it('reads LF line endings and LF folding like CRLF', async () => {
      const crlf = (await ics('basic.ics')).replace(/\r?\n/g, '\r\n');
      const lf = crlf.replace(/\r\n/g, '\n');
      const a = await readIcs(crlf);
      const b = await readIcs(lf);
      expect(b.items).to.deep.equal(a.items);
      expect(b.items.length).to.equal(6);
    });
  });

  describe('time zones (zones.ics)', () => {
    let items: CalendarEvent[];
    let warnings: string[];
    before(async () => {
      ({ items, warnings } = await readIcs(await ics('zones.ics')));
    });
    /** When an event of zones.ics starts, and the zone it keeps. */
    const zoned = (id: string) => [byId(items, id).start, byId(items, id).timeZone];

    it('resolves a bare IANA TZID with Intl, keeping the TZID as timeZone', () => {
      expect(zoned('bare-shanghai')).to.deep.equal(['2026-11-28T09:30:00+08:00', 'Asia/Shanghai']);
      expect(byId(items, 'bare-shanghai').end).to.equal('2026-11-28T10:30:00+08:00');
      expect(zoned('bare-newyork')).to.deep.equal([
        '2026-07-15T09:30:00-04:00',
        'America/New_York',
      ]);
    });

    it('uses a VTIMEZONE definition for a TZID that is not an IANA name', () => {
      expect(byId(items, 'vtimezone-winter').start).to.equal('2026-01-15T09:30:00-05:00');
      expect(byId(items, 'vtimezone-summer').start).to.equal('2026-07-15T09:30:00-04:00');
      expect(byId(items, 'vtimezone-summer')).not.to.have.property('timeZone');
    });

    it('falls back to Intl when a broken VTIMEZONE has an IANA TZID', () => {
      expect(zoned('broken-berlin')).to.deep.equal(['2026-07-15T09:30:00+02:00', 'Europe/Berlin']);
    });

    it('reads a broken, non-IANA VTIMEZONE and an unknown TZID as floating, with warnings', () => {
      expect(byId(items, 'broken-custom').start).to.equal('2026-07-15T09:30:00');
      expect(byId(items, 'unknown-zone').start).to.equal('2026-07-15T09:30:00');
      expect(warnings.some((w) => w.includes('Custom/Nowhere') && w.includes('broken'))).to.equal(
        true,
      );
      expect(warnings.some((w) => w.includes('Mars/Olympus_Mons'))).to.equal(true);
    });

    it('maps an Outlook zone name to its IANA zone', () => {
      expect(zoned('windows-zone')).to.deep.equal(['2026-07-15T09:30:00+08:00', 'Asia/Shanghai']);
    });

    it('finds the IANA zone at the end of a vendor-prefixed TZID', async () => {
      const text = [
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'UID:v',
        'SUMMARY:Vendor TZID',
        'DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20260115T093000',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
      const { items: read } = await readIcs(text);
      expect(read[0]).to.include({
        start: '2026-01-15T09:30:00-05:00',
        timeZone: 'America/New_York',
      });
    });

    it('leaves ICAL.TimezoneService as it found it', () => {
      expect(ICAL.TimezoneService.has('US-Eastern')).to.equal(false);
    });

    it('reads floating times in X-WR-TIMEZONE', async () => {
      const text = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'X-WR-TIMEZONE:Europe/Berlin',
        'BEGIN:VEVENT',
        'UID:x',
        'SUMMARY:Winter',
        'DTSTART:20261215T180000',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
      const { items: read } = await readIcs(text);
      expect(read[0]).to.include({ start: '2026-12-15T18:00:00+01:00', timeZone: 'Europe/Berlin' });
    });
  });

  describe('recurrence and bad records (recurring.ics)', () => {
    let result: Awaited<ReturnType<typeof readIcs>>;
    before(async () => {
      result = await readIcs(await ics('recurring.ics'));
    });

    it('keeps RRULE, RDATE and EXDATE as rules without expanding them', () => {
      const weekly = byId(result.items, 'weekly@example.org');
      expect(weekly.start).to.equal('2026-11-07T09:30:00+08:00');
      expect(weekly.recurrence?.rrule).to.equal('FREQ=WEEKLY;BYDAY=SA');
      expect(weekly.recurrence?.rdates).to.deep.equal(['2026-11-25T19:00:00+08:00']);
      expect(weekly.recurrence?.exdates).to.include.members([
        '2026-11-21T09:30:00+08:00',
        '2026-11-28T09:30:00+08:00',
      ]);
      expect(result.items.filter((e) => e.id.startsWith('weekly')).length).to.equal(1);
    });

    it('merges RECURRENCE-ID overrides into the master, keyed by the original start', () => {
      const weekly = byId(result.items, 'weekly@example.org');
      expect(weekly.recurrence?.overrides).to.deep.equal({
        '2026-12-05T09:30:00+08:00': {
          title: '周六亲子阅读（改到周日下午）',
          start: '2026-12-06T14:00:00+08:00',
          end: '2026-12-06T15:30:00+08:00',
          allDay: false,
          timeZone: 'Asia/Shanghai',
        },
      });
    });

    it('turns a cancelled occurrence into an EXDATE', () => {
      const weekly = byId(result.items, 'weekly@example.org');
      expect(weekly.recurrence?.exdates).to.include('2026-12-12T09:30:00+08:00');
    });

    it('keeps an override without its master as a plain event', () => {
      const orphan = result.items.find((e) => e.id.startsWith('orphan@example.org'));
      expect(orphan).to.include({
        title: 'Moved session of a series not in this feed',
        start: '2026-11-11T02:00:00Z',
      });
      expect(orphan).not.to.have.property('recurrence');
    });

    it('keeps a series with COUNT; floating times follow X-WR-TIMEZONE', () => {
      const counted = byId(result.items, 'counted@example.org');
      expect(counted.recurrence?.rrule).to.equal('FREQ=WEEKLY;COUNT=10');
      expect(counted).to.include({ start: '2026-11-02T10:30:00+08:00', timeZone: 'Asia/Shanghai' });
    });

    it('shows events with an unusable RRULE once, without recurrence, with a warning', () => {
      for (const id of ['bad-freq@example.org', 'bad-byday@example.org', 'never@example.org']) {
        const event = byId(result.items, id);
        expect(event, id).not.to.have.property('recurrence');
      }
      expect(result.warnings.filter((w) => w.includes('RRULE')).length).to.be.at.least(1);
    });

    it('skips events without a usable DTSTART and says why', () => {
      expect(result.skipped).to.equal(2);
      expect(result.items.map((e) => e.id)).not.to.include.members([
        'no-start@example.org',
        'bad-start@example.org',
      ]);
      expect(result.warnings.length).to.be.at.most(5);
    });

    it('keeps an event without SUMMARY (optional in RFC 5545), marked untitled', () => {
      const event = byId(result.items, 'no-title@example.org');
      expect(event.title).to.equal('');
      expect(event.untitled).to.equal(true);
      expect(event.start).to.equal('2026-11-06T02:00:00Z');
      expect(result.items.filter((e) => e.untitled)).to.deep.equal([event]);
    });

    it('names the skipped records in the warnings', async () => {
      const text = [
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'UID:a',
        'SUMMARY:No start here',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
      const read = await readIcs(text);
      expect(read.skipped).to.equal(1);
      expect(read.warnings[0]).to.contain('No start here').and.contain('DTSTART');
    });
  });

  describe('ids', () => {
    const event = (uid: string, start: string) =>
      [
        'BEGIN:VEVENT',
        ...(uid ? [`UID:${uid}`] : []),
        'SUMMARY:Same',
        `DTSTART:${start}`,
        'END:VEVENT',
      ].join('\r\n');
    const calendar = (...events: string[]) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\r\n');

    it('derives a stable id from the content when UID is missing', async () => {
      const text = calendar(event('', '20261201T100000Z'));
      const a = await readIcs(text);
      const b = await readIcs(text);
      expect(a.items[0].id).to.be.a('string').and.not.equal('');
      expect(a.items[0].id).to.equal(b.items[0].id);
    });

    it('keeps ids unique when two events share a UID', async () => {
      const { items } = await readIcs(
        calendar(event('dup', '20261201T100000Z'), event('dup', '20261202T100000Z')),
      );
      expect(items.length).to.equal(2);
      expect(new Set(items.map((i) => i.id)).size).to.equal(2);
    });
  });

  describe('whole-document errors', () => {
    it('throws format for text that is not iCalendar', async () => {
      for (const input of [
        '',
        '{"events": []}',
        '<?xml version="1.0"?><rss version="2.0"></rss>',
        'hello BEGIN:VCALENDAR',
      ]) {
        expect((await rejected(readIcs(input))).kind, input).to.equal('format');
      }
    });

    it('throws parse for a truncated or badly nested document', async () => {
      const truncated = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n';
      expect((await rejected(readIcs(truncated))).kind).to.equal('parse');
      const unopened = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VEVENT\r\n';
      expect((await rejected(readIcs(unopened))).kind).to.equal('parse');
    });

    it('reads several calendars in one text', async () => {
      const one =
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:A\r\nDTSTART:20261201T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
      const two = one.replace('UID:1', 'UID:2').replace('SUMMARY:A', 'SUMMARY:B');
      const { items } = await readIcs(one + two);
      expect(items.map((i) => i.title)).to.deep.equal(['A', 'B']);
    });

    it('never throws anything but a DandelionError (fast-check)', async () => {
      const line = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom(
          'BEGIN:VEVENT',
          'END:VEVENT',
          'BEGIN:VTIMEZONE',
          'END:VTIMEZONE',
          'BEGIN:STANDARD',
          'END:STANDARD',
          'TZID:Asia/Shanghai',
          'TZOFFSETTO:+0800',
          'SUMMARY:x',
          'DTSTART:20261201T100000Z',
          'DTSTART;TZID=Nowhere:20261201T100000',
          'DTSTART;VALUE=DATE:20261201',
          'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31',
          'RRULE:FREQ=SECONDLY',
          'RECURRENCE-ID:20261201T100000Z',
          'UID:a',
          'DURATION:P1D',
          'GEO:1;2',
          'EXDATE:20261201',
          ' folded',
        ),
      );
      const doc = fc
        .array(line, { maxLength: 25 })
        .map((lines) => ['BEGIN:VCALENDAR', ...lines].join('\r\n'));
      const check = (text: string) => onlyDandelionErrorsAsync(() => readIcs(text));
      await fc.assert(fc.asyncProperty(small.text(), check));
      await fc.assert(fc.asyncProperty(doc, check));
      await fc.assert(fc.asyncProperty(doc, async (text) => check(`${text}\r\nEND:VCALENDAR`)));
    });
  });

  describe('a long calendar', () => {
    // Its speed (5,000 VEVENTs) is measured in bench/readers.bench.ts, next to ical.js.
    it('reads 50 VEVENTs, every fifth recurring', async () => {
      const { items, skipped } = await readIcs(icsCalendar(50));
      expect(items).to.have.length(50);
      expect(skipped).to.equal(0);
      expect(items.filter((e) => e.recurrence?.rrule)).to.have.length(10);
      expect(byId(items, 'bench-7@example.org')).to.include({
        title: '社区活动 7',
        start: '2026-08-08T09:30:00+08:00',
        timeZone: 'Asia/Shanghai',
      });
    });
  });
});
