import { Segmented } from 'antd';
import { useState } from 'react';
import { percent } from '../shared/format.ts';
import { useT } from '../shared/i18n/index.tsx';
import { screen } from './messages.ts';
import type { ScreenData, ScreenUnit } from './types.ts';

type Unit = 'grids' | 'communities';
type By = 'open' | 'solved_rate' | 'on_time_resolution';

const ROWS = 10;

function valueOf(u: ScreenUnit, by: By): number | null {
  return by === 'open' ? u.open : u.figures[by] ?? null;
}

/** Communities or grids ranked by open load (most first) or by a rate (best first; no value last). */
export function rank(units: ScreenUnit[], by: By): ScreenUnit[] {
  return [...units].sort((a, b) => {
    const va = valueOf(a, by);
    const vb = valueOf(b, by);
    if (va === null || vb === null) return va === null && vb === null ? a.code.localeCompare(b.code) : va === null ? 1 : -1;
    return vb - va || (by === 'open' ? b.openOverdue - a.openOverdue : 0) || a.code.localeCompare(b.code);
  });
}

/** The ranking board; a single community (or grid) has no communities to rank, so only grids are offered then. */
export function Ranking({ data }: { data: ScreenData }) {
  const t = useT(screen);
  const canRankCommunities = data.communities.length > 1;
  const [unitChoice, setUnit] = useState<Unit>('grids');
  const [by, setBy] = useState<By>('open');
  const unit: Unit = canRankCommunities ? unitChoice : 'grids';
  const units = rank(unit === 'grids' ? data.grids : data.communities, by).slice(0, ROWS);
  const max = Math.max(1, ...units.map((u) => (by === 'open' ? u.open : 1)));
  const show = (u: ScreenUnit) => (by === 'open' ? String(u.open) : percent(valueOf(u, by)));
  const name = (u: ScreenUnit) => (unit === 'grids' && u.community ? `${u.community.name} ${u.name}` : u.name);

  return (
    <div className="sc-ranking">
      <div className="sc-ranking-controls">
        {canRankCommunities && (
          <Segmented<Unit>
            size="small"
            aria-label={t('rankingUnit')}
            value={unit}
            onChange={setUnit}
            options={[
              { value: 'grids', label: t('rankingGrids') },
              { value: 'communities', label: t('rankingCommunities') },
            ]}
          />
        )}
        <Segmented<By>
          size="small"
          aria-label={t('rankingBy')}
          value={by}
          onChange={setBy}
          options={[
            { value: 'open', label: t('byOpen') },
            { value: 'solved_rate', label: t('bySolved') },
            { value: 'on_time_resolution', label: t('byOnTime') },
          ]}
        />
      </div>
      {units.length === 0 ? (
        <div className="sc-empty">{t('rankingEmpty')}</div>
      ) : (
        <ol className="sc-rank-list">
          {units.map((u, i) => {
            const v = valueOf(u, by);
            const width = v === null ? 0 : by === 'open' ? (v / max) * 100 : v * 100;
            return (
              <li key={u.id} className={`sc-rank-row ${i < 3 ? `top-${i + 1}` : ''}`} aria-label={t('rankRow', { rank: i + 1, name: name(u), value: show(u) })}>
                <span className="sc-rank-no" aria-hidden="true">{i + 1}</span>
                <span className="sc-rank-name" aria-hidden="true">{name(u)}</span>
                <span className="sc-rank-bar" aria-hidden="true">
                  <span className={by === 'open' && u.openOverdue > 0 ? 'has-overdue' : ''} style={{ width: `${width}%` }} />
                </span>
                <span className="sc-rank-value" aria-hidden="true">{show(u)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
