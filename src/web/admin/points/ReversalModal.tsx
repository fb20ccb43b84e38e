import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import type { Transfer } from '../../shared/points/types.ts';
import { pm } from './messages.ts';

/** 冲正: confirm with a reason; the server's refusal (already reversed, points already used) stays in the dialog. */
export function ReversalModal({ transfer, onClose, onDone }: { transfer: Transfer; onClose: () => void; onDone: () => void }) {
  const t = useT(pm);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/points/transfers/${encodeURIComponent(transfer.id)}/reversal`, { method: 'POST', body: { reason: reason.trim() } });
      message.success(t('reverseDone'));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('reverseTitle')} okText={t('reverse')} okButtonProps={{ danger: true }} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <p>{t('reverseExplain', { points: transfer.amount })}</p>
      <p>
        {transfer.kindLabel} · {transfer.residentName ?? ''} {transfer.merchantName ? `· ${transfer.merchantName}` : ''} · {transfer.reason ?? ''}
      </p>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('reverseReason')} rules={[{ required: true, whitespace: true, message: t('reverseReasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
