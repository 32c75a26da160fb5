import { css } from 'lit';

/**
 * The public theming tokens. Every `--dandelion-*` property a widget reads must be listed here
 * (a test checks it) and documented with `@cssprop` on the widgets.
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

/**
 * Shared host styles: resolves the public tokens (with light defaults, dark by
 * `prefers-color-scheme` unless `theme="light"`, or forced by `theme="dark"`) into private
 * `--_*` variables the widgets use, plus base typography, focus ring, buttons and states.
 */
export const baseStyles = css`
  :host {
    --_light-text: #1f2328;
    --_light-muted: #59636e;
    --_light-bg: #ffffff;
    --_light-surface: #f6f8fa;
    --_light-border: #d1d9e0;
    --_light-accent: #0b6e4f;
    --_light-on-accent: #ffffff;
    --_light-danger: #b42318;
    --_dark-text: #e6edf3;
    --_dark-muted: #9ea7b3;
    --_dark-bg: #0d1117;
    --_dark-surface: #161b22;
    --_dark-border: #3d444d;
    --_dark-accent: #4cc38a;
    --_dark-on-accent: #0d1117;
    --_dark-danger: #ff8182;

    --_text: var(--dandelion-color-text, var(--_light-text));
    --_muted: var(--dandelion-color-muted, var(--_light-muted));
    --_bg: var(--dandelion-color-background, var(--_light-bg));
    --_surface: var(--dandelion-color-surface, var(--_light-surface));
    --_border: var(--dandelion-color-border, var(--_light-border));
    --_accent: var(--dandelion-color-accent, var(--_light-accent));
    --_on-accent: var(--dandelion-color-on-accent, var(--_light-on-accent));
    --_danger: var(--dandelion-color-danger, var(--_light-danger));
    --_font: var(
      --dandelion-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    --_font-size: var(--dandelion-font-size, 1rem);
    --_radius: var(--dandelion-radius, 0.5rem);
    --_space: var(--dandelion-space, 0.5rem);
    --_focus-ring: var(--dandelion-focus-ring, 3px solid var(--_accent));

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.6;
    color-scheme: light;
  }

  :host([theme='dark']) {
    --_text: var(--dandelion-color-text, var(--_dark-text));
    --_muted: var(--dandelion-color-muted, var(--_dark-muted));
    --_bg: var(--dandelion-color-background, var(--_dark-bg));
    --_surface: var(--dandelion-color-surface, var(--_dark-surface));
    --_border: var(--dandelion-color-border, var(--_dark-border));
    --_accent: var(--dandelion-color-accent, var(--_dark-accent));
    --_on-accent: var(--dandelion-color-on-accent, var(--_dark-on-accent));
    --_danger: var(--dandelion-color-danger, var(--_dark-danger));
    color-scheme: dark;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_text: var(--dandelion-color-text, var(--_dark-text));
      --_muted: var(--dandelion-color-muted, var(--_dark-muted));
      --_bg: var(--dandelion-color-background, var(--_dark-bg));
      --_surface: var(--dandelion-color-surface, var(--_dark-surface));
      --_border: var(--dandelion-color-border, var(--_dark-border));
      --_accent: var(--dandelion-color-accent, var(--_dark-accent));
      --_on-accent: var(--dandelion-color-on-accent, var(--_dark-on-accent));
      --_danger: var(--dandelion-color-danger, var(--_dark-danger));
      color-scheme: dark;
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  a {
    color: var(--_accent);
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) / 2);
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: calc(var(--_space) / 2);
    padding-inline: calc(var(--_space) * 2);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    cursor: pointer;
    text-decoration: none;
  }

  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }

  .button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .status {
    display: grid;
    justify-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 3);
    text-align: center;
    color: var(--_muted);
  }

  .status.error {
    color: var(--_danger);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }

  .status .message {
    margin: 0;
    color: var(--_text);
  }

  .skeleton {
    display: grid;
    gap: var(--_space);
    inline-size: 100%;
  }

  .skeleton span {
    display: block;
    block-size: 1.2em;
    border-radius: var(--_radius);
    background: var(--_surface);
    animation: dandelion-pulse 1.2s ease-in-out infinite alternate;
  }

  .skeleton span:nth-child(2n) {
    inline-size: 70%;
  }

  @keyframes dandelion-pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.4;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }

  @media (forced-colors: active) {
    :host {
      --_accent: LinkText;
      --_border: CanvasText;
      --_danger: CanvasText;
    }
    .button {
      border-color: ButtonText;
      forced-color-adjust: none;
      background: ButtonFace;
      color: ButtonText;
    }
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
