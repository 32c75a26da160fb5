// What the engine smoke test checks per widget, the same in every engine, through a small page
// driver (webkit.mjs, firefox.mjs): goto, evaluate(fn, ...args), press(key), type(text),
// click(x, y). Clicks and keys are real input from the driver; `evaluate` only reads the page
// (and focuses a starting point). Each check throws with what the page shows when it fails.

/** Polls `fn(...args)` in the page until it returns something truthy; returns that. */
export async function waitFor(driver, what, fn, ...args) {
  const until = Date.now() + 15_000;
  let last;
  for (;;) {
    try {
      last = await driver.evaluate(fn, ...args);
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) {
      const page = await driver.evaluate(describePage).catch((error) => String(error));
      throw new Error(
        `timed out waiting for ${what}${last ? ` (last: ${String(last)})` : ''}; page: ${page}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** In the page: what a failed wait should report (focus, open dialogs, errors so far). */
const describePage = () => {
  const el = window.smoke.active();
  const focus = el
    ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''} "${window.smoke.text(el).slice(0, 30)}"`
    : 'none';
  const dialogs = window.smoke.all('dialog[open]').length;
  return `focus on ${focus}, ${dialogs} open dialog(s), errors: ${window.smoke.errors.join('; ') || 'none'}`;
};

/** Clicks the centre of the first element matching `selector` (through shadow roots). */
async function clickOn(driver, selector, index = 0) {
  const point = await driver.evaluate(
    (s, i) => {
      const el = window.smoke.all(s)[i];
      return el ? window.smoke.centre(el) : null;
    },
    selector,
    index,
  );
  if (!point) throw new Error(`nothing to click: ${selector}`);
  await driver.click(point.x, point.y);
}

/** Presses Tab until the focused element matches `selector` (at most `limit` times). */
async function tabTo(driver, what, selector, limit = 30) {
  for (let n = 0; n < limit; n++) {
    await driver.press('Tab');
    if (await driver.evaluate((s) => window.smoke.active()?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** No script error, unhandled rejection, CSP violation or `dandelion-error` on the page so far. */
export async function noPageErrors(driver) {
  const errors = await driver.evaluate(() => window.smoke.errors);
  if (errors.length) throw new Error(errors.join('; '));
  return 'none';
}

// ——— <service-finder> ———

export const finder = {
  page: '/smoke/service-finder.html',
  checks: {
    async content(driver) {
      const n = await waitFor(
        driver,
        'service cards',
        () => window.smoke.all('[part="service"]').length,
      );
      return `${n} services`;
    },
    async detail(driver) {
      const name = await driver.evaluate(() =>
        window.smoke.text(window.smoke.one('[part="service"] button.open')),
      );
      await clickOn(driver, '[part="service"] button.open');
      await waitFor(
        driver,
        `the detail of ${name}`,
        (n) => window.smoke.text(window.smoke.one('#detail-title')) === n,
        name,
      );
      await clickOn(driver, 'button.back');
      await waitFor(
        driver,
        'the results again',
        () => !!window.smoke.one('[part="service"] button.open'),
      );
      return `opened "${name}" and went back`;
    },
    async keyboard(driver) {
      await driver.evaluate(() => window.smoke.one('input[part="search"]').focus());
      await tabTo(driver, 'a result card', '[part="service"] button.open');
      const name = await driver.evaluate(() => window.smoke.text(window.smoke.active()));
      await driver.press('Enter');
      await waitFor(
        driver,
        `the detail of ${name} with focus on its heading`,
        (n) => {
          const heading = window.smoke.one('#detail-title');
          return window.smoke.text(heading) === n && window.smoke.active() === heading;
        },
        name,
      );
      return `Tab to "${name}", Enter opens it, focus on the heading`;
    },
  },
};

// ——— <event-calendar> ———

export const calendar = {
  page: '/smoke/event-calendar.html',
  checks: {
    async content(driver) {
      const n = await waitFor(
        driver,
        'events in the month',
        () => window.smoke.all('.body [part="event"]').length,
      );
      return `${n} events in November 2026`;
    },
    async detail(driver) {
      const title = await driver.evaluate(() =>
        window.smoke.text(window.smoke.one('.body [part="event"] .event-title')),
      );
      await clickOn(driver, '.body [part="event"]');
      await waitFor(
        driver,
        `the dialog of "${title}"`,
        (t) =>
          window.smoke.one('dialog')?.open &&
          window.smoke.text(window.smoke.one('#dialog-title')) === t,
        title,
      );
      await driver.press('Escape');
      await waitFor(
        driver,
        'Escape to close the dialog and focus to return to the event',
        () =>
          !window.smoke.one('dialog')?.open &&
          window.smoke.active()?.matches('.body [part="event"]'),
      );
      return `opened "${title}", Escape closed it`;
    },
    async keyboard(driver) {
      const day = await driver.evaluate(() => {
        const cell = window.smoke.one('[role="gridcell"][tabindex="0"]');
        cell.focus();
        return Number(cell.dataset.day);
      });
      const focusedDay = (d) => {
        const el = window.smoke.active();
        return el?.getAttribute('role') === 'gridcell' && Number(el.dataset.day) === d;
      };
      await driver.press('ArrowRight');
      await waitFor(driver, 'ArrowRight to focus the next day', focusedDay, day + 1);
      await driver.press('ArrowDown');
      await waitFor(driver, 'ArrowDown to focus the same day a week later', focusedDay, day + 8);
      return 'ArrowRight, ArrowDown move through the grid';
    },
  },
};

// ——— <intake-form> ———

export const intake = {
  page: '/smoke/intake-form.html',
  checks: {
    async content(driver) {
      const n = await waitFor(
        driver,
        'form fields',
        () => window.smoke.all('[part~="field"] input, [part~="field"] textarea').length,
      );
      return `${n} fields`;
    },
    /** `received()` gives the answers the receiver has recorded for this engine. */
    async submit(driver, { received }) {
      await clickOn(driver, '[part~="field"] input');
      await driver.type('Wang Fang');
      await clickOn(driver, 'button[type="submit"]');
      await waitFor(driver, 'dandelion-submit (sent)', () => window.smoke.submits.includes('sent'));
      const posts = received();
      if (posts.length !== 1) throw new Error(`the receiver got ${posts.length} POSTs, not 1`);
      if (posts[0].body?.name !== 'Wang Fang') {
        throw new Error(`the receiver got ${JSON.stringify(posts[0].body)}`);
      }
      if (!posts[0].key) throw new Error('the POST had no Idempotency-Key');
      return 'typed, submitted, one POST with the answers';
    },
  },
};

// ——— <story-carousel> ———

/** In the page: the carousel's index, and whether the track rests with that slide aligned. */
const carouselAt = (want) => {
  const el = document.querySelector('story-carousel');
  const track = el.shadowRoot.querySelector('.track');
  const slide = track.children[want];
  const delta = Math.abs(slide.getBoundingClientRect().left - track.getBoundingClientRect().left);
  return {
    index: el.activeIndex,
    aligned: delta < 1.5,
    inert: slide.inert,
    left: track.scrollLeft,
  };
};

/** Waits until the carousel shows slide `want` and its track has stopped moving on it. */
async function restsOn(driver, want) {
  let previous;
  let still = 0;
  const until = Date.now() + 15_000;
  for (;;) {
    const now = await driver.evaluate(carouselAt, want);
    const ok = now.index === want && now.aligned && !now.inert;
    still = ok && previous?.left === now.left ? still + 1 : 0;
    // Three readings 100 ms apart, unchanged and aligned: at rest (a late scroll handler that
    // moved the index back would show here).
    if (still >= 3) return;
    if (Date.now() > until) {
      throw new Error(`slide ${want + 1} never came to rest: ${JSON.stringify(now)}`);
    }
    previous = now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const carousel = {
  page: '/smoke/story-carousel.html',
  checks: {
    async content(driver) {
      const titles = await waitFor(driver, 'slides with titles', () => {
        const slides = window.smoke.all('[part="slide"]');
        return slides.length > 1 && window.smoke.text(slides[0].querySelector('h3, .title'))
          ? slides.map((s) => window.smoke.text(s.querySelector('h3, .title')))
          : false;
      });
      return `${titles.length} stories, first "${titles[0]}"`;
    },
    async next(driver) {
      await clickOn(driver, '[part="toolbar"] button[aria-controls="track"]', 1);
      await restsOn(driver, 1);
      return 'the next button moved to slide 2 and it came to rest there';
    },
    async keyboard(driver) {
      await driver.evaluate(() => window.smoke.one('[role="tab"][aria-selected="true"]').focus());
      await driver.press('ArrowRight');
      await restsOn(driver, 2);
      const focused = await driver.evaluate(() => window.smoke.active()?.id);
      if (focused !== 'tab-2') throw new Error(`focus is on ${focused}, not the third tab`);
      return 'ArrowRight on the tabs moved to slide 3, focus followed';
    },
    async link(driver) {
      await tabTo(driver, 'the story link', '[part="slide"] a[href]', 6);
      const where = await driver.evaluate(() => {
        const link = window.smoke.active();
        const slide = link.closest('[part="slide"]');
        return { slide: [...slide.parentElement.children].indexOf(slide), href: link.href };
      });
      if (where.slide !== 2) throw new Error(`focus reached a link on slide ${where.slide + 1}`);
      if (!/^https?:/.test(where.href)) throw new Error(`the link goes to ${where.href}`);
      return `Tab reached the story's link (${where.href})`;
    },
  },
};

export const widgets = {
  'service-finder': finder,
  'event-calendar': calendar,
  'intake-form': intake,
  'story-carousel': carousel,
};
