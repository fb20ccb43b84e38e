import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// Bodies are validated strictly: a wrong type or an unknown field is refused, never coerced or dropped.
// Query strings, params and headers arrive as text, so those get type coercion.
const shared: Options = { allErrors: false, removeAdditional: false, useDefaults: true, strict: false };
const strictAjv = addFormats.default(new Ajv.default({ ...shared, coerceTypes: false }));
const coercingAjv = addFormats.default(new Ajv.default({ ...shared, coerceTypes: 'array' }));

/** Fastify's validator compiler: strict for bodies, coercing for everything else. */
export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(schema) as any;
};

/**
 * Whether a parsed body holds a NUL character anywhere. PostgreSQL cannot store one in text, and no
 * person types one, so such a body is refused the same way on both stores.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}
