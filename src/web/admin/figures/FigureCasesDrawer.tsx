import { Alert, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { caseColumns } from '../cases/caseColumns.tsx';
import { m } from '../messages.ts';
import type { Figure, Page, StaffCase } from '../types.ts';
import { useApi } from '../useApi.ts';

/** The cases behind one figure, from the drill-down link the figure itself carries. */
export function FigureCasesDrawer({ figure, onClose }: { figure: Figure | null; onClose: () => void }) {
  const t = useT(m);
  return (
    <Drawer open={!!figure} onClose={onClose} size={960} destroyOnHidden title={figure ? t('figureCasesOf', { figure: figure.label }) : ''}>
      {figure && <FigureCases figure={figure} />}
    </Drawer>
  );
}

function FigureCases({ figure }: { figure: Figure }) {
  const t = useT(m);
  const { locale } = useLocale();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const url = new URL(figure.cases, window.location.origin);
  const list = useApi<Page<StaffCase>>(url.pathname, { ...Object.fromEntries(url.searchParams), ...page });
  return (
    <>
      <Typography.Paragraph type="secondary">{figure.formula}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<StaffCase>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={caseColumns(['number', 'description', 'category', 'state', 'place', 'reported'], t, locale)}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }), showTotal: (n) => t('totalCases', { n }) }}
      />
    </>
  );
}
