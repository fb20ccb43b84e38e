import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { formatDate } from '../shared/format.ts';
import { useLocale, useT } from '../shared/i18n/index.tsx';
import type { Statement } from '../shared/points/types.ts';
import { merchantMessages } from './messages.ts';
import { RedemptionLines } from './RedemptionLines.tsx';
import { useApi } from './useApi.ts';

const MONTHS_BACK = 12;

/** This month and the eleven before it, as YYYY-MM in the domain's time zone. */
function recentMonths(): string[] {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS_BACK }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** 月度结算: a month's redemptions, whether the community has settled them, and the Excel statement. */
export function MonthStatement({ merchantId }: { merchantId: string }) {
  const t = useT(merchantMessages);
  const { locale } = useLocale();
  const months = useMemo(recentMonths, []);
  const [month, setMonth] = useState(months[0]!);
  const base = `/api/v1/merchants/${encodeURIComponent(merchantId)}`;
  const statement = useApi<Statement>(`${base}/statement`, { query: { month } });
  const s = statement.data;
  return (
    <>
      <div className="lx-m-row">
        <label htmlFor="statement-month" className="lx-m-label">
          {t('monthLabel')}
        </label>
        <Select id="statement-month" aria-label={t('monthLabel')} value={month} onChange={setMonth} options={months.map((x) => ({ value: x, label: x }))} style={{ width: 140 }} />
      </div>
      {statement.error && <Alert type="error" showIcon title={statement.error} />}
      {!s ? (
        !statement.error && <Spin />
      ) : (
        <>
          <p className="lx-m-summary">{t('monthSummary', { month: s.month, count: s.count, points: s.points })}</p>
          <p className="lx-m-muted">{s.settlement ? t('settled', { day: formatDate(s.settlement.settledAt, locale), points: s.settlement.points }) : t('notSettled')}</p>
          {s.items.length === 0 ? <Empty description={t('noneInMonth')} /> : <RedemptionLines items={s.items} label={t('monthTitle')} />}
          <Button block icon={<DownloadOutlined aria-hidden />} href={`${base}/statement.xlsx?month=${month}`} style={{ marginTop: 12 }}>
            {t('downloadStatement')}
          </Button>
        </>
      )}
    </>
  );
}
