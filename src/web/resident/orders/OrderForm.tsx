import { Alert, App as AntApp, Button, DatePicker, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { useApi } from '../useApi.ts';
import { orderMessages } from './messages.ts';

interface Taxonomy {
  skillGroups: { code: string; label: string; skills: { code: string; label: string }[] }[];
}

const PHONE = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;

/** 我要点单: a skill, what is wanted, when, and where (home by default) and a phone the volunteer may call. */
export function OrderForm({ onOrdered }: { onOrdered: () => void }) {
  const t = useT(orderMessages);
  const { message } = AntApp.useApp();
  const taxonomy = useApi<Taxonomy>('/api/v1/talents/taxonomy');
  const [skill, setSkill] = useState<string | undefined>();
  const [description, setDescription] = useState('');
  const [wantedAt, setWantedAt] = useState<Dayjs | null>(null);
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problem = !skill ? t('skillRequired') : !description.trim() ? t('describeRequired') : phone.trim() && !PHONE.test(phone.trim()) ? t('phoneInvalid') : null;
    setMissing(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      await api('/api/v1/orders', {
        method: 'POST',
        body: { skill, description: description.trim(), wantedAt: wantedAt?.toISOString(), address: address.trim() || undefined, contactPhone: phone.trim() || undefined },
      });
      message.success(t('submitted'));
      setDescription('');
      setSkill(undefined);
      setWantedAt(null);
      onOrdered();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const options = taxonomy.data?.skillGroups.map((g) => ({ label: g.label, options: g.skills.map((s) => ({ value: s.code, label: s.label })) })) ?? [];
  return (
    <section className="lx-card" aria-labelledby="order-form-title">
      <h2 id="order-form-title" className="lx-section-title">
        {t('formTitle')}
      </h2>
      <label className="lx-label" htmlFor="order-skill">
        {t('skill')}
      </label>
      <Select id="order-skill" size="large" style={{ width: '100%' }} placeholder={t('skillPlaceholder')} options={options} value={skill} onChange={setSkill} loading={taxonomy.loading} showSearch optionFilterProp="label" />
      <label className="lx-label" htmlFor="order-describe">
        {t('describe')}
      </label>
      <Input.TextArea id="order-describe" value={description} maxLength={1000} autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('describePlaceholder')} onChange={(e) => setDescription(e.target.value)} />
      <label className="lx-label" htmlFor="order-when">
        {t('wantedAt')}
      </label>
      <DatePicker id="order-when" size="large" style={{ width: '100%' }} showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" value={wantedAt} onChange={setWantedAt} inputReadOnly />
      <label className="lx-label" htmlFor="order-address">
        {t('address')}
      </label>
      <Input id="order-address" size="large" value={address} maxLength={200} placeholder={t('addressPlaceholder')} onChange={(e) => setAddress(e.target.value)} />
      <label className="lx-label" htmlFor="order-phone">
        {t('phone')}
      </label>
      <Input id="order-phone" size="large" inputMode="tel" value={phone} maxLength={20} placeholder={t('phonePlaceholder')} onChange={(e) => setPhone(e.target.value)} />
      {missing && (
        <p className="lx-error" role="alert">
          {missing}
        </p>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      <p className="lx-muted">{t('howItWorks')}</p>
      <Button type="primary" size="large" block loading={busy} onClick={() => void submit()}>
        {t('submit')}
      </Button>
    </section>
  );
}
