import { PhoneOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { DoneForm } from './DoneForm.tsx';
import { orderMessages } from './messages.ts';
import { RatingForm } from './RatingForm.tsx';
import type { Order } from './types.ts';

const STATE_COLOURS: Record<string, string> = { new: 'gold', dispatched: 'blue', in_progress: 'processing', resolved: 'cyan', closed: 'green' };

/** One order as its requester or its talent sees it, with what they may do now (the server's `abilities`). */
export function OrderCard({ order: o, onChanged }: { order: Order; onChanged: () => void }) {
  const t = useT(orderMessages);
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [finishing, setFinishing] = useState(false);
  const can = (a: string) => o.abilities.includes(a);

  const step = async (path: string, body: object, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/orders/${encodeURIComponent(o.id)}/${path}`, { method: 'POST', body });
      message.success(done);
      onChanged();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const mine = o.side === 'requester' ? o.ratings.requester : o.ratings.talent;
  const theirs = o.side === 'requester' ? o.ratings.talent : o.ratings.requester;

  return (
    <article className="lx-card lx-order" aria-label={`${o.skillLabel} ${o.number}`} data-testid="order-card">
      <header className="lx-order-head">
        <strong>{o.skillLabel}</strong>
        <span>
          {o.overdue && <Tag color="red">{t('overdue')}</Tag>}
          <Tag color={STATE_COLOURS[o.state] ?? 'default'}>{o.stateLabel}</Tag>
        </span>
      </header>
      <p className="lx-order-text">{o.description}</p>
      <dl className="lx-order-facts">
        {o.wantedAt && (
          <>
            <dt>{t('wantedLabel')}</dt>
            <dd>{formatDateTime(o.wantedAt, locale)}</dd>
          </>
        )}
        {o.address && (
          <>
            <dt>{t('addressLabel')}</dt>
            <dd>{o.address}</dd>
          </>
        )}
        {o.side === 'requester' && (
          <>
            <dt>{t('talentLabel')}</dt>
            <dd>{o.talent ? `${o.talent.name}${o.team ? `（${o.team.name}）` : ''}` : t('noTalentYet')}</dd>
          </>
        )}
        {o.side === 'talent' && o.requester?.name && (
          <>
            <dt>{t('requesterLabel')}</dt>
            <dd>
              {o.requester.name}
              {o.requester.phone && (
                <a className="lx-order-call" href={`tel:${o.requester.phone}`}>
                  <PhoneOutlined aria-hidden /> {t('callRequester', { phone: o.requester.phone })}
                </a>
              )}
            </dd>
          </>
        )}
        {o.result && (
          <>
            <dt>{t('resultLabel')}</dt>
            <dd>{o.result}</dd>
          </>
        )}
        {o.hours !== null && (
          <>
            <dt>{t('hoursLabel')}</dt>
            <dd>{t('hoursValue', { n: o.hours })}</dd>
          </>
        )}
        {o.side === 'talent' && o.state === 'resolved' && (
          <>
            <dt>{t('pointsLabel')}</dt>
            <dd>{o.talent?.isResident === false ? t('noPointsNonResident') : t('verifyPending')}</dd>
          </>
        )}
        {o.side === 'talent' && o.points && (
          <>
            <dt>{t('pointsLabel')}</dt>
            <dd data-testid="order-points">
              {t('pointsValue', { n: o.points.amount })}（{o.points.outcomeLabel}）
            </dd>
          </>
        )}
      </dl>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      {(can('accept') || can('decline') || can('done')) && (
        <div className="lx-order-actions">
          {can('accept') && (
            <Button type="primary" size="large" loading={busy} onClick={() => void step('accept', {}, t('accepted'))}>
              {t('accept')}
            </Button>
          )}
          {can('done') && (
            <Button type="primary" size="large" onClick={() => setFinishing(true)}>
              {t('done')}
            </Button>
          )}
          {can('decline') && (
            <Button size="large" danger onClick={() => setDeclining(true)}>
              {t('decline')}
            </Button>
          )}
        </div>
      )}
      {(mine || theirs) && (
        <div className="lx-order-ratings">
          {mine && <p>{t('yourRating', { n: mine.score })}{mine.comment ? `：${mine.comment}` : ''}</p>}
          {theirs && <p>{t('otherRating', { n: theirs.score })}{theirs.comment ? `：${theirs.comment}` : ''}</p>}
          {mine && !theirs && <p className="lx-muted">{t('otherHidden')}</p>}
        </div>
      )}
      {can('rate') && <RatingForm orderId={o.id} title={o.side === 'talent' ? t('rateTalentTitle') : t('rateTitle')} onDone={onChanged} />}
      <Modal
        open={declining}
        title={t('declineTitle')}
        okText={t('decline')}
        okButtonProps={{ danger: true, loading: busy }}
        onCancel={() => setDeclining(false)}
        onOk={async () => {
          if (!reason.trim()) {
            setError(t('declineRequired'));
            return;
          }
          if (await step('decline', { reason: reason.trim() }, t('declined'))) setDeclining(false);
        }}
        destroyOnHidden
      >
        <label className="lx-label" htmlFor={`decline-${o.id}`}>
          {t('declineReason')}
        </label>
        <Input.TextArea id={`decline-${o.id}`} value={reason} maxLength={500} placeholder={t('declineReasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      </Modal>
      {finishing && (
        <DoneForm
          orderId={o.id}
          onClose={() => setFinishing(false)}
          onDone={() => {
            setFinishing(false);
            message.success(t('doneSaved'));
            onChanged();
          }}
        />
      )}
    </article>
  );
}
