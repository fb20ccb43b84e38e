import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Flex, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { queryString } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { useAdminData } from '../AdminData.tsx';
import { PeriodPicker } from '../figures/PeriodPicker.tsx';
import { type PeriodChoice, periodQuery } from '../figures/period.ts';
import { useApi } from '../useApi.ts';
import { om } from './messages.ts';
import type { BoardOrder, OrderFigureRow, OrderFigures } from './types.ts';

type Row = OrderFigureRow & { key: string; name: string; code: string | null };

/** 服务点单统计: per community and period, drillable to the orders, exportable to Excel. */
export function FiguresTab() {
  const t = useT(om);
  const { scope } = useAdminData();
  const [node, setNode] = useState<string | undefined>();
  const [period, setPeriod] = useState<PeriodChoice>({ kind: 'month', at: dayjs(), range: [dayjs().startOf('month'), dayjs()] });
  const [drill, setDrill] = useState<Row | null>(null);
  useEffect(() => {
    if (!node && scope[0]) setNode(scope[0].code);
  }, [scope, node]);
  const pq = periodQuery(period);
  const query = node && pq ? { node, ...pq } : null;
  const result = useApi<OrderFigures>(query ? '/api/v1/orders/figures' : null, query ?? undefined);
  const r = result.data;
  const rows: Row[] = r ? [...r.communities.map((c) => ({ ...c, key: c.community.id, name: c.community.name, code: c.community.code })), { ...r.total, key: 'total', name: t('totalRow'), code: null }] : [];
  const open = (row: Row) => row.code && setDrill(row);
  const num = (n: number, row: Row) => (row.code && n > 0 ? <Button type="link" size="small" onClick={() => open(row)}>{n}</Button> : n);
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex gap={16} wrap align="center" justify="space-between">
          <Flex gap={16} wrap align="center">
            <div style={{ width: 260 }}>
              <NodePicker ariaLabel={t('figuresNode')} placeholder={t('figuresNode')} value={node} onChange={setNode} allowClear={false} />
            </div>
            <PeriodPicker value={period} onChange={setPeriod} />
            {r && <Typography.Text type="secondary">{t('figuresPeriod', { node: r.node.name, from: r.period.from, to: r.period.to })}</Typography.Text>}
          </Flex>
          <Button icon={<DownloadOutlined aria-hidden />} href={query ? `/api/v1/orders/figures.xlsx${queryString(query)}` : undefined} disabled={!query} download>
            {t('exportExcel')}
          </Button>
        </Flex>
      </Card>
      {result.error && <Alert type="error" showIcon title={result.error} role="alert" />}
      {!query && <Alert type="info" showIcon title={t('pickNodeFirst')} />}
      <Table<Row>
        size="middle"
        pagination={false}
        loading={result.loading}
        dataSource={rows}
        aria-label={t('tabFigures')}
        columns={[
          { title: t('colCommunity'), dataIndex: 'name', render: (v: string, row) => (row.code ? v : <strong>{v}</strong>) },
          { title: t('colOrdered'), dataIndex: 'ordered', align: 'right', render: num },
          { title: t('colDone'), dataIndex: 'done', align: 'right', render: num },
          { title: t('colHours'), dataIndex: 'hours', align: 'right' },
          { title: t('colRating'), dataIndex: 'averageRating', align: 'right', render: (v: number | null) => v ?? t('noValue') },
          { title: t('colPoints'), dataIndex: 'pointsPaid', align: 'right' },
        ]}
      />
      {drill && r && <DrillDrawer row={drill} period={r.period} onClose={() => setDrill(null)} />}
    </Flex>
  );
}

function DrillDrawer({ row, period, onClose }: { row: Row; period: { from: string; to: string }; onClose: () => void }) {
  const t = useT(om);
  const { locale } = useLocale();
  const list = useApi<{ items: BoardOrder[]; total: number }>('/api/v1/orders', { community: row.code!, from: period.from, to: period.to, state: 'all', pageSize: 100 });
  return (
    <Drawer open width={960} title={t('drillTitle', { community: row.name, from: period.from, to: period.to })} onClose={onClose}>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <Table<BoardOrder>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('colNumber'), dataIndex: 'number' },
          { title: t('orderedAt'), dataIndex: 'reportedAt', render: (v: string) => formatDateTime(v, locale) },
          { title: t('colSkill'), dataIndex: 'skillLabel' },
          { title: t('colRequest'), dataIndex: 'description', ellipsis: true },
          { title: t('colState'), dataIndex: 'stateLabel' },
          { title: t('colTalent'), render: (_, o) => o.talent?.name ?? '' },
          { title: t('colHours'), dataIndex: 'hours' },
          { title: t('colRequesterRating'), render: (_, o) => o.ratings.requester?.score ?? '' },
        ]}
      />
    </Drawer>
  );
}
