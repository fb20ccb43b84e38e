import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { RESIDENT_QR_PREFIX, type Attendance } from '../../shared/activities/types.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { QrCode } from '../../shared/points/QrCode.tsx';
import { activityMessages } from './messages.ts';

/** 现场签到: the code from the door, or, for residents who cannot scan, their own code for the staff to scan. */
export function CheckInCard({ residentId, onCheckedIn }: { residentId: string; onCheckedIn: () => void }) {
  const t = useT(activityMessages);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [showMine, setShowMine] = useState(false);
  const submit = async () => {
    if (!code.trim()) {
      setResult({ ok: false, text: t('checkInRequired') });
      return;
    }
    setBusy(true);
    try {
      const a = await api<Attendance>('/api/v1/activities/check-in', { method: 'POST', body: { code: code.trim() } });
      setResult({ ok: true, text: `${a.activity.title}：${a.message}` });
      setCode('');
      onCheckedIn();
    } catch (e) {
      setResult({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="lx-card" aria-labelledby="check-in-title">
      <h2 id="check-in-title" className="lx-section-title">
        {t('checkInTitle')}
      </h2>
      <p className="lx-muted">{t('checkInHint')}</p>
      <div className="lx-check-in-row">
        <Input size="large" aria-label={t('checkInCode')} placeholder={t('checkInCode')} value={code} onChange={(e) => setCode(e.target.value)} onPressEnter={submit} />
        <Button size="large" type="primary" loading={busy} onClick={submit}>
          {t('checkInSubmit')}
        </Button>
      </div>
      {result && <Alert style={{ marginTop: 12 }} type={result.ok ? 'success' : 'error'} showIcon title={result.text} role={result.ok ? 'status' : 'alert'} />}
      <Button block type="link" aria-expanded={showMine} onClick={() => setShowMine(!showMine)} style={{ marginTop: 8 }}>
        {showMine ? t('myCodeHide') : t('myCodeShow')}
      </Button>
      {showMine && (
        <div className="lx-my-code">
          <h3 className="lx-subtitle">{t('myCodeTitle')}</h3>
          <QrCode value={`${RESIDENT_QR_PREFIX}${residentId}`} label={t('myCodeQr')} size={200} />
          <p className="lx-muted">{t('myCodeHint')}</p>
        </div>
      )}
    </section>
  );
}
