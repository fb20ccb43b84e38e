import { maskIdNumber, maskPhone } from './privacy.ts';

/**
 * What the public may read of residents' own words (Open311, the public board): contact details and names
 * that people type into a report ("请联系张三 13800138000") are masked. Digits may be full-width
 * (１３８…, as Chinese input methods type them) or grouped with spaces or hyphens.
 */

const D = '[0-9\\uFF10-\\uFF19]';
const SEP = '[\\s\\-\\u2010-\\u2015]?';
// 18-character ID numbers (the last may be X) and the older 15-digit ones.
const ID_NUMBER = new RegExp(`(?<!${D})(?:${D}{17}[0-9\\uFF10-\\uFF19Xx\\uFF38\\uFF58]|${D}{15})(?![0-9\\uFF10-\\uFF19Xx])`, 'g');
// Mobile numbers, optionally with +86, grouped 3-4-4 or not.
const MOBILE = new RegExp(`(?<!${D})(?:(?:\\+|\\uFF0B)?86${SEP})?[1\\uFF11][3-9\\uFF13-\\uFF19]${D}${SEP}${D}{4}${SEP}${D}{4}(?!${D})`, 'g');
// Landlines with an area code: 0891-6321234, (0891)6321234.
const LANDLINE = new RegExp(`(?<!${D})[(\\uFF08]?[0\\uFF10]${D}{2,3}[)\\uFF09]?${SEP}${D}{7,8}(?!${D})`, 'g');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

function ascii(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9Xx]/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A person's name as the public sees it: the surname, then one `*` per character (张三 → 张*). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/**
 * Free text with ID numbers, mobile and landline numbers, e-mail addresses and the given people's names
 * masked. Names shorter than two characters are left alone (one character matches too much).
 */
export function redactText(text: string, names: readonly string[] = []): string {
  let out = text
    .replace(ID_NUMBER, (m) => maskIdNumber(ascii(m).toUpperCase()))
    .replace(MOBILE, (m) => maskPhone(ascii(m).slice(-11)))
    .replace(LANDLINE, (m) => `${'*'.repeat(Math.max(0, ascii(m).length - 4))}${ascii(m).slice(-4)}`)
    .replace(EMAIL, (m) => `${m[0]}***@${m.split('@')[1]}`);
  const tokens = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if ([...trimmed].length >= 2) tokens.add(trimmed);
    // "John Smith" may be written as "Smith" alone.
    for (const part of trimmed.split(/\s+/)) if (part.length >= 3 && /^[A-Za-z'-]+$/.test(part)) tokens.add(part);
  }
  for (const token of [...tokens].sort((a, b) => b.length - a.length)) {
    const latin = /^[A-Za-z'\s-]+$/.test(token);
    const pattern = latin ? new RegExp(`\\b${escapeRegExp(token)}\\b`, 'gi') : new RegExp(escapeRegExp(token), 'g');
    out = out.replace(pattern, (m) => maskName(m));
  }
  return out;
}
