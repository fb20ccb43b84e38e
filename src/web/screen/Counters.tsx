import { useT } from '../shared/i18n/index.tsx';
import { screen } from './messages.ts';
import type { ScreenData } from './types.ts';

/** Big numerals: cases received, resolved and overdue in the period, and what is open right now. */
export function Counters({ data }: { data: ScreenData }) {
  const t = useT(screen);
  const items = [
    { key: 'received', label: t('received'), value: data.counters.received ?? 0, tone: 'cyan' },
    { key: 'resolved', label: t('resolved'), value: data.counters.resolved ?? 0, tone: 'green' },
    { key: 'overdue', label: t('overdue'), value: data.counters.overdue ?? 0, tone: 'red' },
    { key: 'open', label: t('openNow'), value: data.open.total, tone: 'blue' },
    { key: 'openOverdue', label: t('openOverdueNow'), value: data.open.overdue, tone: 'orange' },
  ];
  return (
    <div className="sc-counters" aria-label={t('counters')} role="list">
      {items.map((i) => (
        <div key={i.key} role="listitem" className={`sc-counter tone-${i.tone}`}>
          <div role="group" aria-label={i.label}>
            <span className="sc-counter-value">{i.value}</span>
            {t('casesUnit') && <span className="sc-counter-unit">{t('casesUnit')}</span>}
            <span className="sc-counter-label">{i.label}</span>
          </div>
        </div>
      ))}
    </div>
  );
}
