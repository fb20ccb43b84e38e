/** The shapes the resident pages read from the API (the reporter's plain view, the public board, routing). */

export interface NodeRef {
  id: string;
  code: string;
  name: string;
}

export interface ReporterCase {
  id: string;
  number: string;
  state: string;
  stateLabel: string;
  family: 'open' | 'resolved' | 'closed';
  categoryLabel: string | null;
  description: string;
  location: { lng: number; lat: number; address: string | null };
  grid: NodeRef | null;
  handler: { name: string; roleLabel: string | null } | null;
  reporterCount: number;
  reportedAt: string;
  resolveBy: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  abilities: string[];
}

export interface ReporterTimelineEntry {
  at: string;
  action: string;
  text: string;
  note: string | null;
  state: string | null;
}

export interface CasePhoto {
  id: string;
  role: string;
  url: string;
  thumbnailUrl: string;
}

export interface CaseDetail {
  case: ReporterCase;
  timeline: ReporterTimelineEntry[];
  photos: CasePhoto[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Contact {
  name: string;
  role: string;
  roleLabel: string;
  workPhone: string | null;
}

export interface RouteReply {
  point: [number, number];
  grid: NodeRef | null;
  community: NodeRef | null;
  street: NodeRef | null;
  policeBeat: NodeRef | null;
  contacts: Contact[];
}

export interface PublicCompound {
  id: string;
  name: string;
  community: string | null;
  grid: { code: string; name: string };
  location: [number, number] | null;
}

export interface PublicCase {
  number: string;
  categoryLabel: string | null;
  state: 'open' | 'closed';
  stateLabel: string;
  grid: string | null;
  community: string | null;
  location: { lng: number; lat: number };
  reportedAt: string;
  resolvedAt: string | null;
  reporterCount: number;
  result: string | null;
  photos: { url: string; thumbnailUrl: string }[];
}

export interface CategorySuggestion {
  category: string;
  major: string;
  label: string;
  majorLabel: string;
  confidence: number;
}

export interface TaxonomyCategory {
  code: string;
  major: string;
  zh: string;
  en: string;
  majorZh: string;
  majorEn: string;
}

/** A place the resident chose: a point, and the compound when they picked one from the list. */
export interface Place {
  lng: number;
  lat: number;
  compoundId?: string;
  /** What to call it on screen (a compound's name); absent for a bare point. */
  label?: string;
  source: 'map' | 'device' | 'compound' | 'photo' | 'saved';
}
