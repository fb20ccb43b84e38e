import { Alert, App as AntApp, Button, Flex, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { common } from '../../shared/messages.ts';

export interface ActionModalProps {
  open: boolean;
  title: string;
  submitLabel: string;
  /** Where the form posts, e.g. `/api/v1/cases/LX-2026-000001/verify`. */
  path: string;
  toBody: (values: any) => unknown;
  initialValues?: Record<string, unknown>;
  danger?: boolean;
  /** Shown once the server has accepted the action. */
  doneText: string;
  onClose: () => void;
  onDone: () => void;
  children: ReactNode;
}

/** One case action as a small form in a dialog; a refusal is shown in the server's own words and the dialog stays. */
export function ActionModal({ open, title, submitLabel, path, toBody, initialValues, danger, doneText, onClose, onDone, children }: ActionModalProps) {
  const c = useT(common);
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Modal open={open} title={title} onCancel={close} footer={null} destroyOnHidden width={560}>
      <Form
        layout="vertical"
        initialValues={initialValues}
        onFinish={async (values) => {
          setBusy(true);
          setError(null);
          try {
            await api(path, { method: 'POST', body: toBody(values) });
            message.success(doneText);
            onDone();
          } catch (e) {
            setError(e instanceof ApiError ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        {children}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>{c('cancel')}</Button>
          <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
