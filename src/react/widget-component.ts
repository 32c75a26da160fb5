import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import type {
  DandelionErrorDetail,
  DandelionLoadDetail,
  DandelionSelectDetail,
} from '../core/events.js';

type EventNames = Record<string, EventName | string>;

/**
 * A widget element as a React component (`@lit/react`): props are the element's properties, and
 * each `events` entry is an `onDandelion…` prop. React DevTools shows it by its tag in PascalCase
 * (`service-finder` → `ServiceFinder`), a name no minifier renames.
 */
export function widgetComponent<I extends HTMLElement, E extends EventNames>(
  tagName: string,
  elementClass: new () => I,
  events: E,
): ReactWebComponent<I, E> {
  const displayName = tagName.replace(/(?:^|-)([a-z])/g, (_, letter: string) =>
    letter.toUpperCase(),
  );
  return createComponent({ react: React, tagName, elementClass, events, displayName });
}

/**
 * The events of a widget that loads items (`dandelion-load`, `dandelion-error`,
 * `dandelion-select`), typed by its item and, where it has its own, its select detail.
 */
export function dataEvents<Item, SelectDetail = DandelionSelectDetail<Item>>() {
  return {
    onDandelionLoad: 'dandelion-load' as EventName<CustomEvent<DandelionLoadDetail<Item>>>,
    onDandelionError: 'dandelion-error' as EventName<CustomEvent<DandelionErrorDetail>>,
    onDandelionSelect: 'dandelion-select' as EventName<CustomEvent<SelectDetail>>,
  };
}
