import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { useAdminData } from '../AdminData.tsx';
import type { TreeNode } from '../types.ts';
import { useApi } from '../useApi.ts';
import { type VolunteersKey, vm } from './messages.ts';
import type { Taxonomy, WeeklySlot } from './types.ts';

/** Skills, levels, team and resource kinds, labelled in the chosen language. */
export function useTaxonomy(): Taxonomy | undefined {
  return useApi<Taxonomy>('/api/v1/talents/taxonomy').data;
}

export function skillOptions(taxonomy: Taxonomy | undefined) {
  return (taxonomy?.skillGroups ?? []).map((g) => ({ label: g.label, title: g.label, options: g.skills.map((s) => ({ value: s.code, label: s.label })) }));
}

export function levelOptions(taxonomy: Taxonomy | undefined) {
  return (taxonomy?.levels ?? []).map((l) => ({ value: l.level, label: l.label }));
}

export function communitiesIn(tree: TreeNode[]): TreeNode[] {
  return tree.flatMap((n) => (n.kind === 'community' ? [n] : communitiesIn(n.children)));
}

/** The communities inside the signed-in account's scope, as select options valued by code. */
export function useCommunityOptions() {
  const { scope } = useAdminData();
  return useMemo(() => communitiesIn(scope).map((c) => ({ value: c.code, label: c.name })), [scope]);
}

/** "周一、周三 09:00–11:00；周六 14:00–17:00" */
export function useSlotText(): (slots: WeeklySlot[]) => string {
  const t = useT(vm);
  return (slots) => (slots.length === 0 ? t('none') : slots.map((s) => t('slot', { days: s.weekdays.map((d) => t(`weekday${d}` as VolunteersKey)).join('、'), from: s.from, to: s.to })).join('；'));
}

interface SlotValue {
  weekdays: number[];
  from?: dayjs.Dayjs;
  to?: dayjs.Dayjs;
}

export function slotsToForm(slots: WeeklySlot[]): SlotValue[] {
  return slots.map((s) => ({ weekdays: s.weekdays, from: dayjs(`2000-01-01T${s.from}`), to: dayjs(`2000-01-01T${s.to === '24:00' ? '23:59' : s.to}`) }));
}

export function slotsFromForm(values: SlotValue[] | undefined): WeeklySlot[] {
  return (values ?? []).filter((s) => s.weekdays?.length && s.from && s.to).map((s) => ({ weekdays: [...s.weekdays].sort(), from: s.from!.format('HH:mm'), to: s.to!.format('HH:mm') }));
}

/** Weekly hours as rows of weekdays and a time range, e.g. opening hours or when a talent is free. */
export function WeeklyHoursField({ name, label }: { name: string; label: string }) {
  const t = useT(vm);
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday${d}` as VolunteersKey) }));
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="baseline">
                <Form.Item name={[f.name, 'weekdays']} rules={[{ required: true, message: t('weekdaysRequired') }]} style={{ flex: 1 }}>
                  <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} aria-label={t('weekdays')} placeholder={t('weekdays')} options={days} />
                </Form.Item>
                <Form.Item name={[f.name, 'from']} rules={[{ required: true, message: t('fromRequired') }]}>
                  <TimePicker format="HH:mm" minuteStep={15} aria-label={t('from')} placeholder={t('from')} needConfirm={false} />
                </Form.Item>
                <Form.Item name={[f.name, 'to']} rules={[{ required: true, message: t('toRequired') }]}>
                  <TimePicker format="HH:mm" minuteStep={15} aria-label={t('to')} placeholder={t('to')} needConfirm={false} />
                </Form.Item>
                <Button type="text" size="small" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('removeSlot')} onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ weekdays: [] })}>
              {t('addSlot')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
