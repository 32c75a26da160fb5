/**
 * The one place Dandelion hands markup from a feed to the browser's parser, for pages that enforce
 * Trusted Types (`require-trusted-types-for 'script'`). The markup only ever lands in documents
 * without a browsing context (a `DOMParser` document, or a `<template>` of one): nothing in them
 * runs or loads, and what the widgets show from them is text or DOMPurify's output. So the policy
 * passes text through unchanged; allow it with `trusted-types dandelion-inert` (see README).
 */
interface Policy {
  createHTML(input: string): string;
}

let policy: Policy | null | undefined;

function trusted(text: string): string {
  if (policy === undefined) {
    const factory = (
      globalThis as {
        trustedTypes?: { createPolicy(name: string, rules: Policy): Policy };
      }
    ).trustedTypes;
    try {
      policy = factory?.createPolicy('dandelion-inert', { createHTML: (input) => input }) ?? null;
    } catch {
      // The page's CSP does not allow the policy: parsing then fails there, and readers say so.
      policy = null;
    }
  }
  return policy ? policy.createHTML(text) : text;
}

/** Parses text into an inert document (no scripts run, nothing is fetched). */
export function parseInert(text: string, type: DOMParserSupportedType): Document {
  return new DOMParser().parseFromString(trusted(text), type);
}

let inertDoc: Document | undefined;

/** An inert `<template>` holding `html`, for reading a fragment (e.g. a feed item's first image). */
export function inertTemplate(html: string): HTMLTemplateElement {
  inertDoc ??= parseInert('<!doctype html><title></title>', 'text/html');
  const template = inertDoc.createElement('template');
  template.innerHTML = trusted(html);
  return template;
}
