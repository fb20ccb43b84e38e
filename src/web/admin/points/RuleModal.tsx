import { Alert, App as AntApp, Form, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import type { Rule } from '../../shared/points/types.ts';
import { pm } from './messages.ts';

interface Values {
  pointsPerUnit: number;
  period: 'none' | 'month' | 'year';
  periodLimit?: number | null;
  overLimit: 'cap' | 'refuse';
  active: boolean;
}

/** Sets one earning rule of a community; whole points only (the server refuses anything else in its own words). */
export function RuleModal({ community, rule, onClose, onDone }: { community: string; rule: Rule; onClose: () => void; onDone: () => void }) {
  const t = useT(pm);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const period = Form.useWatch('period', form);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const limited = v.period !== 'none';
      await api(`/api/v1/points/rules/${rule.rule}`, {
        method: 'PUT',
        body: { community, pointsPerUnit: v.pointsPerUnit, period: limited ? v.period : null, periodLimit: limited ? (v.periodLimit ?? null) : null, overLimit: v.overLimit, active: v.active },
      });
      message.success(t('saved'));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('editRule', { rule: rule.label })} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ pointsPerUnit: rule.pointsPerUnit ?? 1, period: rule.period ?? 'none', periodLimit: rule.periodLimit, overLimit: rule.overLimit ?? 'cap', active: rule.configured ? rule.active : true }}
      >
        <Form.Item name="pointsPerUnit" label={t('pointsPerUnit')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10_000} precision={0} disabled={rule.rule === 'manual'} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="period" label={t('period')}>
          <Select
            style={{ width: 160 }}
            options={[
              { value: 'none', label: t('periodNone') },
              { value: 'month', label: t('periodMonth') },
              { value: 'year', label: t('periodYear') },
            ]}
          />
        </Form.Item>
        {period !== 'none' && (
          <>
            <Form.Item name="periodLimit" label={t('periodLimit')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="overLimit" label={t('overLimit')}>
              <Select style={{ width: 200 }} options={[{ value: 'cap', label: t('over_cap') }, { value: 'refuse', label: t('over_refuse') }]} />
            </Form.Item>
          </>
        )}
        <Form.Item name="active" label={t('active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
