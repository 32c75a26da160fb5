import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * A phone-sized story: Storybook's viewport set to 390 × 844 px (in the canvas), and the story in
 * a 390 px wide box (so the docs page, which shows stories inline, shows the phone layout too:
 * the widgets decide by their own width, not the viewport's).
 */
export const phone = {
  parameters: {
    viewport: {
      options: {
        phone390: {
          name: 'Phone (390 px)',
          styles: { width: '390px', height: '844px' },
          type: 'mobile',
        },
      },
    },
    layout: 'fullscreen',
  },
  globals: { viewport: { value: 'phone390', isRotated: false } },
  decorators: [
    (story) =>
      html`<div class="phone-frame">
        <style>
          .phone-frame {
            box-sizing: border-box;
            inline-size: 390px;
            max-inline-size: 100%;
            padding: 8px;
          }
        </style>
        ${story()}
      </div>`,
  ] satisfies Decorator[],
};
