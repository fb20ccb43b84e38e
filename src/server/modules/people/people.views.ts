import { maskIdNumber, maskPhone } from '../../platform/privacy.ts';
import { type Action, type Actor, abilitiesOn } from '../auth/permissions.ts';
import type { BuildingRow, CompoundRow, HouseholdRow, ResidentWithAddress } from './people.repository.ts';

/** The actions sent with every people record, so the UI shows only the buttons the policy allows. */
export const PEOPLE_ACTIONS: readonly Action[] = ['people.read', 'people.manage', 'people.reveal'];

function abilities(actor: Actor, path: string, householdId: string | null = null): Action[] {
  return abilitiesOn(actor, { path, householdId }, PEOPLE_ACTIONS);
}

export function compoundView(actor: Actor, row: CompoundRow & { building_count?: string | number | null }) {
  return {
    id: row.id,
    gridId: row.grid_id,
    name: row.name,
    address: row.address,
    location: row.lng === null || row.lat === null ? null : ([row.lng, row.lat] as [number, number]),
    buildingCount: Number(row.building_count ?? 0),
    createdAt: row.created_at,
    abilities: abilities(actor, row.path),
  };
}

export function buildingView(actor: Actor, row: BuildingRow, compoundPath: string) {
  return { id: row.id, compoundId: row.compound_id, name: row.name, createdAt: row.created_at, abilities: abilities(actor, compoundPath) };
}

export function householdView(actor: Actor, row: HouseholdRow & { member_count?: string | number | null; linked_count?: string | number | null }) {
  return {
    id: row.id,
    gridId: row.grid_id,
    compoundId: row.compound_id,
    buildingId: row.building_id,
    room: row.room,
    address: row.address,
    isPartyHub: row.is_party_hub === 1,
    memberCount: Number(row.member_count ?? 0),
    linkedHouseholdCount: Number(row.linked_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: abilities(actor, row.path, row.id),
  };
}

/** A resident as every list and GET shows them: phone and ID number masked, birth date left out (it is 8 of the masked digits). */
export function residentView(actor: Actor, row: ResidentWithAddress & { linked_count?: string | number | null }) {
  return {
    id: row.id,
    householdId: row.household_id,
    gridId: row.grid_id,
    address: row.address,
    name: row.name,
    gender: row.gender,
    phone: row.phone ? maskPhone(row.phone) : null,
    idNumber: row.id_number ? maskIdNumber(row.id_number) : null,
    isPartyMember: row.is_party_member === 1,
    linkedHouseholdCount: Number(row.linked_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: abilities(actor, row.path, row.household_id),
  };
}

/** The unmasked personal data, only for the audited personal-data read. */
export function personalDataView(row: ResidentWithAddress) {
  return { id: row.id, name: row.name, phone: row.phone, idNumber: row.id_number, birthDate: row.birth_date, gender: row.gender };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
