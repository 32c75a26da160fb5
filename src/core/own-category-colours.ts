/**
 * A site's own category colours (`category-colors`): its reader, in a chunk of its own that only
 * pages using the attribute load.
 */
import { customColoursMax, paletteSize } from './category-colours.js';

/**
 * Reads a site's own category colours, `亲子: #e11d48; 长者: teal` (the `category-colors`
 * attribute): `name: colour` pairs separated by `;`, any CSS colour. The colour is what follows
 * the last `:`, so a name may hold one. Entries that are not a colour are left out, with a warning.
 */
export function parseCategoryColours(text = '', where: string): Map<string, string> {
  const colours = new Map<string, string>();
  const left = text.split(';').filter((entry) => {
    const colon = entry.lastIndexOf(':');
    const name = entry.slice(0, colon).trim();
    const colour = entry.slice(colon + 1).trim();
    const valid = typeof CSS === 'undefined' || CSS.supports('color', colour);
    if (colon > 0 && name && colour && valid && colours.size < customColoursMax) {
      colours.set(name.normalize('NFC'), colour);
      return false;
    }
    return entry.trim() !== '';
  });
  if (left.length) {
    console.warn(
      `[dandelion] <${where}> category-colors: left out "${left.join(';')}" (write "亲子: #e11d48; 长者: teal", at most ${customColoursMax})`,
    );
  }
  return colours;
}

/**
 * The slots with a site's own colours: each category it names takes slot
 * `paletteSize + i` (its colour is the `i`-th of `custom`), the others keep theirs.
 */
function withCustomColours(
  slots: ReadonlyMap<string, number>,
  own: ReadonlyMap<string, string>,
): { slots: Map<string, number>; custom: string[] } {
  const result = new Map(slots);
  const custom: string[] = [];
  for (const [name, colour] of own) {
    if (!result.has(name)) continue;
    result.set(name, paletteSize + custom.length);
    custom.push(colour);
  }
  return { slots: result, custom };
}

/** What applies a site's colours (`text`, read once) to the derived palette slots. */
export function ownColours(text: string | undefined, where: string) {
  const own = parseCategoryColours(text, where);
  return (slots: ReadonlyMap<string, number>) => withCustomColours(slots, own);
}
