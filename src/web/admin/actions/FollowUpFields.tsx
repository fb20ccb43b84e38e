import { Checkbox, Form, Input, Radio, Space } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';

/** 回访: how the reporter was contacted and what they said; the answers only count when they were reached. */
export function FollowUpFields() {
  const t = useT(m);
  const reached = Form.useWatch('reached', Form.useFormInstance());
  return (
    <>
      <Form.Item name="method" label={t('followUpMethod')} rules={[{ required: true, message: t('followUpMethod') }]}>
        <Radio.Group>
          <Radio value="visit">{t('method_visit')}</Radio>
          <Radio value="phone">{t('method_phone')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Space orientation="vertical" size={4} style={{ marginBottom: 16 }}>
        <Form.Item name="reached" valuePropName="checked" noStyle>
          <Checkbox>{t('reached')}</Checkbox>
        </Form.Item>
        <Form.Item name="contactedInTime" valuePropName="checked" noStyle>
          <Checkbox disabled={!reached}>{t('contactedInTime')}</Checkbox>
        </Form.Item>
        <Form.Item name="solved" valuePropName="checked" noStyle>
          <Checkbox disabled={!reached}>{t('solved')}</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item name="satisfaction" label={t('satisfaction')}>
        <Radio.Group disabled={!reached}>
          <Radio value="satisfied">{t('satisfied')}</Radio>
          <Radio value="basically_satisfied">{t('basically_satisfied')}</Radio>
          <Radio value="dissatisfied">{t('dissatisfied')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="comment" label={t('followUpNote')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}

export function followUpBody(v: { method: 'visit' | 'phone'; reached?: boolean; contactedInTime?: boolean; solved?: boolean; satisfaction?: string; comment?: string }) {
  const reached = !!v.reached;
  return {
    method: v.method,
    reached,
    ...(reached ? { contactedInTime: !!v.contactedInTime, solved: !!v.solved } : {}),
    ...(reached && v.satisfaction ? { satisfaction: v.satisfaction } : {}),
    ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
  };
}
