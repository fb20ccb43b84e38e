import { Alert, Empty, Spin } from 'antd';
import { useT } from '../shared/i18n/index.tsx';
import type { RedemptionList } from '../shared/points/types.ts';
import type { Loaded } from './useApi.ts';
import { merchantMessages } from './messages.ts';
import { RedemptionLines } from './RedemptionLines.tsx';

/** 今日核销: the server's today, its count and points. */
export function TodayRedemptions({ today }: { today: Loaded<RedemptionList> }) {
  const t = useT(merchantMessages);
  if (today.error) return <Alert type="error" showIcon title={today.error} />;
  if (!today.data) return <Spin />;
  return (
    <>
      <p className="lx-m-summary" data-testid="today-summary">
        {t('todaySummary', { count: today.data.count, points: today.data.points })}
      </p>
      {today.data.items.length === 0 ? <Empty description={t('noneToday')} /> : <RedemptionLines items={today.data.items} label={t('todayTitle')} />}
    </>
  );
}
