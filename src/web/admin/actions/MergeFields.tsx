import { Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';
import type { CaseDetail, StaffCase } from '../types.ts';
import { useApi } from '../useApi.ts';

/** 合并: into the case intake found it may repeat (filled in), or any open case by number. */
export function MergeFields({ c }: { c: StaffCase }) {
  const t = useT(m);
  const form = Form.useFormInstance();
  const candidate = useApi<CaseDetail>(c.duplicateCandidateId && !c.duplicateCandidate ? `/api/v1/cases/${c.duplicateCandidateId}` : null);
  const known = c.duplicateCandidate ?? (candidate.data ? { number: candidate.data.case.number, title: candidate.data.case.title } : null);
  useEffect(() => {
    if (known && !form.getFieldValue('into')) form.setFieldValue('into', known.number);
  }, [known?.number]);
  return (
    <>
      {known && (
        <Typography.Paragraph type="secondary">
          {t('duplicateOf')}：{known.number} · {known.title}
        </Typography.Paragraph>
      )}
      <Form.Item name="into" label={t('mergeInto')} rules={[{ required: true, whitespace: true, message: t('mergeIntoRequired') }]}>
        <Input placeholder="LX-2026-000001" />
      </Form.Item>
      <Form.Item name="reason" label={t('note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}
