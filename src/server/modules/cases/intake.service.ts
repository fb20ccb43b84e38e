import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { now } from '../../platform/clock.ts';
import { degreesAround, metresBetween } from '../../platform/geo/distance.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, isStaff } from '../auth/permissions.ts';
import { hashSecret } from '../../platform/secrets.ts';
import * as orgRepo from '../org/org.repository.ts';
import type { OrgNodeRow } from '../org/org.repository.ts';
import * as repo from './cases.repository.ts';
import type { CaseRow } from './cases.repository.ts';
import { deadlinesFor, defaultGrade, reportingDay, type Grade } from './deadlines.ts';
import { type Tx, actorAccountId, actorLabel, announce, moveStats } from './engine.ts';
import { contributionsOf } from './figures.ts';
import { gridHandler, staffOfAccount } from './handlers.ts';
import { type Channel, caseKind } from './kinds.ts';
import { indexTokens, textSimilarity } from './search.ts';
import { type Category, category as findCategory, isNature } from './taxonomy.ts';

export interface NewCase {
  kind?: string;
  channel?: Channel;
  description: string;
  location?: { lng: number; lat: number };
  compoundId?: string;
  address?: string;
  category?: string;
  nature?: string;
  grade?: Grade;
  photoIds?: string[];
  contactPreference?: 'phone' | 'app' | 'none';
  /** How an anonymous or hotline reporter can be reached back (kept private). */
  reporter?: { name?: string; phone?: string };
  /** 代办: staff filing for a resident, with the resident's consent recorded. */
  proxyFor?: { residentId?: string; name?: string; phone?: string; consent: string };
  isPublic?: boolean;
  data?: Record<string, unknown>;
}

// Private matters stay off the public board by default: disputes, social security, public security.
const PRIVATE_MAJORS = new Set(['08', '09', '10']);

/** The channel a caller files through when they name none, and whether they may use the one they name. */
function channelFor(actor: Actor, kindCode: string, asked: Channel | undefined): Channel {
  const kind = caseKind(kindCode)!;
  const staff = isStaff(actor);
  const channel = asked ?? (actor.kind === 'api_key' ? 'api' : staff ? (kind.channels.includes('patrol') ? 'patrol' : 'proxy') : 'app');
  const allowed =
    kind.channels.includes(channel) &&
    (actor.kind === 'api_key' ? ['api', 'open311', 'hotline', 'sensor'].includes(channel) : staff ? channel !== 'app' : channel === 'app') &&
    (!kind.staffOnly || staff);
  if (!allowed) throw new AppError('CHANNEL_NOT_ALLOWED', { kind: kindCode, channel });
  return channel;
}

/** Same request twice (a phone retrying) is recognised by its key and its content. */
function fingerprint(actor: Actor, input: NewCase): string {
  const who = actor.kind === 'account' ? actor.accountId : actor.kind === 'api_key' ? actor.apiKeyId : 'anonymous';
  return createHash('sha256').update(who).update(JSON.stringify(input)).digest('hex');
}

interface Placement {
  lng: number;
  lat: number;
  address: string | null;
  compoundId: string | null;
  grid: OrgNodeRow | null;
  community: OrgNodeRow | null;
  policeBeatId: string | null;
  lineage: OrgNodeRow[];
}

