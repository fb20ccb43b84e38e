import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Image, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { api, uploadPhoto } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import type { Claim, Page, Wish } from '../../shared/wishes/types.ts';
import { useApi } from '../useApi.ts';
import { wm } from './messages.ts';
import { useAction } from './useAction.ts';

/** 认领 by a partner unit of the wish's community or a named person (a party member, 双报到). */
export function ClaimModal({ wish, onClose }: { wish: Wish; onClose: (ok: boolean) => void }) {
  const t = useT(wm);
  const { busy, run } = useAction();
  const [by, setBy] = useState<'unit' | 'name'>('unit');
  const [unit, setUnit] = useState<string | undefined>();
  const [name, setName] = useState('');
  const units = useApi<Page<{ id: string; name: string }>>('/api/v1/partner-units', { node: wish.community?.code, pageSize: 100 });
  const body = by === 'unit' ? { partnerUnitId: unit } : { name: name.trim() };
  return (
    <Modal open title={t('claimTitle', { number: wish.number })} okText={t('save')} cancelText={t('cancel')} confirmLoading={busy} okButtonProps={{ disabled: by === 'unit' ? !unit : !name.trim() }} onCancel={() => onClose(false)} onOk={() => void run(() => api(`/api/v1/wishes/${wish.id}/claim`, { method: 'POST', body }), t('claimed')).then((ok) => ok && onClose(true))}>
      <Form layout="vertical">
        <Form.Item label={t('claimBy')}>
          <Radio.Group value={by} onChange={(e) => setBy(e.target.value)} options={[{ value: 'unit', label: t('claimByUnit') }, { value: 'name', label: t('claimByName') }]} />
        </Form.Item>
        {by === 'unit' ? (
          <Form.Item label={t('unitLabel')} htmlFor="claim-unit">
            <Select id="claim-unit" value={unit} onChange={setUnit} loading={units.loading} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        ) : (
          <Form.Item label={t('nameLabel')} htmlFor="claim-name">
            <Input id="claim-name" value={name} maxLength={50} onChange={(e) => setName(e.target.value)} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 心愿完成: what was done and at least one photo, uploaded through the photo intake first. */
export function FulfilModal({ wish, claim, onClose }: { wish: Wish; claim: Claim; onClose: (ok: boolean) => void }) {
  const t = useT(wm);
  const { busy, run } = useAction();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<{ id: string; thumbnailUrl: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const pick = async (files: FileList | null) => {
    if (!files?.length) return;
    setUploading(true);
    await run(async () => {
      for (const f of Array.from(files)) {
        const p = await uploadPhoto(f);
        setPhotos((old) => [...old, { id: p.id, thumbnailUrl: `/api/v1/photos/${p.id}?size=thumb` }]);
      }
    }, t('photoUploaded'));
    setUploading(false);
  };
  return (
    <Modal open title={t('fulfilTitle', { claimant: claim.claimant.name ?? '' })} okText={t('save')} cancelText={t('cancel')} confirmLoading={busy} okButtonProps={{ disabled: !note.trim() || photos.length === 0 }} onCancel={() => onClose(false)} onOk={() => void run(() => api(`/api/v1/wishes/${wish.id}/claims/${claim.id}/fulfil`, { method: 'POST', body: { note: note.trim(), photoIds: photos.map((p) => p.id) } }), t('fulfilled')).then((ok) => ok && onClose(true))}>
      <Form layout="vertical">
        <Form.Item label={t('fulfilNote')} htmlFor="fulfil-note">
          <Input.TextArea id="fulfil-note" value={note} maxLength={500} rows={3} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('fulfilPhotos')}>
          <Space wrap>
            {photos.map((p) => (
              <Image key={p.id} src={p.thumbnailUrl} width={72} height={54} style={{ objectFit: 'cover' }} alt="" />
            ))}
            <Button icon={<UploadOutlined aria-hidden />} loading={uploading} onClick={() => document.getElementById('fulfil-photo')?.click()}>
              {t('uploadPhoto')}
            </Button>
            <input id="fulfil-photo" type="file" accept="image/*" multiple style={{ display: 'none' }} aria-label={t('uploadPhoto')} onChange={(e) => void pick(e.target.files)} />
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 退回认领, with the reason; the wish goes back on the needs list when no claim is left. */
export function WithdrawModal({ wish, claim, onClose }: { wish: Wish; claim: Claim; onClose: (ok: boolean) => void }) {
  const t = useT(wm);
  const { busy, run } = useAction();
  const [reason, setReason] = useState('');
  return (
    <Modal open title={t('withdrawTitle', { claimant: claim.claimant.name ?? '' })} okText={t('withdraw')} okButtonProps={{ danger: true, disabled: !reason.trim() }} cancelText={t('cancel')} confirmLoading={busy} onCancel={() => onClose(false)} onOk={() => void run(() => api(`/api/v1/wishes/${wish.id}/claims/${claim.id}/withdraw`, { method: 'POST', body: { reason: reason.trim() } }), t('withdrawn')).then((ok) => ok && onClose(true))}>
      <Form layout="vertical">
        <Form.Item label={t('withdrawReason')} htmlFor="withdraw-reason">
          <Input id="withdraw-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
