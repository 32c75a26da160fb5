/**
 * The sanitizing engine for browsers without the Sanitizer API (WebKit today), or when a page
 * asks for it (`useSanitizerEngine('dompurify')`): DOMPurify with our policy. A chunk of its own
 * (DOMPurify with it), downloaded only where it is used.
 */
import DOMPurify, { type Config } from 'dompurify';
import { withoutInlineAttributes } from './inert-html.js';
import {
  allowedAttributes,
  allowedTags,
  allowedUrl,
  finishElement,
  type ImageOrigins,
  type Purify,
} from './sanitize-policy.js';

const config: Config = {
  ALLOWED_TAGS: allowedTags,
  ALLOWED_ATTR: allowedAttributes,
  ALLOWED_URI_REGEXP: allowedUrl,
  // DOMPurify checks every attribute value that is not on its list of URI-safe attributes
  // against ALLOWED_URI_REGEXP: without this, `colspan="2"` or `lang="en"` would be dropped.
  ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', 'lang', 'dir'],
  ALLOW_DATA_ATTR: false,
  // Fallback content of plugins goes with them, as the browser's Sanitizer API does.
  ADD_FORBID_CONTENTS: ['object', 'embed'],
};

/** DOMPurify with the policy. */
export function dompurifyPurifier(): Purify {
  const instance = DOMPurify(window);
  /** The origins of the sanitize call in progress (the hook runs synchronously inside it). */
  let current: ImageOrigins = new Set();
  instance.addHook('afterSanitizeAttributes', (node) => finishElement(node, current));
  return (html, origins) => {
    current = origins;
    // DOMPurify parses the string itself: inline handlers and styles go first (see inert-html.ts).
    return instance.sanitize(withoutInlineAttributes(html), config) as string;
  };
}
