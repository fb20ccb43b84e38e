import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useLocale } from '../../shared/i18n/index.tsx';
import { useAdminData } from '../AdminData.tsx';

/** The taxonomy (大类 → 小类) from the server; only minor categories can be chosen, or majors too for filters. */
export function CategoryPicker({ value, onChange, majors, id, ariaLabel, placeholder, style }: { value?: string; onChange?: (v: string | undefined) => void; majors?: boolean; id?: string; ariaLabel?: string; placeholder?: string; style?: React.CSSProperties }) {
  const { categories } = useAdminData();
  const { locale } = useLocale();
  const treeData = useMemo(() => {
    const groups = new Map<string, { value: string; title: string; selectable: boolean; children: { value: string; title: string }[] }>();
    for (const cat of categories) {
      let g = groups.get(cat.major);
      if (!g) {
        g = { value: cat.major, title: locale === 'en' ? cat.majorEn : cat.majorZh, selectable: !!majors, children: [] };
        groups.set(cat.major, g);
      }
      g.children.push({ value: cat.code, title: locale === 'en' ? cat.en : cat.zh });
    }
    return [...groups.values()];
  }, [categories, locale, majors]);
  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      treeData={treeData}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
      listHeight={360}
    />
  );
}
