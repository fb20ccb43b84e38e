import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type RequestOptions } from '../shared/api.ts';
import { useLocale } from '../shared/i18n/index.tsx';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * A GET that reloads when its path, query, headers or the language change (labels come back translated);
 * a null path waits. Errors are the server's own message.
 */
export function useApi<T>(path: string | null, opts: Pick<RequestOptions, 'query' | 'headers'> = {}): Loaded<T> {
  const { locale } = useLocale();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(!!path);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const key = JSON.stringify([path, opts.query ?? null, opts.headers ?? null, locale, round]);
  useEffect(() => {
    if (!path) {
      setLoading(false);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    api<T>(path, { ...opts, signal: ctl.signal })
      .then((d) => {
        setData(d);
        setLoading(false);
      })
      .catch((e) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e.message : String(e));
        setLoading(false);
      });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { data, error, loading, reload };
}
