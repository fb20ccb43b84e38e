/**
 * fast-check arbitraries for hostile input: values shaped by a route's schema (so some get past validation
 * and reach the handler) mixed with wrong types, missing and extra fields, huge and deeply nested values,
 * injection strings and odd Unicode.
 */
import fc from 'fast-check';
import type { Schema } from './openapi.ts';

/** Strings that have broken servers before: injections, path tricks, odd Unicode, format look-alikes. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  '" OR 1=1 --',
  '1; select pg_sleep(5)',
  "') union select username, password_hash from accounts --",
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
  '9007199254740993',
  '2026-02-30T25:61:61Z',
  '0000-00-00',
  'LX-2026-000001',
  'CSK-03',
  '\u202Eevil\u202C', // right-to-left override
  'مرحبا بالعالم',
  'שָׁלוֹם',
  '\u200B\u200C\u200D\u2060\uFEFF', // zero-width characters and a BOM
  '👨‍👩‍👧‍👦🏳️‍🌈🇨🇳',
  'བཀྲ་ཤིས་བདེ་ལེགས། ལྷ་ས།', // Tibetan
  'ༀ་མ་ཎི་པ་དྨེ་ཧཱུྃ༔',
  'Z̴̡̧̛͓͉̈́̈́̊a̸͖̎l̶̙̈g̵͕̀o̵̱͝',
  '\uD800', // a lone surrogate
  '\uDFFF\uD83D',
  '\u0001\u0007\u001B[31m',
  '\r\nX-Injected: 1',
  '13800138000',
  '540102199001011234',
  '张三',
  'a'.repeat(300),
];

export const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/\u0000/g, '')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY_STRINGS), fc.integer({ min: 1000, max: 20_000 })).map(([s, n]) => s.repeat(Math.ceil(n / Math.max(1, s.length)))) },
);

/** Deeply nested arrays or objects, as JSON text (building them as values would overflow the test's own stack). */
export const deepJson = fc
  .tuple(fc.integer({ min: 100, max: 10_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  nastyString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/**
 * Real values for fields that name other records (a household, a grid, a case), by property name; the
 * fuzz test fills it so some requests refer to things that exist and get past the 404s.
 */
export const HINTS: Record<string, unknown[]> = {};

const DAY = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

function stringFor(schema: Schema, strict: boolean): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 100_000;
  const fits = (s: string) => s.length >= min && s.length <= max && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  const alts: fc.WeightedArbitrary<string>[] = [];
  if (!strict) alts.push({ weight: 2, arbitrary: nastyString });
  if (schema.format === 'date-time') alts.push({ weight: 6, arbitrary: DAY.map((d) => d.toISOString()) });
  else if (schema.format === 'date') alts.push({ weight: 6, arbitrary: DAY.map((d) => d.toISOString().slice(0, 10)) });
  if (schema.pattern) alts.push({ weight: 4, arbitrary: fc.stringMatching(new RegExp(schema.pattern)).filter(fits) });
  // Hostile text cut to the schema's length, so it passes validation and reaches the handler; only where
  // enough of it fits the pattern (a filter that almost never passes would spin).
  if (!schema.format && NASTY_STRINGS.filter((x) => fits([...x].slice(0, max).join(''))).length >= 8) {
    alts.push({ weight: 4, arbitrary: nastyString.map((x) => [...x].slice(0, max).join('')).filter(fits) });
  }
  if (!alts.length) alts.push({ weight: 1, arbitrary: nastyString });
  return fc.oneof(...alts);
}

/**
 * A value of the schema's shape, with hostile strings wherever it says "string". `strict` keeps to the
 * schema's bounds and patterns, so the value gets past validation and reaches the handler.
 */
export function shaped(schema: Schema | undefined, depth = 0, strict = false): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  const alts: Schema[] | undefined = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((x) => shaped(x, depth + 1, strict)));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const lo: number | undefined = schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1e-9 : undefined);
  const hi: number | undefined = schema.maximum ?? (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1e-9 : undefined);
  switch (type) {
    case 'string':
      return stringFor(schema, strict);
    case 'integer': {
      const inRange = fc.integer({ min: Math.ceil(lo ?? -5), max: Math.floor(Math.min(hi ?? 1000, 1_000_000)) });
      return strict ? inRange : fc.oneof(inRange, fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER));
    }
    case 'number': {
      const inRange = fc.double({ min: lo ?? -1000, max: hi ?? 1000, noNaN: true, noDefaultInfinity: true });
      const edges = [91.1335, 29.6565, 0, -180, 180, 1e308, -1e-308].filter((n) => !strict || ((lo === undefined || n >= lo) && (hi === undefined || n <= hi)));
      return edges.length ? fc.oneof(inRange, fc.constantFrom(...edges)) : inRange;
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(shaped(schema.items, depth + 1, strict), { maxLength: Math.min(schema.maxItems ?? 4, 4), minLength: Math.min(schema.minItems ?? 0, 4) });
    case 'object':
    default: {
      const props: Record<string, Schema> = schema.properties ?? {};
      const keys = Object.keys(props);
      if (!keys.length) return type === 'object' ? fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) : fc.jsonValue({ maxDepth: 2 });
      const required = new Set<string>(schema.required ?? []);
      return fc.record(
        Object.fromEntries(keys.map((k) => [k, HINTS[k]?.length ? fc.oneof(shaped(props[k], depth + 1, strict), fc.constantFrom(...HINTS[k]!)) : shaped(props[k], depth + 1, strict)])),
        { requiredKeys: keys.filter((k) => required.has(k)) },
      );
    }
  }
}

