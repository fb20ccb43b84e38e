import type { AppContext } from '../../context.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { now } from '../../platform/clock.ts';
import { redactText } from '../../platform/redact.ts';
import { relationTo } from '../cases/relation.ts';
import { type Actor, can, isStaff, listScope } from '../auth/permissions.ts';
import type { Tx } from '../cases/engine.ts';
import { submitCase, type NewCase } from '../cases/intake.service.ts';
import { getOrgNode } from '../org/org.service.ts';
import { wishStatusLabel, wishTypeLabel, volunteerLabel, type WishStatus } from './labels.ts';
import * as repo from './wishes.repository.ts';
import type { Db } from './wishes.repository.ts';
import { publicListNode, readableWish } from './wishes.scope.ts';
import { wishLookups, wishView } from './wishes.views.ts';
import { WISH_CATEGORY, WISH_KIND, type WishData, parseWishData, wishStatus } from './wish-kind.ts';

export interface NewWish {
  description: string;
  wishType: string;
  beneficiaryNote?: string;
  publicSummary?: string;
  /** Staff: how they found it (走访 visit, 巡查 patrol) or 代办 for a named resident (proxy). */
  channel?: 'visit' | 'patrol' | 'proxy';
  residentId?: string;
  consent?: string;
  compoundId?: string;
  location?: [number, number];
  photoIds?: string[];
}

/** Where a resident's wish is: their household's compound, else their grid's centre. */
async function homeOf(db: Db, residentId: string): Promise<Pick<NewCase, 'compoundId' | 'location'>> {
  const home = await db
    .selectFrom('residents')
    .innerJoin('households', 'households.id', 'residents.household_id')
    .innerJoin('org_nodes', 'org_nodes.id', 'households.grid_id')
    .select(['households.compound_id', 'org_nodes.centroid_lng', 'org_nodes.centroid_lat'])
    .where('residents.id', '=', residentId)
    .executeTakeFirst();
  if (home?.compound_id) return { compoundId: home.compound_id };
  if (home?.centroid_lng != null && home.centroid_lat != null) return { location: { lng: home.centroid_lng, lat: home.centroid_lat } };
  throw new AppError('WISH_PLACE_REQUIRED');
}

/**
 * 发布微心愿: a resident posts their own wish in the app; a grid worker records one found on a visit or
 * patrol (at a compound or a point), or files one for a resident who agreed (代办). It becomes a case of
 * kind micro_wish in the community's queue, with the engine's deadlines.
 */
export async function postWish(tx: Tx, ctx: AppContext, actor: Actor, input: NewWish, idempotencyKey?: string) {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const data: WishData = { wishType: input.wishType, ...(input.beneficiaryNote?.trim() ? { beneficiaryNote: input.beneficiaryNote.trim() } : {}) };
  const staff = isStaff(actor);
  // The public reads only words staff chose for it, never a resident's own (they may name people).
  if (staff && input.publicSummary?.trim()) data.publicSummary = input.publicSummary.trim();
  const common = { kind: WISH_KIND, category: WISH_CATEGORY, description: input.description.trim(), photoIds: input.photoIds, data: data as unknown as Record<string, unknown> };
  let filed: NewCase;
  if (!staff) {
    if (!actor.residentId) throw new AppError('ACTIVITY_RESIDENT_ONLY');
    filed = { ...common, channel: 'app', ...(await homeOf(tx.db, actor.residentId)) };
  } else if (input.channel === 'proxy' || input.residentId) {
    if (!input.residentId || !input.consent?.trim()) throw new AppError('WISH_RESIDENT_CONSENT_REQUIRED');
    const resident = await tx.db.selectFrom('residents').select(['id', 'path', 'household_id']).where('id', '=', input.residentId).executeTakeFirst();
    if (!resident || !can(actor, 'people.read', { path: resident.path, householdId: resident.household_id })) throw new AppError('RESIDENT_NOT_FOUND');
    filed = { ...common, channel: 'proxy', proxyFor: { residentId: resident.id, consent: input.consent.trim() }, ...(await homeOf(tx.db, resident.id)) };
  } else {
    if (!input.compoundId && !input.location) throw new AppError('WISH_PLACE_REQUIRED');
    filed = { ...common, channel: input.channel ?? 'visit', compoundId: input.compoundId, ...(input.location ? { location: { lng: input.location[0], lat: input.location[1] } } : {}) };
  }
  const { case: c } = await submitCase(tx, ctx, actor, filed, idempotencyKey);
  // Staff record wishes where they work; the transaction is undone otherwise.
  if (staff && !can(actor, 'cases.handle', { path: c.path })) throw new AppError('WISH_PLACE_OUTSIDE');
  return c;
}

