const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A lone half of a surrogate pair, which no encoder accepts (encodeURIComponent throws on it). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with any lone surrogate replaced by U+FFFD, so it can be encoded anywhere. */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD');
}

/**
 * The longest start of `text` that is at most `max` UTF-16 units long and ends between two
 * characters as a reader sees them (graphemes): an emoji, a flag or a letter with its accent is
 * never split.
 */
export function startOf(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** `text` cut to at most `max` UTF-16 units with an ellipsis when it was longer. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${startOf(text, max - 1)}…`;
}
