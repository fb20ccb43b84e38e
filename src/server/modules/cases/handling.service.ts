import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { now, nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import * as orgRepo from '../org/org.repository.ts';
import * as repo from './cases.repository.ts';
import type { CaseRow } from './cases.repository.ts';
import { mayRead, mayTake } from './cases.policy.ts';
import { deadlinesFor, extendDeadline, type Grade, reportingDay } from './deadlines.ts';
import { type Tx, actorAccountId, applyStep, assertAllowed } from './engine.ts';
import { followUpContributions } from './figures.ts';
import { type Handler, gridHandler, tierNode } from './handlers.ts';
import type { CaseAction } from './lifecycle.ts';
import { relationTo } from './relation.ts';
import { addToStats } from './stats.repository.ts';
import { indexTokens } from './search.ts';
import { category as findCategory } from './taxonomy.ts';

/**
 * Loads a case the actor may see (404 otherwise) and checks the action is allowed for them now. `kindData`
 * is what the step will set in the kind's own fields: the kind's guards judge the case as it will be.
 */
async function caseFor(tx: Tx, ctx: AppContext, actor: Actor, ref: string, action: CaseAction, kindData?: (c: CaseRow) => Record<string, unknown>): Promise<CaseRow> {
  const c = await repo.findCase(tx.db, ref);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const rel = await relationTo(tx.db, actor, c, ctx.config.reopenWindowDays, now().getTime());
  if (!mayRead(actor, c, rel)) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'CASE_NOT_FOUND');
  assertAllowed(kindData ? { ...c, kind_data: withKindData(c, kindData(c)) } : c, action, actor);
  if (!mayTake(actor, c, action, rel)) {
    if (action === 'verify') throw new AppError('VERIFIER_IS_HANDLER');
    throw new AppError(action === 'decide_extension' && !rel.hasPendingExtension ? 'NO_PENDING_EXTENSION' : action === 'extend' && rel.hasPendingExtension ? 'EXTENSION_PENDING' : 'NOT_CASE_HANDLER');
  }
  return c;
}

/** The case's kind fields with `data` laid over them (an undefined value removes a field). */
export function withKindData(c: CaseRow, data: Record<string, unknown>): string {
  return JSON.stringify({ ...(c.kind_data ? JSON.parse(c.kind_data) : {}), ...data });
}

/** What a step sets in the kind's own fields, when it sets any. */
export type KindDataOf = (c: CaseRow) => Record<string, unknown>;

/** 公开设置: whether the case shows on the public board, and which of its photos are released there. */
export async function publishCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { public?: boolean; releasePhotoIds?: string[]; withholdPhotoIds?: string[] }) {
  const c = await repo.findCase(tx.db, ref);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const rel = await relationTo(tx.db, actor, c, ctx.config.reopenWindowDays, now().getTime());
  if (!mayRead(actor, c, rel)) throw new AppError('CASE_NOT_FOUND');
  if (!mayTake(actor, c, 'publish', rel)) throw new AppError('FORBIDDEN');
  for (const [ids, released] of [[input.releasePhotoIds, 1], [input.withholdPhotoIds, 0]] as const) {
    if (ids?.length) await tx.db.updateTable('case_photos').set({ released }).where('case_id', '=', c.id).where('photo_id', 'in', ids).execute();
  }
  const patch = input.public === undefined ? {} : { is_public: input.public ? 1 : 0 };
  return applyStep(tx, actor, c, 'publish', patch, { data: { public: input.public ?? null, released: input.releasePhotoIds ?? [], withheld: input.withholdPhotoIds ?? [] } });
}

/** The case's org lineage from its path (grid, sector, community, street, district). */
async function lineageOf(tx: Tx, c: CaseRow) {
  return orgRepo.nodesByIds(tx.db, c.path.split('/').filter(Boolean));
}

