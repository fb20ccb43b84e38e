import { Alert, Button, Empty, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import { messages } from '../messages.ts';
import { CaseCard } from './CaseCard.tsx';
import { useMyCases } from './useMyCases.ts';

/** 我的诉求: what I reported and where each stands. */
export function MyCasesPage() {
  const t = useT(messages);
  const { me } = useSession();
  const navigate = useNavigate();
  const { cases, lost, hiddenWhileSignedIn, loading, error, forgetLost } = useMyCases();
  return (
    <div>
      <h1 className="lx-page-title">{t('myCasesTitle')}</h1>
      <p className="lx-muted">{me ? t('myCasesSignedIn', { name: me.displayName }) : t('myCasesOnThisPhone')}</p>
      {error && <Alert type="error" showIcon title={error} />}
      {hiddenWhileSignedIn > 0 && <Alert type="info" showIcon title={t('anonymousHidden', { n: hiddenWhileSignedIn })} style={{ marginBottom: 12 }} />}
      {lost.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('casesLost', { numbers: lost.join('、') })}
          action={
            <Button size="small" onClick={forgetLost}>
              {t('forgetLost')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {loading ? (
        <div className="lx-center" role="status">
          <Spin />
        </div>
      ) : cases.length === 0 && !error ? (
        <Empty description={t('noCases')}>
          <Button type="primary" size="large" onClick={() => navigate('/')}>
            {t('reportAProblem')}
          </Button>
        </Empty>
      ) : (
        <ul className="lx-case-list" aria-label={t('myCasesTitle')}>
          {cases.map((c) => (
            <CaseCard key={c.id} c={c} />
          ))}
        </ul>
      )}
    </div>
  );
}
