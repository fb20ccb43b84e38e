import { Form, Input, Select, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { vm } from './messages.ts';
import { WeeklyHoursField, levelOptions, slotsFromForm, slotsToForm, useTaxonomy } from './parts.tsx';
import type { Talent } from './types.ts';

/** 确认入库: staff set each proposed skill's level as they found it, with an optional note for the history. */
export function ConfirmTalentModal({ talent, onClose, onDone }: { talent: Talent; onClose: () => void; onDone: () => void }) {
  const t = useT(vm);
  const taxonomy = useTaxonomy();
  const initial = Object.fromEntries(talent.skills.map((s) => [s.skill, s.level]));
  return (
    <FormDialog<{ levels: Record<string, number>; note?: string }>
      title={t('confirmTitle', { name: talent.name })}
      submitLabel={t('confirm')}
      doneText={t('confirmDone')}
      initialValues={{ levels: initial }}
      submit={(v) =>
        api(`/api/v1/talents/${encodeURIComponent(talent.id)}/confirm`, {
          method: 'POST',
          body: { skills: talent.skills.map((s) => ({ skill: s.skill, level: v.levels[s.skill] ?? s.level })), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t('confirmExplain')}</Typography.Paragraph>
      {talent.skills.map((s) => (
        <Form.Item key={s.skill} name={['levels', s.skill]} label={s.label}>
          <Select aria-label={`${s.label} ${t('level')}`} options={levelOptions(taxonomy)} style={{ width: 160 }} />
        </Form.Item>
      ))}
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={2} maxLength={200} showCount />
      </Form.Item>
    </FormDialog>
  );
}

/** A status change that needs a reason kept in the history (decline, retire). */
export function ReasonModal({ title, submitLabel, doneText, path, onClose, onDone }: { title: string; submitLabel: string; doneText: string; path: string; onClose: () => void; onDone: () => void }) {
  const t = useT(vm);
  return (
    <FormDialog<{ reason: string }> title={title} submitLabel={submitLabel} danger doneText={doneText} submit={(v) => api(path, { method: 'POST', body: { reason: v.reason.trim() } })} onClose={onClose} onDone={onDone}>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormDialog>
  );
}

/** Changes what the office keeps about a talent: when they are free, how to reach them, a note. */
export function EditTalentModal({ talent, onClose, onDone }: { talent: Talent; onClose: () => void; onDone: () => void }) {
  const t = useT(vm);
  return (
    <FormDialog<{ availability?: Parameters<typeof slotsFromForm>[0]; contactPreference: string; note?: string }>
      title={t('editTalentTitle', { name: talent.name })}
      doneText={t('talentSaved')}
      width={680}
      initialValues={{ availability: slotsToForm(talent.availability), contactPreference: talent.contactPreference, note: talent.note ?? undefined }}
      submit={(v) =>
        api(`/api/v1/talents/${encodeURIComponent(talent.id)}`, {
          method: 'PATCH',
          body: { availability: slotsFromForm(v.availability), contactPreference: v.contactPreference, note: v.note?.trim() || null },
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <WeeklyHoursField name="availability" label={t('availability')} />
      <Form.Item name="contactPreference" label={t('contactPreference')}>
        <Select
          aria-label={t('contactPreference')}
          style={{ width: 220 }}
          options={(['phone', 'app', 'grid_worker'] as const).map((c) => ({ value: c, label: t(`contact_${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