/** 定位: the point (or the compound's point) finds its grid; outside every grid, the nearest grid's community. */
async function place(ctx: AppContext, db: Tx['db'], input: NewCase): Promise<Placement> {
  let lng = input.location?.lng;
  let lat = input.location?.lat;
  let address = input.address ?? null;
  let compoundId: string | null = null;
  if (input.compoundId) {
    const compound = await db.selectFrom('compounds').selectAll().where('id', '=', input.compoundId).executeTakeFirst();
    if (!compound) throw new AppError('COMPOUND_NOT_FOUND', { compoundId: input.compoundId });
    compoundId = compound.id;
    address = address ?? compound.address ?? compound.name;
    if (lng === undefined && compound.lng !== null && compound.lat !== null) {
      lng = compound.lng;
      lat = compound.lat;
    }
  }
  if (lng === undefined || lat === undefined) throw new AppError('LOCATION_REQUIRED');
  const gridId = ctx.geo.locateGrid(lng, lat) ?? null;
  const anchorId = gridId ?? ctx.geo.nearestGrid(lng, lat);
  const anchor = anchorId ? (await orgRepo.nodesByIds(db, [anchorId]))[0] : undefined;
  const lineage = anchor ? await orgRepo.nodesByIds(db, anchor.path.split('/').filter(Boolean)) : [];
  const community = lineage.find((n) => n.kind === 'community') ?? null;
  const grid = gridId ? lineage.find((n) => n.id === gridId) ?? null : null;
  return { lng, lat, address, compoundId, grid, community, policeBeatId: ctx.geo.locatePoliceBeat(lng, lat), lineage: grid ? lineage : lineage.filter((n) => n.kind !== 'grid' && n.kind !== 'sector') };
}

/** 分类: the reporter's category, else the classifier's guess with its confidence. */
function classify(ctx: AppContext, input: NewCase): { category: Category | undefined; source: CaseRow['category_source']; confidence: number | null; needsReview: boolean } {
  if (input.category) {
    const c = findCategory(input.category);
    if (!c) throw new AppError('CATEGORY_UNKNOWN', { category: input.category });
    return { category: c, source: 'reporter', confidence: null, needsReview: false };
  }
  const guess = ctx.classifier.classify(input.description);
  return { category: findCategory(guess.category), source: 'classifier', confidence: guess.confidence, needsReview: guess.confidence < ctx.config.classifierThreshold };
}

/** An open case of the same category close by, recent, with similar words: proposed as a duplicate. */
async function duplicateOf(ctx: AppContext, db: Tx['db'], categoryCode: string, lng: number, lat: number, text: string, at: Date): Promise<string | null> {
  const radius = ctx.config.duplicateRadiusMeters;
  const { dLat, dLng } = degreesAround(lat, radius);
  const since = new Date(at.getTime() - ctx.config.duplicateWindowDays * 86_400_000).toISOString();
  const near = await repo.openCasesNear(db, { category: categoryCode, lng, lat, dLng, dLat, since });
  let best: { id: string; score: number } | null = null;
  for (const c of near) {
    if (metresBetween(lng, lat, c.lng, c.lat) > radius) continue;
    const score = textSimilarity(text, c.description);
    if (score >= 0.2 && (!best || score > best.score)) best = { id: c.id, score };
  }
  return best?.id ?? null;
}

/** 重复诉求: the same reporter, the same category, within 100 m and 30 days. */
async function repeatOf(db: Tx['db'], accountId: string | null, categoryCode: string, lng: number, lat: number, at: Date): Promise<string | null> {
  if (!accountId) return null;
  const since = new Date(at.getTime() - 30 * 86_400_000).toISOString();
  const earlier = await repo.reporterCasesSince(db, accountId, categoryCode, since);
  return earlier.find((c) => metresBetween(lng, lat, c.lng, c.lat) <= 100)?.id ?? null;
}

/** Who reported, as one key per case: the account, the resident reported for, the anonymous phone's secret, or nobody known. */
function reporterKey(caseId: string, account: string | null, residentId: string | undefined, actor: Actor): string {
  if (account) return `account:${account}`;
  if (residentId) return `resident:${residentId}`;
  if (actor.kind === 'anonymous' && actor.reportToken) return `token:${hashSecret(actor.reportToken)}`;
  return `case:${caseId}`;
}

/**
 * 上报: takes a report in, routes, classifies, checks for duplicates, sets deadlines, dispatches to the
 * grid's handler when it can, and records it durably with its first events. With an `Idempotency-Key`
 * the same request never makes two cases.
 */
