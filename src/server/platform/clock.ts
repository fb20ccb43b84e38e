/** The current time as the ISO-8601 UTC string every table stores. Tests may replace the clock. */
let nowFn: () => Date = () => new Date();

export function now(): Date {
  return nowFn();
}

export function nowIso(): string {
  return nowFn().toISOString();
}

/** For tests: freeze or move time; call with no argument to restore the real clock. */
export function setClock(fn?: () => Date): void {
  nowFn = fn ?? (() => new Date());
}
