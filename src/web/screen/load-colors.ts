/** How heavy a grid's open load is, for the map's fill and its legend. */
export type LoadLevel = 'overdue' | 'high' | 'mid' | 'low' | 'none';

export const LOAD_COLORS: Record<LoadLevel, string> = {
  overdue: '#f5222d',
  high: '#fa8c16',
  mid: '#fadb14',
  low: '#13c2c2',
  none: '#12345f',
};

/** Any overdue case marks a grid red; otherwise the count of open cases decides. */
export function loadLevel(open: number, overdue: number): LoadLevel {
  if (overdue > 0) return 'overdue';
  if (open >= 6) return 'high';
  if (open >= 3) return 'mid';
  if (open >= 1) return 'low';
  return 'none';
}

export const CASE_COLORS = { overdue: '#ff4d4f', urgent: '#fa8c16', normal: '#36e2ff', newest: '#ffffff' } as const;
