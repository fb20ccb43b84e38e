import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../shared/api.ts';
import { useT } from '../shared/i18n/index.tsx';
import { GridMap, type MapGrid, type MapMarker } from '../shared/map/LazyGridMap.tsx';
import { CASE_COLORS, LOAD_COLORS, type LoadLevel, loadLevel } from './load-colors.ts';
import { screen } from './messages.ts';
import type { ScreenData } from './types.ts';

// A wall display fits the grids to the panel in quarter steps: whole zoom steps leave half the panel empty.
L.Map.mergeOptions({ zoomSnap: 0.25, zoomDelta: 0.5 });

interface GridFeature {
  geometry: GeoJSON.Geometry;
  properties: { code: string; name: string; community?: string | null };
}

/** The boundaries of the grids under a node, fetched once per node (they rarely change). */
function useGridShapes(node: string) {
  const [features, setFeatures] = useState<GridFeature[]>([]);
  useEffect(() => {
    let live = true;
    api<{ features: GridFeature[] }>('/api/v1/grids/geojson', { query: { node } })
      .then((fc) => live && setFeatures(fc.features))
      .catch(() => live && setFeatures([]));
    return () => {
      live = false;
    };
  }, [node]);
  return features;
}

/** The grids coloured by open load and the open cases as dots; the newest case pulses larger. */
export function LoadMap({ data, newestId }: { data: ScreenData; newestId: string | null }) {
  const t = useT(screen);
  const shapes = useGridShapes(data.node.code);
  const load = useMemo(() => new Map(data.grids.map((g) => [g.code, g])), [data.grids]);

  const grids: MapGrid[] = useMemo(
    () =>
      shapes.map((f) => {
        const g = load.get(f.properties.code);
        const open = g?.open ?? 0;
        const overdue = g?.openOverdue ?? 0;
        const name = [g?.community?.name, f.properties.name].filter(Boolean).join(' ');
        return { code: f.properties.code, name: f.properties.name, geometry: f.geometry, color: LOAD_COLORS[loadLevel(open, overdue)], label: t('gridTooltip', { name, open, overdue }) };
      }),
    [shapes, load, t],
  );

  const markers: MapMarker[] = useMemo(
    () =>
      data.openCases.map((c) => ({
        id: c.id,
        lng: c.location.lng,
        lat: c.location.lat,
        color: c.id === newestId ? CASE_COLORS.newest : c.overdue ? CASE_COLORS.overdue : c.urgent ? CASE_COLORS.urgent : CASE_COLORS.normal,
        highlight: c.id === newestId,
        label: t('caseTooltip', { number: c.number, category: c.category ? `${c.category.major} / ${c.category.name}` : t('noCategory'), state: c.stateLabel }),
      })),
    [data.openCases, newestId, t],
  );

  const levels: [LoadLevel, string][] = [
    ['none', t('legendNone')],
    ['low', t('legendLow')],
    ['mid', t('legendMid')],
    ['high', t('legendHigh')],
    ['overdue', t('legendOverdue')],
  ];
  const dots: [string, string][] = [
    [CASE_COLORS.normal, t('legendCaseNormal')],
    [CASE_COLORS.urgent, t('legendCaseUrgent')],
    [CASE_COLORS.overdue, t('legendCaseOverdue')],
    [CASE_COLORS.newest, t('legendCaseNew')],
  ];

  return (
    <div className="sc-map">
      <div className="sc-map-canvas">
        <GridMap key={data.node.code} ariaLabel={t('mapAria', { node: data.node.name })} grids={grids} markers={markers} dark height="100%" fit="grids" />
      </div>
      <div className="sc-legend" role="group" aria-label={t('legend')}>
        <div className="sc-legend-row">
          <span className="sc-legend-title">{t('legendGrids')}</span>
          <ul>
            {levels.map(([level, label]) => (
              <li key={level}>
                <span className="sc-swatch" style={{ background: LOAD_COLORS[level] }} aria-hidden="true" />
                {label}
              </li>
            ))}
          </ul>
        </div>
        <div className="sc-legend-row">
          <span className="sc-legend-title">{t('legendCases')}</span>
          <ul>
            {dots.map(([color, label]) => (
              <li key={label}>
                <span className="sc-dot" style={{ background: color }} aria-hidden="true" />
                {label}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
