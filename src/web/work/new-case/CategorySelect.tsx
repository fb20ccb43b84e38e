import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';

interface Taxonomy {
  categories: Array<{ code: string; major: string; zh: string; en: string; majorZh: string; majorEn: string }>;
}

/** The category list from the server, grouped by major category and searchable. */
export function CategorySelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const t = useT(work);
  const { locale } = useLocale();
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  useEffect(() => {
    api<Taxonomy>('/api/v1/taxonomy').then(setTaxonomy).catch(() => setTaxonomy({ categories: [] }));
  }, []);
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const c of taxonomy?.categories ?? []) {
    const g = groups.get(c.major) ?? { label: locale === 'en' ? c.majorEn : c.majorZh, options: [] };
    g.options.push({ value: c.code, label: locale === 'en' ? c.en : c.zh });
    groups.set(c.major, g);
  }
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={!taxonomy}
      placeholder={t('categoryPlaceholder')}
      options={[...groups.values()]}
    />
  );
}
