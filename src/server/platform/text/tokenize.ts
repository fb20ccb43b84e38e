/**
 * Turns a resident's message into the features the case classifier reads.
 *
 * Chinese has no spaces and residents write with typos, dialect and missing punctuation, so the features are
 * character n-grams (1-3) inside runs of letters and digits: they survive 的/得 slips and unknown place names.
 * `Intl.Segmenter` words were measured too: they added nothing on the held-out sets and doubled the time
 * to extract features, so they are left out (docs/CLASSIFIER.md).
 *
 * Each n-gram is one exact number rather than a string, which keeps training from the corpus well under a
 * second: code points (+1, so 0 means "no character") are packed 17 bits apiece, three fit in 51 bits.
 */

/** WeChat emoticons such as [捂脸] and emoji say how the writer feels, not what the problem is. */
const EMOTICON = /\[[^\][]{1,4}\]|\p{Extended_Pictographic}/gu;
const RUN = /[\p{L}\p{N}]+/gu;
const SHIFT = 131072; // 2^17
/** Rare characters beyond the Basic Multilingual Plane and Extension B share one code. */
const OTHER = SHIFT - 1;

/** NFKC (full-width to half-width), lower case, emoticons dropped, every digit run becomes one `0`. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(EMOTICON, ' ').replace(/\d+/g, '0');
}

/** The character 1-, 2- and 3-grams of one text as exact numeric keys, with repeats. */
export function textFeatures(text: string): number[] {
  const out: number[] = [];
  for (const run of normalizeText(text).match(RUN) ?? []) {
    let a = 0; // the character two back, 0 at the start of a run
    let b = 0; // the previous character
    for (const ch of run) {
      const cp = ch.codePointAt(0)! + 1;
      const c = cp < OTHER ? cp : OTHER;
      out.push(c);
      if (b) out.push(b * SHIFT + c);
      if (a) out.push((a * SHIFT + b) * SHIFT + c);
      a = b;
      b = c;
    }
  }
  return out;
}
