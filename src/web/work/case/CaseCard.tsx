import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';
import type { WorkCase } from '../types.ts';
import { CaseTags } from './CaseTags.tsx';
import { Countdown } from './Countdown.tsx';

/** One case in the inbox: a link whose name starts with the case number and title. */
export function CaseCard({ c, fresh }: { c: WorkCase; fresh?: boolean }) {
  const t = useT(work);
  const { locale } = useLocale();
  return (
    <Link to={`/cases/${c.id}`} className={`lx-card${c.family !== 'open' ? ' is-done' : c.overdue ? ' is-overdue' : ''}${fresh ? ' is-fresh' : ''}`} aria-label={`${c.number} ${c.title}`}>
      <div className="lx-card-top">
        <span className="lx-number">{c.number}</span>
        {fresh && <Tag color="magenta">{t('fresh')}</Tag>}
        <CaseTags c={c} />
      </div>
      <div className="lx-card-title">{c.title}</div>
      <div className="lx-card-meta">
        {c.family === 'open' ? <Countdown c={c} /> : <span className="lx-countdown">{t('resolvedOn', { time: formatDateTime(c.resolvedAt, locale) })}</span>}
        {c.categoryLabel && <span className="lx-muted">{c.categoryLabel}</span>}
        {c.location.address && <span className="lx-muted">{c.location.address}</span>}
      </div>
    </Link>
  );
}