/** A named handler: a staff member with a role somewhere (any node), or an org node as a unit. */
async function resolveTarget(tx: Tx, target: { staffId?: string; node?: string }, tier: number): Promise<Handler> {
  if (target.staffId) {
    const assignment = await tx.db
      .selectFrom('staff_assignments')
      .select(['node_id', 'path'])
      .where('staff_id', '=', target.staffId)
      .orderBy('created_at')
      .executeTakeFirst();
    if (!assignment) throw new AppError('HANDLER_NOT_FOUND', { staffId: target.staffId });
    return { nodeId: assignment.node_id, path: assignment.path, staffId: target.staffId, tier };
  }
  if (target.node) {
    const node = await orgRepo.findNode(tx.db, target.node);
    if (!node) throw new AppError('HANDLER_NOT_FOUND', { node: target.node });
    if (node.kind === 'grid') return { ...(await gridHandler(tx.db, node)), tier };
    return { nodeId: node.id, path: node.path, staffId: null, tier };
  }
  throw new AppError('HANDLER_NOT_FOUND');
}

const handlerPatch = (h: Handler): Partial<CaseRow> => ({ handler_node_id: h.nodeId, handler_path: h.path, handler_staff_id: h.staffId });
const handlerLabel = (c: Pick<CaseRow, 'handler_staff_id' | 'handler_node_id'>) => c.handler_staff_id ?? c.handler_node_id;

/** 派单: sends a waiting case to a handler (by default the grid's), optionally confirming its category. */
export async function dispatchCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { staffId?: string; node?: string; category?: string }, kind?: { data: KindDataOf; note: string }) {
  let c = await caseFor(tx, ctx, actor, ref, 'dispatch', kind?.data);
  if (input.category) c = await setCategory(tx, ctx, actor, c, input.category);
  const grid = c.grid_id ? (await orgRepo.nodesByIds(tx.db, [c.grid_id]))[0] : undefined;
  const h = input.staffId || input.node ? await resolveTarget(tx, input, c.tier) : grid ? await gridHandler(tx.db, grid) : null;
  if (!h) throw new AppError('HANDLER_NOT_FOUND');
  const kindPatch = kind ? { kind_data: withKindData(c, kind.data(c)) } : {};
  return applyStep(tx, actor, c, 'dispatch', { state: 'dispatched', needs_review: 0, ...handlerPatch(h), ...kindPatch }, { fromHandler: handlerLabel(c), toHandler: h.staffId ?? h.nodeId, reason: kind?.note ?? null });
}

/** 签收: the handler takes the case on; the first acceptance sets `acceptedAt` for the on-time figure. */
export async function acceptCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string) {
  const c = await caseFor(tx, ctx, actor, ref, 'accept');
  const rel = await relationTo(tx.db, actor, c, ctx.config.reopenWindowDays, now().getTime());
  return applyStep(tx, actor, c, 'accept', {
    state: 'in_progress',
    accepted_at: c.accepted_at ?? nowIso(),
    // A unit's case is taken by the person who accepts it.
    handler_staff_id: c.handler_staff_id ?? rel.staffId,
  });
}

/** 退单: back to the dispatcher with a reason (counts against accurate dispatch). */
export async function returnCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, reason: string, kindData?: KindDataOf) {
  const c = await caseFor(tx, ctx, actor, ref, 'return', kindData);
  const community = (await lineageOf(tx, c)).find((n) => n.kind === 'community');
  return applyStep(
    tx,
    actor,
    c,
    'return',
    { state: 'new', return_count: c.return_count + 1, handler_staff_id: null, handler_node_id: community?.id ?? c.handler_node_id, handler_path: community?.path ?? c.handler_path, ...(kindData ? { kind_data: withKindData(c, kindData(c)) } : {}) },
    { reason, fromHandler: handlerLabel(c), toHandler: community?.id ?? null },
  );
}

/** 转办: to another handler or unit at the same tier. */
export async function transferCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { staffId?: string; node?: string; reason: string }) {
  const c = await caseFor(tx, ctx, actor, ref, 'transfer');
  const h = await resolveTarget(tx, input, c.tier);
  return applyStep(tx, actor, c, 'transfer', { state: 'dispatched', ...handlerPatch(h) }, { reason: input.reason, fromHandler: handlerLabel(c), toHandler: h.staffId ?? h.nodeId });
}

