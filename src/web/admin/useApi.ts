import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type RequestOptions } from '../shared/api.ts';
import { useLocale } from '../shared/i18n/index.tsx';

export interface Loaded<T> {
  data: T | undefined;
  /** The server's own message when the read failed. */
  error: string | null;
  loading: boolean;
  /** Reads again; the answer shown stays until the new one arrives (no loading flag), as for live updates. */
  reload: () => void;
}

/**
 * Reads one API path and keeps the answer; a change of path or query reads again and drops the answer to
 * a read still in flight. `path` null reads nothing (the page is not ready to ask yet).
 */
export function useApi<T>(path: string | null, query?: RequestOptions['query']): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(!!path);
  const [generation, setGeneration] = useState(0);
  const quiet = useRef(false);
  const key = JSON.stringify(query ?? {});
  // Labels (states, categories) come from the server in the chosen language: a switch reads again.
  const { locale } = useLocale();
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    if (!quiet.current) setLoading(true);
    quiet.current = false;
    api<T>(path, { query: JSON.parse(key), signal: controller.signal })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e.message : String(e));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, key, generation, locale]);
  const reload = useCallback(() => {
    quiet.current = true;
    setGeneration((g) => g + 1);
  }, []);
  return { data, error, loading, reload };
}
