import { Table, Typography } from 'antd';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';
import type { Page, StaffCase } from '../types.ts';
import { CaseLink } from './CaseLink.tsx';
import { caseColumns } from './caseColumns.tsx';
import { QueueActions } from './QueueActions.tsx';

/** One queue of the dispatch centre, paged on the server. */
export function QueueTable({ queue, data, loading, page, pageSize, onPage, onChanged }: { queue: 'unassigned' | 'review' | 'duplicates'; data: Page<StaffCase> | undefined; loading: boolean; page: number; pageSize: number; onPage: (p: number) => void; onChanged: () => void }) {
  const t = useT(m);
  const { locale } = useLocale();
  const columns = [
    ...caseColumns(['number', 'description', 'category', 'place', 'reported'], t, locale),
    ...(queue === 'duplicates'
      ? [
          {
            key: 'candidate',
            title: t('duplicateOf'),
            width: 200,
            render: (_: unknown, c: StaffCase) =>
              c.duplicateCandidate ? (
                <span>
                  <CaseLink number={c.duplicateCandidate.number} />
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: 12 }}>
                    {c.duplicateCandidate.stateLabel} · {c.duplicateCandidate.title}
                  </Typography.Paragraph>
                </span>
              ) : (
                <Typography.Text type="secondary">{t('candidateHidden')}</Typography.Text>
              ),
          },
        ]
      : caseColumns(['state'], t, locale)),
    { key: 'actions', title: t('colActions'), width: 300, render: (_: unknown, c: StaffCase) => <QueueActions c={c} onChanged={onChanged} /> },
  ];
  return (
    <Table<StaffCase>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading && !data}
      locale={{ emptyText: t('queueEmpty') }}
      pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: onPage, showSizeChanger: false, hideOnSinglePage: true }}
    />
  );
}
