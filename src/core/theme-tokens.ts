/**
 * The public theming tokens. Every `--dandelion-*` property a widget reads must be listed here
 * (a test checks it) and documented with `@cssprop` on the widgets. Kept apart from `styles.ts`:
 * no widget reads this table at runtime, so it stays out of every widget's bundle.
 */
export const themeTokens = {
  '--dandelion-color-text': 'Body text colour',
  '--dandelion-color-muted': 'Secondary text colour',
  '--dandelion-color-background': 'Widget background',
  '--dandelion-color-surface': 'Cards, panels and inputs',
  '--dandelion-color-border': 'Borders and dividers',
  '--dandelion-color-accent': 'Buttons, links and selection',
  '--dandelion-color-on-accent': 'Text on the accent colour',
  '--dandelion-color-danger': 'Error text and borders',
  '--dandelion-font-family': 'Font stack',
  '--dandelion-font-size': 'Base font size',
  '--dandelion-radius': 'Corner radius',
  '--dandelion-space': 'Base spacing unit',
  '--dandelion-focus-ring': 'Focus outline (a full `outline` value)',
} as const;

export type ThemeToken = keyof typeof themeTokens;
