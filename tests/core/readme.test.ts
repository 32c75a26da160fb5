import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { units } from '../support/locales.js';

/**
 * README's Troubleshooting section (issue #18) stays true: the messages it says visitors read
 * are the widgets' own, every message a failed load can show is in its table, and it covers the
 * causes a site owner meets (CORS, every record skipped, a bad `map`).
 */
async function troubleshooting(): Promise<string> {
  const readme = await (await fetch('/README.md')).text();
  const start = readme.indexOf('\n## Troubleshooting\n');
  expect(start, 'README has a Troubleshooting section').to.be.greaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('README Troubleshooting', () => {
  it('quotes the messages visitors really read, each of them', async () => {
    const section = await troubleshooting();
    const quoted = section
      .split('\n')
      .filter(
        (line) => line.startsWith('| ') && !line.startsWith('| visitors') && !/^\|-/.test(line),
      )
      .map((line) => line.split('|')[1].trim())
      .filter((cell) => cell !== '〃');
    const messages = (await units('zh-Hans')).filter((u) =>
      /^error\.(network|timeout|later|notFound|unavailable)$/.test(u.id),
    );
    expect(messages).to.have.length(5);
    const zh = messages.map((u) => u.zh);
    for (const cell of quoted) expect(zh, cell).to.include(cell);
    for (const message of zh) expect(quoted, message).to.include(message);
  });

  it('names the causes a site owner meets and where the details are', async () => {
    const section = await troubleshooting();
    for (const words of [
      '给网站管理员',
      'Access-Control-Allow-Origin',
      'every record was skipped',
      '`map`',
      '`items-path`',
      'contact-phone',
      'dandelion-error',
    ]) {
      expect(section, words).to.contain(words);
    }
  });
});

describe('README Gallery', () => {
  it('shows every widget at 390 and 1280 px, and the phone month view, from files that exist', async () => {
    const readme = await (await fetch('/README.md')).text();
    const start = readme.indexOf('\n### Gallery\n');
    expect(start, 'README has a Gallery').to.be.greaterThan(0);
    const gallery = readme.slice(start, readme.indexOf('\n## ', start));
    const images = [...gallery.matchAll(/!\[[^\]]+\]\((docs\/gallery\/[^)]+\.png)\)/g)].map(
      (m) => m[1],
    );
    const expected = ['service-finder', 'event-calendar', 'intake-form', 'story-carousel'].flatMap(
      (tag) => [`docs/gallery/${tag}-390.png`, `docs/gallery/${tag}-1280.png`],
    );
    expect(images).to.include.members([...expected, 'docs/gallery/event-calendar-month-390.png']);
    for (const path of images) {
      const response = await fetch(`/${path}`);
      expect(response.ok, path).to.equal(true);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // A PNG, as wide as its name says (the IHDR width, big-endian at byte 16).
      expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join(''), path).to.equal(
        'PNG',
      );
      const width = new DataView(bytes.buffer).getUint32(16);
      const named = Number(/-(\d+)\.png$/.exec(path)![1]);
      expect(width, `${path}: the widget at that page width`).to.be.within(named * 0.8, named);
    }
  });
});
