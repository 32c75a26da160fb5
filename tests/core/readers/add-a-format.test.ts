/**
 * CONTRIBUTING's "add a reader" recipe: a format is one `defineReader({ … })` and one entry in
 * `readers/registry.ts`. This test does exactly that with a tiny format (it adds the entry to the
 * registry's list at run time, as the one line would) and checks that everything else follows
 * with no other change: the `format` value, sniffing by Content-Type and by shape, the model
 * check in `read()`, and `items-path`, `transform` and `map`.
 */
import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import { read } from '../../../src/core/read.js';
import { isFormat, type Format } from '../../../src/core/formats.js';
import type { ReadResult, Story } from '../../../src/core/models.js';
import {
  certainty,
  defineReader,
  isRecord,
  type Reader,
} from '../../../src/core/readers/reader-definition.js';
import { readers } from '../../../src/core/readers/registry.js';
import { fromSource } from '../../../src/core/readers/source-records.js';

/** The reader's code, as its own module would export it: `{ "guestbook": [{ "heading" }] }`. */
function readGuestbook(doc: unknown): ReadResult<Story> {
  const entries = isRecord(doc) && Array.isArray(doc.guestbook) ? doc.guestbook : [];
  const result: ReadResult<Story> = { items: [], skipped: 0, warnings: [] };
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry.heading !== 'string') {
      result.skipped++;
      continue;
    }
    result.items.push(fromSource({ id: entry.heading, title: entry.heading, tags: [] }, entry));
  }
  return result;
}

/** The format file: `src/core/readers/formats/guestbook.ts` would hold just this. */
const guestbookFormat = defineReader({
  name: 'guestbook',
  kinds: ['story'],
  sniff: ({ type }) => (type === 'application/x-guestbook+json' ? certainty.contentType : 0),
  sniffJson: (doc) => (isRecord(doc) && Array.isArray(doc.guestbook) ? certainty.fileType : 0),
  records: {
    of: (doc) => (isRecord(doc) && Array.isArray(doc.guestbook) ? doc.guestbook : undefined),
    wrap: (records, doc) => ({ ...(isRecord(doc) ? doc : {}), guestbook: records }),
  },
  load: () => Promise.resolve({ readGuestbook }),
  read: (code, source) => code.readGuestbook(source.json()),
});

const guestbook = 'guestbook' as Format;
const doc = {
  guestbook: [{ heading: '欢迎新邻居' }, { heading: '读书会' }, { note: 'no heading' }],
};
const titles = (result: ReadResult<Story>) => result.items.map((story) => story.title);

describe('adding a format: one defineReader() and one registry entry', () => {
  // The one line in registry.ts.
  const registry = readers as unknown as Reader[];
  before(() => registry.push(guestbookFormat));
  after(() => registry.splice(registry.indexOf(guestbookFormat), 1));

  it('is a value of the format attribute', () => {
    expect(isFormat('guestbook')).to.equal(true);
  });

  it('reads its documents when named, skipping records it cannot use', async () => {
    const result = await read(JSON.stringify(doc), { kind: 'story', format: guestbook });
    expect(titles(result)).to.deep.equal(['欢迎新邻居', '读书会']);
    expect(result.skipped).to.equal(1);
  });

  it('is sniffed by its Content-Type, and by its shape for data given directly', async () => {
    const text = JSON.stringify(doc);
    const byType = await read(text, {
      kind: 'story',
      contentType: 'application/x-guestbook+json',
    });
    expect(titles(byType)).to.deep.equal(['欢迎新邻居', '读书会']);
    expect(titles(await read(doc, { kind: 'story' }))).to.deep.equal(['欢迎新邻居', '读书会']);
  });

  it('refuses a widget that shows another model', async () => {
    const error = await read(doc, { kind: 'event', format: guestbook }).then(
      () => undefined,
      (e: unknown) => e as { kind?: string; message?: string },
    );
    expect(error?.kind).to.equal('format');
    expect(error?.message).to.contain('guestbook');
  });

  it('gets items-path, transform and map without a line of its own', async () => {
    const wrapped = { data: doc };
    const result = await read(wrapped, {
      kind: 'story',
      format: guestbook,
      itemsPath: 'data.guestbook',
      transform: (record) =>
        !isRecord(record) || record.heading === '读书会' ? null : { ...record, extra: '周六' },
      map: { title: 'extra' },
    });
    expect(titles(result)).to.deep.equal(['周六']);
  });
});
