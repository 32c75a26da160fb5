/**
 * Rotation as one chunk: the controller, the rotation control (the first control of the WAI-ARIA
 * APG carousel, in the toolbar) and its styles. `<story-carousel>` loads it before the first
 * update with `autoplay`; pages without `autoplay` never download it.
 */
import { css, html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { AutoplayController } from './autoplay-controller.js';

export { AutoplayController } from './autoplay-controller.js';

export const styles = css`
  .rotation {
    margin-inline-end: auto;
  }
  .pause,
  .play {
    inline-size: 0.7em;
    block-size: 0.7em;
  }
  .pause {
    border-inline: 0.22em solid;
  }
  .play {
    inline-size: 0;
    border-block: 0.4em solid transparent;
    border-left: 0.65em solid;
  }
`;

/** The button that stops or restarts rotation, labelled by what it will do. */
export function renderRotation(
  autoplayer: AutoplayController,
  onClick: () => void,
): TemplateResult {
  const { stopped } = autoplayer;
  const label = stopped
    ? msg('Start automatic slide show', { id: 'carousel.start' })
    : msg('Stop automatic slide show', { id: 'carousel.stop' });
  return html`<button
    part="button"
    class="button secondary rotation"
    type="button"
    @click=${onClick}
  >
    <span class=${stopped ? 'play' : 'pause'} aria-hidden="true"></span>
    <span class="visually-hidden">${label}</span>
  </button>`;
}
