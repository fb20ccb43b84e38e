/**
 * The two wire formats of GeoReport v2 (http://wiki.open311.org/GeoReport_v2): JSON, and the XML it is
 * mapped from by the Spark convention (a list is an element holding one element per item, named for the
 * item), plus W3C dates. No XML library: the documents are small and flat, and escaping is the whole job.
 */

export type Format = 'json' | 'xml';

/** The element name of one item of each list the spec defines (`<services><service>…`). */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

// XML 1.0 allows only these characters; anything else (control characters, lone surrogates, U+FFFE/FFFF)
// would make the document ill-formed, so it is dropped.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content escaped for XML, with characters XML cannot hold removed. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: unknown, indent: string): string {
  if (value === null || value === undefined) return `${indent}<${name}/>\n`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `${indent}<${name}>\n${value.map((v) => element(item, v, `${indent}  `)).join('')}${indent}</${name}>\n`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v, `${indent}  `)).join('');
    return `${indent}<${name}>\n${children}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${xmlEscape(String(value))}</${name}>\n`;
}

/** A UTF-8 XML document whose root element is `root`, holding `value` (a list or a record). */
export function xmlDocument(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}`;
}

/** The body and content type of a GeoReport response in the format the URL asked for. */
export function render(format: Format, root: string, value: unknown): { body: string; contentType: string } {
  return format === 'xml'
    ? { body: xmlDocument(root, value), contentType: 'text/xml; charset=utf-8' }
    : { body: JSON.stringify(value), contentType: 'application/json; charset=utf-8' };
}

/** The format a URL asks for by its extension; JSON when it names none we know (for errors on unknown routes). */
export function formatOfUrl(url: string): Format {
  return /\.xml(?:[?#]|$)/i.test(url) ? 'xml' : 'json';
}

/** The spec's error document: a list of `{ code, description }`. */
export function errorDocument(format: Format, errors: { code: number; description: string }[]): { body: string; contentType: string } {
  return render(format, 'errors', errors);
}

// Mainland China has kept one offset, without daylight saving, since 1991: published times read +08:00.
const OFFSET_MS = 8 * 3_600_000;

/** An instant as a W3C date-time in China Standard Time: `2026-03-02T10:15:30+08:00`. */
export function w3cDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

const W3C = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Reads a W3C date or date-time (`2026-03-01`, `2026-03-01T08:00:00Z`, `…+08:00`). A date, or a time
 * without an offset, is read in China Standard Time. A `+` sent unencoded in a query string arrives as a
 * space, so a space before the offset is read as `+`. Null when it is not a real date.
 */
export function parseW3cDateTime(text: string): Date | null {
  const m = W3C.exec(text.trim().replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', tz] = m;
  const offset = !tz ? '+08:00' : tz;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset === 'Z' ? 'Z' : offset}`);
  if (Number.isNaN(ms)) return null;
  // Date.parse rolls 30 February over into March; a real date reads back the same.
  const back = new Date(ms + (offset === 'Z' ? 0 : offsetMs(offset))).toISOString();
  if (back.slice(0, 10) !== `${y}-${mo}-${d}` || back.slice(11, 16) !== `${h}:${mi}`) return null;
  return new Date(ms);
}

function offsetMs(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 3_600_000 + Number(offset.slice(4, 6)) * 60_000);
}