/** A hostile variant of a schema-shaped object: a field of the wrong type, a required one missing, an extra one. */
export function mangled(schema: Schema | null): fc.Arbitrary<unknown> {
  const base = shaped(schema ?? undefined, 0, true);
  const keys = Object.keys(schema?.properties ?? {});
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('wrong' as const), key: keys.length ? fc.constantFrom(...keys) : fc.constant('x'), value: wrongType }),
    fc.record({ kind: fc.constant('drop' as const), key: keys.length ? fc.constantFrom(...keys) : fc.constant('x'), value: fc.constant(null) }),
    fc.record({ kind: fc.constant('extra' as const), key: fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'role', 'path', 'id', '💥', ''), value: wrongType }),
  );
  return fc.tuple(base, mutation).map(([value, m]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (m.kind === 'drop') delete copy[m.key];
    else if (m.key === '__proto__') Object.defineProperty(copy, '__proto__', { value: m.value, enumerable: true });
    else copy[m.key] = m.value;
    return copy;
  });
}

/** Bytes that are not UTF-8: stray continuation bytes, overlong forms, surrogates and a truncated sequence. */
export const invalidUtf8 = fc
  .tuple(
    fc.constantFrom(Buffer.from([0xc3, 0x28]), Buffer.from([0xa0, 0xa1]), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from([0xf0, 0x90, 0x28, 0xbc]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0xe4, 0xb8])),
    fc.constantFrom('{"name":"', '{"description":"', '["', '"', '{"'),
  )
  .map(([bad, prefix]) => Buffer.concat([Buffer.from(prefix), bad, Buffer.from(prefix.startsWith('[') ? '"]' : prefix === '"' ? '"' : '"}')]));

/** A string for a URL path segment: encoded, except when the raw form is the point (bad escapes, dots). */
export const pathSegment = fc.oneof(
  { weight: 5, arbitrary: nastyString.map(encodeSegment) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%FF%FE', '%C0%AF', '..', '.', '%2e%2e%2f', '%00', '%2F', 'a%20b', '%uD800') },
);

/** encodeURIComponent, which throws on lone surrogates; those are sent as their UTF-8 replacement. */
export function encodeSegment(s: string): string {
  return encodeURIComponent((s as string & { toWellFormed(): string }).toWellFormed()).slice(0, 4000) || 'x';
}

/** A query string: schema-shaped values and junk keys, plus raw malformed strings. */
export function queryString(schema: Schema | null): fc.Arbitrary<string> {
  const shapedQuery = fc
    .tuple(schema ? mangled(schema) : fc.constant({}), fc.boolean())
    .map(([q, repeat]) => {
      if (!q || typeof q !== 'object') return '';
      const parts: string[] = [];
      for (const [k, v] of Object.entries(q as Record<string, unknown>)) {
        const text = typeof v === 'string' ? v : JSON.stringify(v) ?? '';
        parts.push(`${encodeSegment(k)}=${encodeSegment(text).slice(0, 3000)}`);
        if (repeat) parts.push(`${encodeSegment(k)}=${encodeSegment(text).slice(0, 100)}`);
      }
      return parts.join('&');
    });
  return fc.oneof(
    { weight: 6, arbitrary: shapedQuery },
    { weight: 1, arbitrary: fc.constantFrom('a=%', 'q=%E0%A4%A', '&&&=&=', 'page[x]=1', '__proto__[x]=1', 'constructor.prototype.x=1', 'pageSize=1e9', 'page=-1', 'page=999999999999', 'q=' + 'x'.repeat(5000)) },
  );
}
