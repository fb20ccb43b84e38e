import { Alert, App as AntApp, Button, Flex, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../shared/api.ts';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';

export interface FormDialogProps<V, R> {
  title: string;
  submitLabel?: string;
  /** Sends the form; a refusal stays in the dialog in the server's own words. */
  submit: (values: V) => Promise<R>;
  doneText: string;
  initialValues?: Partial<V>;
  danger?: boolean;
  /** False while there is nothing to send (e.g. a month already settled). */
  canSubmit?: boolean;
  width?: number;
  form?: FormInstance<V>;
  onClose: () => void;
  /** Gets what the server answered, e.g. the record it created. */
  onDone: (result: R) => void;
  children: ReactNode;
}

/** A record's form in a dialog: whatever it writes (POST, PUT, PATCH), one submit, one place for the error. */
export function FormDialog<V extends object, R = unknown>({ title, submitLabel, submit, doneText, initialValues, danger, canSubmit = true, width = 600, form, onClose, onDone, children }: FormDialogProps<V, R>) {
  const c = useT(common);
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden width={width}>
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={async (values) => {
          setBusy(true);
          setError(null);
          try {
            const result = await submit(values);
            message.success(doneText);
            onDone(result);
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
          <Button onClick={onClose}>{c('cancel')}</Button>
          <Button type="primary" danger={danger} htmlType="submit" loading={busy} disabled={!canSubmit}>
            {submitLabel ?? c('save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

/** Runs one write from a button (publish, remove…), toasting success and showing a refusal in the server's words. */
export function useWrite(): { busy: boolean; run: (fn: () => Promise<unknown>, done: string, then?: () => void) => Promise<void> } {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, done: string, then?: () => void) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      then?.();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
