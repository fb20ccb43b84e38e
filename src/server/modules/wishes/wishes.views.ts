import type { Locale } from '../../http/errors.ts';
import { type Actor, can } from '../auth/permissions.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { type CaseRelation, mayTake } from '../cases/cases.policy.ts';
import { STATES } from '../cases/lifecycle.ts';
import { claimStatusLabel, offerKindLabel, offerModeLabel, volunteerLabel, wishStatusLabel, wishTypeLabel } from './labels.ts';
import * as repo from './wishes.repository.ts';
import type { ClaimRow, Db, OfferListRow } from './wishes.repository.ts';
import { canMatch, canRecordFulfilment } from './wishes.scope.ts';
import { parseWishData, wishStatus } from './wish-kind.ts';

const photoUrl = (id: string) => ({ id, url: `/api/v1/photos/${id}`, thumbnailUrl: `/api/v1/photos/${id}?size=thumb` });

/** Who provides an offer or made a claim: units by name for everyone; people by name only for staff of that community. */
function provider(kind: 'partner_unit' | 'talent' | 'person', id: string | null, name: string | null, named: boolean, locale: Locale) {
  return { kind, id: named ? id : null, name: kind === 'partner_unit' || named ? name : volunteerLabel(locale) };
}

export function offerView(actor: Actor, r: OfferListRow, locale: Locale) {
  const staff = can(actor, 'volunteers.read', { path: r.path });
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    kindLabel: offerKindLabel(r.kind, locale),
    wishType: r.wish_type,
    wishTypeLabel: wishTypeLabel(r.wish_type, locale),
    mode: r.mode,
    modeLabel: offerModeLabel(r.mode, locale),
    capacity: r.capacity,
    claimsTaken: r.claims_taken,
    placesLeft: Math.max(0, r.capacity - r.claims_taken),
    active: r.active === 1,
    provider: r.partner_unit_id ? provider('partner_unit', r.partner_unit_id, r.unit_name, staff, locale) : provider('talent', r.talent_id, r.talent_name, staff, locale),
    community: { code: r.community_code, name: r.community_name },
    updatedAt: r.updated_at,
    abilities: canMatch(actor, r.path) ? ['edit'] : [],
  };
}

function claimView(actor: Actor, c: CaseRow, k: ClaimRow, offers: Map<string, string>, locale: Locale) {
  const staff = can(actor, 'cases.read', { path: c.path });
  const kind = k.partner_unit_id ? 'partner_unit' : k.talent_id ? 'talent' : 'person';
  return {
    id: k.id,
    claimant: provider(kind, k.partner_unit_id ?? k.talent_id, k.claimant_name, staff, locale),
    offer: k.offer_id ? { id: k.offer_id, title: offers.get(k.offer_id) ?? null } : null,
    status: k.status,
    statusLabel: claimStatusLabel(k.status, locale),
    claimedAt: k.claimed_at,
    fulfilledAt: k.fulfilled_at,
    withdrawnAt: k.withdrawn_at,
    note: k.fulfilment_note,
    withdrawReason: staff ? k.withdraw_reason : null,
    photos: (JSON.parse(k.photo_ids) as string[]).map(photoUrl),
  };
}

/** Offers worth proposing for a wish: of its community, with places left; the same kind of wish first. */
function candidatesFor(actor: Actor, c: CaseRow, wishType: string, offers: OfferListRow[], claims: ClaimRow[], locale: Locale) {
  const taken = new Set(claims.filter((k) => k.status !== 'withdrawn' && k.offer_id).map((k) => k.offer_id));
  return offers
    .filter((o) => o.community_id === c.community_id && !taken.has(o.id))
    .sort((a, b) => Number(b.wish_type === wishType) - Number(a.wish_type === wishType))
    .slice(0, 5)
    .map((o) => ({ ...offerView(actor, o, locale), sameType: o.wish_type === wishType }));
}

export interface WishLookups {
  names: Map<string, { code: string; name: string }>;
  claims: ClaimRow[];
  offers: Map<string, string>;
  candidates: OfferListRow[] | null;
}

/** Everything the views of these wishes need, in a few queries. */
export async function wishLookups(db: Db, rows: CaseRow[], withCandidates: boolean): Promise<WishLookups> {
  const nodeIds = [...new Set(rows.flatMap((r) => [r.community_id, r.grid_id]).filter((x): x is string => !!x))];
  const nodes = nodeIds.length ? await db.selectFrom('org_nodes').select(['id', 'code', 'name']).where('id', 'in', nodeIds).execute() : [];
  const claims = await repo.claimsOfCases(db, rows.map((r) => r.id));
  const offerIds = [...new Set(claims.map((k) => k.offer_id).filter((x): x is string => !!x))];
  const offers = offerIds.length ? await db.selectFrom('service_offers').select(['id', 'title']).where('id', 'in', offerIds).execute() : [];
  const communities = [...new Set(rows.map((r) => r.community_id).filter((x): x is string => !!x))];
  return {
    names: new Map(nodes.map((n) => [n.id, { code: n.code, name: n.name }])),
    claims,
    offers: new Map(offers.map((o) => [o.id, o.title])),
    candidates: withCandidates ? await repo.offersWithPlaces(db, communities) : null,
  };
}

/** A wish for its poster and for staff: beneficiary notes and claimants' names for staff only. */
export function wishView(actor: Actor, c: CaseRow, l: WishLookups, locale: Locale, rel: CaseRelation | null) {
  const data = parseWishData(c.kind_data);
  const claims = l.claims.filter((k) => k.case_id === c.id);
  const live = claims.filter((k) => k.status !== 'withdrawn');
  const status = wishStatus(c.state, live.length);
  const staff = can(actor, 'cases.read', { path: c.path });
  const node = (id: string | null) => (id ? { id, ...(l.names.get(id) ?? { code: '', name: '' }) } : null);
  const open = STATES[c.state].family === 'open';
  const abilities: string[] = [];
  if (open && canMatch(actor, c.path)) abilities.push('claim');
  if (live.some((k) => k.status === 'claimed')) {
    if (canMatch(actor, c.path)) abilities.push('withdraw');
    if (canRecordFulfilment(actor, c)) abilities.push('fulfil');
  }
  if (rel && c.state === 'resolved' && mayTake(actor, c, 'verify', rel)) abilities.push('verify');
  return {
    id: c.id,
    number: c.number,
    wishType: data.wishType,
    wishTypeLabel: wishTypeLabel(data.wishType, locale),
    description: c.description,
    beneficiaryNote: staff ? data.beneficiaryNote ?? null : null,
    publicSummary: data.publicSummary ?? null,
    status,
    statusLabel: wishStatusLabel(status, locale),
    state: c.state,
    channel: c.channel,
    community: node(c.community_id),
    grid: node(c.grid_id),
    address: c.address,
    postedAt: c.reported_at,
    resolvedAt: c.resolved_at,
    closedAt: c.closed_at,
    resolution: c.resolution,
    claims: claims.map((k) => claimView(actor, c, k, l.offers, locale)),
    candidates: l.candidates && (status === 'open' || status === 'claimed') && canMatch(actor, c.path) ? candidatesFor(actor, c, data.wishType, l.candidates, claims, locale) : [],
    abilities,
  };
}
