import { Alert, App, Button, Drawer, Form } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';
import type { WorkCase } from '../types.ts';
import type { ActionSpec } from './specs.tsx';

/** The small form of one action, from the bottom of the screen; the server's refusal is shown in its words. */
export function ActionDrawer({ spec, caseId, onClose, onDone }: { spec: ActionSpec | null; caseId: string; onClose: () => void; onDone: (c: WorkCase) => void }) {
  const t = useT(work);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const Fields = spec?.Fields;
  return (
    <Drawer
      open={!!spec}
      placement="bottom"
      size="auto"
      title={spec ? t(spec.label) : undefined}
      onClose={close}
      destroyOnHidden
      styles={{ wrapper: { maxHeight: '92dvh' }, body: { paddingBottom: 'calc(16px + env(safe-area-inset-bottom))' } }}
    >
      {spec && Fields && (
        <Form
          form={form}
          layout="vertical"
          className="lx-drawer-form"
          initialValues={spec.initialValues}
          aria-label={t(spec.label)}
          onFinish={async (values: Record<string, unknown>) => {
            setBusy(true);
            setError(null);
            try {
              const updated = await api<WorkCase>(`/api/v1/cases/${caseId}/${spec.path}`, { method: 'POST', body: spec.toBody ? spec.toBody(values) : values });
              message.success(t('actionDone', { action: t(spec.label) }));
              form.resetFields();
              onDone(updated);
              close();
            } catch (e) {
              setError(e instanceof ApiError ? e.message : String(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          <Fields />
          <Button type="primary" htmlType="submit" block size="large" loading={busy} danger={spec.danger}>
            {t(spec.submitLabel ?? 'submit')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
