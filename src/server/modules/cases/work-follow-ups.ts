import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { App, AppContext } from '../../context.ts';
import { underAnyPath } from '../../db/paths.ts';
import type { DB } from '../../db/tables.ts';
import { AppError } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { now } from '../../platform/clock.ts';
import { type Actor, listScope } from '../auth/permissions.ts';
import type { CaseRow } from './cases.repository.ts';
import { caseListView } from './cases.views.ts';
import { PROACTIVE_CHANNELS } from './kinds.ts';
import { relationTo } from './relation.ts';

/**
 * Resolved or closed cases in these org paths, resolved since `since`, that nobody has reached the reporter
 * about since their latest resolution. Cases staff found themselves (patrol, visit, sensor) have no resident
 * to ask, so they are left out. Oldest resolution first: the longer a resident has waited, the sooner.
 */
export async function casesDueFollowUp(db: Kysely<DB>, paths: string[], since: string, limit: number): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where(underAnyPath('cases.path', paths))
    .where('state', 'in', ['resolved', 'closed'])
    .where('resolved_at', '>=', since)
    .where('channel', 'not in', [...PROACTIVE_CHANNELS])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('follow_ups')
            .select('follow_ups.id')
            .whereRef('follow_ups.case_id', '=', 'cases.id')
            .where('follow_ups.reached', '=', 1)
            .whereRef('follow_ups.at', '>=', 'cases.resolved_at'),
        ),
      ),
    )
    .orderBy('resolved_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

const DueQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 30, description: 'Resolved within this many days (default 30)' })) },
  { additionalProperties: false },
);

/** 待回访: the worker app's list of cases waiting for a follow-up visit or call. */
export function workFollowUpRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;
  app.get('/api/v1/follow-ups/due', {
    schema: {
      tags: ['cases'],
      summary: '待回访 Cases due a follow-up',
      description: 'Resolved or closed cases in the places the caller handles, resolved in the last `days` days, whose reporter nobody has reached since. Cases found by staff (patrol, visit, sensor) are left out. Each with `abilities`; oldest resolution first, at most 100.',
      querystring: DueQuery,
    },
  }, async (request) => {
    const actor: Actor = request.actor;
    if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    const scope = listScope(actor, 'cases.handle');
    if (!scope?.paths.length) throw new AppError('FORBIDDEN');
    const days = request.query.days ?? 30;
    const since = new Date(now().getTime() - days * 86_400_000).toISOString();
    const rows = await casesDueFollowUp(db, scope.paths, since, 100);
    const items = await caseListView(db, actor, rows, requestLocale(request), (c) => relationTo(db, actor, c, ctx.config.reopenWindowDays, now().getTime()));
    return { items, total: items.length };
  });
}
