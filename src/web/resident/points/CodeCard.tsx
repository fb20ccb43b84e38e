import { Alert, Button, Popconfirm } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { common } from '../../shared/messages.ts';
import { QrCode } from '../../shared/points/QrCode.tsx';
import type { RedemptionCode } from '../../shared/points/types.ts';
import { pointsMessages } from './messages.ts';
import { useCountdown } from './useCountdown.ts';

/** Digits in two groups of four, the way a shop assistant reads them back. */
export function groupDigits(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The code to show at the shop: big digits, the QR for the scanner, the time left, and a way to cancel it. */
export function CodeCard({ code, busy, onCancel, onExpired }: { code: RedemptionCode; busy: boolean; onCancel: () => void; onExpired: () => void }) {
  const t = useT(pointsMessages);
  const c = useT(common);
  const left = useCountdown(code.expiresAt);
  const over = left <= 0;
  useEffect(() => {
    if (over) onExpired();
  }, [over, onExpired]);
  const seconds = Math.floor(left / 1000);
  const time = t('minutes', { m: Math.floor(seconds / 60), s: String(seconds % 60).padStart(2, '0') });
  return (
    <section className="lx-card lx-code-card" aria-labelledby="code-title">
      <h2 id="code-title" className="lx-section-title">
        {t('codeTitle')}
      </h2>
      <p className="lx-muted">{t('codeFor', { merchant: code.merchantName, reward: code.rewardName })}</p>
      {over ? (
        <Alert type="warning" showIcon title={t('expired')} />
      ) : (
        <>
          <div className="lx-code-digits" aria-label={t('codeDigits')} data-code={code.code}>
            {groupDigits(code.code)}
          </div>
          <div className="lx-code-qr">
            <QrCode value={code.qrPayload} label={t('codeQr', { code: code.code })} />
          </div>
          <p className="lx-code-timer" role="timer" aria-live="off">
            {t('expiresIn', { time })}
          </p>
          <p className="lx-muted">{t('codeHint')}</p>
          <Popconfirm title={t('cancelCodeConfirm')} okText={c('confirm')} cancelText={c('back')} onConfirm={onCancel}>
            <Button block size="large" loading={busy}>
              {t('cancelCode')}
            </Button>
          </Popconfirm>
        </>
      )}
    </section>
  );
}
