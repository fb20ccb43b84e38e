import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { type Page, WISH_TYPES, type WishType } from '../../shared/wishes/types.ts';
import { useApi } from '../useApi.ts';
import { type WishKey, wm } from './messages.ts';
import { useAction } from './useAction.ts';

/** 登记心愿: a wish a grid worker or the office found on a home visit or patrol, at a compound in their scope. */
export function RecordWishModal({ onClose }: { onClose: (ok: boolean) => void }) {
  const t = useT(wm);
  const { busy, run } = useAction();
  const compounds = useApi<Page<{ id: string; name: string; address: string | null }>>('/api/v1/compounds', { pageSize: 200 });
  const [d, setD] = useState<{ compoundId?: string; wishType: WishType; description: string; beneficiaryNote: string; publicSummary: string; channel: 'visit' | 'patrol' }>({ wishType: 'goods', description: '', beneficiaryNote: '', publicSummary: '', channel: 'visit' });
  const set = (patch: Partial<typeof d>) => setD((old) => ({ ...old, ...patch }));
  const body = { compoundId: d.compoundId, wishType: d.wishType, channel: d.channel, description: d.description.trim(), ...(d.beneficiaryNote.trim() ? { beneficiaryNote: d.beneficiaryNote.trim() } : {}), ...(d.publicSummary.trim() ? { publicSummary: d.publicSummary.trim() } : {}) };
  return (
    <Modal open title={t('recordTitle')} okText={t('save')} cancelText={t('cancel')} confirmLoading={busy} okButtonProps={{ disabled: !d.compoundId || !d.description.trim() }} onCancel={() => onClose(false)} onOk={() => void run(() => api('/api/v1/wishes', { method: 'POST', body }), t('recorded')).then((ok) => ok && onClose(true))}>
      <Form layout="vertical">
        <Form.Item label={t('compound')} htmlFor="record-compound">
          <Select id="record-compound" showSearch={{ optionFilterProp: 'label' }} value={d.compoundId} onChange={(v) => set({ compoundId: v })} loading={compounds.loading} options={(compounds.data?.items ?? []).map((c) => ({ value: c.id, label: c.address ? `${c.name}（${c.address}）` : c.name }))} />
        </Form.Item>
        <Form.Item label={t('channel')}>
          <Radio.Group value={d.channel} onChange={(e) => set({ channel: e.target.value })} options={[{ value: 'visit', label: t('channel_visit') }, { value: 'patrol', label: t('channel_patrol') }]} />
        </Form.Item>
        <Form.Item label={t('colType')} htmlFor="record-type">
          <Select id="record-type" value={d.wishType} onChange={(v) => set({ wishType: v })} options={WISH_TYPES.map((k) => ({ value: k, label: t(`type_${k}` as WishKey) }))} />
        </Form.Item>
        <Form.Item label={t('wishText')} htmlFor="record-text">
          <Input.TextArea id="record-text" rows={3} maxLength={1000} value={d.description} onChange={(e) => set({ description: e.target.value })} />
        </Form.Item>
        <Form.Item label={t('beneficiary')} htmlFor="record-for">
          <Input id="record-for" maxLength={200} placeholder={t('beneficiaryPlaceholder')} value={d.beneficiaryNote} onChange={(e) => set({ beneficiaryNote: e.target.value })} />
        </Form.Item>
        <Form.Item label={t('publicSummary')} htmlFor="record-public" extra={t('publicSummaryHint')}>
          <Input id="record-public" maxLength={60} value={d.publicSummary} onChange={(e) => set({ publicSummary: e.target.value })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
