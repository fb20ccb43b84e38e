import { Cascader, Radio } from 'antd';
import { useMemo } from 'react';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { useElder } from '../elder.tsx';
import { messages } from '../messages.ts';
import type { CategorySuggestion, TaxonomyCategory } from '../types.ts';
import { useApi } from '../useApi.ts';

/** A category confirmed (`code`), one being picked from the whole list (`other`), or left to staff (`unsure`). */
export type CategoryPick = { kind: 'code'; code: string } | { kind: 'other'; code?: string } | { kind: 'unsure' };

// Alternatives the classifier gives almost no chance are noise to a resident, not choices.
const WORTH_OFFERING = 0.08;

/** The classifier's guess for confirmation, the next likely ones, another from the list, or "not sure". */
export function CategoryChoice({ suggestions, pick, setPick }: { suggestions: CategorySuggestion[]; pick: CategoryPick; setPick: (p: CategoryPick) => void }) {
  const t = useT(messages);
  const { elder } = useElder();
  const { locale } = useLocale();
  const offered = suggestions.filter((s, i) => i === 0 || s.confidence >= WORTH_OFFERING).slice(0, elder ? 1 : 3);
  const selected = pick.kind === 'code' ? pick.code : pick.kind;
  return (
    <fieldset className="lx-fieldset">
      <legend className="lx-label">{t('categoryQuestion')}</legend>
      <Radio.Group
        className="lx-choice-list"
        value={selected}
        onChange={(e) => {
          const v = e.target.value as string;
          setPick(v === 'other' ? { kind: 'other' } : v === 'unsure' ? { kind: 'unsure' } : { kind: 'code', code: v });
        }}
      >
        {offered.map((s, i) => (
          <Radio key={s.category} value={s.category} className="lx-choice">
            <span className="lx-choice-main">{s.label}</span>
            <span className="lx-choice-sub">
              {s.majorLabel}
              {i === 0 ? ` · ${t('bestGuess')}` : ''}
            </span>
          </Radio>
        ))}
        {!elder && (
          <Radio value="other" className="lx-choice">
            <span className="lx-choice-main">{t('categoryOther')}</span>
          </Radio>
        )}
        <Radio value="unsure" className="lx-choice">
          <span className="lx-choice-main">{t('categoryUnsure')}</span>
          <span className="lx-choice-sub">{t('categoryUnsureHint')}</span>
        </Radio>
      </Radio.Group>
      {pick.kind === 'other' && <CategoryCascader value={pick.code} onChange={(code) => setPick({ kind: 'other', code })} locale={locale} />}
    </fieldset>
  );
}

function CategoryCascader({ value, onChange, locale }: { value?: string; onChange: (code?: string) => void; locale: string }) {
  const t = useT(messages);
  const { data } = useApi<{ categories: TaxonomyCategory[] }>('/api/v1/taxonomy');
  const options = useMemo(() => {
    const majors = new Map<string, { value: string; label: string; children: { value: string; label: string }[] }>();
    for (const c of data?.categories ?? []) {
      const en = locale === 'en';
      const major = majors.get(c.major) ?? { value: c.major, label: en ? c.majorEn : c.majorZh, children: [] };
      major.children.push({ value: c.code, label: en ? c.en : c.zh });
      majors.set(c.major, major);
    }
    return [...majors.values()];
  }, [data, locale]);
  return (
    <Cascader
      className="lx-cascader"
      options={options}
      value={value ? [value.slice(0, 2), value] : undefined}
      onChange={(path) => onChange(path?.[1] as string | undefined)}
      placeholder={t('categoryPickPlaceholder')}
      aria-label={t('categoryPickLabel')}
      showSearch
      style={{ width: '100%', marginTop: 8 }}
    />
  );
}
