import { Empty, Skeleton } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { CaseCard } from '../case/CaseCard.tsx';
import { work } from '../messages.ts';
import { PageHeader } from '../PageHeader.tsx';
import { useWorkData } from '../WorkData.tsx';

/** 待回访: resolved cases whose resident nobody has reached yet, the longest waiting first. */
export function FollowUpsPage() {
  const t = useT(work);
  const { followUps } = useWorkData();
  return (
    <>
      <PageHeader back title={t('followUpsDue')} />
      <main className="lx-page">
        <p className="lx-muted" style={{ margin: 0 }}>
          {t('followUpsHint')}
        </p>
        {followUps === null && <Skeleton active />}
        {followUps?.length === 0 && <Empty description={t('followUpsEmpty')} />}
        {!!followUps?.length && (
          <ul className="lx-list" aria-label={t('followUpsDue')}>
            {followUps.map((c) => (
              <li key={c.id}>
                <CaseCard c={c} />
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