/**
 * 上报上级: one tier up ("一般矛盾在网格中、复杂的在社区、重大的走行政司法途径"): grid → community →
 * street / department, as a unit of that tier unless a person there is named.
 */
export async function escalateCase(tx: Tx, ctx: AppContext, actor: Actor | null, ref: string, input: { reason: string; staffId?: string; node?: string }, auto = false) {
  const c = actor ? await caseFor(tx, ctx, actor, ref, 'escalate') : (await repo.findCase(tx.db, ref))!;
  if (!actor) assertAllowed(c, 'escalate', null);
  if (c.tier >= 3) throw new AppError('ESCALATION_TOP_TIER');
  const tier = c.tier + 1;
  const unit = tierNode(await lineageOf(tx, c), tier);
  if (!input.staffId && !input.node && !unit) throw new AppError('ESCALATION_TOP_TIER');
  const h: Handler = input.staffId || input.node ? await resolveTarget(tx, input, tier) : { nodeId: unit!.id, path: unit!.path, staffId: null, tier };
  return applyStep(
    tx,
    actor,
    c,
    'escalate',
    { state: 'dispatched', tier, ...handlerPatch(h), ...(auto ? { escalated_auto_at: nowIso() } : {}) },
    { reason: input.reason, fromHandler: handlerLabel(c), toHandler: h.staffId ?? h.nodeId, data: { fromTier: c.tier, toTier: tier, automatic: auto } },
  );
}

/** 申请延期: asks the tier above for more working days. */
export async function requestExtension(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { workingDays: number; reason: string }) {
  const c = await caseFor(tx, ctx, actor, ref, 'extend');
  await repo.insertExtensionRequest(tx.db, { id: newId(), case_id: c.id, requested_by: actorAccountId(actor), requested_at: nowIso(), working_days: input.workingDays, reason: input.reason, state: 'pending', decided_by: null, decided_at: null, decision_note: null });
  return applyStep(tx, actor, c, 'extend', {}, { reason: input.reason, data: { workingDays: input.workingDays } });
}

/** 延期审批: approving moves the deadline (and lifts "overdue" if the new deadline is still ahead). */
export async function decideExtension(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { approve: boolean; note?: string }) {
  const c = await caseFor(tx, ctx, actor, ref, 'decide_extension');
  const pending = (await repo.pendingExtension(tx.db, c.id))!;
  const decided = await repo.decideExtension(tx.db, pending.id, { state: input.approve ? 'approved' : 'refused', decided_by: actorAccountId(actor), decided_at: nowIso(), decision_note: input.note ?? null });
  if (!decided) throw new AppError('NO_PENDING_EXTENSION');
  const resolveBy = input.approve ? extendDeadline(ctx.calendar, c.resolve_by, pending.working_days) : c.resolve_by;
  const patch: Partial<CaseRow> = input.approve ? { resolve_by: resolveBy, ...(c.overdue_at && resolveBy > nowIso() ? { overdue_at: null } : {}) } : {};
  return applyStep(tx, actor, c, 'decide_extension', patch, { reason: input.note ?? null, data: { approved: input.approve, workingDays: pending.working_days, resolveBy } });
}

/** 缓办: pauses the case with a reason; it leaves the on-time figure. */
export async function suspendCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, reason: string) {
  const c = await caseFor(tx, ctx, actor, ref, 'suspend');
  return applyStep(tx, actor, c, 'suspend', { state: 'suspended', suspended_at: nowIso() }, { reason });
}

/** 恢复办理: the clock restarts; the deadline moves by the time spent suspended. */
export async function resumeCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string) {
  const c = await caseFor(tx, ctx, actor, ref, 'resume');
  const paused = c.suspended_at ? now().getTime() - Date.parse(c.suspended_at) : 0;
  const resolveBy = new Date(Date.parse(c.resolve_by) + paused).toISOString();
  return applyStep(tx, actor, c, 'resume', { state: 'in_progress', suspended_at: null, resolve_by: resolveBy }, { data: { pausedHours: Math.round(paused / 36_000) / 100 } });
}

