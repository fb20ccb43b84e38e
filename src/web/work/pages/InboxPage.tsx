import { Alert, Button, Empty, Segmented, Skeleton } from 'antd';
import { PhoneOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../shared/i18n/index.tsx';
import { common } from '../../shared/messages.ts';
import { CaseCard } from '../case/CaseCard.tsx';
import { work, type WorkKey } from '../messages.ts';
import { PageHeader } from '../PageHeader.tsx';
import { byUrgency, INBOX_FILTERS, type InboxFilter, matchesFilter } from '../urgency.ts';
import { useWorkData } from '../WorkData.tsx';

const FILTER_LABELS: Record<InboxFilter, WorkKey> = { waiting: 'filterWaiting', handling: 'filterHandling', overdue: 'filterOverdue', all: 'filterAll' };

/** 待办: the open cases of my grid, most urgent first, filtered by where they stand. */
export function InboxPage() {
  const t = useT(work);
  const tc = useT(common);
  const { cases, followUps, error, reload, fresh } = useWorkData();
  const [params, setParams] = useSearchParams();
  const filter = (INBOX_FILTERS as string[]).includes(params.get('f') ?? '') ? (params.get('f') as InboxFilter) : 'all';
  const shown = (cases ?? []).filter((c) => matchesFilter(c, filter)).sort(byUrgency);
  return (
    <>
      <PageHeader title={t('navInbox')} />
      <main className="lx-page">
        <Segmented<InboxFilter>
          className="lx-segmented"
          aria-label={t('inboxFilter')}
          value={filter}
          onChange={(f) => setParams(f === 'all' ? {} : { f }, { replace: true })}
          options={INBOX_FILTERS.map((f) => ({ value: f, label: t('countOf', { label: t(FILTER_LABELS[f]), count: (cases ?? []).filter((c) => matchesFilter(c, f)).length }) }))}
        />
        {!!followUps?.length && (
          <Link to="/follow-ups" className="lx-banner">
            <PhoneOutlined aria-hidden />
            <span className="lx-banner-text">{t('followUpsBanner', { count: followUps.length })}</span>
            <RightOutlined aria-hidden />
          </Link>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error}
            action={
              <Button size="small" onClick={reload}>
                {tc('retry')}
              </Button>
            }
          />
        )}
        {cases === null && !error && <Skeleton active />}
        {cases !== null && shown.length === 0 && <Empty description={t('inboxEmpty')} />}
        {shown.length > 0 && (
          <ul className="lx-list" aria-label={t('inboxList')}>
            {shown.map((c) => (
              <li key={c.id}>
                <CaseCard c={c} fresh={fresh.has(c.id)} />
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
