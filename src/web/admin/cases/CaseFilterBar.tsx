import { Button, DatePicker, Flex, Input, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { CategoryPicker } from '../actions/CategoryPicker.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { type MessageKey, m } from '../messages.ts';
import type { CaseFilters } from './caseFilters.ts';

const STATES = ['new', 'dispatched', 'in_progress', 'suspended', 'resolved', 'closed', 'merged', 'rejected'];
const FAMILIES = ['open', 'resolved', 'closed'];
const CHANNELS = ['app', 'proxy', 'patrol', 'visit', 'api', 'open311', 'hotline', 'sensor'];
const KINDS = ['demand', 'patrol_report'];

/** Every filter the case list API offers; a state and a family share one control (`family:open`, `state:new`). */
export function CaseFilterBar({ filters, set, reset }: { filters: CaseFilters; set: (p: Partial<CaseFilters>) => void; reset: () => void }) {
  const t = useT(m);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const stateValue = filters.state ? `state:${filters.state}` : filters.family ? `family:${filters.family}` : undefined;
  return (
    <Flex vertical gap={12} role="search" aria-label={t('filtersLabel')}>
      <Flex gap={12} wrap align="flex-end">
        <Input.Search
          aria-label={t('searchCases')}
          placeholder={t('searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          allowClear
          enterButton
          style={{ width: 320 }}
        />
        <div style={{ width: 220 }}>
          <NodePicker ariaLabel={t('filterNode')} placeholder={t('filterNode')} value={filters.node} onChange={(v) => set({ node: v })} />
        </div>
        <Select
          aria-label={t('filterState')}
          placeholder={t('filterState')}
          value={stateValue}
          allowClear
          style={{ width: 170 }}
          onChange={(v?: string) => set(v?.startsWith('family:') ? { family: v.slice(7), state: undefined } : v ? { state: v.slice(6), family: undefined } : { state: undefined, family: undefined })}
          options={[...FAMILIES.map((f) => ({ value: `family:${f}`, label: t(`family_${f}` as MessageKey) })), ...STATES.map((s) => ({ value: `state:${s}`, label: t(`state_${s}` as MessageKey) }))]}
        />
        <div style={{ width: 220 }}>
          <CategoryPicker majors ariaLabel={t('filterCategory')} placeholder={t('filterCategory')} value={filters.category} onChange={(v) => set({ category: v })} />
        </div>
      </Flex>
      <Flex gap={12} wrap align="center">
        <Select aria-label={t('filterKind')} placeholder={t('filterKind')} value={filters.kind} allowClear style={{ width: 140 }} onChange={(v) => set({ kind: v })} options={KINDS.map((k) => ({ value: k, label: t(`kind_${k}` as MessageKey) }))} />
        <Select aria-label={t('filterChannel')} placeholder={t('filterChannel')} value={filters.channel} allowClear style={{ width: 150 }} onChange={(v) => set({ channel: v })} options={CHANNELS.map((c) => ({ value: c, label: t(`channel_${c}` as MessageKey) }))} />
        <DatePicker.RangePicker
          aria-label={t('filterDates')}
          placeholder={[t('filterDates'), t('filterDates')]}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          style={{ width: 260 }}
        />
        <Flex gap={6} align="center">
          <Switch size="small" checked={!!filters.overdue} onChange={(v) => set({ overdue: v })} aria-label={t('filterOverdue')} />
          <Typography.Text>{t('filterOverdue')}</Typography.Text>
        </Flex>
        <Flex gap={6} align="center">
          <Switch size="small" checked={!!filters.needsReview} onChange={(v) => set({ needsReview: v })} aria-label={t('filterReview')} />
          <Typography.Text>{t('filterReview')}</Typography.Text>
        </Flex>
        <Button onClick={reset}>{t('filterReset')}</Button>
      </Flex>
    </Flex>
  );
}
