import { Suspense, lazy } from 'react';
import type { GridMapProps } from './GridMap.tsx';

export type { GridMapProps, MapGrid, MapMarker } from './GridMap.tsx';

const Leaflet = lazy(() => import('./GridMap.tsx').then((m) => ({ default: m.GridMap })));

/**
 * The map, fetched the first time a page shows one: Leaflet stays out of every area's first download,
 * so a resident's phone gets the report form before it gets a map library.
 */
export function GridMap(props: GridMapProps) {
  const placeholder = (
    <div role="region" aria-label={props.ariaLabel} aria-busy="true" className="lx-map" style={{ height: props.height ?? 320, width: '100%', background: props.dark ? '#0b1a2e' : '#eef2f5', borderRadius: 8 }} />
  );
  return (
    <Suspense fallback={placeholder}>
      <Leaflet {...props} />
    </Suspense>
  );
}
