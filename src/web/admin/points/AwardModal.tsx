import { Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { FormDialog } from '../FormDialog.tsx';
import type { Page, Resident } from '../types.ts';
import { useApi } from '../useApi.ts';
import { useCommunityOptions } from '../volunteers/parts.tsx';
import { om } from './office-messages.ts';

interface Values {
  community: string;
  residentId: string;
  points: number;
  reason: string;
}

/** 人工奖励: whole points from the community's pool to one of its residents, with the reason kept in the ledger. */
export function AwardModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const t = useT(om);
  const communities = useCommunityOptions();
  const [form] = Form.useForm<Values>();
  const community = Form.useWatch('community', form);
  const [q, setQ] = useState('');
  const residents = useApi<Page<Resident>>(community && q.trim() ? '/api/v1/residents' : null, { node: community, q: q.trim(), pageSize: 20 });
  return (
    <FormDialog<Values>
      form={form}
      title={t('awardTitle')}
      submitLabel={t('award')}
      doneText={t('awarded')}
      initialValues={{ community: communities.length === 1 ? communities[0]!.value : undefined }}
      submit={(v) => api('/api/v1/points/awards', { method: 'POST', body: { community: v.community, residentId: v.residentId, points: v.points, reason: v.reason.trim() } })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="community" label={t('community')} rules={[{ required: true, message: t('communityRequired') }]}>
        <Select aria-label={t('community')} options={communities} onChange={() => form.setFieldValue('residentId', undefined)} />
      </Form.Item>
      <Form.Item name="residentId" label={t('resident')} rules={[{ required: true, message: t('residentRequired') }]}>
        <Select
          aria-label={t('resident')}
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={t('residentSearch')}
          disabled={!community}
          loading={residents.loading}
          options={(residents.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} · ${r.address}` }))}
        />
      </Form.Item>
      <Form.Item name="points" label={t('points')} rules={[{ required: true, message: t('pointsRequired') }]}>
        <InputNumber min={1} precision={0} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </FormDialog>
  );
}
