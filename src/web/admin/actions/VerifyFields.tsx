import { Form, Input, Radio } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';

/** 核查: pass closes the case, fail sends it back to the handler as rework. */
export function VerifyFields() {
  const t = useT(m);
  return (
    <>
      <Form.Item name="pass" label={t('verifyResult')} rules={[{ required: true, message: t('verifyResult') }]}>
        <Radio.Group>
          <Radio value={true}>{t('verifyPass')}</Radio>
          <Radio value={false}>{t('verifyFail')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}

export const verifyBody = (v: { pass: boolean; note?: string }) => ({ pass: v.pass, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
