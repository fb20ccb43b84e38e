import type { AppContext } from '../../context.ts';
import { isUniqueViolation } from '../../db/store-errors.ts';
import { AppError } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { type Tx, actorAccountId, applyStep, assertAllowed } from '../cases/engine.ts';
import { STATES } from '../cases/lifecycle.ts';
import * as repo from './wishes.repository.ts';
import type { ClaimRow } from './wishes.repository.ts';
import { canRecordFulfilment, matchableWish, readableWish } from './wishes.scope.ts';

export interface ClaimInput {
  offerId?: string;
  partnerUnitId?: string;
  talentId?: string;
  name?: string;
}

interface Claimant {
  name: string;
  key: string;
  offerId: string | null;
  partnerUnitId: string | null;
  talentId: string | null;
}

async function unitClaimant(tx: Tx, unitId: string, communityId: string | null): Promise<Omit<Claimant, 'offerId'>> {
  const unit = await tx.db.selectFrom('partner_units').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new AppError('PARTNER_UNIT_NOT_FOUND');
  const paired = await tx.db.selectFrom('partner_unit_communities').select('partner_unit_id').where('partner_unit_id', '=', unit.id).where('community_id', '=', communityId ?? '').executeTakeFirst();
  if (!paired) throw new AppError('WISH_CLAIMANT_OUTSIDE_COMMUNITY');
  return { name: unit.name, key: `unit:${unit.id}`, partnerUnitId: unit.id, talentId: null };
}

async function talentClaimant(tx: Tx, talentId: string, communityId: string | null): Promise<Omit<Claimant, 'offerId'>> {
  const talent = await tx.db
    .selectFrom('talents')
    .leftJoin('residents', 'residents.id', 'talents.resident_id')
    .select(['talents.id', 'talents.status', 'talents.community_id', 'talents.name', 'residents.name as resident_name'])
    .where('talents.id', '=', talentId)
    .executeTakeFirst();
  if (!talent) throw new AppError('TALENT_NOT_FOUND');
  if (talent.community_id !== communityId) throw new AppError('WISH_CLAIMANT_OUTSIDE_COMMUNITY');
  if (talent.status !== 'confirmed' && talent.status !== 'proposed') throw new AppError('TALENT_NOT_ACTIVE');
  return { name: talent.resident_name ?? talent.name, key: `talent:${talent.id}`, partnerUnitId: null, talentId: talent.id };
}

/** Who is claiming: exactly one of an offer of the wish's community, a paired unit, a talent of it, or a named person. */
async function claimantOf(tx: Tx, c: CaseRow, input: ClaimInput): Promise<Claimant & { offer: repo.OfferRow | null }> {
  const given = [input.offerId, input.partnerUnitId, input.talentId, input.name?.trim()].filter((x) => !!x);
  if (given.length !== 1) throw new AppError('WISH_CLAIMANT_REQUIRED');
  if (input.offerId) {
    const offer = await repo.findOffer(tx.db, input.offerId);
    if (!offer) throw new AppError('SERVICE_OFFER_NOT_FOUND');
    if (offer.community_id !== c.community_id) throw new AppError('WISH_CLAIMANT_OUTSIDE_COMMUNITY');
    if (offer.active !== 1) throw new AppError('SERVICE_OFFER_INACTIVE');
    const who = offer.partner_unit_id ? await unitClaimant(tx, offer.partner_unit_id, c.community_id) : await talentClaimant(tx, offer.talent_id!, c.community_id);
    return { ...who, offerId: offer.id, offer };
  }
  if (input.partnerUnitId) return { ...(await unitClaimant(tx, input.partnerUnitId, c.community_id)), offerId: null, offer: null };
  if (input.talentId) return { ...(await talentClaimant(tx, input.talentId, c.community_id)), offerId: null, offer: null };
  const name = input.name!.trim();
  return { name, key: `name:${name}`, partnerUnitId: null, talentId: null, offerId: null, offer: null };
}

/**
 * 认领: the office matches a wish with an offer of its service list, a partner unit, a talent or a named
 * person. Several claimants may share one wish (多对一); one offer takes wishes up to its capacity (一对多),
 * even when claims race. The first claim is the engine's dispatch and acceptance (the timeline names the
 * claimant); a further one is a note on it. All in the caller's transaction.
 */
