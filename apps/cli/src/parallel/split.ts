/** Where a large input is cut in two for two threads. */
export interface SplitPlan {
  kind: 'array' | 'lines';
  /** The first part is bytes [0, firstEnd) (plus `]` for an array). */
  firstEnd: number;
  /** The second part is bytes [secondStart, size) (after `[` for an array). */
  secondStart: number;
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

function skipSpace(buf: Uint8Array, pos: number): number {
  while (pos < buf.length && SPACE.has(buf[pos]!)) pos++;
  return pos;
}

/**
 * A cut near `fraction` of the input between two top-level values, or undefined when there is no
 * safe one (the input is then loaded whole, as usual).
 *
 * - JSON Lines: at a line break.
 * - A JSON array of objects: at `},{"<key>":`, where `<key>` is the first key of the first element
 *   (tools write every element with the same first key). The pattern cannot occur inside a string
 *   (quotes are escaped there), but it can inside a nested array of objects; such a cut leaves the
 *   first part with an unclosed bracket, so its parse fails and the caller loads the input whole.
 */
export function planSplit(buf: Uint8Array, fraction: number): SplitPlan | undefined {
  const size = buf.length;
  const first = skipSpace(buf, 0);
  if (first >= size) return undefined;
  const from = Math.floor(size * fraction);
  if (buf[first] === 0x5b /* [ */) {
    const open = skipSpace(buf, first + 1);
    if (buf[open] !== 0x7b /* { */) return undefined;
    const quote = skipSpace(buf, open + 1);
    if (buf[quote] !== 0x22 /* " */) return undefined;
    const close = buf.indexOf(0x22, quote + 1);
    if (close === -1 || close - quote > 200) return undefined;
    const key = Buffer.from(buf.buffer, buf.byteOffset + quote, close - quote + 1).toString('latin1');
    if (key.includes('\\')) return undefined;
    const at = Buffer.from(buf.buffer, buf.byteOffset, size).indexOf(`},{${key}:`, from, 'latin1');
    if (at === -1) return undefined;
    return { kind: 'array', firstEnd: at + 1, secondStart: at + 2 };
  }
  if (buf[first] === 0x7b /* { */) {
    // JSON Lines only when the first line is a whole value: a pretty-printed or one-line document is not.
    const firstBreak = buf.indexOf(0x0a, first);
    if (firstBreak === -1 || firstBreak >= from) return undefined;
    try {
      JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + first, firstBreak - first).toString('utf8'));
    } catch {
      return undefined;
    }
    const at = buf.indexOf(0x0a, from);
    if (at === -1 || at + 1 >= size) return undefined;
    return { kind: 'lines', firstEnd: at + 1, secondStart: at + 1 };
  }
  return undefined;
}
