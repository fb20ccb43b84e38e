import { CameraOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError, uploadPhoto, type PhotoUpload } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { orderMessages } from './messages.ts';

const MAX_PHOTOS = 6;

/** 完成服务: what was done, the hours and photos (uploaded as for reports), sent for the community to check. */
export function DoneForm({ orderId, onClose, onDone }: { orderId: string; onClose: () => void; onDone: () => void }) {
  const t = useT(orderMessages);
  const [result, setResult] = useState('');
  const [hours, setHours] = useState<number | null>(null);
  const [photos, setPhotos] = useState<PhotoUpload[]>([]);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = (files: FileList | null) => {
    for (const file of Array.from(files ?? []).slice(0, MAX_PHOTOS - photos.length)) {
      setUploading((n) => n + 1);
      uploadPhoto(file)
        .then((p) => setPhotos((list) => [...list, p]))
        .catch((e) => setError(e instanceof ApiError ? e.message : String(e)))
        .finally(() => setUploading((n) => n - 1));
    }
  };
  const submit = async () => {
    const problem = !result.trim() ? t('doneResultRequired') : !hours ? t('doneHoursRequired') : null;
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/orders/${encodeURIComponent(orderId)}/done`, { method: 'POST', body: { result: result.trim(), hours, photoIds: photos.map((p) => p.id) } });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('doneTitle')} okText={t('doneSubmit')} okButtonProps={{ loading: busy, disabled: uploading > 0 }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <label className="lx-label" htmlFor="done-result">
        {t('doneResult')}
      </label>
      <Input.TextArea id="done-result" value={result} maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('doneResultPlaceholder')} onChange={(e) => setResult(e.target.value)} />
      <label className="lx-label" htmlFor="done-hours">
        {t('doneHours')}
      </label>
      <InputNumber id="done-hours" size="large" min={0.25} max={24} step={0.25} value={hours} onChange={(v) => setHours(v)} style={{ width: '100%' }} inputMode="decimal" />
      <p className="lx-muted">{t('doneHoursHint')}</p>
      <span className="lx-label">{t('donePhoto')}</span>
      <div className="lx-order-photos">
        {photos.map((p) => (
          <img key={p.id} src={p.thumbnailUrl} alt="" />
        ))}
        {uploading > 0 && (
          <span role="status" aria-label={t('uploading')}>
            <LoadingOutlined />
          </span>
        )}
        {photos.length < MAX_PHOTOS && (
          <label className="lx-file-button">
            <input type="file" accept="image/*" aria-label={t('addPhoto')} onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
            <CameraOutlined aria-hidden /> {t('addPhoto')}
          </label>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
    </Modal>
  );
}
