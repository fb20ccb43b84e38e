import { useMemo, useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { GridMap, type MapMarker } from '../../shared/map/LazyGridMap.tsx';
import { CaseCard } from '../case/CaseCard.tsx';
import { work } from '../messages.ts';
import { PageHeader } from '../PageHeader.tsx';
import { caseColor } from '../urgency.ts';
import { useWorkData } from '../WorkData.tsx';

/** 地图: my grid with its open cases as dots; tapping one shows its card. */
export function MapPage() {
  const t = useT(work);
  const { cases, grids, fresh } = useWorkData();
  const [selected, setSelected] = useState<string | null>(null);
  const located = useMemo(() => (cases ?? []).filter((c) => c.location.lng !== null && c.location.lat !== null), [cases]);
  const markers = useMemo<MapMarker[]>(
    () => located.map((c) => ({ id: c.id, lng: c.location.lng!, lat: c.location.lat!, color: caseColor(c), label: `${c.number} ${c.title}`, highlight: fresh.has(c.id) || c.id === selected })),
    [located, fresh, selected],
  );
  const chosen = cases?.find((c) => c.id === selected);
  const missing = (cases?.length ?? 0) - located.length;
  const legend = [
    { color: '#cf1322', label: t('legendOverdue') },
    { color: '#fa8c16', label: t('legendWaiting') },
    { color: '#1677ff', label: t('legendHandling') },
    { color: '#8c8c8c', label: t('legendSuspended') },
  ];
  return (
    <>
      <PageHeader title={t('navMap')} />
      <main className="lx-page lx-map-page">
        <div className="lx-map-wrap">
          <GridMap ariaLabel={t('casesMap')} grids={grids} markers={markers} onMarkerClick={setSelected} onPick={() => setSelected(null)} height="calc(100dvh - 52px - 64px - 24px - 40px)" fit={grids.length ? 'grids' : 'markers'} />
          {chosen && (
            <div className="lx-map-card">
              <CaseCard c={chosen} fresh={fresh.has(chosen.id)} />
            </div>
          )}
        </div>
        <ul className="lx-legend" aria-label={t('mapLegend')}>
          {legend.map((l) => (
            <li key={l.label}>
              <span className="lx-dot" style={{ background: l.color }} aria-hidden />
              {l.label}
            </li>
          ))}
        </ul>
        {missing > 0 && <div className="lx-muted">{t('mapNoLocation', { count: missing })}</div>}
      </main>
    </>
  );
}
