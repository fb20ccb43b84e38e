import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { now } from '../../platform/clock.ts';
import { type Actor, listScope } from '../auth/permissions.ts';
import { casesDueFollowUp } from './cases.repository.ts';
import { caseListView } from './cases.views.ts';
import { relationTo } from './relation.ts';

const DueQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 30, description: 'Resolved within this many days (default 30)' })) },
  { additionalProperties: false },
);

/** 待回访: the worker app's list of cases waiting for a follow-up visit or call. */
export function followUpsDueRoutes(app: App, ctx: AppContext): void {
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
