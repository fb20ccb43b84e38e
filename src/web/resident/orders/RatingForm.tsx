import { Alert, Button, Input, Rate } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { orderMessages } from './messages.ts';

/** 评价: 1–5 stars and a few words; each side rates once, and sees the other's once both have rated. */
export function RatingForm({ orderId, title, onDone }: { orderId: string; title: string; onDone: () => void }) {
  const t = useT(orderMessages);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!score) {
      setError(t('rateRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/orders/${encodeURIComponent(orderId)}/rating`, { method: 'POST', body: { score, comment: comment.trim() || undefined } });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="lx-order-rate" aria-label={title}>
      <h3 className="lx-section-title">{title}</h3>
      <Rate aria-label={t('rateScore')} value={score} onChange={setScore} style={{ fontSize: 30 }} />
      <label className="lx-label" htmlFor={`rate-${orderId}`}>
        {t('rateComment')}
      </label>
      <Input.TextArea id={`rate-${orderId}`} value={comment} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} onChange={(e) => setComment(e.target.value)} />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
      <Button type="primary" block size="large" loading={busy} onClick={() => void submit()} style={{ marginTop: 8 }}>
        {t('rateSubmit')}
      </Button>
    </section>
  );
}
