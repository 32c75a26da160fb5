/**
 * What a page downloads to read its data: only its own kind's normalizing code, the sanitizer
 * only for records with markup, the pager only for a source that names a next page, and the
 * reader's code while the data is still on its way. Each test file runs in its own page, so the
 * order of the tests matters: the first runs before anything but the widget has loaded.
 */
import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { read } from '../../src/core/read.js';
import { mountFinder, mountFinderLoading } from '../support/finder.js';
import { release, uniqueKey, untilHeld } from '../support/network.js';
import { until } from '../support/wait.js';

/** Module requests of this page whose URL contains `part`. */
const requested = (part: string) =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes(part)).length > 0;

const otherKinds = ['/core/normalize/event.', '/core/normalize/when.', '/core/normalize/story.'];
const markupCode = ['/core/sanitize.', '/core/inert-html.'];

describe('lazy reading (what a page downloads to read its data)', () => {
  it('a finder with a plain JSON list loads the service code while the data travels, and nothing else', async () => {
    const key = uniqueKey('plain');
    const src = `/test-api/slow?key=${key}&hold=${key}&name=${encodeURIComponent('社区服务站')}`;
    const finder = await mountFinderLoading({ src, format: 'json' });
    try {
      await untilHeld(key);
      // The answer is still held: the reader's code is on its way already.
      await until(() => requested('/core/normalize/service.'), 'the service code');
      await until(() => requested('/core/normalize/records.'), 'the normalizer');
      await release(key);
      await finder.events.loaded();
      await finder.settled();
      expect(finder.names()).to.deep.equal(['社区服务站']);
      for (const part of [...otherKinds, ...markupCode, '/core/data/fetch-pages.'])
        expect(requested(part), part).to.equal(false);
    } finally {
      finder.el.remove();
    }
  });

  it('follows a source that names a next page (loading the pager only then)', async () => {
    const key = uniqueKey('pages');
    const finder = await mountFinder({ src: `/test-api/link?pages=2&key=${key}`, format: 'json' });
    try {
      expect(finder.names()).to.have.members(['page 1', 'page 2']);
      expect(requested('/core/data/fetch-pages.')).to.equal(true);
      for (const part of [...otherKinds, ...markupCode])
        expect(requested(part), part).to.equal(false);
    } finally {
      finder.el.remove();
    }
  });

  it('reads markup in records given directly, loading the sanitizer then (same result)', async () => {
    expect(requested('/core/sanitize.')).to.equal(false);
    const result = await read(
      [
        { id: 'a', name: '家长课堂' },
        {
          id: 'b',
          name: '<b>法律</b>援助',
          description: '<p onclick="x()">免费<script>bad()</script></p>',
        },
        { id: 'c', name: '就业 &amp; 培训' },
      ],
      { kind: 'service' },
    );
    expect(result.items.map((s) => s.name)).to.deep.equal(['家长课堂', '法律援助', '就业 & 培训']);
    expect(result.items[1].description).to.equal('<p>免费</p>');
    expect(result.skipped).to.equal(0);
    expect(result.warnings).to.deep.equal([]);
    expect(requested('/core/sanitize.')).to.equal(true);
  });

  it('still sanitizes an RSS feed, whose HTML is its nature', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>社区故事</title><link>https://example.org/1</link><guid>1</guid>
      <description><![CDATA[<p>好消息<img src="x" onerror="bad()"><script>bad()</script></p>]]></description>
      </item></channel></rss>`;
    const { items } = await read(rss, { kind: 'story', baseUrl: 'https://example.org/feed.xml' });
    expect(items).to.have.length(1);
    expect(items[0].summary).to.contain('好消息');
    expect(items[0].summary).not.to.contain('script');
    expect(items[0].summary).not.to.contain('onerror');
  });
});
