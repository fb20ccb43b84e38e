import { AppError } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Gender } from '../../platform/privacy.ts';
import { recordAudit } from '../auth/auth.service.ts';
import { type Actor, isStaff } from '../auth/permissions.ts';
import { settlePersonalData } from './personal-data.ts';
import * as repo from './people.repository.ts';
import type { Db, ResidentWithAddress } from './people.repository.ts';
import { assertCanOn, nodePathOf, visibilityFor } from './people.scope.ts';
import { personalDataView, residentView } from './people.views.ts';
import { isUniqueViolation } from '../../db/store-errors.ts';

/** The audit action of a staff read of a resident's unmasked phone and ID number. */
export const PERSONAL_DATA_READ = 'resident.personal_data.read';

export async function listResidents(db: Db, actor: Actor, q: { node?: string; household?: string; q?: string; page?: number; pageSize?: number }) {
  const vis = visibilityFor(actor);
  const p = limitOffset(q);
  const { rows, total } = await repo.listResidents(db, vis, { nodePath: await nodePathOf(db, q.node), householdId: q.household, q: q.q?.trim() || undefined, ...p });
  return { items: rows.map((r) => residentView(actor, r)), total, page: p.page, pageSize: p.pageSize };
}

/** A resident the actor may read, or 404 as if it did not exist. */
export async function readableResident(db: Db, actor: Actor, id: string): Promise<ResidentWithAddress> {
  const resident = await repo.findResident(db, id);
  if (!resident) throw new AppError('RESIDENT_NOT_FOUND');
  assertCanOn(actor, 'people.read', { path: resident.path, householdId: resident.household_id }, 'RESIDENT_NOT_FOUND');
  return resident;
}

async function manageableHousehold(db: Db, actor: Actor, id: string) {
  const household = await repo.findHousehold(db, id);
  if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND');
  assertCanOn(actor, 'people.manage', { path: household.path, householdId: household.id }, 'HOUSEHOLD_NOT_FOUND');
  return household;
}

async function assertIdNumberFree(db: Db, idNumber: string | null, residentId?: string): Promise<void> {
  if (!idNumber) return;
  const holder = await repo.findResidentIdByIdNumber(db, idNumber);
  if (holder && holder !== residentId) throw new AppError('ID_NUMBER_TAKEN', { field: 'idNumber' });
}

function settledName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('NAME_REQUIRED', { field: 'name' });
  return trimmed;
}

export interface NewResident {
  household: string;
  name: string;
  gender?: Gender | null;
  phone?: string | null;
  idNumber?: string | null;
  birthDate?: string | null;
  isPartyMember?: boolean;
}

/** 登记居民: a member of a household; gender and birth date follow from the ID number when there is one. */
export async function registerResident(db: Db, actor: Actor, input: NewResident) {
  const household = await manageableHousehold(db, actor, input.household);
  const name = settledName(input.name);
  const data = settlePersonalData(input);
  await assertIdNumberFree(db, data.idNumber);
  const at = nowIso();
  const id = newId();
  try {
    await repo.insertResident(db, {
      id,
      household_id: household.id,
      grid_id: household.grid_id,
      path: household.path,
      name,
      gender: data.gender,
      phone: data.phone,
      id_number: data.idNumber,
      birth_date: data.birthDate,
      is_party_member: input.isPartyMember ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ID_NUMBER_TAKEN', { field: 'idNumber' });
    throw err;
  }
  return residentView(actor, (await repo.findResident(db, id))!);
}

/** A resident as anyone in scope sees them: phone and ID number masked. */
export async function getResident(db: Db, actor: Actor, id: string) {
  return residentView(actor, await readableResident(db, actor, id));
}

export type ResidentPatch = Partial<NewResident>;

/** 修改居民: corrects personal data or moves the resident to another household (and with it, its grid). */
export async function updateResident(db: Db, actor: Actor, id: string, patch: ResidentPatch) {
  const resident = await readableResident(db, actor, id);
  assertCanOn(actor, 'people.manage', { path: resident.path, householdId: resident.household_id }, 'RESIDENT_NOT_FOUND');
  const household = patch.household && patch.household !== resident.household_id ? await manageableHousehold(db, actor, patch.household) : null;
  const idNumber = patch.idNumber !== undefined ? patch.idNumber : resident.id_number;
  // With an ID number, gender and birth date are derived from it unless the patch states them (and then they must agree).
  const data = settlePersonalData({
    idNumber,
    phone: patch.phone !== undefined ? patch.phone : resident.phone,
    gender: patch.gender !== undefined ? patch.gender : idNumber ? undefined : resident.gender,
    birthDate: patch.birthDate !== undefined ? patch.birthDate : idNumber ? undefined : resident.birth_date,
  });
  await assertIdNumberFree(db, data.idNumber, resident.id);
  try {
    await repo.updateResident(db, resident.id, {
      name: patch.name !== undefined ? settledName(patch.name) : resident.name,
      gender: data.gender,
      phone: data.phone,
      id_number: data.idNumber,
      birth_date: data.birthDate,
      ...(patch.isPartyMember !== undefined ? { is_party_member: patch.isPartyMember ? 1 : 0 } : {}),
      ...(household ? { household_id: household.id, grid_id: household.grid_id, path: household.path } : {}),
      updated_at: nowIso(),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ID_NUMBER_TAKEN', { field: 'idNumber' });
    throw err;
  }
  return residentView(actor, (await repo.findResident(db, resident.id))!);
}

/**
 * 删除居民: removes a resident who moved away or died, with any liaison links they held. A resident who has a
 * sign-in account is refused, so an account never points at nobody.
 */
export async function removeResident(db: Db, actor: Actor, id: string): Promise<void> {
  const resident = await readableResident(db, actor, id);
  assertCanOn(actor, 'people.manage', { path: resident.path, householdId: resident.household_id }, 'RESIDENT_NOT_FOUND');
  if (await repo.residentHasAccount(db, resident.id)) throw new AppError('RESIDENT_HAS_ACCOUNT');
  await repo.deleteResident(db, resident.id);
  await recordAudit(db, actor, 'resident.deleted', 'resident', resident.id);
}

/**
 * 查看个人信息: the unmasked phone, ID number and birth date. Every read by staff is written to the audit log in
 * the same transaction (DESIGN: "every read of personal data by staff is logged"); a resident reading their own
 * household is not staff and is not logged.
 */
export async function revealPersonalData(db: Db, actor: Actor, id: string) {
  const resident = await readableResident(db, actor, id);
  assertCanOn(actor, 'people.reveal', { path: resident.path, householdId: resident.household_id }, 'RESIDENT_NOT_FOUND');
  if (isStaff(actor)) await recordAudit(db, actor, PERSONAL_DATA_READ, 'resident', resident.id);
  return personalDataView(resident);
}
