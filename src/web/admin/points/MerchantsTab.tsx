import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Empty, Flex, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import type { Merchant, Page, Reward } from '../../shared/points/types.ts';
import { useApi } from '../useApi.ts';
import { AccountModal, AgreementModal, MerchantModal, RewardModal, SettleModal } from './MerchantModals.tsx';
import { pm } from './messages.ts';
import { om } from './office-messages.ts';

/** A merchant's rewards, read when its row is opened; the office lists and changes them. */
function MerchantRewards({ merchant }: { merchant: Merchant }) {
  const t = useT(pm);
  const o = useT(om);
  const rewards = useApi<{ items: Reward[] }>(`/api/v1/merchants/${encodeURIComponent(merchant.id)}/rewards`);
  const [editing, setEditing] = useState<Reward | 'new' | null>(null);
  const manage = merchant.abilities.includes('manage');
  if (rewards.error) return <Alert type="error" showIcon title={rewards.error} />;
  if (!rewards.data) return <Spin />;
  return (
    <Flex vertical gap={8}>
      {rewards.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRewards')} />
      ) : (
        <ul aria-label={t('rewardsOf', { name: merchant.name })} style={{ margin: 0, paddingLeft: 20 }}>
          {rewards.data.items.map((r) => (
            <li key={r.id}>
              {r.name} · <Tag color="red">{t('rewardPrice', { n: r.price })}</Tag>
              {r.stock !== null && <Tag>{t('rewardStock', { n: r.stock })}</Tag>}
              {!r.active && <Tag>{t('rewardWithdrawn')}</Tag>}
              {manage && (
                <Button size="small" type="link" aria-label={`${o('editReward')} ${r.name}`} onClick={() => setEditing(r)}>
                  {o('edit')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <div>
          <Button size="small" icon={<PlusOutlined aria-hidden />} disabled={!merchant.agreement?.valid} onClick={() => setEditing('new')}>
            {o('addReward')}
          </Button>
        </div>
      )}
      {editing && <RewardModal merchant={merchant} reward={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={() => (setEditing(null), rewards.reload())} />}
    </Flex>
  );
}

type Dialog = { kind: 'edit' | 'agreement' | 'settle' | 'account'; merchant: Merchant } | { kind: 'new' };

/** 商户: the merchants in reach, their agreement (valid, lapsed, none) and, opened, their rewards. */
export function MerchantsTab() {
  const t = useT(pm);
  const o = useT(om);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<Merchant>>('/api/v1/merchants', page);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const done = () => (setDialog(null), list.reload());
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'new' })}>
          {o('addMerchant')}
        </Button>
      </Flex>
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
          {
            key: 'actions',
            title: o('colActions'),
            width: 220,
            render: (_, m) =>
              m.abilities.includes('manage') && (
                <Space size={0}>
                  <Button size="small" type="link" aria-label={`${o('signAgreement')} ${m.name}`} onClick={() => setDialog({ kind: 'agreement', merchant: m })}>
                    {o('signAgreement')}
                  </Button>
                  <Button size="small" type="link" aria-label={`${o('settle')} ${m.name}`} onClick={() => setDialog({ kind: 'settle', merchant: m })}>
                    {o('settle')}
                  </Button>
                  <Dropdown
                    menu={{
                      items: [
                        { key: 'edit', label: o('editMerchant') },
                        { key: 'account', label: o('addAccount') },
                      ],
                      onClick: ({ key }) => setDialog({ kind: key as 'edit' | 'account', merchant: m }),
                    }}
                  >
                    <Button size="small" type="link" aria-label={`${o('more')} ${m.name}`}>
                      {o('more')}
                    </Button>
                  </Dropdown>
                </Space>
              ),
          },
        ]}
      />
      {dialog?.kind === 'new' && <MerchantModal merchant={null} onClose={close} onDone={done} />}
      {dialog?.kind === 'edit' && <MerchantModal merchant={dialog.merchant} onClose={close} onDone={done} />}
      {dialog?.kind === 'agreement' && <AgreementModal merchant={dialog.merchant} onClose={close} onDone={done} />}
      {dialog?.kind === 'settle' && <SettleModal merchant={dialog.merchant} onClose={close} onDone={done} />}
      {dialog?.kind === 'account' && <AccountModal merchant={dialog.merchant} onClose={close} onDone={done} />}
    </>
  );
}
