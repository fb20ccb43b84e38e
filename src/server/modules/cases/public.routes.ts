import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { underPath } from '../../db/paths.ts';
import { AppError } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { IdParam, Paging, limitOffset } from '../../http/schemas.ts';
import { now } from '../../platform/clock.ts';
import { redactText } from '../../platform/redact.ts';
import { recordAudit } from '../auth/auth.service.ts';
import { getOrgNode } from '../org/org.service.ts';
import * as repo from './cases.repository.ts';
import type { CaseRow } from './cases.repository.ts';
import { mayHandle, mayRead, mayTake } from './cases.policy.ts';
import { inTransaction } from './cases.routes.ts';
import * as handling from './handling.service.ts';
import { STATES } from './lifecycle.ts';
import { relationTo } from './relation.ts';
import { category as findCategory } from './taxonomy.ts';

// About 100 m: enough to see where, not which door.
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * What the public board may show of a case: its category, state, grid, a location rounded to ~100 m,
 * dates, how many people reported it, the staff-written result with contact details masked, and photos
 * staff released. Never the reporter, never the resident's own words (they may name people).
 */
export function publicCaseView(c: CaseRow, names: Map<string, string>, photos: { id: string }[], locale: 'zh-CN' | 'en') {
  const cat = c.category ? findCategory(c.category) : undefined;
  return {
    number: c.number,
    category: c.category,
    categoryLabel: cat ? (locale === 'en' ? cat.en : cat.zh) : null,
    state: STATES[c.state].family === 'open' ? 'open' : 'closed',
    stateLabel: locale === 'en' ? STATES[c.state].plainEn : STATES[c.state].plainZh,
    grid: c.grid_id ? names.get(c.grid_id) ?? null : null,
    community: c.community_id ? names.get(c.community_id) ?? null : null,
    location: { lng: round3(c.lng), lat: round3(c.lat) },
    reportedAt: c.reported_at,
    resolvedAt: c.resolved_at,
    closedAt: c.closed_at,
    reporterCount: c.reporter_count,
    result: c.resolution ? redactText(c.resolution, c.reporter_name ? [c.reporter_name] : []) : null,
    photos: photos.map((p) => ({ url: `/api/v1/photos/${p.id}`, thumbnailUrl: `/api/v1/photos/${p.id}?size=thumb` })),
  };
}

export function publicRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/public/cases', {
    schema: {
      tags: ['public'],
      summary: 'The public board',
      description: 'Public, no sign-in. Cases marked public (by default every category but disputes, social security and public security), newest first: category, state, grid, location rounded to about 100 m, dates, how many residents reported it, the result, and photos staff released. No names, phone numbers or residents\' own words.',
      querystring: Type.Object(
        {
          node: Type.Optional(Type.String({ maxLength: 100, description: 'Org node (id or code)' })),
          category: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{2})?$' })),
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
          ...Paging,
        },
        { additionalProperties: false },
      ),
    },
  }, async (request) => {
    const q = request.query;
    const paging = limitOffset(q);
    const node = q.node ? await getOrgNode(db, q.node) : null;
    let query = db.selectFrom('cases').where('is_public', '=', 1).where('state', 'not in', ['merged', 'rejected']);
    if (node) query = query.where(underPath('cases.path', node.path));
    if (q.category) query = q.category.length === 2 ? query.where('category', 'like', `${q.category}%`) : query.where('category', '=', q.category);
    if (q.status === 'open') query = query.where('state', 'in', ['new', 'dispatched', 'in_progress', 'suspended']);
    if (q.status === 'closed') query = query.where('state', 'in', ['resolved', 'closed']);
    const total = Number((await query.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await query.selectAll().orderBy('reported_at', 'desc').limit(paging.limit).offset(paging.offset).execute();
    const nodeIds = [...new Set(rows.flatMap((r) => [r.grid_id, r.community_id]).filter((x): x is string => !!x))];
    const names = new Map((nodeIds.length ? await db.selectFrom('org_nodes').select(['id', 'name']).where('id', 'in', nodeIds).execute() : []).map((n) => [n.id, n.name]));
    const released = rows.length ? await db.selectFrom('case_photos').select(['case_id', 'photo_id as id']).where('case_id', 'in', rows.map((r) => r.id)).where('released', '=', 1).orderBy('position').execute() : [];
    const locale = requestLocale(request);
    const items = rows.map((c) => publicCaseView(c, names, released.filter((p) => p.case_id === c.id), locale));
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  });

  app.post('/api/v1/cases/:id/publish', {
    schema: {
      tags: ['cases'],
      summary: '公开设置 Publish',
      description: 'Staff choose whether the case shows on the public board and which of its photos are released there. Recorded on the timeline.',
      params: IdParam,
      body: Type.Object({ public: Type.Optional(Type.Boolean()), releasePhotoIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 12 })), withholdPhotoIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 12 })) }, { additionalProperties: false, minProperties: 1 }),
    },
  }, async (request) => {
    const actor = request.actor;
    if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    const row = await inTransaction(ctx, (tx) => handling.publishCase(tx, ctx, actor, request.params.id, request.body));
    return { number: row.number, isPublic: row.is_public === 1 };
  });

  app.get('/api/v1/cases/:id/reporter-contact', {
    schema: {
      tags: ['cases'],
      summary: 'The reporter\'s contact details',
      description: 'For the staff handling the case, to call the reporter back: names and unmasked phone numbers of every reporter. Each read is written to the audit log.',
      params: IdParam,
    },
  }, async (request, reply) => {
    const actor = request.actor;
    if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
    const c = await repo.findCase(db, request.params.id);
    if (!c) throw new AppError('CASE_NOT_FOUND');
    const rel = await relationTo(db, actor, c, ctx.config.reopenWindowDays, now().getTime());
    if (!mayRead(actor, c, rel) || rel.isReporter) throw new AppError('CASE_NOT_FOUND');
    if (!mayHandle(actor, c, rel) && !mayTake(actor, c, 'follow_up', { ...rel, isReporter: false })) throw new AppError('FORBIDDEN');
    const reporters = await repo.listReporters(db, c.id);
    // A signed-in resident's contact details live on their resident record.
    const residentIds = reporters.map((r) => r.resident_id).filter((x): x is string => !!x);
    const residents = new Map((residentIds.length ? await db.selectFrom('residents').select(['id', 'name', 'phone']).where('id', 'in', residentIds).execute() : []).map((r) => [r.id, r]));
    await recordAudit(db, actor, 'case.reporter_contact.read', 'case', c.id);
    reply.header('cache-control', 'no-store');
    return {
      number: c.number,
      reporters: reporters.map((r) => {
        const resident = r.resident_id ? residents.get(r.resident_id) : undefined;
        return { name: r.name ?? resident?.name ?? null, phone: r.phone ?? resident?.phone ?? null, viaAccount: !!r.account_id };
      }),
    };
  });
}
