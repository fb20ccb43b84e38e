import type { WorkCase } from './types.ts';

export type InboxFilter = 'waiting' | 'handling' | 'overdue' | 'all';
export const INBOX_FILTERS: InboxFilter[] = ['waiting', 'handling', 'overdue', 'all'];

/** Before acceptance the clock that matters is the response deadline; after it, the resolution deadline. */
export function activeDeadline(c: WorkCase): { kind: 'respond' | 'resolve'; at: string } {
  return c.acceptedAt || (c.state !== 'dispatched' && c.state !== 'new') ? { kind: 'resolve', at: c.resolveBy } : { kind: 'respond', at: c.respondBy };
}

export function matchesFilter(c: WorkCase, f: InboxFilter): boolean {
  switch (f) {
    case 'waiting':
      return c.abilities.includes('accept');
    case 'handling':
      return c.state === 'in_progress' || c.state === 'suspended';
    case 'overdue':
      return c.overdue;
    default:
      return true;
  }
}

/** Urgent cases first, then the nearest deadline (those already passed come first of all). */
export function byUrgency(a: WorkCase, b: WorkCase): number {
  if (a.grade !== b.grade) return a.grade === 'urgent' ? -1 : 1;
  return Date.parse(activeDeadline(a).at) - Date.parse(activeDeadline(b).at);
}

/** Marker colour on the map: red overdue, orange waiting for acceptance, blue in hand, grey paused. */
export function caseColor(c: WorkCase): string {
  if (c.overdue) return '#cf1322';
  if (c.state === 'suspended') return '#8c8c8c';
  if (c.state === 'in_progress') return '#1677ff';
  return '#fa8c16';
}
