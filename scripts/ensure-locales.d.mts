/** Builds src/generated/locales/ with lit-localize when it is missing or stale. */
export function ensureLocales(): void;
