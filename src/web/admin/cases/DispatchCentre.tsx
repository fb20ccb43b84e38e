import { Alert, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { useCaseChanges } from '../live.tsx';
import { m } from '../messages.ts';
import type { Page, StaffCase } from '../types.ts';
import { useApi } from '../useApi.ts';
import { QueueTable } from './QueueTable.tsx';

type QueueKey = 'unassigned' | 'review' | 'duplicates';

const QUEUES: Record<QueueKey, { path: string; query: Record<string, string | boolean> }> = {
  unassigned: { path: '/api/v1/cases', query: { state: 'new' } },
  review: { path: '/api/v1/cases', query: { needsReview: true, family: 'open' } },
  duplicates: { path: '/api/v1/cases/duplicate-candidates', query: {} },
};

const PAGE_SIZE = 10;

/**
 * 工作台 / 派单中心: the cases waiting for a person — not yet dispatched (including those outside every
 * grid), category to confirm, possible duplicates — each with the one-click action it usually needs.
 */
export function DispatchCentre() {
  const t = useT(m);
  const [tab, setTab] = useState<QueueKey>('unassigned');
  const [page, setPage] = useState(1);
  const counts = {
    unassigned: useApi<Page<StaffCase>>(QUEUES.unassigned.path, { ...QUEUES.unassigned.query, pageSize: 1 }),
    review: useApi<Page<StaffCase>>(QUEUES.review.path, { ...QUEUES.review.query, pageSize: 1 }),
    duplicates: useApi<Page<StaffCase>>(QUEUES.duplicates.path, { pageSize: 1 }),
  };
  const list = useApi<Page<StaffCase>>(QUEUES[tab].path, { ...QUEUES[tab].query, page, pageSize: PAGE_SIZE });
  const reloadAll = () => {
    list.reload();
    Object.values(counts).forEach((c) => c.reload());
  };
  useCaseChanges(reloadAll);

  const label = (key: QueueKey, text: string) => {
    const n = counts[key].data?.total;
    return n === undefined ? text : t('tabCount', { label: text, n });
  };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dispatchTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('dispatchIntro')}</Typography.Text>
      </div>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as QueueKey);
            setPage(1);
          }}
          items={[
            { key: 'unassigned', label: label('unassigned', t('tabUnassigned')) },
            { key: 'review', label: label('review', t('tabReview')) },
            { key: 'duplicates', label: label('duplicates', t('tabDuplicates')) },
          ]}
        />
        {list.error ? (
          <Alert type="error" showIcon title={list.error} role="alert" />
        ) : (
          <QueueTable queue={tab} data={list.data} loading={list.loading} page={page} pageSize={PAGE_SIZE} onPage={setPage} onChanged={reloadAll} />
        )}
      </Card>
    </Flex>
  );
}
