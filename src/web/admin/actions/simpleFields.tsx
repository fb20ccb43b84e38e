import { Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { type MessageKey, m } from '../messages.ts';

/** A required reason (退单, 缓办, 重新办理, 不予受理, 转办, 上报). */
export function ReasonField({ label = 'reason' }: { label?: MessageKey }) {
  const t = useT(m);
  return (
    <Form.Item name="reason" label={t(label)} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
      <Input.TextArea rows={3} maxLength={1000} showCount />
    </Form.Item>
  );
}

export function ExtendFields() {
  const t = useT(m);
  return (
    <>
      <Form.Item name="workingDays" label={t('workingDays')} rules={[{ required: true, message: t('workingDays') }]}>
        <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <ReasonField />
    </>
  );
}

export function DecideExtensionFields() {
  const t = useT(m);
  return (
    <>
      <Form.Item name="approve" label={t('decision')} rules={[{ required: true, message: t('decision') }]}>
        <Radio.Group>
          <Radio value={true}>{t('approve')}</Radio>
          <Radio value={false}>{t('refuse')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}

export function NoteFields() {
  const t = useT(m);
  return (
    <>
      <Form.Item name="text" label={t('noteText')} rules={[{ required: true, whitespace: true, message: t('noteText') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="publicNote" valuePropName="checked">
        <Checkbox>{t('publicNote')}</Checkbox>
      </Form.Item>
    </>
  );
}

export function ResolveFields() {
  const t = useT(m);
  return (
    <Form.Item name="result" label={t('result')} rules={[{ required: true, whitespace: true, message: t('resultRequired') }]}>
      <Input.TextArea rows={4} maxLength={2000} showCount />
    </Form.Item>
  );
}

export function GradeFields() {
  const t = useT(m);
  return (
    <Form.Item name="grade" label={t('grade')} rules={[{ required: true }]}>
      <Radio.Group>
        <Radio value="normal">{t('grade_normal')}</Radio>
        <Radio value="urgent">{t('grade_urgent')}</Radio>
      </Radio.Group>
    </Form.Item>
  );
}

/** Optional free text: sent only when something was written. */
export const trimmed = (s?: string) => (s?.trim() ? s.trim() : undefined);
