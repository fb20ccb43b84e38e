import { useMemo } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { GridMap } from '../../shared/map/LazyGridMap.tsx';
import { m } from '../messages.ts';
import type { GridFeature, StaffCase } from '../types.ts';
import { useApi } from '../useApi.ts';

/** Where the case is, among the grids of its community; its own grid is filled. */
export function CaseMap({ c, height = 260 }: { c: StaffCase; height?: number }) {
  const t = useT(m);
  const geojson = useApi<{ features: GridFeature[] }>(c.community ? '/api/v1/grids/geojson' : null, { node: c.community?.code });
  const grids = useMemo(
    () =>
      (geojson.data?.features ?? [])
        .filter((f) => f.geometry)
        .map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry!, label: f.properties.name, color: f.properties.code === c.grid?.code ? '#69b1ff' : undefined })),
    [geojson.data, c.grid?.code],
  );
  return <GridMap ariaLabel={t('mapOfCase')} grids={grids} pin={{ lng: c.location.lng, lat: c.location.lat }} fit="pin" height={height} />;
}
