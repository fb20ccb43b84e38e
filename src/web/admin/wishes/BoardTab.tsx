import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { type Claim, type Page, STATUS_COLOUR, type Wish, type WishStatus } from '../../shared/wishes/types.ts';
import { NodePicker } from '../actions/NodePicker.tsx';
import { useApi } from '../useApi.ts';
import { PlusOutlined } from '@ant-design/icons';
import { ClaimModal, FulfilModal, WithdrawModal } from './ClaimModals.tsx';
import { RecordWishModal } from './RecordWishModal.tsx';
import { type WishKey, wm } from './messages.ts';
import { useAction } from './useAction.ts';

const STATUSES: WishStatus[] = ['open', 'claimed', 'fulfilled', 'closed', 'cancelled'];

/** 匹配看板: open wishes first with candidate offers to claim in one click; claims to withdraw or record as done. */
export function BoardTab() {
  const t = useT(wm);
  const { locale } = useLocale();
  const [node, setNode] = useState<string | undefined>();
  const [status, setStatus] = useState<WishStatus | undefined>('open');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<Wish>>('/api/v1/wishes', { node, status, ...page });
  const { busy, run } = useAction();
  const [claiming, setClaiming] = useState<Wish | null>(null);
  const [fulfilling, setFulfilling] = useState<{ wish: Wish; claim: Claim } | null>(null);
  const [withdrawing, setWithdrawing] = useState<{ wish: Wish; claim: Claim } | null>(null);
  const [recording, setRecording] = useState(false);
  const after = (ok: boolean) => ok && list.reload();
  return (
    <>
      <Flex gap={12} wrap align="center" role="search" style={{ marginBottom: 16 }}>
        <div style={{ width: 240 }}>
          <NodePicker ariaLabel={t('filterNode')} placeholder={t('filterNode')} value={node} onChange={(v) => { setNode(v); setPage((p) => ({ ...p, page: 1 })); }} />
        </div>
        <Select aria-label={t('filterStatus')} placeholder={t('filterStatus')} allowClear value={status} style={{ width: 160 }} onChange={(v) => { setStatus(v); setPage((p) => ({ ...p, page: 1 })); }} options={STATUSES.map((s) => ({ value: s, label: t(`status_${s}` as WishKey) }))} />
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setRecording(true)}>
          {t('recordWish')}
        </Button>
        {list.data && <Typography.Text type="secondary">{t('total', { n: list.data.total })}</Typography.Text>}
      </Flex>
      <Table<Wish>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          {
            key: 'wish',
            title: t('colWish'),
            render: (_, w) => (
              <>
                <Tag>{w.wishTypeLabel}</Tag>
                <Typography.Text>{w.description}</Typography.Text>
                {w.beneficiaryNote && <div><Typography.Text type="secondary">{t('forWhom', { note: w.beneficiaryNote })}</Typography.Text></div>}
                <div><Typography.Text type="secondary">{w.number}</Typography.Text></div>
              </>
            ),
          },
          { key: 'place', title: t('colPlace'), width: 110, render: (_, w) => w.grid?.name ?? w.community?.name ?? '—' },
          { key: 'posted', title: t('colPosted'), width: 100, render: (_, w) => formatDate(w.postedAt, locale) },
          { key: 'status', title: t('colStatus'), width: 120, render: (_, w) => <Tag color={STATUS_COLOUR[w.status]}>{w.statusLabel}</Tag> },
          {
            key: 'claims',
            title: t('colClaims'),
            width: 260,
            render: (_, w) => (
              <Space direction="vertical" size={4}>
                {w.claims.filter((c) => c.status !== 'withdrawn').map((c) => (
                  <div key={c.id}>
                    <Typography.Text>{c.claimant.name}</Typography.Text> <Tag color={c.status === 'fulfilled' ? 'green' : 'blue'}>{c.statusLabel}</Tag>
                    {c.status === 'claimed' && w.abilities.includes('fulfil') && <Button size="small" type="link" onClick={() => setFulfilling({ wish: w, claim: c })}>{t('fulfil')}</Button>}
                    {c.status === 'claimed' && w.abilities.includes('withdraw') && <Button size="small" type="link" danger onClick={() => setWithdrawing({ wish: w, claim: c })}>{t('withdraw')}</Button>}
                  </div>
                ))}
                {w.abilities.includes('verify') && (
                  <Button size="small" type="primary" loading={busy} onClick={() => void run(() => api(`/api/v1/cases/${w.id}/verify`, { method: 'POST', body: { pass: true } }), t('verified')).then(after)}>
                    {t('verify')}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            key: 'match',
            title: t('colMatch'),
            width: 300,
            render: (_, w) =>
              w.abilities.includes('claim') ? (
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  {w.candidates.length === 0 && <Typography.Text type="secondary">{t('noCandidates')}</Typography.Text>}
                  {w.candidates.slice(0, 3).map((o) => (
                    <Button key={o.id} size="small" block type={o.sameType ? 'primary' : 'default'} ghost={o.sameType} loading={busy} title={t('claimOfferHint', { provider: o.provider.name ?? '', mode: o.modeLabel, n: o.placesLeft })} onClick={() => void run(() => api(`/api/v1/wishes/${w.id}/claim`, { method: 'POST', body: { offerId: o.id } }), t('claimed')).then(after)} style={{ textAlign: 'left', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {t('claimOffer', { title: o.title })} · {o.provider.name}
                    </Button>
                  ))}
                  <Button size="small" type="dashed" block onClick={() => setClaiming(w)}>
                    {t('otherClaimant')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {recording && <RecordWishModal onClose={(ok) => { setRecording(false); after(ok); }} />}
      {claiming && <ClaimModal wish={claiming} onClose={(ok) => { setClaiming(null); after(ok); }} />}
      {fulfilling && <FulfilModal wish={fulfilling.wish} claim={fulfilling.claim} onClose={(ok) => { setFulfilling(null); after(ok); }} />}
      {withdrawing && <WithdrawModal wish={withdrawing.wish} claim={withdrawing.claim} onClose={(ok) => { setWithdrawing(null); after(ok); }} />}
    </>
  );
}
