import { Segmented } from 'antd';
import { useState } from 'react';
import { useT } from '../shared/i18n/index.tsx';
import type { Merchant, RedemptionList } from '../shared/points/types.ts';
import { merchantMessages } from './messages.ts';
import { MonthStatement } from './MonthStatement.tsx';
import { RedeemForm } from './RedeemForm.tsx';
import { TodayRedemptions } from './TodayRedemptions.tsx';
import { useApi } from './useApi.ts';

/** The shop's one page: the code entry on top, today's redemptions or the month's statement below. */
export function RedeemPage({ merchant }: { merchant: Merchant }) {
  const t = useT(merchantMessages);
  const [view, setView] = useState<'today' | 'month'>('today');
  const today = useApi<RedemptionList>(`/api/v1/merchants/${encodeURIComponent(merchant.id)}/redemptions`);
  return (
    <>
      <RedeemForm merchant={merchant} onRedeemed={today.reload} />
      <section className="lx-m-card" aria-label={view === 'today' ? t('todayTitle') : t('monthTitle')}>
        <Segmented
          block
          size="large"
          value={view}
          onChange={(v) => setView(v as 'today' | 'month')}
          options={[
            { value: 'today', label: t('todayTitle') },
            { value: 'month', label: t('monthTitle') },
          ]}
          style={{ marginBottom: 12 }}
        />
        {view === 'today' ? <TodayRedemptions today={today} /> : <MonthStatement merchantId={merchant.id} />}
      </section>
    </>
  );
}
