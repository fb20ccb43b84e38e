import type { AppContext } from '../../context.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { type Actor, can } from '../auth/permissions.ts';
import { FIGURES, type Sums } from '../cases/figures.ts';
import { sumStats } from '../cases/stats.repository.ts';
import { category as findCategory } from '../cases/taxonomy.ts';
import { getOrgNode } from '../org/org.service.ts';
import type { OrgNodeRow } from '../org/org.repository.ts';
import { type Period, resolvePeriod } from './periods.ts';

export interface FiguresQuery {
  node: string;
  period?: 'day' | 'week' | 'month' | 'year' | 'custom';
  date?: string;
  from?: string;
  to?: string;
  kind?: string;
  category?: string;
  channel?: string;
  by?: 'category' | 'channel' | 'kind';
}

/** The node the figures are for, readable by the caller (404 otherwise, as for any out-of-scope read). */
export async function figuresNode(ctx: AppContext, actor: Actor, ref: string): Promise<OrgNodeRow> {
  const node = await getOrgNode(ctx.database.db, ref);
  if (!can(actor, 'cases.read', { path: node.path })) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'ORG_NODE_NOT_FOUND');
  return node;
}

function figureValues(sums: Sums, ctx: AppContext, locale: Locale, drillBase: string) {
  return FIGURES.map((f) => ({
    code: f.code,
    label: locale === 'en' ? f.en : f.zh,
    formula: locale === 'en' ? f.formulaEn : f.formulaZh,
    unit: f.unit,
    value: f.value(sums, { basicallySatisfied: ctx.config.basicallySatisfiedWeight }),
    cases: `${drillBase}&figure=${f.code}`,
  }));
}

/** Roll-up rows summed per metric. */
export function toSums(rows: { metric: string; total: number }[]): Sums {
  const sums: Record<string, number> = {};
  for (const r of rows) sums[r.metric] = Math.round(((sums[r.metric] ?? 0) + r.total) * 100) / 100;
  return sums as Sums;
}

/** 考核指标: every figure for a node and period from the roll-ups (no scan of cases), optionally broken down. */
export async function figuresFor(ctx: AppContext, actor: Actor, q: FiguresQuery, locale: Locale) {
  const node = await figuresNode(ctx, actor, q.node);
  const period: Period = resolvePeriod(q, localDate(now(), ctx.calendar.timeZone));
  const filter = { nodeId: node.id, from: period.from, to: period.to, kind: q.kind, category: q.category, channel: q.channel };
  const rows = await sumStats(ctx.database.db, filter);
  const params = new URLSearchParams({ node: node.code, from: period.from, to: period.to, ...(q.kind ? { kind: q.kind } : {}), ...(q.category ? { category: q.category } : {}), ...(q.channel ? { channel: q.channel } : {}) });
  const drillBase = `/api/v1/metrics/cases?${params.toString()}`;
  const sums = toSums(rows);
  const result = {
    node: { id: node.id, code: node.code, name: node.name, kind: node.kind },
    period,
    counters: sums,
    figures: figureValues(sums, ctx, locale, drillBase),
    breakdown: [] as { key: string; label: string; counters: Sums; figures: ReturnType<typeof figureValues> }[],
  };
  if (q.by) {
    const byRows = await sumStats(ctx.database.db, filter, q.by);
    const groups = new Map<string, { metric: string; total: number }[]>();
    for (const r of byRows) groups.set(r.dim!, [...(groups.get(r.dim!) ?? []), r]);
    for (const [key, group] of [...groups.entries()].sort()) {
      const s = toSums(group);
      const cat = q.by === 'category' ? findCategory(key) : undefined;
      result.breakdown.push({ key, label: cat ? (locale === 'en' ? cat.en : cat.zh) : key || (locale === 'en' ? '(none)' : '（未分类）'), counters: s, figures: figureValues(s, ctx, locale, `${drillBase}&${q.by}=${encodeURIComponent(key)}`) });
    }
  }
  return result;
}
