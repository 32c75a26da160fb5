/** Decoding a downloaded body to text, whatever encoding the spreadsheet or server used. */

const CHARSET = /charset\s*=\s*["']?([^"';\s]+)/i;

/**
 * Text of a downloaded file. Order: a byte-order mark (UTF-8, UTF-16LE/BE) always wins; then the
 * Content-Type charset; then strict UTF-8; then GB18030 (what Chinese Excel saves as "CSV").
 * A declared `charset=utf-8` that is not valid UTF-8 also falls back to GB18030: servers label
 * every .csv as UTF-8, whatever Excel wrote into it.
 */
export function decodeBytes(bytes: ArrayBuffer | Uint8Array, contentType?: string | null): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(view);
  }
  if (view[0] === 0xff && view[1] === 0xfe) return new TextDecoder('utf-16le').decode(view);
  if (view[0] === 0xfe && view[1] === 0xff) return new TextDecoder('utf-16be').decode(view);
  const charset = CHARSET.exec(contentType ?? '')?.[1];
  if (charset) {
    let declared: TextDecoder | undefined;
    try {
      declared = new TextDecoder(charset);
    } catch {
      declared = undefined; // unknown label: sniff instead
    }
    if (declared && declared.encoding !== 'utf-8') return declared.decode(view);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    return new TextDecoder('gb18030').decode(view);
  }
}
