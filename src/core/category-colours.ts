/**
 * Category colours that stay put: a category's palette slot follows from its name and the set of
 * categories in the data, never from the UI language, the sort order or the view. So 亲子 keeps
 * its colour in the month, week and list views, in zh-Hans and in English.
 */

/** Slots in the widgets' category palette (`--_cat-0` … `--_cat-7`). */
export const paletteSize = 8;

/** FNV-1a hash of the name (NFC, trimmed): the same number on every page and in every browser. */
function hashOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name.normalize('NFC').trim()) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A palette slot for every category: each takes the slot its name hashes to, or the next free
 * one when another took it first (in an order fixed by hash and code points, not by locale).
 * Up to {@link paletteSize} categories get distinct colours; beyond that slots repeat.
 */
export function categorySlots(names: Iterable<string>): Map<string, number> {
  const ordered = [...new Set(names)]
    .map((name) => ({ name, hash: hashOf(name) }))
    .sort((a, b) => a.hash - b.hash || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const taken = new Set<number>();
  const slots = new Map<string, number>();
  for (const { name, hash } of ordered) {
    let slot = hash % paletteSize;
    if (taken.size < paletteSize) {
      while (taken.has(slot)) slot = (slot + 1) % paletteSize;
      taken.add(slot);
    }
    slots.set(name, slot);
  }
  return slots;
}

/** Categories a site may give colours of its own (palette slots after the derived ones). */
export const customColoursMax = 16;
