/**
 * `format="auto"` reads with the registry of every format (`readers/sniffing.ts`): the widget asks
 * for it when its first request starts, beside the reading code (`resource/load-items.ts`), not
 * once that has arrived and run (on a phone, a round trip later). Runs in a page of its own: the
 * test is the page's first load.
 */
import '../../support/setup.js';
import { expect } from '@open-wc/testing';
import { mountFinder } from '../../support/finder.js';

/** The page's request for the module whose URL contains `part`. */
function timing(part: string): PerformanceResourceTiming {
  const entry = performance
    .getEntriesByType('resource')
    .find((e): e is PerformanceResourceTiming => e.name.includes(part));
  if (!entry) throw new Error(`${part} was not requested`);
  return entry;
}

describe('format="auto": the registry travels beside the reading code', () => {
  it('format="auto": the registry is asked for before the reading code has arrived', async () => {
    const finder = await mountFinder({
      lang: 'en',
      src: '/tests/fixtures/finder/hsds-services.json',
    });
    expect(finder.names()).to.include('亲子阅读课堂（梅花点）');
    const sniffing = timing('/core/readers/sniffing.');
    const reading = timing('/core/resource/load-items.');
    expect(sniffing.startTime, 'asked for beside the reading code').to.be.at.most(
      reading.responseEnd,
    );
    finder.el.remove();
  });
});
