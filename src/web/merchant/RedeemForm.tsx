import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Input } from 'antd';
import { useRef, useState } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { useLocale, useT } from '../shared/i18n/index.tsx';
import type { Merchant, Redemption } from '../shared/points/types.ts';
import { merchantMessages } from './messages.ts';

/** Spaces and dashes people type between digit groups are not part of the code. */
function normalise(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/**
 * The counter: type the 8 digits (a scanner that types, as USB ones do, sends the QR payload, which the
 * server also takes) and see at once whether the code was honoured, or the server's reason it was not.
 */
export function RedeemForm({ merchant, onRedeemed }: { merchant: Merchant; onRedeemed: () => void }) {
  const t = useT(merchantMessages);
  const { locale } = useLocale();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Redemption | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async () => {
    const value = normalise(code);
    setDone(null);
    if (/^\d{0,7}$/.test(value)) {
      setError(t('codeIncomplete'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api<Redemption>(`/api/v1/merchants/${encodeURIComponent(merchant.id)}/redemptions`, { method: 'POST', body: { code: value } });
      setDone(r);
      setCode('');
      onRedeemed();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <section className="lx-m-card" aria-labelledby="redeem-title">
      <h1 id="redeem-title" className="lx-m-title">
        {t('redeemTitle')}
      </h1>
      {merchant.agreement && !merchant.agreement.valid && <Alert type="warning" showIcon title={t('agreementLapsed', { day: merchant.agreement.validUntil })} style={{ marginBottom: 12 }} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="redeem-code" className="lx-m-label">
          {t('codeLabel')}
        </label>
        <Input
          id="redeem-code"
          ref={(el) => {
            input.current = el?.input ?? null;
          }}
          className="lx-m-code-input"
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="done"
          maxLength={40}
          placeholder={t('codePlaceholder')}
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setError(null);
          }}
          status={error ? 'error' : undefined}
          aria-describedby={error ? 'redeem-error' : undefined}
        />
        <Button type="primary" htmlType="submit" size="large" block loading={busy} style={{ marginTop: 12 }}>
          {t('redeem')}
        </Button>
      </form>
      {error && (
        <div id="redeem-error" style={{ marginTop: 12 }}>
          <Alert type="error" showIcon title={error} role="alert" />
        </div>
      )}
      {done && (
        <div className="lx-m-result" role="status">
          <div className="lx-m-result-head">
            <CheckCircleFilled aria-hidden /> {t('honoured')}
          </div>
          <dl className="lx-m-facts">
            <dt>{t('resultReward')}</dt>
            <dd>{done.rewardName}</dd>
            <dt>{t('resultResident')}</dt>
            <dd>{done.residentName}</dd>
            <dt>{t('resultPoints')}</dt>
            <dd>{done.points}</dd>
            <dt>{t('resultTime')}</dt>
            <dd>{formatDateTime(done.redeemedAt, locale)}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
