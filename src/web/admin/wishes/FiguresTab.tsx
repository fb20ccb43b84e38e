import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { queryString } from '../../shared/api.ts';
import { formatDate, percent } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { type Page, STATUS_COLOUR, type Wish } from '../../shared/wishes/types.ts';
import { useAdminData } from '../AdminData.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { useApi } from '../useApi.ts';
import { wm } from './messages.ts';

interface Counts {
  posted: number;
  claimed: number;
  fulfilled: number;
  verified: number;
  open: number;
  fulfilmentRate: number | null;
}
interface Figures {
  node: { id: string; code: string; name: string };
  period: { from: string; to: string };
  total: Counts;
  wishesUrl: string;
  communities: (Counts & { community: { id: string; code: string; name: string }; wishesUrl: string })[];
}
type Row = Counts & { key: string; name: string; wishesUrl: string };

/** 微心愿指标: per community, posted and what became of them; a row opens its wishes; the same as Excel. */
export function FiguresTab() {
  const t = useT(wm);
  const { locale } = useLocale();
  const { scope } = useAdminData();
  const [node, setNode] = useState<string | undefined>(scope[0]?.code);
  const [period, setPeriod] = useState<'month' | 'year'>('year');
  const query = { node, period };
  const figures = useApi<Figures>(node ? '/api/v1/wishes/figures' : null, query);
  const [drill, setDrill] = useState<Row | null>(null);
  const rows: Row[] = figures.data ? [...figures.data.communities.map((c) => ({ ...c, key: c.community.id, name: c.community.name })), { ...figures.data.total, key: 'total', name: t('totalRow'), wishesUrl: figures.data.wishesUrl }] : [];
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <div style={{ width: 240 }}>
          <NodePicker ariaLabel={t('figuresNode')} placeholder={t('figuresNode')} value={node} allowClear={false} onChange={setNode} />
        </div>
        <Segmented<'month' | 'year'> aria-label={t('period')} value={period} onChange={setPeriod} options={[{ value: 'month', label: t('periodMonth') }, { value: 'year', label: t('periodYear') }]} />
        <Button icon={<DownloadOutlined aria-hidden />} disabled={!node} href={`/api/v1/wishes/figures.xlsx${queryString(query)}`}>
          {t('exportExcel')}
        </Button>
        {figures.data && <Typography.Text type="secondary">{figures.data.period.from} – {figures.data.period.to}</Typography.Text>}
      </Flex>
      {!node && <Alert type="info" showIcon title={t('pickNode')} />}
      {figures.error && <Alert type="error" showIcon title={figures.error} role="alert" />}
      <Table<Row>
        rowKey="key"
        size="middle"
        loading={figures.loading}
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ style: { fontWeight: r.key === 'total' ? 600 : undefined } })}
        columns={[
          { key: 'name', title: t('colCommunity'), render: (_, r) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDrill(r)}>{r.name}</Button> },
          { key: 'posted', title: t('colPostedN'), align: 'right', render: (_, r) => r.posted },
          { key: 'claimed', title: t('colClaimedN'), align: 'right', render: (_, r) => r.claimed },
          { key: 'fulfilled', title: t('colFulfilledN'), align: 'right', render: (_, r) => r.fulfilled },
          { key: 'verified', title: t('colVerifiedN'), align: 'right', render: (_, r) => r.verified },
          { key: 'open', title: t('colOpenN'), align: 'right', render: (_, r) => r.open },
          { key: 'rate', title: t('colRate'), align: 'right', render: (_, r) => percent(r.fulfilmentRate) },
        ]}
      />
      <Drawer open={!!drill} width={720} title={drill ? t('drillTitle', { name: drill.name }) : ''} onClose={() => setDrill(null)} destroyOnHidden>
        {drill && <DrillList url={drill.wishesUrl} locale={locale} />}
      </Drawer>
    </>
  );
}

function DrillList({ url, locale }: { url: string; locale: string }) {
  const t = useT(wm);
  const [path, search] = url.split('?');
  const [page, setPage] = useState(1);
  const query = { ...Object.fromEntries(new URLSearchParams(search)), page, pageSize: 20 };
  const list = useApi<Page<Wish>>(path!, query);
  return (
    <Table<Wish>
      rowKey="id"
      size="small"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      columns={[
        { key: 'number', title: '#', width: 130, render: (_, w) => w.number },
        { key: 'wish', title: t('colWish'), render: (_, w) => <>{w.wishTypeLabel}：{w.description}</> },
        { key: 'posted', title: t('colPosted'), width: 100, render: (_, w) => formatDate(w.postedAt, locale) },
        { key: 'status', title: t('colStatus'), width: 120, render: (_, w) => <Tag color={STATUS_COLOUR[w.status]}>{w.statusLabel}</Tag> },
      ]}
    />
  );
}
