import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';
import type { WorkCase } from '../types.ts';

interface Contacts {
  reporters: Array<{ name: string | null; phone: string | null }>;
}

/** Who reported it, phone masked; the full number only on request, which the server writes to its audit log. */
export function ReporterSection({ c }: { c: WorkCase }) {
  const t = useT(work);
  const [contacts, setContacts] = useState<Contacts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      setContacts(await api<Contacts>(`/api/v1/cases/${c.id}/reporter-contact`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const r = c.reporter;
  return (
    <section className="lx-section" aria-labelledby="lx-reporter">
      <h2 id="lx-reporter">{t('reporter')}</h2>
      <dl className="lx-facts">
        <dt>{t('reporter')}</dt>
        <dd>
          {r.name ?? (r.anonymous ? t('anonymous') : t('unnamed'))}
          {r.phone && ` · ${r.phone}`}
        </dd>
        {c.reporterCount > 1 && (
          <>
            <dt />
            <dd>{t('reporterCount', { count: c.reporterCount })}</dd>
          </>
        )}
      </dl>
      {!contacts && (
        <Button icon={<PhoneOutlined />} block style={{ marginTop: 10 }} onClick={reveal} loading={busy}>
          {t('contactResident')}
        </Button>
      )}
      {!contacts && <div className="lx-muted" style={{ fontSize: 12, marginTop: 4 }}>{t('contactAudited')}</div>}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
      {contacts && (
        <div className="lx-calls">
          {contacts.reporters.map((p, i) => {
            const name = p.name ?? t('unnamed');
            return p.phone ? (
              <Button key={i} type="primary" icon={<PhoneOutlined />} href={`tel:${p.phone}`} block>
                {t('callNumber', { name, phone: p.phone })}
              </Button>
            ) : (
              <div key={i} className="lx-muted">
                {t('noPhone', { name })}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
