/** The activities API's answers as the web pages read them (see src/server/modules/activities/*.schemas.ts). */

export type ActivityKind = 'class' | 'match' | 'talk' | 'performance' | 'service_day' | 'other';
export type ActivityState = 'draft' | 'published' | 'cancelled' | 'finished';
export const ACTIVITY_KINDS: ActivityKind[] = ['class', 'match', 'talk', 'performance', 'service_day', 'other'];
export const ACTIVITY_STATES: ActivityState[] = ['draft', 'published', 'cancelled', 'finished'];

export interface Activity {
  id: string;
  title: string;
  kind: ActivityKind;
  kindLabel: string;
  description: string | null;
  community: { id: string; code: string; name: string; kind: string };
  address: string;
  location: { lng: number; lat: number } | null;
  startsAt: string;
  endsAt: string;
  localDay: string;
  localTime: string;
  capacity: number | null;
  signUpOpensAt: string | null;
  signUpClosesAt: string | null;
  organiser: { name: string; team: { name: string } | null };
  state: ActivityState;
  stateLabel: string;
  cancelReason: string | null;
  earnsPoints: boolean;
  signedUp: number;
  attended: number;
  seatsLeft: number | null;
  publishedAt: string | null;
  abilities: string[];
}

export interface ActivityList {
  items: Activity[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Calendar {
  community: { id: string; code: string; name: string; kind: string };
  from: string;
  to: string;
  items: Activity[];
}

export interface RosterEntry {
  residentId: string;
  name: string;
  phone: string | null;
  signedUp: boolean;
  byStaff: boolean;
  checkedIn: boolean;
  walkIn: boolean;
  method: 'code' | 'staff' | null;
  points: number;
  checkedInAt: string | null;
}

export interface Roster {
  activity: Activity;
  items: RosterEntry[];
}

export interface CheckInCode {
  code: string;
  qr: string;
  validFrom: string;
  validUntil: string;
}

export interface Attendance {
  id: string;
  activity: Activity;
  residentId: string;
  points: number;
  pointsOutcome: 'earned' | 'not_earning' | 'no_rule' | 'limit_reached';
  message: string;
}

export interface MyActivities {
  items: { activity: Activity; signedUp: boolean; checkedIn: boolean; points: number }[];
}

export interface RoleModel {
  id: string;
  title: string;
  shownName: string;
  story: string;
  photoIds: string[];
  community: { id: string; code: string; name: string; kind: string };
  published: boolean;
  publishedAt: string | null;
  people?: { kind: string; id: string; name: string }[];
  abilities: string[];
}

export interface RoleModelList {
  items: RoleModel[];
  total: number;
  page: number;
  pageSize: number;
}

/** What a resident's own QR holds, so the office can tick them present by scanning it (名单签到). */
export const RESIDENT_QR_PREFIX = 'lianxin:resident:';
