import type { AppContext } from '../../context.ts';
import type { CaseState } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { addDays, localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { type Actor, listScope } from '../auth/permissions.ts';
import { FIGURES, type Sums } from '../cases/figures.ts';
import { STATES } from '../cases/lifecycle.ts';
import { sumStats, sumStatsByNode } from '../cases/stats.repository.ts';
import { category as findCategory, CATEGORIES } from '../cases/taxonomy.ts';
import { listNodes, type OrgNodeRow } from '../org/org.repository.ts';
import { getOrgNode } from '../org/org.service.ts';
import { type FiguresQuery, figuresFor, toSums } from './metrics.service.ts';
import * as repo from './screen-repository.ts';

/** How many days the trend covers, ending with the period's last day (or today, if sooner). */
export const TREND_DAYS = 30;
/** Open cases drawn on the map, newest first. */
export const MAP_CASES = 300;
/** Cases in the scrolling list of the latest. */
export const LATEST_CASES = 20;
/** Enough grids for a district; under a larger node the rankings and the map cover the first this many by code. */
const MAX_UNITS = 2000;

export type ScreenQuery = Omit<FiguresQuery, 'node' | 'by' | 'kind' | 'category' | 'channel'> & { node?: string };

const pick = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/** The node a caller's screen opens on: the one asked for, else the highest node the caller reads cases at. */
async function screenNodeRef(ctx: AppContext, actor: Actor, ref: string | undefined): Promise<string> {
  if (ref) return ref;
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const scope = listScope(actor, 'cases.read');
  if (actor.kind !== 'account' || !scope || scope.paths.length === 0) throw new AppError('ORG_NODE_NOT_FOUND');
  const grant = actor.grants.filter((g) => scope.paths.includes(g.path)).sort((a, b) => a.path.length - b.path.length)[0]!;
  const id = grant.nodeId ?? (await repo.firstRootNode(ctx.database.db));
  if (!id) throw new AppError('ORG_NODE_NOT_FOUND');
  return id;
}

/** Each figure's value for one node's sums, by the one definition in figures.ts. */
function figureMap(sums: Sums, ctx: AppContext): Record<string, number | null> {
  return Object.fromEntries(FIGURES.map((f) => [f.code, f.value(sums, { basicallySatisfied: ctx.config.basicallySatisfiedWeight })]));
}

/**
 * 指挥大屏: everything the command screen shows for a node and period in one read — the figures (as
 * `GET /metrics/figures` gives them), cases per day, cases per major category, figures and open load per
 * community and grid, and the newest cases. Counts come from the roll-ups; open load and the newest cases
 * from bounded reads of the cases under the node.
 */
export async function screenFor(ctx: AppContext, actor: Actor, q: ScreenQuery, locale: Locale) {
  const { db } = ctx.database;
  const nodeRef = await screenNodeRef(ctx, actor, q.node);
  const figures = await figuresFor(ctx, actor, { node: nodeRef, period: q.period, date: q.date, from: q.from, to: q.to }, locale);
  const { period } = figures;
  const node = await getOrgNode(db, figures.node.id);

  const today = localDate(now(), ctx.calendar.timeZone);
  const trendTo = period.to < today ? period.to : today;
  const trendFrom = addDays(trendTo, -(TREND_DAYS - 1));
  const byDay = await sumStats(db, { nodeId: node.id, from: trendFrom, to: trendTo }, 'day');
  const days = Array.from({ length: TREND_DAYS }, (_, i) => addDays(trendFrom, i));
  const dayValue = (day: string, metric: string) => byDay.find((r) => r.dim === day && r.metric === metric)?.total ?? 0;
  const trend = days.map((day) => ({ day, received: dayValue(day, 'received'), resolved: dayValue(day, 'resolved'), overdue: dayValue(day, 'overdue') }));

  const byCategory = await sumStats(db, { nodeId: node.id, from: period.from, to: period.to }, 'category');
  const majors = new Map<string, number>();
  for (const r of byCategory) if (r.metric === 'received' && r.total > 0) majors.set(r.dim!.slice(0, 2), (majors.get(r.dim!.slice(0, 2)) ?? 0) + r.total);
  const categories = [...majors.entries()]
    .map(([code, received]) => {
      const major = CATEGORIES.find((c) => c.major === code);
      return { code, label: major ? pick(locale, major.majorZh, major.majorEn) : pick(locale, '未分类', 'Uncategorised'), received };
    })
    .sort((a, b) => b.received - a.received || a.code.localeCompare(b.code));

  const [communities, grids] = await Promise.all([unitsUnder(ctx, node, 'community', period), unitsUnder(ctx, node, 'grid', period)]);
  const communityById = new Map(communities.map((u) => [u.id, u]));
  const gridById = new Map(grids.map((u) => [u.id, u]));
  for (const g of grids) {
    const community = g.path.split('/').map((id) => communityById.get(id)).find(Boolean);
    g.community = community ? { code: community.code, name: community.name } : null;
  }
  const open = { total: 0, overdue: 0, urgent: 0 };
  for (const l of await repo.openLoad(db, node.path)) {
    open.total += l.open;
    open.overdue += l.overdue;
    open.urgent += l.urgent;
    for (const u of [l.communityId && communityById.get(l.communityId), l.gridId && gridById.get(l.gridId)]) {
      if (!u) continue;
      u.open += l.open;
      u.openOverdue += l.overdue;
    }
  }

  const caseItem = (c: Awaited<ReturnType<typeof repo.latestCases>>[number]) => {
    const cat = c.category ? findCategory(c.category) : undefined;
    return {
      id: c.id,
      number: c.number,
      category: cat ? { code: cat.code, major: pick(locale, cat.majorZh, cat.majorEn), name: pick(locale, cat.zh, cat.en) } : null,
      grid: unitRef(c.grid_id ? gridById.get(c.grid_id) : undefined),
      state: c.state,
      stateLabel: pick(locale, STATES[c.state as CaseState].zh, STATES[c.state as CaseState].en),
      family: STATES[c.state as CaseState].family,
      urgent: c.grade === 'urgent',
      overdue: c.overdue_at !== null && STATES[c.state as CaseState].family === 'open',
      reportedAt: c.reported_at,
      location: { lng: c.lng, lat: c.lat },
    };
  };
  const [openCases, latest] = await Promise.all([repo.latestCases(db, node.path, { openOnly: true, limit: MAP_CASES }), repo.latestCases(db, node.path, { openOnly: false, limit: LATEST_CASES })]);

  return {
    node: figures.node,
    period,
    counters: figures.counters,
    figures: figures.figures,
    open,
    trend,
    categories,
    communities: communities.map(({ path: _path, community: _community, ...u }) => u),
    grids: grids.map(({ path: _path, ...u }) => u),
    openCases: openCases.map(caseItem),
    latest: latest.map(caseItem),
  };
}

/** The communities or grids under a node, each with its figures for the period (open load filled in later). */
async function unitsUnder(ctx: AppContext, node: OrgNodeRow, kind: 'community' | 'grid', period: { from: string; to: string }) {
  const { db } = ctx.database;
  const rows = (await listNodes(db, { kind, underPath: node.path, limit: MAX_UNITS, offset: 0 })).rows;
  const stats = new Map<string, { metric: string; total: number }[]>();
  for (const s of await sumStatsByNode(db, rows.map((r) => r.id), period.from, period.to)) {
    if (!stats.has(s.nodeId)) stats.set(s.nodeId, []);
    stats.get(s.nodeId)!.push(s);
  }
  return rows.map((r) => {
    const sums = toSums(stats.get(r.id) ?? []);
    return { id: r.id, code: r.code, name: r.name, path: r.path, community: null as { code: string; name: string } | null, counters: sums, figures: figureMap(sums, ctx), open: 0, openOverdue: 0 };
  });
}

function unitRef(u: { code: string; name: string; community: { code: string; name: string } | null } | undefined) {
  return u ? { code: u.code, name: u.name, community: u.community?.name ?? null } : null;
}