export async function claimWish(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: ClaimInput) {
  let { c } = await matchableWish(tx.db, ctx, actor, ref);
  if (STATES[c.state].family !== 'open' || c.state === 'suspended') throw new AppError('WISH_NOT_OPEN');
  const who = await claimantOf(tx, c, input);
  if (await repo.liveClaimByKey(tx.db, c.id, who.key)) throw new AppError('WISH_ALREADY_CLAIMED', { claimant: who.name });
  const at = nowIso();
  if (who.offer && !(await repo.takeOfferPlace(tx.db, who.offer.id, at))) {
    const fresh = (await repo.findOffer(tx.db, who.offer.id))!;
    throw new AppError(fresh.active === 1 ? 'SERVICE_OFFER_FULL' : 'SERVICE_OFFER_INACTIVE', { capacity: fresh.capacity });
  }
  const claim: ClaimRow = {
    id: newId(),
    case_id: c.id,
    community_id: c.community_id ?? '',
    path: c.path,
    offer_id: who.offerId,
    partner_unit_id: who.partnerUnitId,
    talent_id: who.talentId,
    claimant_name: who.name,
    claimant_key: who.key,
    status: 'claimed',
    claimed_at: at,
    claimed_by: actorAccountId(actor),
    fulfilment_note: null,
    photo_ids: '[]',
    fulfilled_at: null,
    fulfilled_by: null,
    withdrawn_at: null,
    withdrawn_by: null,
    withdraw_reason: null,
  };
  try {
    await repo.insertClaim(tx.db, claim);
  } catch (err) {
    // The same claimant recorded twice at once: the other request holds the claim.
    if (isUniqueViolation(err)) throw new AppError('WISH_ALREADY_CLAIMED', { claimant: who.name });
    throw err;
  }
  const detail = { reason: `${who.name} 认领`, publicNote: true, data: { claimId: claim.id, claimant: who.name, offerId: who.offerId } };
  if (c.state === 'new') {
    assertAllowed(c, 'dispatch', actor);
    c = await applyStep(tx, actor, c, 'dispatch', { state: 'dispatched', needs_review: 0 }, { ...detail, fromHandler: c.handler_node_id, toHandler: c.handler_node_id });
  }
  if (c.state === 'dispatched') {
    assertAllowed(c, 'accept', actor);
    c = await applyStep(tx, actor, c, 'accept', { state: 'in_progress', accepted_at: c.accepted_at ?? at }, detail);
  } else {
    c = await applyStep(tx, actor, c, 'note', {}, detail);
  }
  return claim.id;
}

async function pendingClaim(tx: Tx, c: CaseRow, claimId: string): Promise<ClaimRow> {
  const claim = await repo.findClaim(tx.db, claimId);
  if (!claim || claim.case_id !== c.id) throw new AppError('WISH_CLAIM_NOT_FOUND');
  if (claim.status !== 'claimed') throw new AppError('WISH_CLAIM_NOT_PENDING');
  return claim;
}

/**
 * 退回认领: a claimant cannot do it after all. Its place on the offer is freed; when no claim is left the
 * wish goes back to the community's queue and onto the needs list (the engine's return step); when the
 * claimants left have all done their part, it is resolved.
 */
