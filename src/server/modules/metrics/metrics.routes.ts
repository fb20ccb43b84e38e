import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { underPath } from '../../db/paths.ts';
import { requestLocale } from '../../http/locale.ts';
import { Paging, limitOffset } from '../../http/schemas.ts';
import { now } from '../../platform/clock.ts';
import { listCases } from '../cases/cases.repository.ts';
import { caseListView } from '../cases/cases.views.ts';
import { COHORT_COUNTERS, FIGURES, type FollowUpCounter } from '../cases/figures.ts';
import { relationTo } from '../cases/relation.ts';
import { ChannelSchema } from '../cases/cases.schemas.ts';
import { figuresFor, figuresNode } from './metrics.service.ts';
import { resolvePeriod } from './periods.ts';
import { localDate } from '../../platform/calendar/working-days.ts';

/** The node, period and filters every figure takes (also the figures ledger's). */
export const PeriodQuery = {
  node: Type.String({ minLength: 1, maxLength: 100, description: 'Org node (id or code); figures include everything below it' }),
  period: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month'), Type.Literal('year'), Type.Literal('custom')], { description: 'Default month' })),
  date: Type.Optional(Type.String({ maxLength: 10, description: 'The day (YYYY-MM-DD, also for week), month (YYYY-MM) or year (YYYY)' })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  category: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{2})?$' })),
  channel: Type.Optional(ChannelSchema),
};

// Which follow-ups stand behind each follow-up counter.
const followUpCondition: Record<FollowUpCounter, [string, unknown] | null> = {
  follow_ups: null,
  valid_follow_ups: ['reached', 1],
  contacted_in_time: ['contacted_in_time', 1],
  solved: ['solved', 1],
  satisfied: ['satisfaction', 'satisfied'],
  basically_satisfied: ['satisfaction', 'basically_satisfied'],
  dissatisfied: ['satisfaction', 'dissatisfied'],
};

export function metricsRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/metrics/figures', {
    schema: {
      tags: ['metrics'],
      summary: 'KPI figures for an org node and period',
      description:
        'Every figure of CASES.md (受理量, 主动发现率, 重复诉求率, 按时签收率, 结案率, 按期办结率, 超期率, 返工率, 网格内解决率, 平均处置时长, 响应率, 解决率, 满意率) with its formula, ' +
        'computed from roll-ups kept as events happen, so the cost does not grow with the number of cases. Cohort figures belong to the day a case was reported; follow-up figures to the day of the follow-up. ' +
        'Each figure links to the cases behind it. `by` breaks the figures down by category, channel or kind.',
      querystring: Type.Object({ ...PeriodQuery, by: Type.Optional(Type.Union([Type.Literal('category'), Type.Literal('channel'), Type.Literal('kind')])) }, { additionalProperties: false }),
    },
  }, async (request) => figuresFor(ctx, request.actor, request.query, requestLocale(request)));

  app.get('/api/v1/metrics/cases', {
    schema: {
      tags: ['metrics'],
      summary: 'The cases behind a figure',
      description: 'The cases a figure counts (its numerator counter), for the same node, days and filters as the figure.',
      querystring: Type.Object({ ...PeriodQuery, figure: Type.Union(FIGURES.map((f) => Type.Literal(f.code))), ...Paging }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query;
    const node = await figuresNode(ctx, request.actor, q.node);
    const period = resolvePeriod(q, localDate(now(), ctx.calendar.timeZone));
    const figure = FIGURES.find((f) => f.code === q.figure)!;
    const paging = limitOffset(q);
    const base = { scopePaths: null, node: node.path, kind: q.kind, category: q.category, channel: q.channel, store: ctx.database.store, limit: paging.limit, offset: paging.offset } as const;
    let result;
    if ((COHORT_COUNTERS as readonly string[]).includes(figure.drill)) {
      result = await listCases(db, { ...base, contributes: figure.drill, dayFrom: period.from, dayTo: period.to });
    } else {
      const cond = followUpCondition[figure.drill as FollowUpCounter];
      let fq = db.selectFrom('follow_ups').select('case_id').distinct().where(underPath('follow_ups.path', node.path)).where('day', '>=', period.from).where('day', '<=', period.to);
      if (cond) fq = fq.where(cond[0] as any, '=', cond[1] as any);
      const ids = (await fq.execute()).map((r) => r.case_id);
      result = ids.length ? await listCases(db, { ...base, ids }) : { rows: [], total: 0 };
    }
    const items = await caseListView(db, request.actor, result.rows, requestLocale(request), (c) => relationTo(db, request.actor, c, ctx.config.reopenWindowDays, now().getTime()));
    return { figure: figure.code, node: { id: node.id, code: node.code, name: node.name }, period, items, total: result.total, page: paging.page, pageSize: paging.pageSize };
  });
}
