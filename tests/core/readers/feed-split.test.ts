/**
 * An RSS feed (most story sources) downloads only the RSS reader: Atom and JSON Feed have chunks
 * of their own, loaded only when a source turns out to be one of them, even one labelled as RSS.
 * This file runs in its own page, so the order of the tests matters: the first runs before
 * anything has loaded the other readers.
 */
import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import { read } from '../../../src/core/read.js';
import { retryHelps } from '../../../src/core/error-messages.js';
import type { DandelionError } from '../../../src/core/errors.js';
import { failure } from '../../../src/core/error-view.js';
import { uniqueKey } from '../../support/network.js';

/** Module requests of this page whose URL contains `part`. */
const requested = (part: string) =>
  performance.getEntriesByType('resource').some((e) => e.name.includes(part));

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
  <item><title>社区故事</title><link>https://example.org/1</link><guid>1</guid>
  <description><![CDATA[<p>好消息<img src="x" onerror="bad()"><script>bad()</script></p>]]></description>
  </item></channel></rss>`;
const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
  <entry><id>tag:a</id><title>长者食堂</title><link href="https://example.org/2"/>
  <summary type="html">&lt;p onclick="bad()"&gt;午餐&lt;/p&gt;</summary></entry></feed>`;
const jsonFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  items: [{ id: 'j1', title: '亲子阅读', content_html: '<p>周末<script>bad()</script></p>' }],
});
const atomCode = '/core/readers/atom.';
const jsonFeedCode = '/core/readers/json-feed.';

describe('feed readers in chunks of their own', () => {
  it('reads an RSS feed without downloading the Atom or JSON Feed reader, still sanitized', async () => {
    const { items } = await read(rss, {
      kind: 'story',
      contentType: 'application/rss+xml',
      baseUrl: 'https://example.org/feed.xml',
    });
    expect(items.map((s) => s.title)).to.deep.equal(['社区故事']);
    expect(items[0].summary).to.contain('好消息');
    expect(items[0].summary).not.to.contain('script');
    expect(items[0].summary).not.to.contain('onerror');
    expect(requested('/core/readers/rss.'), 'the RSS reader').to.equal(true);
    expect(requested(atomCode), 'the Atom reader').to.equal(false);
    expect(requested(jsonFeedCode), 'the JSON Feed reader').to.equal(false);
  });

  it('an "RSS" the page insists on that is Atom is refused, without the Atom reader', async () => {
    const error = await read(atom, { kind: 'story', format: 'rss' }).then(
      () => undefined,
      (e: DandelionError) => e,
    );
    expect(error?.kind).to.equal('format');
    expect(error?.message).to.contain('RSS: root element is <feed>');
    expect(requested(atomCode)).to.equal(false);
  });

  it('reads Atom served as RSS with the Atom reader, loaded then (sanitized)', async () => {
    const { items } = await read(atom, { kind: 'story', contentType: 'application/rss+xml' });
    expect(items.map((s) => s.title)).to.deep.equal(['长者食堂']);
    expect(items[0].summary).to.equal('<p>午餐</p>');
    expect(requested(atomCode)).to.equal(true);
  });

  it('reads a JSON Feed served as RSS with the JSON Feed reader, loaded then (sanitized)', async () => {
    const { items } = await read(jsonFeed, { kind: 'story', contentType: 'application/rss+xml' });
    expect(items.map((s) => s.title)).to.deep.equal(['亲子阅读']);
    expect(items[0].summary).to.equal('<p>周末</p>');
    expect(requested(jsonFeedCode)).to.equal(true);
  });

  it('still says what is wrong with XML that is neither RSS nor Atom, or not well-formed', async () => {
    const kindOf = (text: string) =>
      read(text, { kind: 'story', contentType: 'application/rss+xml' }).then(
        () => 'read',
        (e: DandelionError) => `${e.kind}: ${e.message}`,
      );
    expect(await kindOf('<?xml version="1.0"?><opml><body/></opml>')).to.equal(
      'format: feed: root element <opml> is neither RSS nor Atom',
    );
    expect(await kindOf('<rss><channel><item>')).to.match(/^parse: feed: XML is not well-formed/);
  });

  it('a reader chunk that cannot be downloaded is a network error, so the error view offers a retry', async () => {
    // A real failed module download in this browser (the server has no such chunk).
    const thrown = await import(/* @vite-ignore */ `/missing-chunk-${uniqueKey('chunk')}.js`).then(
      () => undefined,
      (e: unknown) => e,
    );
    const kindOf = (e: unknown) => failure(e, '/feed.xml', 'story-carousel', 'src', 'en').error;
    const error = kindOf(thrown);
    expect(error.kind).to.equal('network');
    expect(retryHelps(error.kind, error.status, error.corsRefused)).to.equal(true);
    // Firefox and Safari word it differently; a broken document is still not the connection's fault.
    expect(kindOf(new TypeError('error loading dynamically imported module: x')).kind).to.equal(
      'network',
    );
    expect(kindOf(new TypeError('Importing a module script failed.')).kind).to.equal('network');
    expect(kindOf(new SyntaxError('Unexpected token < in JSON')).kind).to.equal('parse');
  });
});
