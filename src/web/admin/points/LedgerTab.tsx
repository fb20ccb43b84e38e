import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { queryString } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import type { Page, Transfer, TransferKind } from '../../shared/points/types.ts';
import { NodePicker } from '../actions/NodePicker.tsx';
import { useApi } from '../useApi.ts';
import { pm, type PointsKey } from './messages.ts';
import { AwardModal } from './AwardModal.tsx';
import { om } from './office-messages.ts';
import { ReversalModal } from './ReversalModal.tsx';

const KINDS: TransferKind[] = ['earn', 'redeem', 'expire', 'reversal', 'settle'];

interface Filters {
  node?: string;
  kind?: TransferKind;
  from?: string;
  to?: string;
}

/** 积分台账: every transfer in reach, newest first, with the same filters for the Excel export. */
export function LedgerTab() {
  const t = useT(pm);
  const { locale } = useLocale();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [reversing, setReversing] = useState<Transfer | null>(null);
  const [awarding, setAwarding] = useState(false);
  const o = useT(om);
  const list = useApi<Page<Transfer>>('/api/v1/points/transfers', { ...filters, ...page });
  const set = (f: Partial<Filters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  return (
    <>
      <Flex gap={12} wrap align="center" role="search" aria-label={t('filters')} style={{ marginBottom: 16 }}>
        <div style={{ width: 240 }}>
          <NodePicker ariaLabel={t('filterNode')} placeholder={t('filterNode')} value={filters.node} onChange={(v) => set({ node: v })} />
        </div>
        <Select aria-label={t('filterKind')} placeholder={t('filterKind')} value={filters.kind} allowClear style={{ width: 150 }} onChange={(v) => set({ kind: v })} options={KINDS.map((k) => ({ value: k, label: t(`kind_${k}` as PointsKey) }))} />
        <DatePicker.RangePicker
          aria-label={t('filterDates')}
          placeholder={[t('filterDates'), t('filterDates')]}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          style={{ width: 260 }}
        />
        <Button onClick={() => set({ node: undefined, kind: undefined, from: undefined, to: undefined })}>{t('filterReset')}</Button>
        <Button icon={<DownloadOutlined aria-hidden />} href={`/api/v1/points/transfers.xlsx${queryString({ ...filters })}`}>
          {t('exportExcel')}
        </Button>
        {list.data && <Typography.Text type="secondary">{t('total', { n: list.data.total })}</Typography.Text>}
        <div style={{ flex: 1 }} />
        <Button type="primary" onClick={() => setAwarding(true)}>
          {o('award')}
        </Button>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<Transfer>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { key: 'at', title: t('colTime'), width: 150, render: (_, x) => formatDateTime(x.at, locale) },
          { key: 'community', title: t('colCommunity'), width: 120, render: (_, x) => x.communityName },
          {
            key: 'kind',
            title: t('colKind'),
            width: 150,
            render: (_, x) => (
              <>
                {x.kindLabel}
                {x.reversedBy && <Tag style={{ marginLeft: 6 }}>{t('reversedTag')}</Tag>}
              </>
            ),
          },
          { key: 'amount', title: t('colPoints'), width: 80, align: 'right', render: (_, x) => x.amount },
          { key: 'resident', title: t('colResident'), width: 100, render: (_, x) => x.residentName ?? '—' },
          { key: 'merchant', title: t('colMerchant'), width: 140, render: (_, x) => x.merchantName ?? '—' },
          { key: 'reason', title: t('colReason'), render: (_, x) => [x.ruleLabel, x.reason].filter(Boolean).join('：') || '—' },
          { key: 'operator', title: t('colOperator'), width: 110, render: (_, x) => x.operatorName ?? '—' },
          {
            key: 'actions',
            title: t('colActions'),
            width: 90,
            render: (_, x) =>
              x.abilities.includes('reverse') ? (
                <Button size="small" danger type="link" aria-label={t('reverseOf', { what: `${x.kindLabel} ${x.residentName ?? ''} ${x.reason ?? ''}`.trim() })} onClick={() => setReversing(x)}>
                  {t('reverse')}
                </Button>
              ) : null,
          },
        ]}
      />
      {reversing && (
        <ReversalModal
          transfer={reversing}
          onClose={() => setReversing(null)}
          onDone={() => {
            setReversing(null);
            list.reload();
          }}
        />
      )}
      {awarding && <AwardModal onClose={() => setAwarding(false)} onDone={() => (setAwarding(false), list.reload())} />}
    </>
  );
}
