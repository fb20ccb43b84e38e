import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { type CaseChangeEvent, useCaseStream } from '../shared/live.ts';
import type { MapGrid } from '../shared/map/GridMap.tsx';
import { useT } from '../shared/i18n/index.tsx';
import { type Me } from '../shared/session.tsx';
import { work } from './messages.ts';
import type { Page, WorkCase } from './types.ts';
import { WORK_ROLES } from './roles.ts';

interface WorkData {
  /** The org node the worker's inbox covers (their grid, or their community for a community worker). */
  nodeId: string | null;
  cases: WorkCase[] | null;
  /** Resolved cases whose reporter nobody has reached yet (待回访). */
  followUps: WorkCase[] | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
  /** Cases that arrived while the page was open, to be marked until the worker opens them. */
  fresh: Set<string>;
  markSeen: (id: string) => void;
  grids: MapGrid[];
  connected: boolean;
  /** The last change the live stream announced, so an open case page can refresh itself. */
  lastChange: CaseChangeEvent | null;
}

const Ctx = createContext<WorkData | null>(null);

interface GridFeature {
  geometry: GeoJSON.Geometry;
  properties: { code: string; name: string };
}

/** The worker's grid and its open cases, kept current by the live stream for every page of the area. */
export function WorkDataProvider({ me, children }: { me: Me; children: ReactNode }) {
  const nodeId = me.roles.find((r) => WORK_ROLES.includes(r.role))?.nodeId ?? null;
  const [cases, setCases] = useState<WorkCase[] | null>(null);
  const [followUps, setFollowUps] = useState<WorkCase[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [grids, setGrids] = useState<MapGrid[]>([]);
  const [lastChange, setLastChange] = useState<CaseChangeEvent | null>(null);
  const known = useRef<Set<string> | null>(null);
  const { message } = App.useApp();
  const t = useT(work);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [page, due] = await Promise.all([
        api<Page<WorkCase>>('/api/v1/cases', { query: { family: 'open', node: nodeId, pageSize: 200 } }),
        // A police officer may see cases without following them up; an empty list then, not an error.
        api<Page<WorkCase>>('/api/v1/follow-ups/due').catch(() => ({ items: [], total: 0 })),
      ]);
      setFollowUps(due.items);
      const before = known.current;
      if (before) {
        const arrived = page.items.filter((c) => !before.has(c.id));
        if (arrived.length) setFresh((s) => new Set([...s, ...arrived.map((c) => c.id)]));
        for (const c of arrived) message.info(t('newArrival', { number: c.number }));
      }
      known.current = new Set(page.items.map((c) => c.id));
      setCases(page.items);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, [nodeId, message, t]);

  useEffect(() => {
    load();
  }, [load]);

  useEffect(() => {
    api<{ features: GridFeature[] }>('/api/v1/grids/geojson', { query: { node: nodeId } })
      .then((fc) => setGrids(fc.features.map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry, label: f.properties.name }))))
      .catch(() => setGrids([]));
  }, [nodeId]);

  // Several changes often come together (a report and its dispatch): one refetch for the burst.
  const { connected } = useCaseStream((e) => {
    setLastChange(e);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(load, 300);
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const markSeen = useCallback((id: string) => {
    setFresh((s) => {
      if (!s.has(id)) return s;
      const next = new Set(s);
      next.delete(id);
      return next;
    });
  }, []);

  const value = useMemo(
    () => ({ nodeId, cases, followUps, error, loading, reload: load, fresh, markSeen, grids, connected, lastChange }),
    [nodeId, cases, followUps, error, loading, load, fresh, markSeen, grids, connected, lastChange],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkData(): WorkData {
  const v = useContext(Ctx);
  if (!v) throw new Error('useWorkData outside WorkDataProvider');
  return v;
}
