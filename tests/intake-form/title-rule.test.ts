import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { mountForm, warmUp } from '../support/intake.js';

/**
 * Everything of the widget painted above or around the form's title that would draw a line: a
 * visible border on a box on screen, an `<hr>`, a shadow, or a generated `::before`/`::after`.
 */
function linesAboveTitle(host: HTMLElement): string[] {
  const root = host.shadowRoot!;
  const title = root.querySelector<HTMLElement>('.form-heading');
  if (!title) throw new Error('no form title');
  const top = title.getBoundingClientRect().top;
  const lines: string[] = [];
  for (const el of [host, ...root.querySelectorAll<HTMLElement>('*')]) {
    const box = el.getBoundingClientRect();
    const onScreen = box.right > 0 && box.width > 0 && box.height > 0;
    if (!onScreen || box.top > top + 1) continue;
    const name = `${el.localName}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`;
    if (el.localName === 'hr') lines.push(`${name}: <hr>`);
    const style = getComputedStyle(el);
    for (const side of ['top', 'bottom', 'left', 'right']) {
      const width = parseFloat(style.getPropertyValue(`border-${side}-width`));
      const kind = style.getPropertyValue(`border-${side}-style`);
      if (width > 0 && kind !== 'none' && kind !== 'hidden') lines.push(`${name}: border-${side}`);
    }
    if (style.boxShadow !== 'none') lines.push(`${name}: box-shadow`);
    for (const pseudo of ['::before', '::after']) {
      const content = getComputedStyle(el, pseudo).content;
      if (content !== 'none' && content !== 'normal') lines.push(`${name}${pseudo}`);
    }
  }
  return lines;
}

describe('<intake-form> title', () => {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  for (const theme of ['light', 'dark']) {
    it(`has no rule above it (${theme}, one page and in steps)`, async () => {
      for (const name of ['activity-signup', 'kindergarten-registration']) {
        const form = await mountForm({ form: name });
        form.el.setAttribute('theme', theme);
        await form.settle();
        expect(form.title(), name).to.not.equal('');
        expect(linesAboveTitle(form.el), name).to.deep.equal([]);
      }
    });
  }
});
