import type { ServiceOfferKind, ServiceOfferMode } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import * as repo from './wishes.repository.ts';
import type { Db, OfferRow } from './wishes.repository.ts';
import { canMatch, matchingPaths, publicListNode } from './wishes.scope.ts';
import { offerView } from './wishes.views.ts';

export interface NewOffer {
  community: string;
  partnerUnitId?: string;
  talentId?: string;
  title: string;
  description?: string | null;
  kind: ServiceOfferKind;
  wishType: string;
  mode: ServiceOfferMode;
  capacity?: number;
}

/** 一对一 takes one wish; the other modes as many as the provider says (one when unsaid). */
function checkedCapacity(mode: ServiceOfferMode, capacity: number | undefined, taken: number): number {
  const value = mode === 'one_to_one' ? capacity ?? 1 : capacity ?? Math.max(1, taken);
  if ((mode === 'one_to_one' && value !== 1) || value < taken) throw new AppError('SERVICE_OFFER_CAPACITY_INVALID', { taken });
  return value;
}

async function offerOut(db: Db, actor: Actor, id: string, locale: Locale) {
  return offerView(actor, (await repo.findOfferWithProvider(db, id))!, locale);
}

/** 服务清单: a unit paired with the community, or a talent of it, offers goods, a service or funds for its wishes. */
export async function createOffer(db: Db, actor: Actor, input: NewOffer, locale: Locale) {
  matchingPaths(actor);
  const community = await findNode(db, input.community);
  if (!community || !canMatch(actor, community.path)) throw new AppError('ORG_NODE_NOT_FOUND', { community: input.community });
  if (community.kind !== 'community') throw new AppError('PARTNER_UNIT_COMMUNITY_INVALID', { kind: community.kind });
  if (!!input.partnerUnitId === !!input.talentId) throw new AppError('SERVICE_OFFER_PROVIDER_REQUIRED');
  if (input.partnerUnitId) {
    const paired = await db.selectFrom('partner_unit_communities').select('partner_unit_id').where('partner_unit_id', '=', input.partnerUnitId).where('community_id', '=', community.id).executeTakeFirst();
    if (!paired) throw new AppError((await db.selectFrom('partner_units').select('id').where('id', '=', input.partnerUnitId).executeTakeFirst()) ? 'PARTNER_UNIT_NOT_PAIRED' : 'PARTNER_UNIT_NOT_FOUND');
  } else {
    const talent = await db.selectFrom('talents').select(['community_id', 'status']).where('id', '=', input.talentId!).executeTakeFirst();
    if (!talent || talent.community_id !== community.id) throw new AppError('TALENT_NOT_FOUND');
    if (talent.status !== 'confirmed' && talent.status !== 'proposed') throw new AppError('TALENT_NOT_ACTIVE');
  }
  const at = nowIso();
  const row: OfferRow = {
    id: newId(),
    community_id: community.id,
    path: community.path,
    partner_unit_id: input.partnerUnitId ?? null,
    talent_id: input.partnerUnitId ? null : input.talentId!,
    title: input.title.trim(),
    description: input.description?.trim() || null,
    kind: input.kind,
    wish_type: input.wishType,
    mode: input.mode,
    capacity: checkedCapacity(input.mode, input.capacity, 0),
    claims_taken: 0,
    active: 1,
    created_by: actor.kind === 'account' ? actor.accountId : null,
    created_at: at,
    updated_at: at,
  };
  await repo.insertOffer(db, row);
  return offerOut(db, actor, row.id, locale);
}

export type OfferPatch = Partial<Pick<NewOffer, 'title' | 'description' | 'kind' | 'wishType' | 'mode' | 'capacity'>> & { active?: boolean };

/** Changes an offer, or stops it (`active: false`; its claims stay). The capacity never drops below its claims. */
export async function editOffer(db: Db, actor: Actor, id: string, patch: OfferPatch, locale: Locale) {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const offer = await repo.findOffer(db, id);
  // The service list is public, so an offer's existence is no secret; changing it needs the community's office.
  if (!offer) throw new AppError('SERVICE_OFFER_NOT_FOUND');
  if (!canMatch(actor, offer.path)) throw new AppError('FORBIDDEN');
  const changes: Partial<OfferRow> = { updated_at: nowIso() };
  if (patch.title !== undefined) changes.title = patch.title.trim();
  if (patch.description !== undefined) changes.description = patch.description?.trim() || null;
  if (patch.kind !== undefined) changes.kind = patch.kind;
  if (patch.wishType !== undefined) changes.wish_type = patch.wishType;
  if (patch.mode !== undefined || patch.capacity !== undefined) {
    const mode = patch.mode ?? offer.mode;
    changes.mode = mode;
    changes.capacity = checkedCapacity(mode, patch.capacity ?? (mode === 'one_to_one' ? 1 : offer.capacity), offer.claims_taken);
  }
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  // Guarded: a claim taken meanwhile keeps the capacity from falling below the claims.
  if (!(await repo.updateOffer(db, offer.id, changes))) throw new AppError('SERVICE_OFFER_CAPACITY_INVALID', { taken: (await repo.findOffer(db, offer.id))!.claims_taken });
  return offerOut(db, actor, offer.id, locale);
}

/**
 * 服务清单 / 资源清单: public, the active offers under a node (people named only for the office); the office
 * may ask for stopped ones too.
 */
export async function listOffers(db: Db, actor: Actor, q: { community?: string; wishType?: string; includeInactive?: boolean; page?: number; pageSize?: number }, locale: Locale) {
  const p = limitOffset(q);
  const node = q.community ? await publicListNode(db, q.community) : null;
  const paths = q.includeInactive ? matchingPaths(actor) : undefined;
  const { rows, total } = await repo.listOffers(db, { nodePath: node?.path, paths, activeOnly: !q.includeInactive, wishType: q.wishType, limit: p.limit, offset: p.offset });
  return { items: rows.map((r) => offerView(actor, r, locale)), total, page: p.page, pageSize: p.pageSize };
}

export async function getOffer(db: Db, actor: Actor, id: string, locale: Locale) {
  const row = await repo.findOfferWithProvider(db, id);
  if (!row || (row.active !== 1 && !canMatch(actor, row.path))) throw new AppError('SERVICE_OFFER_NOT_FOUND');
  return offerView(actor, row, locale);
}
