import { DatePicker, Radio, Space } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { type MessageKey, m } from '../messages.ts';
import type { PeriodChoice, PeriodKind } from './period.ts';

const KINDS: PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

/** Month, quarter, year or a custom range of days. */
export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (p: PeriodChoice) => void }) {
  const t = useT(m);
  return (
    <Space wrap>
      <Radio.Group aria-label={t('periodKind')} optionType="button" value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value })} options={KINDS.map((k) => ({ value: k, label: t(`period_${k}` as MessageKey) }))} />
      {value.kind === 'custom' ? (
        <DatePicker.RangePicker aria-label={t('pickRange')} value={value.range} allowClear={false} onChange={(r) => r?.[0] && r[1] && onChange({ ...value, range: [r[0], r[1]] })} />
      ) : (
        <DatePicker
          aria-label={t(value.kind === 'month' ? 'pickMonth' : value.kind === 'quarter' ? 'pickQuarter' : 'pickYear')}
          picker={value.kind}
          value={value.at}
          allowClear={false}
          onChange={(d) => d && onChange({ ...value, at: d })}
        />
      )}
    </Space>
  );
}
