import { Alert, App as AntApp, Segmented, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import type { Calendar, MyActivities } from '../../shared/activities/types.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import { useApi } from '../useApi.ts';
import { ActivityCard, type Mine } from './ActivityCard.tsx';
import { CheckInCard } from './CheckInCard.tsx';
import { addDays, monthDays, today } from './days.ts';
import { activityMessages } from './messages.ts';
import { MonthCalendar } from './MonthCalendar.tsx';
import { RoleModels } from './RoleModels.tsx';
import './activities.css';

/** 活动: my community's activities as a list or a month calendar, signing up, checking in, and role models. */
export function ActivitiesPage() {
  const t = useT(activityMessages);
  const { me } = useSession();
  return (
    <div>
      <h1 className="lx-page-title">{t('title')}</h1>
      {me === undefined ? (
        <div className="lx-center" role="status">
          <Spin />
        </div>
      ) : !me ? (
        <Alert type="info" showIcon title={t('signInFirst')} />
      ) : !me.residentId ? (
        <Alert type="info" showIcon title={t('notResident')} />
      ) : (
        <MyCommunityActivities residentId={me.residentId} />
      )}
    </div>
  );
}

function MyCommunityActivities({ residentId }: { residentId: string }) {
  const t = useT(activityMessages);
  const { message } = AntApp.useApp();
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [month, setMonth] = useState(today().slice(0, 7));
  const [chosen, setChosen] = useState<string | null>(today());
  const [busy, setBusy] = useState<string | null>(null);
  const range = useMemo(() => {
    if (view === 'list') return { from: today(), to: addDays(today(), 30) };
    const days = monthDays(month);
    return { from: days[0]!, to: days[days.length - 1]! };
  }, [view, month]);
  const calendar = useApi<Calendar>('/api/v1/activities/calendar', { query: range });
  const mine = useApi<MyActivities>('/api/v1/activities/mine');
  const mineById = new Map<string, Mine>((mine.data?.items ?? []).map((x) => [x.activity.id, x]));
  const items = calendar.data?.items ?? [];
  const shown = view === 'list' ? items.filter((a) => a.state !== 'cancelled' || mineById.get(a.id)?.signedUp) : items.filter((a) => a.localDay === chosen);
  const reload = () => {
    calendar.reload();
    mine.reload();
  };
  const act = async (id: string, verb: 'sign-ups' | 'withdrawal', done: string) => {
    setBusy(id);
    try {
      await api(`/api/v1/activities/${encodeURIComponent(id)}/${verb}`, { method: 'POST', body: {} });
      message.success(done);
      reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Segmented
        block
        aria-label={t('views')}
        value={view}
        onChange={(v) => setView(v as 'list' | 'calendar')}
        options={[
          { value: 'list', label: t('viewList') },
          { value: 'calendar', label: t('viewCalendar') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {view === 'calendar' && (
        <section className="lx-card">
          <MonthCalendar month={month} items={items} chosen={chosen} onMonth={(m) => (setMonth(m), setChosen(null))} onChoose={setChosen} />
        </section>
      )}
      {calendar.error && <Alert type="error" showIcon title={calendar.error} role="alert" style={{ marginBottom: 12 }} />}
      <section aria-labelledby="activities-list-title">
        <h2 id="activities-list-title" className="lx-section-title">
          {view === 'list' ? t('upcoming') : chosen ? t('dayActivities', { day: chosen }) : t('viewCalendar')}
        </h2>
        {calendar.loading && !calendar.data ? (
          <div className="lx-center" role="status">
            <Spin />
          </div>
        ) : shown.length === 0 ? (
          <p className="lx-muted">{view === 'list' ? t('noUpcoming') : t('noDay')}</p>
        ) : (
          <ul className="lx-activities">
            {shown.map((a) => (
              <ActivityCard
                key={a.id}
                activity={a}
                mine={mineById.get(a.id)}
                busy={busy === a.id}
                onSignUp={() => act(a.id, 'sign-ups', t('signUpDone'))}
                onWithdraw={() => act(a.id, 'withdrawal', t('withdrawDone'))}
              />
            ))}
          </ul>
        )}
      </section>
      <div className="lx-section">
        <CheckInCard residentId={residentId} onCheckedIn={reload} />
      </div>
      {calendar.data && <RoleModels community={calendar.data.community.code} />}
    </>
  );
}
