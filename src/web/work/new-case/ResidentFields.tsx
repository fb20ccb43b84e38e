import { Form, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';

interface ResidentItem {
  id: string;
  name: string;
  address: string | null;
}

export const PHONE = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;

/** 代办: the resident it is filed for (from the register, or a name and phone) and how they consented. */
export function ResidentFields({ nodeId }: { nodeId: string | null }) {
  const t = useT(work);
  const form = Form.useFormInstance();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<ResidentItem[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setLoading(true);
      api<{ items: ResidentItem[] }>('/api/v1/residents', { query: { q: q.trim() || undefined, node: nodeId, pageSize: 20 } })
        .then((r) => mine === seq.current && setOptions(r.items))
        .catch(() => mine === seq.current && setOptions([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [q, nodeId]);
  const residentId = Form.useWatch('residentId');
  return (
    <>
      <Form.Item name="residentId" label={t('pickResident')}>
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: setQ }}
          loading={loading}
          placeholder={t('pickResidentPlaceholder')}
          options={options.map((r) => ({ value: r.id, label: r.address ? `${r.name} · ${r.address}` : r.name }))}
          onChange={(v: string | undefined) => {
            const r = options.find((o) => o.id === v);
            if (r) form.setFieldValue('residentName', r.name);
          }}
        />
      </Form.Item>
      <Form.Item name="residentName" label={t('residentName')} rules={[{ required: !residentId, whitespace: true, message: t('residentNameRequired') }]}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item name="residentPhone" label={t('residentPhone')} rules={[{ pattern: PHONE, message: t('phoneInvalid') }]}>
        <Input inputMode="tel" maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="consent" label={t('consent')} rules={[{ required: true, whitespace: true, message: t('consentRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('consentPlaceholder')} />
      </Form.Item>
    </>
  );
}
