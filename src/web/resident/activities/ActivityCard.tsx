import { Button, Popconfirm, Tag } from 'antd';
import type { Activity } from '../../shared/activities/types.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { activityMessages } from './messages.ts';

export interface Mine {
  signedUp: boolean;
  checkedIn: boolean;
  points: number;
}

/** One activity: when, where, places left, and the one thing the resident can do with it now. */
export function ActivityCard({ activity: a, mine, busy, onSignUp, onWithdraw }: { activity: Activity; mine?: Mine; busy: boolean; onSignUp: () => void; onWithdraw: () => void }) {
  const t = useT(activityMessages);
  const open = a.state === 'published' && Date.parse(a.startsAt) > Date.now() && (!a.signUpClosesAt || Date.parse(a.signUpClosesAt) > Date.now()) && (!a.signUpOpensAt || Date.parse(a.signUpOpensAt) <= Date.now());
  const canSignUp = open && a.abilities.includes('sign_up') && (a.seatsLeft === null || a.seatsLeft > 0);
  return (
    <li className="lx-activity" aria-label={a.title}>
      <div className="lx-activity-top">
        <span className="lx-activity-title">{a.title}</span>
        <Tag>{a.kindLabel}</Tag>
      </div>
      <p className="lx-activity-meta">
        {a.localDay} {a.localTime}
      </p>
      <p className="lx-activity-meta">{a.address}</p>
      {a.organiser.team && <p className="lx-activity-meta">{t('organiser', { name: a.organiser.team.name })}</p>}
      <div className="lx-activity-tags">
        {a.state === 'cancelled' ? (
          <Tag color="red">{t('cancelled', { reason: a.cancelReason ?? '' })}</Tag>
        ) : a.state !== 'published' ? (
          <Tag>{a.stateLabel}</Tag>
        ) : a.seatsLeft === null ? (
          <Tag>{t('unlimited')}</Tag>
        ) : a.seatsLeft > 0 ? (
          <Tag color="blue">{t('seatsLeft', { n: a.seatsLeft })}</Tag>
        ) : (
          <Tag>{t('full')}</Tag>
        )}
        {a.earnsPoints && a.state !== 'cancelled' && <Tag color="gold">{t('earnsPoints')}</Tag>}
      </div>
      {mine?.checkedIn ? (
        <p className="lx-activity-done">{mine.points > 0 ? t('checkedInPoints', { n: mine.points }) : t('checkedIn')}</p>
      ) : mine?.signedUp ? (
        <div className="lx-activity-actions">
          <Tag color="green">{t('signedUp')}</Tag>
          {open && (
            <Popconfirm title={t('withdrawConfirm')} okText={t('confirm')} cancelText={t('back')} onConfirm={onWithdraw}>
              <Button aria-label={t('withdrawFor', { title: a.title })} loading={busy}>
                {t('withdraw')}
              </Button>
            </Popconfirm>
          )}
        </div>
      ) : canSignUp ? (
        <Button type="primary" block size="large" aria-label={t('signUpFor', { title: a.title })} loading={busy} onClick={onSignUp}>
          {t('signUp')}
        </Button>
      ) : null}
    </li>
  );
}
