import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { queryString } from '../../shared/api.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { useCaseChanges } from '../live.tsx';
import { m } from '../messages.ts';
import type { CaseDetail, Page, StaffCase } from '../types.ts';
import { useApi } from '../useApi.ts';
import { caseColumns } from './caseColumns.tsx';
import { CASE_NUMBER, useCaseFilters } from './caseFilters.ts';
import { CaseFilterBar } from './CaseFilterBar.tsx';

/** 案件列表: every case in scope with the API's filters, paged on the server, exportable as the case ledger. */
export function CaseListPage() {
  const t = useT(m);
  const { locale } = useLocale();
  const { filters, page, pageSize, set, setPage, reset } = useCaseFilters();
  const byNumber = !!filters.q && CASE_NUMBER.test(filters.q.trim());
  const list = useApi<Page<StaffCase>>(byNumber ? null : '/api/v1/cases', { ...filters, page, pageSize });
  const one = useApi<CaseDetail>(byNumber ? `/api/v1/cases/${encodeURIComponent(filters.q!.trim().toUpperCase())}` : null);
  useCaseChanges(() => (byNumber ? one.reload() : list.reload()));

  // A number nobody in scope can read answers 404: the list is then simply empty.
  const rows = byNumber ? (one.data ? [one.data.case] : []) : list.data?.items ?? [];
  const total = byNumber ? rows.length : list.data?.total ?? 0;
  const error = byNumber ? null : list.error;
  const exportHref = `/api/v1/ledgers/cases.xlsx${queryString({ ...filters })}`;

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menuCases')}
        </Typography.Title>
        <Button icon={<DownloadOutlined aria-hidden />} href={exportHref} download>
          {t('exportExcel')}
        </Button>
      </Flex>
      <Card>
        <CaseFilterBar filters={filters} set={set} reset={reset} />
      </Card>
      <Card>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Table<StaffCase>
          rowKey="id"
          size="middle"
          columns={caseColumns(['number', 'description', 'category', 'state', 'place', 'handler', 'reported', 'deadline'], t, locale)}
          dataSource={rows}
          loading={byNumber ? one.loading : list.loading}
          pagination={{ current: page, pageSize, total, onChange: setPage, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => t('totalCases', { n }) }}
          scroll={{ x: 1100 }}
        />
      </Card>
    </Flex>
  );
}
