import type { Dayjs } from 'dayjs';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface PeriodChoice {
  kind: PeriodKind;
  /** The month, quarter or year chosen (any day inside it). */
  at: Dayjs;
  range: [Dayjs, Dayjs] | null;
}

/**
 * The period as `PeriodQuery` takes it. The API knows day/week/month/year/custom; a quarter is sent as the
 * custom range of its three months.
 */
export function periodQuery(p: PeriodChoice): Record<string, string> | null {
  if (p.kind === 'month') return { period: 'month', date: p.at.format('YYYY-MM') };
  if (p.kind === 'year') return { period: 'year', date: p.at.format('YYYY') };
  if (p.kind === 'quarter') {
    const first = p.at.month(Math.floor(p.at.month() / 3) * 3).startOf('month');
    return { period: 'custom', from: first.format('YYYY-MM-DD'), to: first.add(2, 'month').endOf('month').format('YYYY-MM-DD') };
  }
  if (!p.range) return null;
  return { period: 'custom', from: p.range[0].format('YYYY-MM-DD'), to: p.range[1].format('YYYY-MM-DD') };
}
