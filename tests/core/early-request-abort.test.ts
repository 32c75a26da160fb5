import '../support/setup.js';
import { expect } from '@open-wc/testing';
import '../../src/story-carousel/index.js';
import '../../src/service-finder/index.js';
import type { StoryCarousel } from '../../src/story-carousel/index.js';
import { hits, release, uniqueKey, untilHeld, untilHits } from '../support/network.js';
import { until } from '../support/wait.js';

const slideTitles = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('[part~="slide"] h3, [part~="slide"] h2')].map((h) =>
    h.textContent!.trim(),
  );

function carouselFor(src: string): StoryCarousel {
  const el = document.createElement('story-carousel') as StoryCarousel;
  el.lang = 'en';
  el.setAttribute('src', src);
  return el;
}

// Each test file runs in its own page: here, every request starts before the reader chunk is
// loaded (the first test) — the cases where the early request has to be cancelled or shared.
describe('data request at once: abort, latest wins, shared', () => {
  it('cancels the early request when the widget leaves, the newer src wins, and two widgets share one request', async () => {
    // Removed before the reader code arrived: the request is cancelled (the server sees it go).
    const gone = uniqueKey('early-gone');
    const left = carouselFor(`/test-api/slow?key=${gone}&hold=${gone}`);
    document.body.append(left);
    await untilHeld(gone);
    left.remove();
    await untilHits(`${gone}:closed`);

    // src changed at once: the first request is cancelled, only the latest one shows.
    const old = uniqueKey('early-old');
    const latest = uniqueKey('early-latest');
    const el = carouselFor(`/test-api/slow?key=${old}&hold=${old}&name=old`);
    // Two widgets with the same src make one request.
    const twin1 = carouselFor(`/test-api/slow?key=${latest}&name=latest`);
    const twin2 = carouselFor(`/test-api/slow?key=${latest}&name=latest`);
    try {
      document.body.append(el);
      await untilHeld(old);
      el.setAttribute('src', `/test-api/slow?key=${latest}&name=latest`);
      document.body.append(twin1, twin2);
      await untilHits(`${old}:closed`);
      for (const shown of [el, twin1, twin2])
        await until(() => slideTitles(shown).includes('latest'), 'the latest story');
      expect(slideTitles(el)).not.to.include('old');
      expect(await hits(latest)).to.equal(1);
    } finally {
      await release(old);
      for (const shown of [el, twin1, twin2]) shown.remove();
    }
  });
});
