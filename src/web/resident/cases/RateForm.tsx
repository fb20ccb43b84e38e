import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { tokenHeaders } from '../device.ts';
import { messages } from '../messages.ts';
import { ChoiceButtons } from './ChoiceButtons.tsx';

type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** 评价: 满意 / 基本满意 / 不满意 and a comment; 不满意 sends the case back to be handled again. */
export function RateForm({ caseId, onDone }: { caseId: string; onDone: (satisfaction: Satisfaction) => void }) {
  const t = useT(messages);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = async () => {
    if (!satisfaction) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/cases/${caseId}/rate`, { method: 'POST', body: { satisfaction, comment: comment.trim() || undefined }, headers: tokenHeaders(caseId) });
      onDone(satisfaction);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const options: { value: Satisfaction; label: string }[] = [
    { value: 'satisfied', label: t('satisfied') },
    { value: 'basically_satisfied', label: t('basicallySatisfied') },
    { value: 'dissatisfied', label: t('dissatisfied') },
  ];
  return (
    <section className="lx-card" aria-labelledby="rate-title">
      <h2 id="rate-title" className="lx-section-title">
        {t('rateTitle')}
      </h2>
      <ChoiceButtons
        label={t('rateQuestion')}
        value={satisfaction}
        options={options}
        onChange={(v) => {
          setSatisfaction(v);
          setMissing(false);
        }}
      />
      {missing && (
        <p className="lx-error" role="alert">
          {t('rateRequired')}
        </p>
      )}
      {satisfaction === 'dissatisfied' && <p className="lx-muted">{t('dissatisfiedHint')}</p>}
      <label className="lx-label" htmlFor="rate-comment">
        {t('rateComment')}
      </label>
      <Input.TextArea id="rate-comment" value={comment} maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('rateCommentPlaceholder')} onChange={(e) => setComment(e.target.value)} />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      <Button type="primary" size="large" block loading={busy} onClick={submit} style={{ marginTop: 12 }}>
        {t('submitRating')}
      </Button>
    </section>
  );
}