export async function withdrawClaim(tx: Tx, ctx: AppContext, actor: Actor, ref: string, claimId: string, reason: string) {
  let { c } = await matchableWish(tx.db, ctx, actor, ref);
  const claim = await pendingClaim(tx, c, claimId);
  const at = nowIso();
  if (!(await repo.setClaimStatus(tx.db, claim.id, 'claimed', { status: 'withdrawn', withdrawn_at: at, withdrawn_by: actorAccountId(actor), withdraw_reason: reason.trim() }))) throw new AppError('WISH_CLAIM_NOT_PENDING');
  if (claim.offer_id) await repo.releaseOfferPlace(tx.db, claim.offer_id, at);
  const { live, pending } = await repo.claimCounts(tx.db, c.id);
  const detail = { reason: `${claim.claimant_name} 退回认领：${reason.trim()}`, data: { claimId: claim.id, claimant: claim.claimant_name } };
  if (live > 0 && pending === 0 && c.state === 'in_progress') {
    // The others sharing the wish (多对一) have all done their part: it is fulfilled without this one.
    const done = (await repo.claimsOfCases(tx.db, [c.id])).filter((k) => k.status === 'fulfilled');
    const resolution = done.map((k) => `${k.claimant_name}：${k.fulfilment_note}`).join('；');
    c = await applyStep(tx, actor, c, 'note', {}, detail);
    assertAllowed(c, 'resolve', actor);
    await applyStep(tx, actor, c, 'resolve', { state: 'resolved', resolved_at: at, resolved_tier: c.tier, resolution }, { reason: resolution, publicNote: true });
  } else if (live === 0 && (c.state === 'dispatched' || c.state === 'in_progress')) {
    assertAllowed(c, 'return', actor);
    const community = c.community_id ? await tx.db.selectFrom('org_nodes').select(['id', 'path']).where('id', '=', c.community_id).executeTakeFirst() : undefined;
    await applyStep(tx, actor, c, 'return', { state: 'new', return_count: c.return_count + 1, handler_staff_id: null, handler_node_id: community?.id ?? c.handler_node_id, handler_path: community?.path ?? c.handler_path }, { ...detail, fromHandler: c.handler_staff_id ?? c.handler_node_id, toHandler: community?.id ?? null });
  } else {
    await applyStep(tx, actor, c, 'note', {}, detail);
  }
}

/**
 * 心愿完成: the claimant's part is done, proven with at least one photo (attached to the case like any proof).
 * When no claim is left pending the wish is resolved (the engine's resolve), waiting for staff to verify it.
 */
export async function fulfilClaim(tx: Tx, ctx: AppContext, actor: Actor, ref: string, claimId: string, input: { note: string; photoIds: string[] }) {
  let { c } = await readableWish(tx.db, ctx, actor, ref);
  if (!canRecordFulfilment(actor, c)) throw new AppError('FORBIDDEN');
  const claim = await pendingClaim(tx, c, claimId);
  const photoIds = [...new Set(input.photoIds)];
  if (photoIds.length === 0) throw new AppError('WISH_PHOTO_REQUIRED');
  const found = await casesRepo.photosExist(tx.db, photoIds);
  if (found.length !== photoIds.length) throw new AppError('PHOTO_NOT_FOUND', { missing: photoIds.filter((p) => !found.includes(p)) });
  const at = nowIso();
  if (!(await repo.setClaimStatus(tx.db, claim.id, 'claimed', { status: 'fulfilled', fulfilment_note: input.note.trim(), photo_ids: JSON.stringify(photoIds), fulfilled_at: at, fulfilled_by: actorAccountId(actor) }))) throw new AppError('WISH_CLAIM_NOT_PENDING');
  const linked = new Set((await tx.db.selectFrom('case_photos').select('photo_id').where('case_id', '=', c.id).where('role', '=', 'proof').execute()).map((p) => p.photo_id));
  const fresh = photoIds.filter((p) => !linked.has(p));
  await casesRepo.linkPhotos(tx.db, fresh.map((photo_id, i) => ({ case_id: c.id, photo_id, role: 'proof' as const, event_id: null, released: 0, position: 100 + linked.size + i })));
  const { pending } = await repo.claimCounts(tx.db, c.id);
  const detail = { reason: `${claim.claimant_name}：${input.note.trim()}`, publicNote: true, data: { claimId: claim.id, claimant: claim.claimant_name, photoIds } };
  if (pending > 0) {
    await applyStep(tx, actor, c, 'note', {}, detail);
    return;
  }
  if (c.state === 'dispatched') {
    assertAllowed(c, 'accept', actor);
    c = await applyStep(tx, actor, c, 'accept', { state: 'in_progress', accepted_at: c.accepted_at ?? at }, {});
  }
  assertAllowed(c, 'resolve', actor);
  await applyStep(tx, actor, c, 'resolve', { state: 'resolved', resolved_at: at, resolved_tier: c.tier, resolution: input.note.trim() }, detail);
}
