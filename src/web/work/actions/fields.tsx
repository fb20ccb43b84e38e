import { Alert, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import { work, type WorkKey } from '../messages.ts';
import { PhotoField } from './PhotoField.tsx';

/** The fields of each action's form; `ActionDrawer` wraps them in the form and posts the values. */

export function ReasonField({ label = 'reason' }: { label?: WorkKey }) {
  const t = useT(work);
  return (
    <Form.Item name="reason" label={t(label)} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
      <Input.TextArea rows={3} maxLength={1000} showCount />
    </Form.Item>
  );
}

export function NoteFields() {
  const t = useT(work);
  return (
    <>
      <Form.Item name="text" label={t('noteText')} rules={[{ required: true, whitespace: true, message: t('textRequired') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="photoIds" label={t('photos')}>
        <PhotoField />
      </Form.Item>
      <Form.Item name="publicNote" valuePropName="checked">
        <Checkbox>{t('notePublic')}</Checkbox>
      </Form.Item>
    </>
  );
}

export function ResolveFields() {
  const t = useT(work);
  return (
    <>
      <Form.Item name="result" label={t('result')} rules={[{ required: true, whitespace: true, message: t('resultRequired') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="photoIds" label={t('proofPhotos')}>
        <PhotoField />
      </Form.Item>
    </>
  );
}

interface StaffItem {
  id: string;
  name: string;
  assignments: Array<{ nodeName: string; roleLabel: string }>;
}

export function TransferFields() {
  const t = useT(work);
  const { me } = useSession();
  const [staff, setStaff] = useState<StaffItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: StaffItem[] }>('/api/v1/staff', { query: { pageSize: 200 } })
      .then((r) => setStaff(r.items.filter((s) => s.id !== me?.staffId)))
      .catch((e: Error) => setError(e.message));
  }, [me?.staffId]);
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="staffId" label={t('transferTo')} rules={[{ required: true, message: t('transferTargetRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={staff === null && !error}
          placeholder={t('transferToPlaceholder')}
          options={(staff ?? []).map((s) => ({ value: s.id, label: [s.name, ...s.assignments.map((a) => `${a.roleLabel}·${a.nodeName}`)].join(' ') }))}
        />
      </Form.Item>
      <ReasonField />
    </>
  );
}

export function EscalateFields() {
  const t = useT(work);
  return (
    <>
      <Alert type="info" showIcon title={t('escalateHint')} style={{ marginBottom: 12 }} />
      <ReasonField />
    </>
  );
}

export function ExtendFields() {
  const t = useT(work);
  return (
    <>
      <Form.Item name="workingDays" label={t('workingDays')} rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t('workingDaysRequired') }]}>
        <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      <ReasonField />
    </>
  );
}

function YesNo({ name, label, required }: { name: string; label: WorkKey; required?: boolean }) {
  const t = useT(work);
  return (
    <Form.Item name={name} label={t(label)} rules={required ? [{ required: true, message: t(label) }] : undefined}>
      <Radio.Group
        aria-label={t(label)}
        optionType="button"
        options={[
          { value: true, label: t('yes') },
          { value: false, label: t('no') },
        ]}
      />
    </Form.Item>
  );
}

export function VerifyFields() {
  const t = useT(work);
  return (
    <>
      <Form.Item name="pass" label={t('verifyPass')} rules={[{ required: true, message: t('verifyPass') }]}>
        <Radio.Group
          aria-label={t('verifyPass')}
          options={[
            { value: true, label: t('verifyPassed') },
            { value: false, label: t('verifyFailed') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}

export function DecideExtensionFields() {
  const t = useT(work);
  return (
    <>
      <Form.Item name="approve" label={t('approve')} rules={[{ required: true, message: t('approve') }]}>
        <Radio.Group
          aria-label={t('approve')}
          optionType="button"
          options={[
            { value: true, label: t('approveYes') },
            { value: false, label: t('approveNo') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}

export function FollowUpFields() {
  const t = useT(work);
  const reached = Form.useWatch('reached');
  return (
    <>
      <Form.Item name="method" label={t('followUpMethod')} rules={[{ required: true, message: t('followUpMethod') }]}>
        <Radio.Group
          aria-label={t('followUpMethod')}
          optionType="button"
          options={[
            { value: 'visit', label: t('methodVisit') },
            { value: 'phone', label: t('methodPhone') },
          ]}
        />
      </Form.Item>
      <YesNo name="reached" label="reached" required />
      {reached !== false && (
        <>
          <YesNo name="contactedInTime" label="contactedInTime" required />
          <YesNo name="solved" label="solved" required />
          <Form.Item name="satisfaction" label={t('satisfaction')} rules={[{ required: true, message: t('satisfaction') }]}>
            <Radio.Group
              aria-label={t('satisfaction')}
              optionType="button"
              options={[
                { value: 'satisfied', label: t('satisfied') },
                { value: 'basically_satisfied', label: t('basicallySatisfied') },
                { value: 'dissatisfied', label: t('dissatisfied') },
              ]}
            />
          </Form.Item>
          <Alert type="warning" showIcon title={t('followUpRework')} style={{ marginBottom: 12 }} />
        </>
      )}
      <Form.Item name="comment" label={t('followUpNote')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}
