import type { CasePhoto, TimelineEntry } from '../shared/case-types.ts';

export type { CasePhoto, TimelineEntry };

/** The parts of the server's staff case view the worker area reads (see cases.views.ts `staffCaseView`). */
export interface NodeRef {
  id: string;
  code: string;
  name: string;
}

export interface WorkCase {
  id: string;
  number: string;
  kind: string;
  kindLabel: string;
  state: string;
  stateLabel: string;
  family: 'open' | 'resolved' | 'closed';
  channel: string;
  channelLabel: string;
  category: string | null;
  categoryLabel: string | null;
  grade: 'normal' | 'urgent';
  title: string;
  description: string;
  location: { lng: number | null; lat: number | null; address: string | null };
  grid: NodeRef | null;
  community: NodeRef | null;
  tier: number;
  handler: { node: NodeRef | null; staffId: string | null; name: string | null; roleLabel: string | null };
  reporter: { anonymous: boolean; name: string | null; phone: string | null; contactPreference: string | null };
  reporterCount: number;
  reportedAt: string;
  respondBy: string;
  resolveBy: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  overdue: boolean;
  resolution: string | null;
  reworkCount: number;
  abilities: string[];
}

export interface CaseDetail {
  case: WorkCase;
  timeline: TimelineEntry[];
  photos: CasePhoto[];
}

export interface Page<T> {
  items: T[];
  total: number;
}
