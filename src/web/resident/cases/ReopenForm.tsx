import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { tokenHeaders } from '../device.ts';
import { messages } from '../messages.ts';

/** "问题还没解决": the reporter sends a finished case back, saying what is still wrong. */
export function ReopenForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  if (!open) {
    return (
      <Button size="large" block danger onClick={() => setOpen(true)}>
        {t('notSolved')}
      </Button>
    );
  }
  const submit = async () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/cases/${caseId}/reopen`, { method: 'POST', body: { reason: reason.trim() }, headers: tokenHeaders(caseId) });
      setOpen(false);
      setReason('');
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="lx-card" aria-labelledby="reopen-title">
      <h2 id="reopen-title" className="lx-section-title">
        {t('notSolved')}
      </h2>
      <label className="lx-label" htmlFor="reopen-reason">
        {t('reopenReason')}
      </label>
      <Input.TextArea
        id="reopen-reason"
        value={reason}
        maxLength={1000}
        autoSize={{ minRows: 3, maxRows: 6 }}
        placeholder={t('reopenPlaceholder')}
        status={missing ? 'error' : undefined}
        aria-invalid={missing}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
      />
      {missing && (
        <p className="lx-error" role="alert">
          {t('reopenReasonRequired')}
        </p>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      <div className="lx-row-buttons">
        <Button size="large" onClick={() => setOpen(false)} disabled={busy}>
          {t('cancel')}
        </Button>
        <Button size="large" type="primary" danger loading={busy} onClick={submit}>
          {t('confirmReopen')}
        </Button>
      </div>
    </section>
  );
}
