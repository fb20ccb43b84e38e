/** A unique key taken by a concurrent write: the caller's conflict (409), not a server fault. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Text PostgreSQL cannot hold or a value of the wrong shape for its column: the caller's bad input (400). */
export function isBadValue(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === '22021' || code === '22P05' || code === '22001' || code === '22P02';
}
