/** One step of a case's timeline as staff see it (`GET /api/v1/cases/:id`). */
export interface TimelineEntry {
  seq: number;
  at: string;
  action: string;
  actionLabel: string;
  actor: string | null;
  fromState: string | null;
  toState: string | null;
  fromHandler: string | null;
  toHandler: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  publicNote: boolean;
}

/** A photo of a case: the reporter's, a note's or the handler's proof. */
export interface CasePhoto {
  id: string;
  role: string;
  url: string;
  thumbnailUrl: string;
}
