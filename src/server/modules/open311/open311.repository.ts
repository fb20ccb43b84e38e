import type { Kysely } from 'kysely';
import type { CaseState, CasesTable, DB } from '../../db/tables.ts';

export type Db = Kysely<DB>;

export interface PublicCaseFilter {
  /** Case numbers; when given, every other filter is ignored (the spec: "This overrides all other arguments"). */
  numbers?: string[];
  categories?: string[];
  states?: CaseState[];
  /** Reported at or after / at or before these instants (ISO, UTC). */
  from?: string;
  to?: string;
  limit: number;
}

/** Cases anyone may see (cases.is_public = 1), newest first. */
export async function publicCases(db: Db, f: PublicCaseFilter): Promise<CasesTable[]> {
  let q = db.selectFrom('cases').selectAll().where('is_public', '=', 1);
  if (f.numbers) {
    q = q.where('number', 'in', f.numbers.length ? f.numbers : ['']);
  } else {
    if (f.categories) q = q.where('category', 'in', f.categories.length ? f.categories : ['']);
    if (f.states?.length) q = q.where('state', 'in', f.states);
    if (f.from) q = q.where('reported_at', '>=', f.from);
    if (f.to) q = q.where('reported_at', '<=', f.to);
  }
  return q.orderBy('reported_at', 'desc').orderBy('number', 'desc').limit(f.limit).execute();
}

/** Whether a case numbered so exists, public or not. */
export async function caseNumberExists(db: Db, number: string): Promise<boolean> {
  return !!(await db.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirst());
}

/** Names of org nodes by id. */
export async function orgNodeNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('org_nodes').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Case numbers by case id (where merged cases went). */
export async function caseNumbers(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'number']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** Compounds by id: the public place a case was filed at. */
export async function compoundsByIds(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string; address: string | null }>();
  const rows = await db.selectFrom('compounds').select(['id', 'name', 'address']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Compounds whose name or address is exactly the text given (to place a request that has no point). */
export async function compoundsNamed(db: Db, text: string) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name', 'lng', 'lat'])
    .where((eb) => eb.or([eb('name', '=', text), eb('address', '=', text)]))
    .limit(5)
    .execute();
}

/** The first photo staff released for each case (released = 1), by case id. */
export async function firstReleasedPhotos(db: Db, caseIds: string[]): Promise<Map<string, string>> {
  if (!caseIds.length) return new Map();
  const rows = await db
    .selectFrom('case_photos')
    .select(['case_id', 'photo_id'])
    .where('case_id', 'in', caseIds)
    .where('released', '=', 1)
    .orderBy('case_id')
    .orderBy('position')
    .execute();
  const first = new Map<string, string>();
  for (const r of rows) if (!first.has(r.case_id)) first.set(r.case_id, r.photo_id);
  return first;
}

/**
 * Every name a case's reporters are known by: given with the report, or on the resident record of a
 * signed-in or proxied reporter. Used only to mask those names in published text.
 */
export async function reporterNames(db: Db, caseIds: string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (!caseIds.length) return names;
  const rows = await db
    .selectFrom('case_reporters')
    .leftJoin('residents', 'residents.id', 'case_reporters.resident_id')
    .select(['case_reporters.case_id', 'case_reporters.name', 'residents.name as resident_name'])
    .where('case_reporters.case_id', 'in', caseIds)
    .execute();
  for (const r of rows) {
    const list = names.get(r.case_id) ?? [];
    for (const n of [r.name, r.resident_name]) if (n) list.push(n);
    names.set(r.case_id, list);
  }
  return names;
}
