import { Alert, App, Button, Form, Input, Segmented, Switch } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { PhotoField } from '../actions/PhotoField.tsx';
import { work } from '../messages.ts';
import { CategorySelect } from '../new-case/CategorySelect.tsx';
import { newIdempotencyKey } from '../new-case/idempotency.ts';
import { LocationField, type PickedLocation } from '../new-case/LocationField.tsx';
import { PatrolFields } from '../new-case/PatrolFields.tsx';
import { ResidentFields } from '../new-case/ResidentFields.tsx';
import { PageHeader } from '../PageHeader.tsx';
import type { WorkCase } from '../types.ts';
import { useWorkData } from '../WorkData.tsx';

type FilingType = 'proxy' | 'patrol' | 'visit';

interface Values {
  description: string;
  photoIds?: string[];
  location?: PickedLocation;
  address?: string;
  category?: string;
  urgent?: boolean;
  residentId?: string;
  residentName?: string;
  residentPhone?: string;
  consent?: string;
  checklist?: string;
  patrolRoute?: string;
  fixedOnSite?: boolean;
}

const clean = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
const text = (s?: string) => s?.trim() || undefined;

/** The request body for POST /api/v1/cases: 代办 is a demand through the proxy channel; patrols are patrol_report. */
function bodyFor(type: FilingType, v: Values) {
  const common = clean({
    description: v.description.trim(),
    location: v.location ? { lng: v.location.lng, lat: v.location.lat } : undefined,
    address: text(v.address),
    category: v.category,
    grade: v.urgent ? 'urgent' : undefined,
    photoIds: v.photoIds?.length ? v.photoIds : undefined,
  });
  if (type === 'proxy') {
    return { ...common, kind: 'demand', channel: 'proxy', proxyFor: clean({ residentId: v.residentId, name: text(v.residentName), phone: text(v.residentPhone), consent: v.consent!.trim() }) };
  }
  const data = clean({ checklist: v.checklist, patrolRoute: text(v.patrolRoute), fixedOnSite: v.fixedOnSite || undefined });
  return { ...common, kind: 'patrol_report', channel: type, ...(Object.keys(data).length ? { data } : {}) };
}

/** 代办上报: a case filed for a resident, or a problem found on patrol or a home visit. */
export function NewCasePage() {
  const t = useT(work);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { grids, nodeId, reload } = useWorkData();
  const [form] = Form.useForm<Values>();
  const [type, setType] = useState<FilingType>('proxy');
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api<WorkCase>('/api/v1/cases', { method: 'POST', body: bodyFor(type, v), headers: { 'Idempotency-Key': key } });
      message.success(t('caseFiled', { number: created.number }));
      form.resetFields();
      setKey(newIdempotencyKey());
      reload();
      navigate(`/cases/${created.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('newCaseTitle')} />
      <main className="lx-page">
        <Form<Values> form={form} layout="vertical" onFinish={submit} aria-label={t('newCaseTitle')} className="lx-section lx-new-case" scrollToFirstError>
          <Form.Item label={t('newCaseType')}>
            <Segmented<FilingType>
              className="lx-segmented"
              aria-label={t('newCaseType')}
              value={type}
              onChange={setType}
              options={[
                { value: 'proxy', label: t('typeProxy') },
                { value: 'patrol', label: t('typePatrol') },
                { value: 'visit', label: t('typeVisit') },
              ]}
            />
          </Form.Item>
          {type === 'proxy' && <ResidentFields nodeId={nodeId} />}
          <Form.Item name="description" label={t('description')} rules={[{ required: true, whitespace: true, message: t('descriptionRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('descriptionPlaceholder')} />
          </Form.Item>
          <Form.Item name="photoIds" label={t('photos')}>
            <PhotoField
              onUploaded={(p) => {
                if (p.suggestedLocation && !form.getFieldValue('location')) form.setFieldValue('location', { ...p.suggestedLocation, source: 'photo' });
              }}
            />
          </Form.Item>
          <Form.Item name="location" label={t('location')} rules={[{ required: true, message: t('locationRequired') }]}>
            <LocationField grids={grids} />
          </Form.Item>
          <Form.Item name="address" label={t('address')}>
            <Input maxLength={200} placeholder={t('addressPlaceholder')} />
          </Form.Item>
          <Form.Item name="category" label={t('categoryOptional')}>
            <CategorySelect />
          </Form.Item>
          <Form.Item name="urgent" label={t('gradeUrgent')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {type !== 'proxy' && <PatrolFields />}
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('submitCase')}
          </Button>
        </Form>
      </main>
    </>
  );
}