/** 备注: a note with optional photos; `publicNote` shows its text to the reporter. */
export async function noteCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { text: string; photoIds?: string[]; publicNote?: boolean }) {
  const c = await caseFor(tx, ctx, actor, ref, 'note');
  await attachPhotos(tx, c, input.photoIds ?? [], 'note');
  return applyStep(tx, actor, c, 'note', {}, { reason: input.text, publicNote: input.publicNote, data: input.photoIds?.length ? { photoIds: input.photoIds } : null });
}

async function attachPhotos(tx: Tx, c: CaseRow, photoIds: string[], role: 'note' | 'proof') {
  const ids = [...new Set(photoIds)];
  const found = await repo.photosExist(tx.db, ids);
  if (found.length !== ids.length) throw new AppError('PHOTO_NOT_FOUND', { missing: ids.filter((p) => !found.includes(p)) });
  await repo.linkPhotos(tx.db, ids.map((photo_id, position) => ({ case_id: c.id, photo_id, role, event_id: null, released: 0, position: 100 + position })));
}

/** 办结: the handler reports it solved, with the result and proof photos, at the tier it was solved. */
export async function resolveCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { result: string; photoIds?: string[] }, kindData?: KindDataOf) {
  const c = await caseFor(tx, ctx, actor, ref, 'resolve', kindData);
  await attachPhotos(tx, c, input.photoIds ?? [], 'proof');
  const kindPatch = kindData ? { kind_data: withKindData(c, kindData(c)) } : {};
  return applyStep(tx, actor, c, 'resolve', { state: 'resolved', resolved_at: nowIso(), resolved_tier: c.tier, resolution: input.result, ...kindPatch }, { reason: input.result, publicNote: true, data: input.photoIds?.length ? { photoIds: input.photoIds } : null });
}

/** 核查: someone other than the handler checks; a failed check sends it back to the same handler as rework (返工). */
export async function verifyCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { pass: boolean; note?: string }) {
  const c = await caseFor(tx, ctx, actor, ref, 'verify');
  const patch: Partial<CaseRow> = input.pass ? { state: 'closed', closed_at: nowIso() } : { state: 'in_progress', rework_count: c.rework_count + 1 };
  return applyStep(tx, actor, c, 'verify', patch, { reason: input.note ?? null, data: { pass: input.pass } });
}

export interface FollowUpInput {
  method: 'visit' | 'phone' | 'app';
  reached: boolean;
  contactedInTime?: boolean;
  solved?: boolean;
  satisfaction?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  comment?: string;
}

/**
 * 回访 (or the reporter's own rating in the app): recorded with its answers and counted in the month it
 * was made; "not solved" or 不满意 reopens the case as rework to the same handler.
 */
export async function followUpCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: FollowUpInput) {
  const c = await caseFor(tx, ctx, actor, ref, 'follow_up');
  const at = now();
  const reached = input.method === 'app' ? true : input.reached;
  const row = {
    id: newId(),
    case_id: c.id,
    at: at.toISOString(),
    day: reportingDay(ctx.calendar, at),
    path: c.path,
    by_account_id: actorAccountId(actor),
    method: input.method,
    reached: reached ? 1 : 0,
    contacted_in_time: reached && input.contactedInTime !== undefined ? (input.contactedInTime ? 1 : 0) : null,
    solved: reached && input.solved !== undefined ? (input.solved ? 1 : 0) : null,
    satisfaction: reached ? input.satisfaction ?? null : null,
    comment: input.comment ?? null,
  };
  await repo.insertFollowUp(tx.db, row);
  await addToStats(tx.db, { path: c.path, day: row.day, kind: c.kind, category: c.category, channel: c.channel }, followUpContributions({ reached, contactedInTime: input.contactedInTime ?? null, solved: input.solved ?? null, satisfaction: row.satisfaction }));
  const rework = reached && (input.solved === false || input.satisfaction === 'dissatisfied');
  const patch: Partial<CaseRow> = rework ? { state: 'in_progress', rework_count: c.rework_count + 1, closed_at: null } : {};
  return applyStep(tx, actor, c, 'follow_up', patch, { reason: input.comment ?? null, data: { followUpId: row.id, method: input.method, reached, contactedInTime: input.contactedInTime ?? null, solved: input.solved ?? null, satisfaction: row.satisfaction, rework } });
}

