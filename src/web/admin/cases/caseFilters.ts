import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The case list's filters, as `GET /api/v1/cases` and the case ledger take them. */
export interface CaseFilters {
  q?: string;
  node?: string;
  state?: string;
  family?: string;
  category?: string;
  kind?: string;
  channel?: string;
  overdue?: boolean;
  needsReview?: boolean;
  from?: string;
  to?: string;
}

const KEYS = ['q', 'node', 'state', 'family', 'category', 'kind', 'channel', 'overdue', 'needsReview', 'from', 'to'] as const;
const FLAGS = new Set(['overdue', 'needsReview']);

/** A full case number (LX-2026-000123): full-text search does not index numbers, so the list looks it up directly. */
export const CASE_NUMBER = /^LX-\d{4}-\d{6}$/i;

/** Filters and paging live in the address, so a reload, a shared link and the Excel export all see the same list. */
export function useCaseFilters(): { filters: CaseFilters; page: number; pageSize: number; set: (patch: Partial<CaseFilters>) => void; setPage: (page: number, pageSize: number) => void; reset: () => void } {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const f: Record<string, string | boolean> = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) f[k] = FLAGS.has(k) ? v === 'true' : v;
    }
    return f as CaseFilters;
  }, [params]);
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const set = useCallback(
    (patch: Partial<CaseFilters>) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '' || v === false) next.delete(k);
          else next.set(k, String(v));
        }
        next.delete('page');
        return next;
      }),
    [setParams],
  );
  const setPage = useCallback(
    (pg: number, size: number) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set('page', String(pg));
        next.set('pageSize', String(size));
        return next;
      }),
    [setParams],
  );
  const reset = useCallback(
    () =>
      setParams((p) => {
        const next = new URLSearchParams();
        const open = p.get('case');
        if (open) next.set('case', open);
        return next;
      }),
    [setParams],
  );
  return { filters, page, pageSize, set, setPage, reset };
}
