import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { App, AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { Paging, limitOffset } from '../../http/schemas.ts';
import { now } from '../../platform/clock.ts';
import { can } from '../auth/permissions.ts';
import { caseFilterFor } from './case-query.ts';
import { filteredCases } from './cases.repository.ts';
import { caseListView } from './cases.views.ts';
import { STATES } from './lifecycle.ts';
import { relationTo } from './relation.ts';

/**
 * 疑似重复: the staff console's dispatch centre lists open cases the intake flagged as possibly the same
 * problem as an earlier one, each with that earlier case, so a person can merge them or let both stand.
 */
export function duplicateCandidateRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/cases/duplicate-candidates', {
    schema: {
      tags: ['cases'],
      summary: '疑似重复 Possible duplicates',
      description:
        'Staff only. Open cases in the caller\'s scope (or under `node`) that intake flagged as a possible duplicate, newest first, each with `duplicateCandidate`: ' +
        'the earlier case (id, number, title, state) when the caller may read it. 401 when signed out, 403 for residents, 404 for a node outside the caller\'s scope.',
      querystring: Type.Object({ node: Type.Optional(Type.String({ maxLength: 100, description: 'Org node (id or code)' })), ...Paging }, { additionalProperties: false }),
    },
  }, async (request) => {
    const actor = request.actor;
    const { filter, staffView } = await caseFilterFor(ctx, actor, { node: request.query.node, family: 'open' });
    if (!staffView) throw new AppError('FORBIDDEN');
    const paging = limitOffset(request.query);
    const query = filteredCases(db, filter).where('duplicate_candidate_id', 'is not', null);
    const total = Number((await query.select(sql<string | number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await query.selectAll().orderBy('reported_at', 'desc').orderBy('id', 'desc').limit(paging.limit).offset(paging.offset).execute();
    const locale = requestLocale(request);
    const items = await caseListView(db, actor, rows, locale, (c) => relationTo(db, actor, c, ctx.config.reopenWindowDays, now().getTime()));
    const candidateIds = [...new Set(rows.map((r) => r.duplicate_candidate_id!))];
    const candidates = candidateIds.length ? await db.selectFrom('cases').select(['id', 'number', 'title', 'state', 'path']).where('id', 'in', candidateIds).execute() : [];
    // An earlier case across a scope boundary stays unnamed, as any out-of-scope read.
    const readable = new Map(
      candidates
        .filter((c) => can(actor, 'cases.read', { path: c.path }))
        .map((c) => [c.id, { id: c.id, number: c.number, title: c.title, state: c.state, stateLabel: locale === 'en' ? STATES[c.state].en : STATES[c.state].zh }]),
    );
    return {
      items: items.map((item, i) => ({ ...item, duplicateCandidate: readable.get(rows[i].duplicate_candidate_id!) ?? null })),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  });
}
