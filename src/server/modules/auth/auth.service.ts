import { AppError } from '../../http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { now, nowIso } from '../../platform/clock.ts';
import { hashPassword, hashSecret, newSecret, verifyPassword } from '../../platform/secrets.ts';
import type { AccountRole } from '../../db/tables.ts';
import * as repo from './auth.repository.ts';
import type { Db } from './auth.repository.ts';
import { type Actor, ROLES } from './permissions.ts';

// A hash of a password nobody has, so a login for an unknown username costs the same time as a wrong password.
const decoyHash = hashPassword(newSecret('decoy'));

/** 登录: checks the password and opens a session; the token is shown once and stored only as a hash. */
export async function logIn(db: Db, username: string, password: string, sessionHours: number) {
  const account = await repo.findAccountByUsername(db, username);
  const ok = await verifyPassword(password, account?.password_hash ?? (await decoyHash));
  if (!account || !ok) throw new AppError('LOGIN_FAILED');
  if (account.disabled) throw new AppError('ACCOUNT_DISABLED');
  const token = newSecret('lxs');
  const expiresAt = new Date(now().getTime() + sessionHours * 3_600_000).toISOString();
  await repo.insertSession(db, { token_hash: hashSecret(token), account_id: account.id, created_at: nowIso(), expires_at: expiresAt });
  return { token, expiresAt, accountId: account.id };
}

export async function logOut(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, hashSecret(token));
}

/** Turns a session token into the actor behind it, or anonymous when it is unknown or expired. */
export async function actorFromSession(db: Db, token: string): Promise<Actor> {
  const row = await repo.findLiveSession(db, hashSecret(token), nowIso());
  if (!row || row.disabled) return { kind: 'anonymous' };
  return accountActor(db, row.id);
}

/** The actor for an account id, with its grants and (for residents) their household. */
export async function accountActor(db: Db, accountId: string): Promise<Actor> {
  const account = await repo.findAccountById(db, accountId);
  if (!account) return { kind: 'anonymous' };
  const grants = await repo.listGrants(db, account.id);
  const householdId = account.resident_id ? await repo.householdOfResident(db, account.resident_id) : null;
  return {
    kind: 'account',
    accountId: account.id,
    username: account.username,
    displayName: account.display_name,
    grants,
    residentId: account.resident_id,
    householdId,
    staffId: account.staff_id,
  };
}

export async function actorFromApiKey(db: Db, key: string): Promise<Actor> {
  const row = await repo.findLiveApiKey(db, hashSecret(key));
  return row ? { kind: 'api_key', apiKeyId: row.id, name: row.name } : { kind: 'anonymous' };
}

export interface NewAccount {
  username: string;
  password: string;
  displayName?: string;
  role: AccountRole;
  /** The org node the role is granted at (`path` of that node); none for a district-wide admin. */
  node?: { id: string; path: string } | null;
  residentId?: string | null;
  staffId?: string | null;
}

/** Creates an account with one role at one node. */
export async function createAccount(db: Db, input: NewAccount): Promise<string> {
  if (!ROLES.includes(input.role)) throw new AppError('ROLE_INVALID', { role: input.role });
  if (await repo.findAccountByUsername(db, input.username)) throw new AppError('USERNAME_TAKEN', { username: input.username });
  if (input.staffId && !(await db.selectFrom('staff').select('id').where('id', '=', input.staffId).executeTakeFirst())) throw new AppError('STAFF_NOT_FOUND', { staffId: input.staffId });
  if (input.residentId && !(await db.selectFrom('residents').select('id').where('id', '=', input.residentId).executeTakeFirst())) throw new AppError('RESIDENT_NOT_FOUND', { residentId: input.residentId });
  const id = newId();
  const at = nowIso();
  await repo.insertAccount(db, {
    id,
    username: input.username,
    password_hash: await hashPassword(input.password),
    display_name: input.displayName ?? input.username,
    resident_id: input.residentId ?? null,
    staff_id: input.staffId ?? null,
    created_at: at,
  });
  await repo.insertGrant(db, { account_id: id, role: input.role, node_id: input.node?.id ?? null, path: input.node?.path ?? '/', created_at: at });
  return id;
}

/** Creates an API key; the key itself is returned once and never stored. */
export async function createApiKey(db: Db, name: string): Promise<{ id: string; key: string }> {
  const key = newSecret('lxk');
  const id = newId();
  await repo.insertApiKey(db, { id, name, key_hash: hashSecret(key), prefix: key.slice(0, 8), created_at: nowIso() });
  return { id, key };
}

/** Writes one line to the audit log, e.g. a staff read of a resident's unmasked phone and ID number. */
export async function recordAudit(db: Db, actor: Actor, action: string, subjectType: string, subjectId: string, detail?: string): Promise<void> {
  await repo.insertAudit(db, {
    id: newId(),
    at: nowIso(),
    account_id: actor.kind === 'account' ? actor.accountId : null,
    action,
    subject_type: subjectType,
    subject_id: subjectId,
    detail: detail ?? null,
  });
}
