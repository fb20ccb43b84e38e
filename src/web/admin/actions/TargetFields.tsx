import { Form, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';
import { NodePicker } from './NodePicker.tsx';
import { StaffPicker } from './StaffPicker.tsx';

/** Who takes the case: a person or an org node as a unit (the server resolves a grid to its on-duty worker). */
export function TargetFields({ required, hint }: { required: boolean; hint?: string }) {
  const t = useT(m);
  const rule = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: (_: unknown, v: unknown) => (!required || v || getFieldValue('staffId') || getFieldValue('node') ? Promise.resolve() : Promise.reject(new Error(t('targetRequired')))),
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{hint ?? t('targetHint')}</Typography.Paragraph>
      <Form.Item name="staffId" label={t('targetStaff')} dependencies={['node']} rules={[rule]}>
        <StaffPicker />
      </Form.Item>
      <Form.Item name="node" label={t('targetNode')} dependencies={['staffId']} rules={[rule]}>
        <NodePicker />
      </Form.Item>
    </>
  );
}

/** The body's target: a named person wins over a unit. */
export function targetOf(v: { staffId?: string; node?: string }): { staffId?: string; node?: string } {
  return v.staffId ? { staffId: v.staffId } : v.node ? { node: v.node } : {};
}
