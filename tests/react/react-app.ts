/**
 * What the React wrapper test needs, bundled into one ES module by the test server (React ships
 * CommonJS only; see `reactBundle` in web-test-runner.config.mjs): React, a root to render into,
 * and `dandelion-widgets/react` from the sources.
 */
export { createElement } from 'react';
export { createRoot } from 'react-dom/client';
export { flushSync } from 'react-dom';
export { EventCalendar, IntakeForm, ServiceFinder, StoryCarousel } from '../../src/react/index.js';
