import { Alert, Empty, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import type { Merchant, Page, Reward } from '../../shared/points/types.ts';
import { useApi } from '../useApi.ts';
import { pm } from './messages.ts';

/** A merchant's rewards, read when its row is opened. */
function MerchantRewards({ merchant }: { merchant: Merchant }) {
  const t = useT(pm);
  const rewards = useApi<{ items: Reward[] }>(`/api/v1/merchants/${encodeURIComponent(merchant.id)}/rewards`);
  if (rewards.error) return <Alert type="error" showIcon title={rewards.error} />;
  if (!rewards.data) return <Spin />;
  if (rewards.data.items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRewards')} />;
  return (
    <ul aria-label={t('rewardsOf', { name: merchant.name })} style={{ margin: 0, paddingLeft: 20 }}>
      {rewards.data.items.map((r) => (
        <li key={r.id}>
          {r.name} · <Tag color="red">{t('rewardPrice', { n: r.price })}</Tag>
          {r.stock !== null && <Tag>{t('rewardStock', { n: r.stock })}</Tag>}
          {!r.active && <Tag>{t('rewardWithdrawn')}</Tag>}
        </li>
      ))}
    </ul>
  );
}

/** 商户: the merchants in reach, their agreement (valid, lapsed, none) and, opened, their rewards. */
export function MerchantsTab() {
  const t = useT(pm);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<Merchant>>('/api/v1/merchants', page);
  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<Merchant>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        expandable={{ expandedRowRender: (m) => <MerchantRewards merchant={m} /> }}
        columns={[
          { key: 'name', title: t('colMerchantName'), width: 180, render: (_, m) => m.name },
          { key: 'address', title: t('colAddress'), render: (_, m) => m.address },
          { key: 'contact', title: t('colContact'), width: 180, render: (_, m) => `${m.contactName} ${m.contactPhone}` },
          {
            key: 'agreement',
            title: t('colAgreement'),
            width: 170,
            render: (_, m) =>
              !m.agreement ? <Tag>{t('agreementNone')}</Tag> : m.agreement.valid ? <Tag color="green">{t('agreementValid', { day: m.agreement.validUntil })}</Tag> : <Tag color="orange">{t('agreementLapsed')}</Tag>,
          },
          { key: 'accounts', title: t('colAccounts'), width: 120, render: (_, m) => m.accounts.join('、') || '—' },
        ]}
      />
    </>
  );
}
