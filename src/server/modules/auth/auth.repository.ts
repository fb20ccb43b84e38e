import { underAnyPath } from '../../db/paths.ts';
import type { Kysely } from 'kysely';
import type { AccountRole, DB } from '../../db/tables.ts';
import type { Grant } from './permissions.ts';

export type Db = Kysely<DB>;

export async function findAccountByUsername(db: Db, username: string) {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findAccountById(db: Db, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listGrants(db: Db, accountId: string): Promise<Grant[]> {
  const rows = await db.selectFrom('account_roles').select(['role', 'node_id', 'path']).where('account_id', '=', accountId).execute();
  return rows.map((r) => ({ role: r.role, nodeId: r.node_id, path: r.path }));
}

export async function insertAccount(db: Db, row: { id: string; username: string; password_hash: string; display_name: string; resident_id: string | null; staff_id: string | null; created_at: string }) {
  await db.insertInto('accounts').values(row).execute();
}

export async function insertGrant(db: Db, row: { account_id: string; role: AccountRole; node_id: string | null; path: string; created_at: string }) {
  await db.insertInto('account_roles').values(row).execute();
}

export async function insertSession(db: Db, row: { token_hash: string; account_id: string; created_at: string; expires_at: string }) {
  await db.insertInto('sessions').values(row).execute();
}

export async function findLiveSession(db: Db, tokenHash: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select(['accounts.id', 'accounts.username', 'accounts.display_name', 'accounts.resident_id', 'accounts.staff_id', 'accounts.disabled'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', nowIso)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function householdOfResident(db: Db, residentId: string): Promise<string | null> {
  const row = await db.selectFrom('residents').select('household_id').where('id', '=', residentId).executeTakeFirst();
  return row?.household_id ?? null;
}

export async function insertApiKey(db: Db, row: { id: string; name: string; key_hash: string; prefix: string; created_at: string }) {
  await db.insertInto('api_keys').values(row).execute();
}

export async function findLiveApiKey(db: Db, keyHash: string) {
  return db.selectFrom('api_keys').select(['id', 'name']).where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function insertAudit(db: Db, row: { id: string; at: string; account_id: string | null; action: string; subject_type: string; subject_id: string; detail: string | null }) {
  await db.insertInto('audit_log').values(row).execute();
}

export async function listAccountsUnder(db: Db, paths: string[] | null, limit: number, offset: number) {
  let q = db.selectFrom('accounts');
  if (paths) {
    if (paths.length === 0) return { rows: [], total: 0 };
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('account_roles').select('account_roles.account_id').whereRef('account_roles.account_id', '=', 'accounts.id')
          .where(underAnyPath('account_roles.path', paths)),
      ),
    );
  }
  const totalRow = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  const rows = await q.select(['id', 'username', 'display_name', 'disabled', 'created_at']).orderBy('username').limit(limit).offset(offset).execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

export async function grantsOf(db: Db, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  return db.selectFrom('account_roles').select(['account_id', 'role', 'node_id', 'path']).where('account_id', 'in', accountIds).execute();
}

export async function listAudit(db: Db, paths: string[] | null, f: { subjectType?: string; subjectId?: string; limit: number; offset: number }) {
  let q = db.selectFrom('audit_log').leftJoin('accounts', 'accounts.id', 'audit_log.account_id');
  if (f.subjectType) q = q.where('audit_log.subject_type', '=', f.subjectType);
  if (f.subjectId) q = q.where('audit_log.subject_id', '=', f.subjectId);
  if (paths) {
    // Staff see the reads made by accounts whose roles lie inside their own reach.
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('account_roles').select('account_roles.account_id').whereRef('account_roles.account_id', '=', 'audit_log.account_id')
          .where(underAnyPath('account_roles.path', paths)),
      ),
    );
  }
  const totalRow = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  const rows = await q
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.subject_type', 'audit_log.subject_id', 'audit_log.detail', 'accounts.username'])
    .orderBy('audit_log.at', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}
