import { css } from 'lit';

/** Styles of `<intake-form>` (GOV.UK-like: clear labels, hints under them, red error bars). */
export const intakeStyles = css`
  :host {
    contain: content;
  }

  form {
    display: grid;
    gap: calc(var(--_space) * 2);
    max-inline-size: 40rem;
  }

  .form-heading,
  .step-heading {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.3;
  }

  .step-heading {
    font-size: 1.25em;
  }

  .form-heading:focus,
  .step-heading:focus,
  .result-title:focus {
    outline: none;
  }

  .description,
  .hint {
    margin: 0;
    color: var(--_muted);
  }

  .step {
    display: grid;
    gap: calc(var(--_space) * 2.5);
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .field.invalid {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: calc(var(--_space) * 1.5);
  }

  .label,
  legend {
    font-weight: 600;
    padding: 0;
  }

  .optional {
    margin-inline-start: 0.25em;
    font-weight: 400;
    color: var(--_muted);
  }

  .error-message {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }

  input:not([type='radio'], [type='checkbox']),
  textarea,
  select {
    inline-size: 100%;
    min-block-size: 44px;
    padding: calc(var(--_space) * 0.75);
    border: 2px solid var(--_text);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    /* 16 px or more: phones do not zoom into the field. */
    font-size: max(1rem, 16px);
  }

  input[readonly],
  textarea[readonly] {
    background: var(--_surface);
    border-color: var(--_border);
  }

  textarea {
    resize: vertical;
  }

  [aria-invalid='true']:not([type='radio'], [type='checkbox']) {
    border-color: var(--_danger);
  }

  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 0;
  }

  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }

  .options {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .inline .options {
    grid-auto-flow: column;
    justify-content: start;
    gap: calc(var(--_space) * 3);
  }

  .option {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-block-size: 44px;
  }

  .option input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }

  .option label {
    cursor: pointer;
    padding-block: calc(var(--_space) / 2);
  }

  .group {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  .group > legend {
    font-size: 1.1em;
    padding-inline: calc(var(--_space) / 2);
  }

  .error-summary {
    padding: calc(var(--_space) * 2);
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
  }

  .error-summary:focus {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  .summary-title {
    margin: 0 0 var(--_space);
    font-size: 1.2em;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }

  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }

  .notice {
    padding: calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
  }

  .notice.alert,
  .notice.warning {
    border-inline-start-color: var(--_danger);
  }

  .progress {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .progress-text {
    margin: 0;
    color: var(--_muted);
  }

  .progress-bar {
    display: flex;
    gap: 4px;
  }

  .progress-bar span {
    flex: 1;
    block-size: 6px;
    border-radius: 3px;
    background: var(--_border);
  }

  .progress-bar span.done {
    background: var(--_accent);
  }

  .button.link {
    border-color: transparent;
    background: transparent;
    color: var(--_accent);
    text-decoration: underline;
  }

  .pending:empty {
    display: none;
  }

  .pending {
    color: var(--_text);
  }

  .result {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    padding: calc(var(--_space) * 3);
    border-radius: var(--_radius);
    background: var(--_surface);
    border-inline-start: 6px solid var(--_accent);
  }

  .result-title {
    margin: 0;
    font-size: 1.4em;
  }

  .result p {
    margin: 0;
  }

  .reference {
    font-size: 1.1em;
  }

  .next-steps {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .next-steps-title {
    font-weight: 600;
  }

  .next-steps ol {
    margin: 0;
    padding-inline-start: 1.5em;
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  /* The honeypot: out of sight and out of the tab order; only bots fill it in. */
  .hp {
    position: absolute;
    inset-inline-start: -10000px;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }

  @media (forced-colors: active) {
    .field.invalid,
    .error-summary,
    .notice,
    .result {
      border-color: CanvasText;
    }
    .progress-bar span {
      background: GrayText;
    }
    .progress-bar span.done {
      background: Highlight;
    }
  }
`;
