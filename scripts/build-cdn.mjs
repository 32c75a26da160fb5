#!/usr/bin/env node
// The CDN build (`dist/cdn/`): each entry is built on its own, so its file holds everything the
// element needs before it can render (lit, core, the widget) and the browser reaches it with one
// request (`<widget>/class.js`: the same without registering a tag name). Lazy parts (readers, ical.js, DOMPurify, locale messages, detail views) stay chunks;
// chunks with the same content get the same hashed name, so entries share them on disk.
// The WordPress plugin ships the four widget entries built the same way (`build-wordpress.mjs`).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const widgets = ['service-finder', 'event-calendar', 'intake-form', 'story-carousel'];
// `<widget>/class`: the class alone, registered under a tag name the page picks.
const entries = ['index', 'core', ...widgets, ...widgets.map((widget) => `${widget}/class`)];

/** Builds `names` (CDN entries) one by one into `outDir`, emptied first. */
export async function buildCdn(outDir = 'dist/cdn', names = entries) {
  rmSync(outDir, { recursive: true, force: true });
  for (const entry of names) {
    process.env.DANDELION_CDN_ENTRY = entry;
    await build({ mode: 'cdn', logLevel: 'warn', build: { outDir } });
  }
  delete process.env.DANDELION_CDN_ENTRY;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCdn();
  console.log(`CDN build: ${entries.length} self-contained entries in dist/cdn/`);
}
