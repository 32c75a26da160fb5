#!/usr/bin/env node
// Every Storybook control changes the widget (issue #19: "every control works or is removed").
// Opens each story of the built Storybook (storybook-static/, `npm run build-storybook`) whose
// controls are not disabled, and for every control the story offers sets a new value the way
// the Controls panel does (through the preview's args update), then checks that the widget's
// attribute followed: `pageSize` → `page-size="…"`, a boolean → the attribute appears or goes.
// A control wired to nothing (a story whose render ignores its args, an arg no attribute takes)
// fails here.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-launch.mjs';
import { builtStories } from './storybook-stories.mjs';

const { stories, server } = await builtStories();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const failures = [];
let checked = 0;
let storiesWithControls = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  for (const story of stories) {
    await page.goto(`${server.base}/iframe.html?id=${story.id}&viewMode=story`);
    await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount);
    // The controls this story shows, with a new value for each (as a person would pick one).
    const plan = await page.evaluate(async (storyId) => {
      const preview = window.__STORYBOOK_PREVIEW__;
      const loaded = await preview.storyStoreValue.loadStory({ storyId });
      const controls = loaded.parameters.controls ?? {};
      if (controls.disable) return { component: loaded.component, changes: [] };
      const args = preview.storyStoreValue.args.get(storyId) ?? loaded.initialArgs ?? {};
      const names = controls.include ?? Object.keys(loaded.argTypes ?? {});
      const changes = [];
      for (const name of names) {
        const type = loaded.argTypes?.[name] ?? {};
        const control = typeof type.control === 'string' ? { type: type.control } : type.control;
        const current = args[name];
        let value;
        if (type.options?.length) {
          value = type.options.find((option) => option !== current && option !== undefined);
        } else if (control?.type === 'boolean' || typeof current === 'boolean') {
          value = !current;
        } else if (control?.type === 'number' || typeof current === 'number') {
          const max = control?.max ?? Infinity;
          value = typeof current === 'number' && current + 1 <= max ? current + 1 : 2;
          if (value === current) value = 1;
        } else {
          value = `${current ?? ''}${String(current ?? '').includes('?') ? '&' : '?'}control=1`;
          if (name === 'date' || name === 'lang' || name === 'timeZone') value = undefined;
        }
        // Values a text box would take for these (a date, a time zone, a language tag).
        if (name === 'date') value = current === '2026-12-01' ? '2026-11-01' : '2026-12-01';
        if (name === 'timeZone')
          value = current === 'Europe/Berlin' ? 'Asia/Tokyo' : 'Europe/Berlin';
        changes.push({ name, value, boolean: typeof value === 'boolean' });
      }
      return { component: loaded.component, changes };
    }, story.id);
    if (plan.changes.length === 0) continue;
    storiesWithControls++;
    for (const change of plan.changes) {
      checked++;
      const attribute = change.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const seen = await page.evaluate(
        async ({ storyId, change, attribute, tag }) => {
          await window.__STORYBOOK_PREVIEW__.onUpdateArgs({
            storyId,
            updatedArgs: { [change.name]: change.value },
          });
          const read = () => {
            const el = document.querySelector(tag);
            if (!el) return 'no element';
            return change.boolean ? el.hasAttribute(attribute) : el.getAttribute(attribute);
          };
          const want = change.boolean ? change.value : String(change.value);
          for (let frame = 0; frame < 120 && read() !== want; frame++)
            await new Promise((resolve) => requestAnimationFrame(resolve));
          return read();
        },
        { storyId: story.id, change, attribute, tag: plan.component },
      );
      const want = change.boolean ? change.value : String(change.value);
      if (seen !== want)
        failures.push(
          `${story.id}: control "${change.name}" set to ${JSON.stringify(change.value)}, ` +
            `<${plan.component}> ${attribute} is ${JSON.stringify(seen)}`,
        );
    }
  }
  await page.close();
} finally {
  await browser.close();
  server.close();
}
for (const failure of failures) console.log(`✗ ${failure}`);
console.log(
  `Storybook controls: ${checked - failures.length} of ${checked} controls in ` +
    `${storiesWithControls} stories reach their widget.`,
);
if (failures.length > 0 || checked === 0) process.exit(1);
