import { AppError } from '../../http/errors.ts';
import { addDays, dayOfWeek, isLocalDate } from '../../platform/calendar/working-days.ts';

/** A period of whole local days, inclusive. */
export interface Period {
  from: string;
  to: string;
}

/**
 * The local days a figure covers: a day (`2026-11-23`), the Monday-to-Sunday week containing a day, a
 * month (`2026-11`), a year (`2026`), or a custom range of whole days.
 */
export function resolvePeriod(q: { period?: 'day' | 'week' | 'month' | 'year' | 'custom'; date?: string; from?: string; to?: string }, today: string): Period {
  const period = q.period ?? (q.from || q.to ? 'custom' : 'month');
  const bad = (field: string) => new AppError('VALIDATION_FAILED', [{ field: `querystring/${field}`, problem: 'not a valid date for this period' }]);
  if (period === 'custom') {
    if (!q.from || !q.to || !isLocalDate(q.from) || !isLocalDate(q.to) || q.from > q.to) throw bad('from');
    return { from: q.from, to: q.to };
  }
  const date = q.date ?? (period === 'year' ? today.slice(0, 4) : period === 'month' ? today.slice(0, 7) : today);
  if (period === 'year') {
    if (!/^\d{4}$/.test(date)) throw bad('date');
    return { from: `${date}-01-01`, to: `${date}-12-31` };
  }
  if (period === 'month') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(date)) throw bad('date');
    const next = date.slice(5) === '12' ? `${Number(date.slice(0, 4)) + 1}-01-01` : `${date.slice(0, 5)}${String(Number(date.slice(5)) + 1).padStart(2, '0')}-01`;
    return { from: `${date}-01`, to: addDays(next, -1) };
  }
  if (!isLocalDate(date)) throw bad('date');
  if (period === 'day') return { from: date, to: date };
  const monday = addDays(date, -((dayOfWeek(date) + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}
