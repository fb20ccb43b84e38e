import { useMemo } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { GridMap } from '../../shared/map/LazyGridMap.tsx';
import { m } from '../messages.ts';
import type { GridFeature } from '../types.ts';

/** Every grid's boundary; the chosen one is filled. */
export function GridsMap({ features, selected, onSelect }: { features: GridFeature[]; selected: string | null; onSelect: (code: string) => void }) {
  const t = useT(m);
  const grids = useMemo(
    () =>
      features
        .filter((f) => f.geometry)
        .map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry!, label: `${f.properties.name} · ${f.properties.code}`, color: f.properties.code === selected ? '#fa8c16' : undefined })),
    [features, selected],
  );
  return <GridMap ariaLabel={t('gridsMap')} grids={grids} onGridClick={onSelect} height={640} />;
}
