import { type Actor, can, isStaff } from '../auth/permissions.ts';
import type { CaseRow } from './cases.repository.ts';
import { ACTIONS, type CaseAction, allows } from './lifecycle.ts';

/** Who the actor is to this case: a reporter of it, and the staff member behind the account. */
export interface CaseRelation {
  isReporter: boolean;
  staffId: string | null;
  /** The account that reported it resolved (someone else must verify). */
  resolvedBy: string | null;
  /** The account that asked for the pending extension (someone else must decide). */
  extensionRequestedBy: string | null;
  hasPendingExtension: boolean;
  reopenWindowOpen: boolean;
  /** The actor is the talent a service order is dispatched to (their resident account); see orders/. */
  isAssignedTalent: boolean;
}

const within = (actor: Actor, action: Parameters<typeof can>[1], path: string | null) => !!path && can(actor, action, { path });

/** May read: staff in scope of where the case is or who handles it, the people who reported it, and its assigned talent. */
export function mayRead(actor: Actor, c: CaseRow, rel: Pick<CaseRelation, 'isReporter'> & Partial<Pick<CaseRelation, 'isAssignedTalent'>>): boolean {
  return rel.isReporter || !!rel.isAssignedTalent || within(actor, 'cases.read', c.path) || within(actor, 'cases.read', c.handler_path);
}

/** The handler themselves, anyone with handling rights at a unit nobody has taken yet, or a dispatcher above. */
export function mayHandle(actor: Actor, c: CaseRow, rel: CaseRelation): boolean {
  if (rel.staffId && rel.staffId === c.handler_staff_id) return true;
  if (!c.handler_staff_id && within(actor, 'cases.handle', c.handler_path)) return true;
  return within(actor, 'cases.dispatch', c.handler_path) || within(actor, 'cases.dispatch', c.path);
}

function mayDispatch(actor: Actor, c: CaseRow): boolean {
  return within(actor, 'cases.dispatch', c.path) || within(actor, 'cases.dispatch', c.handler_path);
}

/** Whether the actor may take an action now (the state allows it and the policy does). */
export function mayTake(actor: Actor, c: CaseRow, action: CaseAction, rel: CaseRelation): boolean {
  if (!allows(action, c.state)) return false;
  const staff = isStaff(actor);
  switch (action) {
    case 'extend':
      return !rel.hasPendingExtension && mayHandle(actor, c, rel);
    // The talent an order is dispatched to takes it on, declines it or reports it done, and nothing more.
    case 'accept':
    case 'return':
    case 'resolve':
      return rel.isAssignedTalent || mayHandle(actor, c, rel);
    case 'transfer':
    case 'escalate':
    case 'suspend':
    case 'resume':
      return mayHandle(actor, c, rel);
    case 'note':
      return mayHandle(actor, c, rel) || within(actor, 'cases.handle', c.path);
    case 'publish':
    case 'dispatch':
    case 'merge':
    case 'reject':
    case 'categorize':
    case 'grade':
      return mayDispatch(actor, c);
    case 'decide_extension':
      return rel.hasPendingExtension && within(actor, 'cases.approve', c.handler_path) && (actor.kind !== 'account' || actor.accountId !== rel.extensionRequestedBy);
    case 'verify':
      return (within(actor, 'cases.verify', c.path) || within(actor, 'cases.verify', c.handler_path)) && !rel.isAssignedTalent && (!c.handler_staff_id || rel.staffId !== c.handler_staff_id) && (actor.kind !== 'account' || actor.accountId !== rel.resolvedBy);
    case 'follow_up':
      // Staff record visits and calls; a reporter rates in the app.
      return (staff && within(actor, 'cases.handle', c.path)) || rel.isReporter;
    case 'reopen':
      return mayDispatch(actor, c) || (rel.isReporter && rel.reopenWindowOpen);
    default:
      return false;
  }
}

const OFFERED: CaseAction[] = ['publish', 'dispatch', 'accept', 'return', 'transfer', 'escalate', 'extend', 'decide_extension', 'suspend', 'resume', 'note', 'resolve', 'verify', 'follow_up', 'reopen', 'merge', 'reject', 'categorize', 'grade'];

/** The actions the actor may take on this case now, sent with the record so the UI never re-implements the rules. */
export function caseAbilities(actor: Actor, c: CaseRow, rel: CaseRelation): CaseAction[] {
  return OFFERED.filter((a) => ACTIONS[a] && mayTake(actor, c, a, rel));
}