export async function submitCase(tx: Tx, ctx: AppContext, actor: Actor, input: NewCase, idempotencyKey?: string): Promise<{ case: CaseRow; replayed: boolean }> {
  const print = idempotencyKey ? fingerprint(actor, input) : '';
  if (idempotencyKey) {
    const seen = await repo.findIdempotencyKey(tx.db, idempotencyKey);
    if (seen) {
      if (seen.fingerprint !== print) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { case: (await repo.findCase(tx.db, seen.case_id))!, replayed: true };
    }
  }
  const kindCode = input.kind ?? 'demand';
  const kind = caseKind(kindCode);
  if (!kind) throw new AppError('CASE_KIND_UNKNOWN', { kind: kindCode });
  const channel = channelFor(actor, kindCode, input.channel);
  if (input.nature && !isNature(input.nature)) throw new AppError('NATURE_UNKNOWN', { nature: input.nature });
  if (channel === 'proxy' && !input.proxyFor?.consent) throw new AppError('PROXY_CONSENT_REQUIRED');
  const photoIds = [...new Set(input.photoIds ?? [])];
  const found = await repo.photosExist(tx.db, photoIds);
  if (found.length !== photoIds.length) throw new AppError('PHOTO_NOT_FOUND', { missing: photoIds.filter((p) => !found.includes(p)) });

  const reportedAt = now();
  const placement = await place(ctx, tx.db, input);
  const classified = classify(ctx, input);
  const staffActor = isStaff(actor);
  const grade: Grade = staffActor && input.grade ? input.grade : defaultGrade(classified.category);
  const { respondBy, resolveBy } = deadlinesFor(ctx.calendar, classified.category, grade, reportedAt);

  const reporterAccount = actor.kind === 'account' && !staffActor ? actor.accountId : null;
  const proxy = channel === 'proxy' ? input.proxyFor : undefined;
  const reporterResidentId = proxy?.residentId ?? (reporterAccount && actor.kind === 'account' ? actor.residentId : null);
  const communityQueue = kind.queue === 'community' && !!placement.community;
  const handler = placement.grid && !communityQueue ? await gridHandler(tx.db, placement.grid) : null;
  const outside = !placement.grid;
  const home = placement.grid ?? placement.community;
  const queueNode = communityQueue ? placement.community : home;
  const dispatchNow = !!handler?.staffId && !classified.needsReview;
  const categoryCode = classified.category?.code ?? null;
  const duplicate = categoryCode ? await duplicateOf(ctx, tx.db, categoryCode, placement.lng, placement.lat, input.description, reportedAt) : null;
  const repeat = categoryCode ? await repeatOf(tx.db, reporterAccount, categoryCode, placement.lng, placement.lat, reportedAt) : null;
  const year = Number(reportingDay(ctx.calendar, reportedAt).slice(0, 4));
  const number = `LX-${year}-${String(await repo.nextCaseNumber(tx.db, year)).padStart(6, '0')}`;
  const at = reportedAt.toISOString();
  // The case stays where it is (its grid's people read it) even when the community's queue holds it.
  const path = home?.path ?? '/';

  const row: CaseRow = {
    id: newId(),
    number,
    kind: kindCode,
    state: dispatchNow ? 'dispatched' : 'new',
    version: 1,
    channel,
    nature: input.nature ?? '02',
    category: categoryCode,
    category_source: classified.source,
    category_confidence: classified.confidence,
    needs_review: classified.needsReview ? 1 : 0,
    grade,
    title: input.description.replace(/\s+/g, ' ').trim().slice(0, 40),
    description: input.description,
    search_text: indexTokens(`${input.description} ${placement.address ?? ''}`),
    lng: placement.lng,
    lat: placement.lat,
    address: placement.address,
    compound_id: placement.compoundId,
    grid_id: placement.grid?.id ?? null,
    community_id: placement.community?.id ?? null,
    police_beat_id: placement.policeBeatId,
    outside_grid: outside ? 1 : 0,
    path,
    tier: outside || communityQueue ? 2 : 1,
    handler_node_id: queueNode?.id ?? null,
    handler_path: queueNode?.path ?? null,
    handler_staff_id: dispatchNow ? handler!.staffId : null,
    reporter_account_id: reporterAccount,
    reporter_resident_id: reporterResidentId ?? null,
    reporter_name: proxy?.name ?? input.reporter?.name ?? null,
    reporter_phone: proxy?.phone ?? input.reporter?.phone ?? null,
    contact_preference: input.contactPreference ?? (reporterAccount ? 'app' : input.reporter?.phone ? 'phone' : 'none'),
    anonymous: actor.kind === 'anonymous' ? 1 : 0,
    proxy_consent: proxy?.consent ?? null,
    created_by: actorAccountId(actor),
    is_public: staffActor && input.isPublic !== undefined ? (input.isPublic ? 1 : 0) : kind.private ? 0 : classified.category && !PRIVATE_MAJORS.has(classified.category.major) ? 1 : 0,
    kind_data: input.data ? JSON.stringify(input.data) : null,
    reported_at: at,
    reported_day: reportingDay(ctx.calendar, reportedAt),
    respond_by: respondBy,
    resolve_by: resolveBy,
    accepted_at: null,
    resolved_at: null,
    resolved_tier: null,
    resolution: null,
    closed_at: null,
    suspended_at: null,
    overdue_at: null,
    escalated_auto_at: null,
    reminded_at: null,
    rework_count: 0,
    return_count: 0,
    reporter_count: 1,
    merged_into_id: null,
    duplicate_candidate_id: duplicate,
    repeat_of_id: repeat,
    contributions: '{}',
    updated_at: at,
  };
  row.contributions = JSON.stringify(contributionsOf(row));
  await repo.insertCase(tx.db, row);
  if (idempotencyKey) await repo.insertIdempotencyKey(tx.db, { key: idempotencyKey, fingerprint: print, case_id: row.id, created_at: at });
  await repo.insertReporter(tx.db, {
    case_id: row.id,
    reporter_key: reporterKey(row.id, reporterAccount, proxy?.residentId, actor),
    account_id: reporterAccount,
    resident_id: reporterResidentId ?? null,
    name: row.reporter_name,
    phone: row.reporter_phone,
    source_case_id: row.id,
    reported_at: at,
  });
  await repo.linkPhotos(tx.db, photoIds.map((photo_id, position) => ({ case_id: row.id, photo_id, role: 'report' as const, event_id: null, released: 0, position })));
  await repo.insertEvent(tx.db, {
    id: newId(),
    case_id: row.id,
    seq: 1,
    at,
    action: 'submit',
    actor_account_id: actorAccountId(actor),
    actor_label: actorLabel(actor),
    from_state: null,
    to_state: row.state,
    from_handler: null,
    to_handler: row.handler_staff_id ?? row.handler_node_id,
    reason: null,
    data: JSON.stringify({
      channel,
      category: categoryCode,
      categorySource: classified.source,
      confidence: classified.confidence,
      needsReview: classified.needsReview,
      outsideGrid: outside,
      duplicateCandidate: duplicate,
      handledBy: dispatchNow ? (await staffName(tx.db, handler!.staffId!)) : null,
      onBehalfBy: channel === 'proxy' ? actorLabel(actor) : null,
      createdByStaff: channel === 'proxy' && actor.kind === 'account' ? await staffOfAccount(tx.db, actor.accountId) : null,
    }),
    public_note: 0,
  });
  await moveStats(tx.db, null, row);
  await announce(tx, row, 'submit', at);
  return { case: row, replayed: false };
}

async function staffName(db: Tx['db'], staffId: string): Promise<string | null> {
  return (await db.selectFrom('staff').select('name').where('id', '=', staffId).executeTakeFirst())?.name ?? null;
}
