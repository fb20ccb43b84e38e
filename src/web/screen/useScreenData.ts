import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { useLocale } from '../shared/i18n/index.tsx';
import { useCaseStream } from '../shared/live.ts';
import type { PeriodKind, ScreenData } from './types.ts';

/** Case changes arriving within this window are fetched together. */
const COALESCE_MS = 1500;
/** Deadlines pass without anyone acting; the screen reads again at least this often. */
const POLL_MS = 5 * 60_000;

/**
 * The screen's one read (`GET /api/v1/metrics/screen`), read again when cases change. The newest case
 * reported while the screen is open is remembered so the map and the list can point at it.
 */
export function useScreenData(node: string | undefined, period: PeriodKind) {
  const { locale } = useLocale();
  const [data, setData] = useState<ScreenData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [newestId, setNewestId] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const d = await api<ScreenData>('/api/v1/metrics/screen', { query: { node, period }, signal: controller.signal });
      setData(d);
      setError(null);
      setUpdatedAt(new Date());
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [node, period, locale]);

  const latestLoad = useRef(load);
  latestLoad.current = load;

  useEffect(() => {
    void load();
    const poll = setInterval(() => void load(), POLL_MS);
    return () => {
      clearInterval(poll);
      inFlight.current?.abort();
    };
  }, [load]);

  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);

  const { connected } = useCaseStream((e) => {
    if (e.action === 'submit') setNewestId(e.id);
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void latestLoad.current();
    }, COALESCE_MS);
  });

  // Changes made while the stream was down were never announced; read again once it is back.
  const everConnected = useRef(false);
  const dropped = useRef(false);
  useEffect(() => {
    if (connected) {
      if (dropped.current) void latestLoad.current();
      everConnected.current = true;
      dropped.current = false;
    } else if (everConnected.current) {
      dropped.current = true;
    }
  }, [connected]);

  return { data, error, updatedAt, newestId, connected };
}
