const ELLIPSIS = '…';

/**
 * Shortens text to at most `max` UTF-16 code units (so at most `max` characters as Security Hub counts
 * them), cutting at a word boundary so a resource id or ARN inside the text is kept whole or left
 * out, never cut in half (and no surrogate pair is split, since cuts fall on whitespace).
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  let cut = budget;
  // The character after the budget decides: if it is whitespace, the word before it is complete.
  // Otherwise cut before that word; a first word longer than the budget leaves only the ellipsis.
  if (!/\s/.test(text.charAt(budget))) {
    const lastSpace = text.slice(0, budget + 1).search(/\s\S*$/);
    cut = Math.max(0, lastSpace);
  }
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/** The JSON byte size of a value, as it travels in a request body. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