export interface WishListQuery {
  node?: string;
  status?: WishStatus | 'done';
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/**
 * 匹配看板: staff see the wishes located in their scope, open ones first with candidate offers of the
 * service list; a resident sees the wishes they posted (or were filed for them).
 */
export async function listWishes(db: Db, ctx: AppContext, actor: Actor, q: WishListQuery, locale: Locale) {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const p = limitOffset(q);
  const scope = listScope(actor, 'cases.read');
  const filter: repo.WishFilter = { status: q.status, from: q.from, to: q.to };
  if (scope?.paths.length) filter.paths = scope.paths;
  else filter.reporter = { accountId: actor.accountId, residentId: actor.residentId };
  if (q.node) {
    const node = await getOrgNode(db, q.node);
    if (filter.paths && !filter.paths.some((path) => node.path.startsWith(path) || path.startsWith(node.path))) throw new AppError('ORG_NODE_NOT_FOUND');
    filter.nodePath = node.path;
  }
  const { rows, total } = await repo.listWishes(db, { ...filter, limit: p.limit, offset: p.offset, newest: !filter.paths });
  const l = await wishLookups(db, rows, !!filter.paths);
  // Only a fulfilled wish needs the relation (who may verify it), so the others skip its queries.
  const at = now().getTime();
  const rels = await Promise.all(rows.map((c) => (c.state === 'resolved' ? relationTo(db, actor, c, ctx.config.reopenWindowDays, at) : null)));
  return { items: rows.map((c, i) => wishView(actor, c, l, locale, rels[i]!)), total, page: p.page, pageSize: p.pageSize };
}

/** One wish with its claims (and, for the office that matches it, candidate offers). */
export async function getWish(db: Db, ctx: AppContext, actor: Actor, ref: string, locale: Locale) {
  const { c, rel } = await readableWish(db, ctx, actor, ref);
  const l = await wishLookups(db, [c], true);
  return wishView(actor, c, l, locale, rel);
}

/**
 * 需求清单 (public): a community's wishes that are open, claimed or fulfilled, with counts of each ("still
 * open"). Only the wish's type, the words staff chose for the public, its grid and dates, and unit names of
 * claimants: never a resident's own words, names, phones or door numbers.
 */
export async function publicNeedsList(db: Db, q: { community?: string; status?: 'open' | 'claimed' | 'done'; page?: number; pageSize?: number }, locale: Locale) {
  const p = limitOffset(q);
  const node = q.community ? await publicListNode(db, q.community) : null;
  const base: repo.WishFilter = { publicOnly: true, hideCancelled: true, ...(node ? { nodePath: node.path } : {}) };
  const counts = await repo.statusCounts(db, base);
  const sum = (...s: WishStatus[]) => counts.filter((c) => s.includes(c.status)).reduce((a, c) => a + c.n, 0);
  const { rows, total } = await repo.listWishes(db, { ...base, status: q.status, limit: p.limit, offset: p.offset });
  const l = await wishLookups(db, rows, false);
  return {
    community: node ? { id: node.id, code: node.code, name: node.name } : null,
    counts: { posted: sum('open', 'claimed', 'fulfilled', 'closed'), open: sum('open'), claimed: sum('claimed'), fulfilled: sum('fulfilled', 'closed') },
    items: rows.map((c) => {
      const data = parseWishData(c.kind_data);
      const live = l.claims.filter((k) => k.case_id === c.id && k.status !== 'withdrawn');
      const status = wishStatus(c.state, live.length);
      return {
        number: c.number,
        wishType: data.wishType,
        wishTypeLabel: wishTypeLabel(data.wishType, locale),
        summary: data.publicSummary ? redactText(data.publicSummary, c.reporter_name ? [c.reporter_name] : []) : null,
        status,
        statusLabel: wishStatusLabel(status, locale),
        grid: c.grid_id ? l.names.get(c.grid_id)?.name ?? null : null,
        community: c.community_id ? l.names.get(c.community_id)?.name ?? null : null,
        postedAt: c.reported_at,
        fulfilledAt: c.resolved_at,
        claimedBy: [...new Set(live.map((k) => (k.partner_unit_id ? k.claimant_name : volunteerLabel(locale))))],
      };
    }),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}
