/** The volunteers API's answers as the console reads them (see src/server/modules/volunteers/*.schemas.ts). */

export interface NodeRef {
  id: string;
  code: string;
  name: string;
  kind: string;
}

export interface WeeklySlot {
  weekdays: number[];
  from: string;
  to: string;
}

export type TalentStatus = 'proposed' | 'confirmed' | 'declined' | 'retired';
export type TalentOrigin = 'survey' | 'recommendation' | 'self_nomination' | 'in_service';

export interface TalentSkill {
  skill: string;
  label: string;
  level: number;
  levelLabel: string;
  confirmed: boolean;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

export interface Talent {
  id: string;
  origin: TalentOrigin;
  originLabel: string;
  status: TalentStatus;
  statusLabel: string;
  residentId: string | null;
  name: string;
  phone: string | null;
  partnerUnit: { id: string; name: string } | null;
  community: NodeRef;
  grid: NodeRef | null;
  skills: TalentSkill[];
  availability: WeeklySlot[];
  serviceAreas: NodeRef[];
  contactPreference: string;
  contactPreferenceLabel: string;
  reserveCandidate: boolean;
  reserveNote: string | null;
  note: string | null;
  statusReason: string | null;
  teams: { id: string; name: string; kind: string; kindLabel: string; leader: boolean; joinedOn: string }[];
  confirmedAt: string | null;
  createdAt: string;
  abilities: string[];
}

export interface TalentFile {
  profile: Talent;
  recommendations: { at: string; origin: string; originLabel: string; by: string; recommenderName: string | null; skills: string[]; note: string | null }[];
  history: { at: string; action: string; actionLabel: string; actor: string; note: string | null }[];
}

export interface Taxonomy {
  levels: { level: number; label: string }[];
  skillGroups: { code: string; label: string; skills: { code: string; label: string }[] }[];
  teamKinds: { code: string; label: string }[];
  sharedResourceKinds: { code: string; label: string }[];
}

export interface Team {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  purpose: string | null;
  services: { skill: string; label: string }[];
  community: NodeRef;
  leader: { id: string; name: string } | null;
  memberCount: number;
  abilities: string[];
}

export interface TeamDetail extends Team {
  members: { talentId: string; name: string; status: TalentStatus; leader: boolean; joinedOn: string }[];
}

export interface SharedResource {
  id: string;
  kind: string;
  kindLabel: string;
  name: string;
  description: string | null;
  address: string | null;
  openingHours: WeeklySlot[];
  hoursNote: string | null;
  openNow: boolean;
  partnerUnit: { name: string };
  community: { code: string; name: string };
  active: boolean;
}

export interface PartnerUnit {
  id: string;
  name: string;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  note: string | null;
  communities: NodeRef[];
  inServiceMembers: number;
  abilities: string[];
}

export interface PartnerUnitDetail extends PartnerUnit {
  sharedResources: SharedResource[];
}
