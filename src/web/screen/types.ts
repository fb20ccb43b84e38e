/** The shape of `GET /api/v1/metrics/screen` (see src/server/modules/metrics/screen-service.ts). */
export type PeriodKind = 'day' | 'week' | 'month' | 'year';

export interface Figure {
  code: string;
  label: string;
  formula: string;
  unit: 'count' | 'rate' | 'hours';
  value: number | null;
}

export type Counters = Partial<Record<string, number>>;

export interface ScreenUnit {
  id: string;
  code: string;
  name: string;
  community?: { code: string; name: string } | null;
  counters: Counters;
  figures: Record<string, number | null>;
  open: number;
  openOverdue: number;
}

export interface ScreenCase {
  id: string;
  number: string;
  category: { code: string; major: string; name: string } | null;
  grid: { code: string; name: string; community: string | null } | null;
  state: string;
  stateLabel: string;
  family: 'open' | 'resolved' | 'closed';
  urgent: boolean;
  overdue: boolean;
  reportedAt: string;
  location: { lng: number; lat: number };
}

export interface ScreenData {
  node: { id: string; code: string; name: string; kind: string };
  period: { from: string; to: string };
  counters: Counters;
  figures: Figure[];
  open: { total: number; overdue: number; urgent: number };
  trend: { day: string; received: number; resolved: number; overdue: number }[];
  categories: { code: string; label: string; received: number }[];
  communities: ScreenUnit[];
  grids: ScreenUnit[];
  openCases: ScreenCase[];
  latest: ScreenCase[];
}
