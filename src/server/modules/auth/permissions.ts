import type { AccountRole } from '../../db/tables.ts';
import { AppError } from '../../http/errors.ts';

/** Who is asking: nobody, a signed-in account with roles at org nodes, or an API client. */
export type Actor =
  /** Nobody signed in; `reportToken` is the secret an anonymous reporter's phone keeps to follow its own case. */
  | { kind: 'anonymous'; reportToken?: string }
  | {
      kind: 'account';
      accountId: string;
      username: string;
      displayName: string;
      grants: Grant[];
      residentId: string | null;
      householdId: string | null;
      staffId: string | null;
    }
  | { kind: 'api_key'; apiKeyId: string; name: string };

/** A role granted at an org node; it reaches every node whose path starts with `path`. */
export interface Grant {
  role: AccountRole;
  nodeId: string | null;
  path: string;
}

export type Action =
  | 'org.manage'
  | 'people.read'
  | 'people.manage'
  | 'people.reveal'
  | 'staff.manage'
  | 'accounts.manage'
  | 'audit.read'
  | 'cases.read'
  | 'cases.handle'
  | 'cases.dispatch'
  | 'cases.verify'
  | 'cases.approve'
  // Volunteers (M6): read the talent pool, teams and partner units; manage them (confirm, edit, teams, units);
  // record a grid survey find (网格摸排); self-nominate or recommend (个人自荐、群众推荐).
  | 'volunteers.read'
  | 'volunteers.manage'
  | 'volunteers.survey'
  | 'volunteers.nominate'
  // Points and merchants (M7): keeping a community's points ledger, and a merchant's own work.
  | 'points.manage'
  | 'merchant.operate'
  // Activities and role models (M12): running a community's activities and publishing its role-model stories.
  | 'activities.manage';

/** What the thing being touched hangs on: its org path and, for personal data, its household. */
export interface Target {
  path: string;
  householdId?: string | null;
}

export const ROLES: AccountRole[] = ['admin', 'street_admin', 'community_worker', 'grid_leader', 'grid_worker', 'police_officer', 'resident', 'merchant'];

// The policy as data: which actions each role may take inside its node.
const roleActions: Record<AccountRole, readonly Action[]> = {
  // The community office and above run the talent pool, keep the points ledger (003: "社区与25家…签订积分兑换协议"),
  // run activities and publish role models.
  admin: ['org.manage', 'people.read', 'people.manage', 'people.reveal', 'staff.manage', 'accounts.manage', 'audit.read', 'cases.read', 'cases.handle', 'cases.dispatch', 'cases.verify', 'cases.approve', 'volunteers.read', 'volunteers.manage', 'volunteers.survey', 'volunteers.nominate', 'points.manage', 'activities.manage'],
  street_admin: ['org.manage', 'people.read', 'people.manage', 'people.reveal', 'staff.manage', 'accounts.manage', 'audit.read', 'cases.read', 'cases.handle', 'cases.dispatch', 'cases.verify', 'cases.approve', 'volunteers.read', 'volunteers.manage', 'volunteers.survey', 'volunteers.nominate', 'points.manage', 'activities.manage'],
  community_worker: ['org.manage', 'people.read', 'people.manage', 'people.reveal', 'staff.manage', 'accounts.manage', 'audit.read', 'cases.read', 'cases.handle', 'cases.dispatch', 'cases.verify', 'cases.approve', 'volunteers.read', 'volunteers.manage', 'volunteers.survey', 'volunteers.nominate', 'points.manage', 'activities.manage'],
  // 网格长: runs the grid, so dispatches, verifies and approves its workers' extensions; records talents found in it.
  grid_leader: ['people.read', 'people.manage', 'people.reveal', 'cases.read', 'cases.handle', 'cases.dispatch', 'cases.verify', 'cases.approve', 'volunteers.read', 'volunteers.survey', 'volunteers.nominate'],
  grid_worker: ['people.read', 'people.manage', 'people.reveal', 'cases.read', 'cases.handle', 'volunteers.read', 'volunteers.survey', 'volunteers.nominate'],
  police_officer: ['people.read', 'people.reveal', 'cases.read', 'cases.handle'],
  // A resident reaches only their own household's personal data (see `can`); their own cases are checked by reporter.
  // They propose themselves or recommend a neighbour (个人自荐、群众推荐) and read their household's talent record.
  resident: ['people.read', 'people.reveal', 'volunteers.read', 'volunteers.nominate'],
  // 商户: redeems codes, keeps its rewards and reads its statements, for the merchant its account is linked to.
  merchant: ['merchant.operate'],
};

/** Roles that act for the organisation (their reads of unmasked personal data are audited). */
export function isStaff(actor: Actor): boolean {
  return actor.kind === 'account' && actor.grants.some((g) => g.role !== 'resident' && g.role !== 'merchant');
}

/** The one permission check: may this actor take this action on that target? */
export function can(actor: Actor, action: Action, target: Target): boolean {
  if (actor.kind !== 'account') return false;
  return actor.grants.some((grant) => {
    if (!roleActions[grant.role].includes(action)) return false;
    if (grant.role === 'resident') return !!target.householdId && target.householdId === actor.householdId;
    return target.path.startsWith(grant.path);
  });
}

/**
 * Refuses when `can` says no. A target the actor cannot even read answers 404 (its existence is not
 * disclosed); one it can read but not change answers 403.
 */
export function assertCan(actor: Actor, action: Action, target: Target): void {
  if (can(actor, action, target)) return;
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  throw new AppError(can(actor, 'people.read', target) || canSeeNode(actor, target.path) ? 'FORBIDDEN' : 'NOT_FOUND');
}

/** Requires a signed-in account (or API client) before anything else is checked. */
export function assertSignedIn(actor: Actor): asserts actor is Extract<Actor, { kind: 'account' }> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
}

function canSeeNode(actor: Actor, path: string): boolean {
  return actor.kind === 'account' && actor.grants.some((g) => g.role !== 'resident' && g.role !== 'merchant' && path.startsWith(g.path));
}

/**
 * How a list query is narrowed for an action: every org path prefix the actor reaches, or the actor's own
 * household for a resident. `null` means nothing is visible.
 */
export function listScope(actor: Actor, action: Action): { paths: string[]; householdId: string | null } | null {
  if (actor.kind !== 'account') return null;
  const paths: string[] = [];
  let householdId: string | null = null;
  for (const grant of actor.grants) {
    if (!roleActions[grant.role].includes(action)) continue;
    if (grant.role === 'resident') householdId = actor.householdId;
    else paths.push(grant.path);
  }
  if (paths.length === 0 && !householdId) return null;
  return { paths, householdId };
}

/** The actions this actor may take on a target, sent with each record so the UI never re-implements the policy. */
export function abilitiesOn(actor: Actor, target: Target, actions: readonly Action[]): Action[] {
  return actions.filter((a) => can(actor, a, target));
}
