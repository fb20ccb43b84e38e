import { useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useLocale } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import { forgetCases, localCases } from '../device.ts';
import type { CaseDetail, Page, ReporterCase } from '../types.ts';

export interface MyCases {
  cases: ReporterCase[];
  /** Cases this phone remembers that the server no longer knows (a reset demo, a merged duplicate). */
  lost: string[];
  /** Anonymous reports kept on this phone, unreadable while signed in (the session speaks for the caller). */
  hiddenWhileSignedIn: number;
  loading: boolean;
  error: string | null;
  forgetLost: () => void;
}

/** Signed in: the account's cases. Not signed in: the cases this phone reported, each read with its secret. */
export function useMyCases(): MyCases {
  const { me } = useSession();
  const { locale } = useLocale();
  const [cases, setCases] = useState<ReporterCase[]>([]);
  const [lost, setLost] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (me === undefined) return;
    let live = true;
    setLoading(true);
    setError(null);
    const load = async () => {
      if (me) {
        const page = await api<Page<ReporterCase>>('/api/v1/cases', { query: { mine: true, pageSize: 100 } });
        return { found: page.items, missing: [] as string[] };
      }
      const stored = localCases();
      const results = await Promise.all(
        stored.map((s) =>
          api<CaseDetail>(`/api/v1/cases/${s.id}`, { headers: { 'X-Report-Token': s.token } })
            .then((d) => d.case)
            .catch((e) => {
              if (e instanceof ApiError && (e.status === 404 || e.status === 401)) return s.number;
              throw e;
            }),
        ),
      );
      return { found: results.filter((r): r is ReporterCase => typeof r !== 'string'), missing: results.filter((r): r is string => typeof r === 'string') };
    };
    load()
      .then(({ found, missing }) => {
        if (!live) return;
        setCases(found);
        setLost(missing);
        setLoading(false);
      })
      .catch((e) => {
        if (!live) return;
        setError(e instanceof ApiError ? e.message : String(e));
        setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [me, locale, round]);

  return {
    cases,
    lost,
    hiddenWhileSignedIn: me ? localCases().length : 0,
    loading,
    error,
    forgetLost: () => {
      forgetCases(localCases().filter((c) => lost.includes(c.number)).map((c) => c.id));
      setRound((r) => r + 1);
    },
  };
}