/** 重新办理: the reporter (within the window) or staff reopen a closed case as rework. */
export async function reopenCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, reason: string) {
  const c = await caseFor(tx, ctx, actor, ref, 'reopen');
  return applyStep(tx, actor, c, 'reopen', { state: 'in_progress', rework_count: c.rework_count + 1, closed_at: null }, { reason });
}

/** 合并: folds a duplicate into another open case, whose reporters now include this one's ("12 residents reported this"). */
export async function mergeCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { into: string; reason?: string }) {
  const c = await caseFor(tx, ctx, actor, ref, 'merge');
  const target = await repo.findCase(tx.db, input.into);
  if (!target || target.id === c.id || !['new', 'dispatched', 'in_progress', 'suspended'].includes(target.state)) throw new AppError('MERGE_TARGET_INVALID');
  for (const r of await repo.listReporters(tx.db, c.id)) await repo.insertReporter(tx.db, { ...r, case_id: target.id });
  const count = await repo.countReporters(tx.db, target.id);
  const merged = await applyStep(tx, actor, c, 'merge', { state: 'merged', merged_into_id: target.id }, { reason: input.reason ?? null, data: { into: target.number } });
  await applyStep(tx, actor, target, 'note', { reporter_count: count }, { reason: input.reason ?? null, data: { mergedFrom: c.number, reporters: count } });
  return merged;
}

/** 不予受理: not a valid case (spam, outside remit), with the reason. */
export async function rejectCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, reason: string) {
  const c = await caseFor(tx, ctx, actor, ref, 'reject');
  return applyStep(tx, actor, c, 'reject', { state: 'rejected' }, { reason });
}

async function setCategory(tx: Tx, ctx: AppContext, actor: Actor, c: CaseRow, code: string): Promise<CaseRow> {
  const cat = findCategory(code);
  if (!cat) throw new AppError('CATEGORY_UNKNOWN', { category: code });
  const { respondBy, resolveBy } = deadlinesFor(ctx.calendar, cat, c.grade as Grade, new Date(c.reported_at));
  // Staff corrections of the classifier become training examples.
  if (c.category_source === 'classifier' && c.category !== code) {
    await tx.db.insertInto('classifier_examples').values({ id: newId(), text: c.description, category: code, case_id: c.id, account_id: actorAccountId(actor), created_at: nowIso() }).execute();
    ctx.classifier.markStale();
  }
  return applyStep(tx, actor, c, 'categorize', { category: code, category_source: 'staff', needs_review: 0, respond_by: respondBy, resolve_by: resolveBy, search_text: indexTokens(`${c.description} ${c.address ?? ''}`) }, { data: { from: c.category, to: code } });
}

/** 确认分类: staff set or correct the category; deadlines follow the new category. */
export async function categorizeCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, code: string) {
  const c = await caseFor(tx, ctx, actor, ref, 'categorize');
  return setCategory(tx, ctx, actor, c, code);
}

/** 调整等级: 一般 / 紧急; the resolution deadline follows. */
export async function gradeCase(tx: Tx, ctx: AppContext, actor: Actor, ref: string, grade: Grade) {
  const c = await caseFor(tx, ctx, actor, ref, 'grade');
  const { respondBy, resolveBy } = deadlinesFor(ctx.calendar, findCategory(c.category ?? '9999'), grade, new Date(c.reported_at));
  return applyStep(tx, actor, c, 'grade', { grade, respond_by: respondBy, resolve_by: resolveBy }, { data: { from: c.grade, to: grade } });
}
