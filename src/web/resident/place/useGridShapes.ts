import { useMemo } from 'react';
import type { MapGrid } from '../../shared/map/GridMap.tsx';
import { useApi } from '../useApi.ts';

interface GridFeatures {
  features: { geometry: GeoJSON.Geometry; properties: { code: string; name: string; community?: string | null } }[];
}

/** Grid boundaries to draw under the pin (all of them, or those under one org node). */
export function useGridShapes(node?: string | null): MapGrid[] {
  const { data } = useApi<GridFeatures>(node === null ? null : '/api/v1/grids/geojson', { query: { node: node ?? undefined } });
  return useMemo(
    () => (data?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry, label: [f.properties.community, f.properties.name].filter(Boolean).join(' · ') })),
    [data],
  );
}
