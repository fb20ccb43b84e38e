import { Select } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { messages } from '../messages.ts';
import type { Page, PublicCompound } from '../types.ts';
import { useApi } from '../useApi.ts';

/** "我的小区": every compound by community, searchable by name; choosing one gives its point. */
export function CompoundSelect({ value, onPick, id }: { value?: string; onPick: (c: PublicCompound) => void; id?: string }) {
  const t = useT(messages);
  const { data, loading, error } = useApi<Page<PublicCompound>>('/api/v1/public/compounds', { query: { pageSize: 200 } });
  const options = useMemo(() => {
    const groups = new Map<string, PublicCompound[]>();
    for (const c of data?.items ?? []) {
      const key = c.community ?? '';
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    return [...groups.entries()].map(([community, list]) => ({
      label: community || t('otherCompounds'),
      title: community || t('otherCompounds'),
      options: list.map((c) => ({ value: c.id, label: c.name, search: `${c.name} ${c.community ?? ''} ${c.grid.name}` })),
    }));
  }, [data, t]);
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'search' }}
      value={value}
      loading={loading}
      status={error ? 'error' : undefined}
      placeholder={error ?? t('compoundPlaceholder')}
      aria-label={t('compoundLabel')}
      options={options}
      notFoundContent={t('compoundNone')}
      style={{ width: '100%' }}
      onChange={(v: string) => {
        const c = data?.items.find((x) => x.id === v);
        if (c) onPick(c);
      }}
    />
  );
}
