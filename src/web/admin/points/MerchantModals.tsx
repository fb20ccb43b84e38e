import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Select, Spin, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import type { Merchant, Reward, Statement } from '../../shared/points/types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useApi } from '../useApi.ts';
import { useCommunityOptions } from '../volunteers/parts.tsx';
import { om } from './office-messages.ts';

const merchantPath = (m: Merchant) => `/api/v1/merchants/${encodeURIComponent(m.id)}`;

interface MerchantValues {
  community: string;
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
}

/** 登记商户 / 编辑: the shop's details; the agreement is signed separately, as it is in the office. */
export function MerchantModal({ merchant, onClose, onDone }: { merchant: Merchant | null; onClose: () => void; onDone: () => void }) {
  const t = useT(om);
  const communities = useCommunityOptions();
  return (
    <FormDialog<MerchantValues>
      title={merchant ? t('editMerchant') : t('addMerchant')}
      doneText={t('merchantSaved')}
      initialValues={merchant ? { name: merchant.name, address: merchant.address, contactName: merchant.contactName, contactPhone: merchant.contactPhone } : { community: communities.length === 1 ? communities[0]!.value : undefined }}
      submit={(v) => {
        const body = { name: v.name.trim(), address: v.address.trim(), contactName: v.contactName.trim(), contactPhone: v.contactPhone.trim() };
        return merchant ? api(merchantPath(merchant), { method: 'PATCH', body }) : api('/api/v1/merchants', { method: 'POST', body: { ...body, community: v.community } });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      {!merchant && (
        <Form.Item name="community" label={t('community')} rules={[{ required: true, message: t('communityRequired') }]}>
          <Select aria-label={t('community')} options={communities} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('address')} rules={[{ required: true, whitespace: true, message: t('addressRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="contactName" label={t('contactName')} rules={[{ required: true, whitespace: true, message: t('contactNameRequired') }]} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('contactPhone')} rules={[{ required: true, whitespace: true, message: t('contactPhoneRequired') }]} style={{ flex: 1 }}>
          <Input maxLength={20} />
        </Form.Item>
      </Flex>
    </FormDialog>
  );
}

/** 签约 / 续签: the agreement's dates and terms; a lapsed merchant lists and redeems again once renewed. */
export function AgreementModal({ merchant, onClose, onDone }: { merchant: Merchant; onClose: () => void; onDone: () => void }) {
  const t = useT(om);
  const a = merchant.agreement;
  // A renewal starts the day after the old agreement ends (or today, for a lapsed or first one).
  const start = a && dayjs(a.validUntil).isAfter(dayjs()) ? dayjs(a.validUntil).add(1, 'day') : dayjs();
  return (
    <FormDialog<{ dates: [Dayjs, Dayjs]; terms?: string }>
      title={t('agreementTitle', { name: merchant.name })}
      doneText={t('agreementSaved')}
      initialValues={{ dates: [start, start.add(1, 'year').subtract(1, 'day')], terms: a?.terms ?? undefined }}
      submit={(v) => api(merchantPath(merchant), { method: 'PATCH', body: { agreement: { signedOn: v.dates[0].format('YYYY-MM-DD'), validUntil: v.dates[1].format('YYYY-MM-DD'), terms: v.terms?.trim() || null } } })}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t('agreementHint')}</Typography.Paragraph>
      <Form.Item name="dates" label={t('agreementDates')} rules={[{ required: true, message: t('agreementRequired') }]}>
        <DatePicker.RangePicker aria-label={t('agreementDates')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="terms" label={t('agreementTerms')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}

interface RewardValues {
  name: string;
  price: number;
  stock?: number | null;
  description?: string;
  active: boolean;
}

/** 上架兑换项目 / 编辑: whole points only; taking a reward off the shelf is the `active` switch. */
export function RewardModal({ merchant, reward, onClose, onDone }: { merchant: Merchant; reward: Reward | null; onClose: () => void; onDone: () => void }) {
  const t = useT(om);
  return (
    <FormDialog<RewardValues>
      title={reward ? t('editReward') : t('addReward')}
      doneText={t('rewardSaved')}
      initialValues={reward ? { name: reward.name, price: reward.price, stock: reward.stock, description: reward.description ?? undefined, active: reward.active } : { active: true }}
      submit={(v) => {
        const body = { name: v.name.trim(), price: v.price, stock: v.stock ?? null, description: v.description?.trim() || null, active: v.active };
        return reward
          ? api(`${merchantPath(merchant)}/rewards/${encodeURIComponent(reward.id)}`, { method: 'PATCH', body })
          : api(`${merchantPath(merchant)}/rewards`, { method: 'POST', body });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="name" label={t('rewardName')} rules={[{ required: true, whitespace: true, message: t('rewardNameRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="price" label={t('price')} rules={[{ required: true, message: t('priceRequired') }]} style={{ width: 180 }}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stock" label={t('stock')} extra={t('stockHint')} style={{ width: 180 }}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="active" label={t('rewardActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('description')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}

/** 开通登录账号: the sign-in the shop uses on its phone to redeem codes. */
export function AccountModal({ merchant, onClose, onDone }: { merchant: Merchant; onClose: () => void; onDone: () => void }) {
  const t = useT(om);
  return (
    <FormDialog<{ username: string; password: string; displayName?: string }>
      title={t('accountTitle', { name: merchant.name })}
      doneText={t('accountSaved')}
      initialValues={{ displayName: merchant.name }}
      submit={(v) => api(`${merchantPath(merchant)}/accounts`, { method: 'POST', body: { username: v.username.trim(), password: v.password, displayName: v.displayName?.trim() || undefined } })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="username" label={t('username')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.@-]{2,64}$/, message: t('usernameRequired') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="password" label={t('password')} rules={[{ required: true, min: 8, message: t('passwordRequired') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="displayName" label={t('displayName')}>
        <Input maxLength={100} />
      </Form.Item>
    </FormDialog>
  );
}

/** 月度结算: the month's statement, then settling it once; the Excel statement to hand to the shop. */
export function SettleModal({ merchant, onClose, onDone }: { merchant: Merchant; onClose: () => void; onDone: () => void }) {
  const t = useT(om);
  const { locale } = useLocale();
  const [month, setMonth] = useState(dayjs().subtract(1, 'month'));
  const key = month.format('YYYY-MM');
  const statement = useApi<Statement>(`${merchantPath(merchant)}/statement`, { month: key });
  const s = statement.data;
  return (
    <FormDialog<object>
      title={t('settleTitle', { name: merchant.name })}
      submitLabel={t('settleSubmit')}
      doneText={t('settled')}
      canSubmit={!!s && !s.settlement && s.count > 0}
      submit={() => api(`${merchantPath(merchant)}/settlements`, { method: 'POST', body: { month: key } })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item label={t('month')}>
        <DatePicker picker="month" aria-label={t('month')} value={month} allowClear={false} onChange={(d) => d && setMonth(d)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
      </Form.Item>
      {statement.error && <Alert type="error" showIcon title={statement.error} />}
      {!s ? (
        !statement.error && <Spin />
      ) : (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Typography.Text>{t('statementSummary', { month: s.month, count: s.count, points: s.points })}</Typography.Text>
          {s.settlement && <Alert type="success" showIcon title={t('statementSettled', { points: s.settlement.points, at: formatDateTime(s.settlement.settledAt, locale) })} />}
          <div>
            <Button icon={<DownloadOutlined aria-hidden />} href={`${merchantPath(merchant)}/statement.xlsx?month=${key}`}>
              {t('statementDownload')}
            </Button>
          </div>
        </Flex>
      )}
    </FormDialog>
  );
}
