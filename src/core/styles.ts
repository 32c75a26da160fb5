import { css } from 'lit';

/**
 * The dark palette (declarations only): forced by `theme="dark"`, or the system's dark mode
 * unless `theme="light"`. CSS cannot put a media query and a selector in one rule (nesting is
 * newer than our browser floor), so the rules below share this one list.
 */
const darkPalette = css`
  --_text: var(--dandelion-color-text, #e6edf3);
  --_muted: var(--dandelion-color-muted, #9ea7b3);
  --_bg: var(--dandelion-color-background, #0d1117);
  --_surface: var(--dandelion-color-surface, #161b22);
  --_border: var(--dandelion-color-border, #3d444d);
  --_accent: var(--dandelion-color-accent, #4cc38a);
  --_on-accent: var(--dandelion-color-on-accent, #0d1117);
  --_danger: var(--dandelion-color-danger, #ff8182);
  color-scheme: dark;
`;

/** The host before the dark palette: public tokens resolved with their light defaults. */
const lightHost = css`
  :host {
    --_text: var(--dandelion-color-text, #1f2328);
    --_muted: var(--dandelion-color-muted, #59636e);
    --_bg: var(--dandelion-color-background, #ffffff);
    --_surface: var(--dandelion-color-surface, #f6f8fa);
    --_border: var(--dandelion-color-border, #d1d9e0);
    --_accent: var(--dandelion-color-accent, #0b6e4f);
    --_on-accent: var(--dandelion-color-on-accent, #ffffff);
    --_danger: var(--dandelion-color-danger, #b42318);
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

  /* Traditional Chinese pages get the Traditional faces (the SC faces draw some characters in
     mainland forms). A site's --dandelion-font-family still wins. */
  :host(:lang(zh-Hant)),
  :host(:lang(zh-TW)),
  :host(:lang(zh-HK)),
  :host(:lang(zh-MO)) {
    --_font: var(
      --dandelion-font-family,
      system-ui,
      -apple-system,
      'PingFang TC',
      'Microsoft JhengHei',
      'Noto Sans CJK TC',
      sans-serif
    );
  }
`;

/** After the dark palette: typography, focus ring, buttons and states. */
const hostRest = css`
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

  /* A row of controls (a toolbar, a form's buttons) that wraps on a narrow screen. */
  .control-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
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

  /* The fallback error view (status-view.ts) needs only these; the full one brings the rest of
     its styles with it (error-view.ts). */
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

/**
 * Shared host styles: resolves the public tokens (with light defaults, dark by
 * `prefers-color-scheme` unless `theme="light"`, or forced by `theme="dark"`) into private
 * `--_*` variables the widgets use, plus base typography, focus ring, buttons and states.
 */
export const baseStyles = css`
  ${lightHost}
  :host([theme='dark']) {
    ${darkPalette}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }
  ${hostRest}
`;
