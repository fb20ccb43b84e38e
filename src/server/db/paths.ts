import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * Materialised paths of the org tree (`/<district>/<street>/<community>/<sector>/<grid>/`): "under a node"
 * is a byte-wise prefix range, which the path indexes serve on both stores (PostgreSQL columns use collate "C").
 */
export function pathUpperBound(prefix: string): string {
  return `${prefix}\uffff`;
}

/** `column` lies under `prefix`. */
export function underPath(column: string, prefix: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} >= ${prefix} and ${sql.ref(column)} < ${pathUpperBound(prefix)})`;
}

/** `column` lies under any of the prefixes (false for none). */
export function underAnyPath(column: string, prefixes: string[]): Expression<SqlBool> {
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(prefixes.map((p) => underPath(column, p)), sql` or `)})`;
}
