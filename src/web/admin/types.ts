import type { CasePhoto, TimelineEntry } from '../shared/case-types.ts';

export type { CasePhoto, TimelineEntry };

/** The shapes of the API answers the staff console reads (the server's views, as JSON). */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface NodeRef {
  id: string;
  code: string;
  name: string;
}

export interface StaffCase {
  id: string;
  number: string;
  kind: string;
  kindLabel: string;
  state: string;
  stateLabel: string;
  family: 'open' | 'resolved' | 'closed';
  channel: string;
  channelLabel: string;
  nature: string;
  category: string | null;
  categoryLabel: string | null;
  categorySource: string | null;
  categoryConfidence: number | null;
  needsReview: boolean;
  grade: 'normal' | 'urgent';
  title: string;
  description: string;
  location: { lng: number; lat: number; address: string | null };
  grid: NodeRef | null;
  community: NodeRef | null;
  outsideGrid: boolean;
  tier: number;
  handler: { node: NodeRef | null; staffId: string | null; name: string | null; roleLabel: string | null };
  reporter: { anonymous: boolean; name: string | null; phone: string | null; contactPreference: string };
  reporterCount: number;
  isPublic: boolean;
  reportedAt: string;
  respondBy: string;
  resolveBy: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  overdue: boolean;
  resolution: string | null;
  reworkCount: number;
  duplicateCandidateId: string | null;
  mergedIntoId: string | null;
  abilities: string[];
  /** Only in the possible-duplicates list: the earlier case it may repeat. */
  duplicateCandidate?: { id: string; number: string; title: string; state: string; stateLabel: string } | null;
}

export interface CaseDetail {
  case: StaffCase;
  timeline: TimelineEntry[];
  photos: CasePhoto[];
}

export interface TreeNode {
  id: string;
  kind: 'district' | 'street' | 'community' | 'sector' | 'grid';
  code: string;
  name: string;
  children: TreeNode[];
}

export interface Category {
  code: string;
  major: string;
  zh: string;
  en: string;
  majorZh: string;
  majorEn: string;
  tier: number;
  urgent: boolean;
}

export interface Taxonomy {
  natures: { code: string; zh: string; en: string }[];
  categories: Category[];
}

export interface Assignment {
  id: string;
  nodeId: string;
  nodeCode: string;
  nodeName: string;
  nodeKind: string;
  role: string;
  roleLabel: string;
  policeBeatId: string | null;
  onDuty: boolean;
}

export interface StaffMember {
  id: string;
  name: string;
  workPhone: string | null;
  assignments: Assignment[];
  abilities: string[];
}

export interface Figure {
  code: string;
  label: string;
  formula: string;
  unit: 'count' | 'rate' | 'hours';
  value: number | null;
  cases: string;
}

export interface FiguresResult {
  node: NodeRef & { kind: string };
  period: { from: string; to: string };
  figures: Figure[];
  breakdown: { key: string; label: string; figures: Figure[] }[];
}

export interface Resident {
  id: string;
  householdId: string;
  gridId: string;
  address: string;
  name: string;
  gender: 'male' | 'female' | null;
  phone: string | null;
  idNumber: string | null;
  isPartyMember: boolean;
  linkedHouseholdCount: number;
  abilities: string[];
}

export interface Household {
  id: string;
  gridId: string;
  address: string;
  isPartyHub: boolean;
  memberCount: number;
  linkedHouseholdCount: number;
  abilities: string[];
}

export interface PersonalData {
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  phone: string | null;
  idNumber: string | null;
  birthDate: string | null;
}

export interface GridFeature {
  type: 'Feature';
  id: string;
  geometry: GeoJSON.Geometry | null;
  properties: { code: string; name: string; community: string | null; street: string | null; district: string | null; sector: string | null };
}
