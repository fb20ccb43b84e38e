import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { useSession } from '../../shared/session.tsx';
import { lastPlace, localCases } from '../device.ts';
import type { CaseDetail, Page, Place, ReporterCase } from '../types.ts';

/**
 * Where "my grid" is before the resident says: a signed-in resident's own grid, else the place this phone
 * last reported from, else the place of the latest case. `undefined` while finding out, `null` when unknown.
 */
export function useHomePlace(): Place | null | undefined {
  const { me } = useSession();
  const [place, setPlace] = useState<Place | null | undefined>(undefined);
  useEffect(() => {
    if (me === undefined) return;
    let live = true;
    const find = async (): Promise<Place | null> => {
      const home = me?.roles.find((r) => r.role === 'resident');
      if (home) {
        const grid = await api<{ name: string; centroid: [number, number] | null }>(`/api/v1/grids/${home.nodeId}`).catch(() => null);
        if (grid?.centroid) return { lng: grid.centroid[0], lat: grid.centroid[1], label: grid.name, source: 'saved' };
      }
      const saved = lastPlace();
      if (saved) return saved;
      const latest = me
        ? (await api<Page<ReporterCase>>('/api/v1/cases', { query: { mine: true, pageSize: 1 } }).catch(() => null))?.items[0]
        : await latestLocalCase();
      return latest ? { lng: latest.location.lng, lat: latest.location.lat, source: 'saved' } : null;
    };
    find().then((p) => live && setPlace(p));
    return () => {
      live = false;
    };
  }, [me]);
  return place;
}

async function latestLocalCase(): Promise<ReporterCase | undefined> {
  const last = localCases()[0];
  if (!last) return undefined;
  return (await api<CaseDetail>(`/api/v1/cases/${last.id}`, { headers: { 'X-Report-Token': last.token } }).catch(() => null))?.case;
}
