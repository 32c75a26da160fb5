#!/usr/bin/env node
// The CDN build (`dist/cdn/`): each entry is built on its own, so its file holds everything the
// element needs before it can render (lit, core, the widget) and the browser reaches it with one
// request (`<widget>/class.js`: the same without registering a tag name). Lazy parts (readers, ical.js, DOMPurify, locale messages, detail views) stay chunks;
// chunks with the same content get the same hashed name, so entries share them on disk.
import { rmSync } from 'node:fs';
import { build } from 'vite';

const widgets = ['service-finder', 'event-calendar', 'intake-form', 'story-carousel'];
// `<widget>/class`: the class alone, registered under a tag name the page picks.
const entries = ['index', 'core', ...widgets, ...widgets.map((widget) => `${widget}/class`)];
rmSync('dist/cdn', { recursive: true, force: true });
for (const entry of entries) {
  process.env.DANDELION_CDN_ENTRY = entry;
  await build({ mode: 'cdn', logLevel: 'warn' });
}
console.log(`CDN build: ${entries.length} self-contained entries in dist/cdn/`);
