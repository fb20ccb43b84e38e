import { percent } from '../shared/format.ts';
import { useT } from '../shared/i18n/index.tsx';
import { screen } from './messages.ts';
import type { Figure } from './types.ts';

/** The five rates a street is evaluated on (CASES.md), in the order the seeds name them. */
export const KPI_CODES = ['response_rate', 'solved_rate', 'satisfaction_rate', 'in_grid_resolution', 'on_time_resolution'] as const;

/** One card per rate: its name (from the server, in the reader's language), the value and a bar. */
export function KpiCards({ figures }: { figures: Figure[] }) {
  const t = useT(screen);
  return (
    <div className="sc-kpis">
      {KPI_CODES.map((code) => {
        const f = figures.find((x) => x.code === code);
        if (!f) return null;
        const followUp = ['response_rate', 'solved_rate', 'satisfaction_rate'].includes(code);
        return (
          <div key={code} className="sc-kpi" role="group" aria-label={f.label} title={f.formula}>
            <div className="sc-kpi-top">
              <span className="sc-kpi-label">{f.label}</span>
              <span className={`sc-kpi-value ${f.value === null ? 'is-empty' : ''}`}>{percent(f.value)}</span>
            </div>
            <div className="sc-kpi-bar" aria-hidden="true">
              <div style={{ width: `${Math.round((f.value ?? 0) * 100)}%` }} />
            </div>
            <div className="sc-kpi-formula">{f.value === null && followUp ? t('noFollowUps') : f.formula}</div>
          </div>
        );
      })}
    </div>
  );
}
