import { useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../shared/i18n/index.tsx';
import { screen } from './messages.ts';
import { shortDateTime } from './time.ts';
import type { ScreenCase } from './types.ts';

/** Seconds each case stays in view while the list rolls. */
const SECONDS_PER_ROW = 3;

/** The newest cases rolling upwards when there are more than fit; hovering or focusing pauses the roll. */
export function Ticker({ cases, newestId }: { cases: ScreenCase[]; newestId: string | null }) {
  const t = useT(screen);
  const { locale } = useLocale();
  const viewport = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [rolling, setRolling] = useState(false);

  useEffect(() => {
    if (!viewport.current || !list.current) return;
    const measure = () => setRolling(!!list.current && !!viewport.current && list.current.offsetHeight > viewport.current.clientHeight);
    const ro = new ResizeObserver(measure);
    ro.observe(viewport.current);
    ro.observe(list.current);
    measure();
    return () => ro.disconnect();
  }, [cases.length > 0]);

  if (cases.length === 0) return <div className="sc-empty">{t('noCases')}</div>;

  const rows = cases.map((c) => (
    <li key={c.id} className={`sc-tick ${c.id === newestId ? 'is-new' : ''}`}>
      <div className="sc-tick-line">
        <span className="sc-tick-number">{c.number}</span>
        {c.id === newestId && <span className="sc-tag tag-new">{t('newTag')}</span>}
        {c.overdue && <span className="sc-tag tag-overdue">{t('overdueTag')}</span>}
        {c.urgent && <span className="sc-tag tag-urgent">{t('urgent')}</span>}
        <span className={`sc-tick-state family-${c.family}`}>{c.stateLabel}</span>
        <span className="sc-tick-time">{shortDateTime(c.reportedAt, locale)}</span>
      </div>
      <div className="sc-tick-line is-minor">
        <span className="sc-tick-category">{c.category ? `${c.category.major} · ${c.category.name}` : t('noCategory')}</span>
        <span className="sc-tick-grid">{c.grid ? [c.grid.community, c.grid.name].filter(Boolean).join(' ') : t('noGrid')}</span>
      </div>
    </li>
  ));

  return (
    <div className="sc-ticker">
      <div className="sc-ticker-viewport" ref={viewport} tabIndex={0} aria-label={t('latestAria')} role="region">
        <div key={newestId ?? 'none'} className={`sc-ticker-track ${rolling ? 'is-rolling' : ''}`} style={{ animationDuration: `${cases.length * SECONDS_PER_ROW}s` }}>
          <ul ref={list}>{rows}</ul>
          {rolling && <ul aria-hidden="true">{rows}</ul>}
        </div>
      </div>
    </div>
  );
}
