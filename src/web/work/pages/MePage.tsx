import { LogoutOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { LocaleSwitch } from '../../shared/LocaleSwitch.tsx';
import { useT } from '../../shared/i18n/index.tsx';
import { common } from '../../shared/messages.ts';
import { useSession } from '../../shared/session.tsx';
import { work } from '../messages.ts';
import { PageHeader } from '../PageHeader.tsx';
import { useWorkData } from '../WorkData.tsx';

interface StaffRecord {
  name: string;
  assignments: Array<{ id: string; nodeName: string; nodeCode: string; roleLabel: string; onDuty: boolean }>;
}

/** 我的: who is signed in, their posts and area, the language, and signing out. */
export function MePage() {
  const t = useT(work);
  const tc = useT(common);
  const { me, signOut } = useSession();
  const { cases, connected } = useWorkData();
  const [staff, setStaff] = useState<StaffRecord | null>(null);
  useEffect(() => {
    if (me?.staffId) api<StaffRecord>(`/api/v1/staff/${me.staffId}`).then(setStaff).catch(() => setStaff(null));
  }, [me?.staffId]);
  const open = cases ?? [];
  return (
    <>
      <PageHeader title={t('me')} />
      <main className="lx-page">
        <section className="lx-section" aria-labelledby="lx-me-name">
          <h2 id="lx-me-name" className="lx-case-title">
            {me?.displayName}
          </h2>
          <dl className="lx-facts">
            <dt>{tc('username')}</dt>
            <dd>{me?.username}</dd>
            {staff?.assignments.map((a) => (
              <div key={a.id} style={{ display: 'contents' }}>
                <dt>{t('myRoles')}</dt>
                <dd>
                  {a.roleLabel} · {a.nodeName}（{a.nodeCode}）
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="lx-section lx-me-stats" aria-label={t('openCount')}>
          <div>
            <strong>{open.length}</strong>
            <span className="lx-muted">{t('openCount')}</span>
          </div>
          <div>
            <strong>{open.filter((c) => c.abilities.includes('accept')).length}</strong>
            <span className="lx-muted">{t('waitingCount')}</span>
          </div>
          <div>
            <strong style={{ color: '#cf1322' }}>{open.filter((c) => c.overdue).length}</strong>
            <span className="lx-muted">{t('overdueCount')}</span>
          </div>
        </section>
        <section className="lx-section" aria-label={tc('language')}>
          <dl className="lx-facts lx-settings">
            <dt>{tc('language')}</dt>
            <dd>
              <LocaleSwitch size="middle" />
            </dd>
            <dt>{tc('live')}</dt>
            <dd className={connected ? undefined : 'lx-muted'}>{connected ? t('liveOn') : t('liveOff')}</dd>
          </dl>
        </section>
        <Button danger size="large" block icon={<LogoutOutlined />} onClick={signOut}>
          {tc('signOut')}
        </Button>
      </main>
    </>
  );
}
