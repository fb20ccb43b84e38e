/**
 * The rows the demo generator produces, table by table, in an order that satisfies every foreign key.
 */
import type { Insertable } from 'kysely';
import type { NewAccount } from '../modules/auth/auth.service.ts';
import type {
  BuildingsTable,
  CompoundsTable,
  HouseholdLinksTable,
  HouseholdsTable,
  OrgNodesTable,
  PoliceBeatsTable,
  ResidentsTable,
  StaffAssignmentsTable,
  StaffTable,
} from '../db/tables.ts';

export interface DemoRows {
  /** Parents before children: district, streets, then each community with its sectors and grids. */
  orgNodes: Insertable<OrgNodesTable>[];
  policeBeats: Insertable<PoliceBeatsTable>[];
  compounds: Insertable<CompoundsTable>[];
  buildings: Insertable<BuildingsTable>[];
  households: Insertable<HouseholdsTable>[];
  residents: Insertable<ResidentsTable>[];
  householdLinks: Insertable<HouseholdLinksTable>[];
  staff: Insertable<StaffTable>[];
  staffAssignments: Insertable<StaffAssignmentsTable>[];
  /** Created through createAccount, which hashes the passwords. */
  accounts: (NewAccount & { node: { id: string; path: string } | null })[];
}

/** What the generators share: the id source, the creation time, the numbers already taken, and the rows so far. */
export interface DemoContext {
  newId: () => string;
  at: string;
  taken: { idNumbers: Set<string>; phones: Set<string> };
  rows: DemoRows;
}

/** An org node once placed in the tree. */
export interface PlacedNode {
  id: string;
  code: string;
  name: string;
  path: string;
}

export function emptyRows(): DemoRows {
  return {
    orgNodes: [],
    policeBeats: [],
    compounds: [],
    buildings: [],
    households: [],
    residents: [],
    householdLinks: [],
    staff: [],
    staffAssignments: [],
    accounts: [],
  };
}
