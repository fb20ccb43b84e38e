/**
 * Row types of every table, as Kysely sees them. Times are ISO-8601 UTC strings and flags are 0/1 integers
 * on both stores, so rows read the same from SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';

export type OrgKind = 'district' | 'street' | 'community' | 'sector' | 'grid';

export interface OrgNodesTable {
  id: string;
  kind: OrgKind;
  code: string;
  name: string;
  parent_id: string | null;
  /** Materialised path of ids, `/root/.../self/`; a prefix match finds everything below. */
  path: string;
  /** GeoJSON Polygon or MultiPolygon geometry, as text (grids; optional elsewhere). */
  geometry: string | null;
  centroid_lng: number | null;
  centroid_lat: number | null;
  created_at: string;
  updated_at: string;
}

export interface PoliceBeatsTable {
  id: string;
  code: string;
  name: string;
  node_id: string;
  path: string;
  geometry: string;
  centroid_lng: number;
  centroid_lat: number;
  created_at: string;
  updated_at: string;
}

export interface CompoundsTable {
  id: string;
  grid_id: string;
  path: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  created_at: string;
}

export interface BuildingsTable {
  id: string;
  compound_id: string;
  name: string;
  created_at: string;
}

export interface HouseholdsTable {
  id: string;
  grid_id: string;
  path: string;
  compound_id: string | null;
  building_id: string | null;
  room: string | null;
  address: string;
  is_party_hub: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ResidentsTable {
  id: string;
  household_id: string;
  grid_id: string;
  path: string;
  name: string;
  gender: 'male' | 'female' | null;
  phone: string | null;
  id_number: string | null;
  birth_date: string | null;
  is_party_member: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type HouseholdLinkKind = 'party_hub' | 'liaison';

export interface HouseholdLinksTable {
  kind: HouseholdLinkKind;
  /** The hub household's id (party_hub) or the liaison resident's id (liaison). */
  linker_id: string;
  household_id: string;
  created_at: string;
}

export interface StaffTable {
  id: string;
  name: string;
  work_phone: string | null;
  account_id: string | null;
  created_at: string;
  updated_at: string;
}

export type StaffRole = 'grid_leader' | 'grid_worker' | 'part_time_grid_worker' | 'community_worker' | 'police_officer';

export interface StaffAssignmentsTable {
  id: string;
  staff_id: string;
  node_id: string;
  path: string;
  role: StaffRole;
  police_beat_id: string | null;
  on_duty: Generated<number>;
  created_at: string;
}

export interface AccountsTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  resident_id: string | null;
  staff_id: string | null;
  disabled: Generated<number>;
  created_at: string;
}

export type AccountRole =
  | 'admin'
  | 'street_admin'
  | 'community_worker'
  | 'grid_leader'
  | 'grid_worker'
  | 'police_officer'
  | 'resident';

export interface AccountRolesTable {
  account_id: string;
  role: AccountRole;
  node_id: string | null;
  path: string;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  account_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: string | null;
}

export interface DB {
  org_nodes: OrgNodesTable;
  police_beats: PoliceBeatsTable;
  compounds: CompoundsTable;
  buildings: BuildingsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  household_links: HouseholdLinksTable;
  staff: StaffTable;
  staff_assignments: StaffAssignmentsTable;
  accounts: AccountsTable;
  account_roles: AccountRolesTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
}
