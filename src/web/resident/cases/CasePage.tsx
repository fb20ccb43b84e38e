import { LeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Spin } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import { reportTokenFor, tokenHeaders } from '../device.ts';
import { messages } from '../messages.ts';
import type { CaseDetail } from '../types.ts';
import { useApi } from '../useApi.ts';
import { CasePhotos } from './CasePhotos.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { RateForm } from './RateForm.tsx';
import { ReopenForm } from './ReopenForm.tsx';
import { StateTag } from './StateTag.tsx';

/** One of my cases: where it stands in plain words, who handles it, its progress, and rating the result. */
export function CasePage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const { locale } = useLocale();
  const { me } = useSession();
  const { message } = AntApp.useApp();
  const [rated, setRated] = useState(false);
  const { data, error, reload } = useApi<CaseDetail>(me === undefined ? null : `/api/v1/cases/${encodeURIComponent(id)}`, { headers: me ? undefined : tokenHeaders(id) });

  const back = (
    <Link to="/cases" className="lx-back">
      <LeftOutlined aria-hidden /> {t('tabMyCases')}
    </Link>
  );
  if (error) {
    return (
      <div>
        {back}
        <Alert type="error" showIcon title={error} description={me && reportTokenFor(id) ? t('anonymousCaseWhileSignedIn') : undefined} />
      </div>
    );
  }
  if (!data) {
    return (
      <div>
        {back}
        <div className="lx-center" role="status">
          <Spin />
        </div>
      </div>
    );
  }
  const c = data.case;
  const can = (a: string) => c.abilities.includes(a);
  return (
    <article>
      {back}
      <header className="lx-case-head">
        <h1 className="lx-page-title">{c.categoryLabel ?? t('caseTitle')}</h1>
        <StateTag family={c.family} label={c.stateLabel} />
      </header>
      <dl className="lx-facts">
        <dt>{t('caseNumber')}</dt>
        <dd>{c.number}</dd>
        <dt>{t('descriptionLabel')}</dt>
        <dd className="lx-pre">{c.description}</dd>
        <dt>{t('place')}</dt>
        <dd>{[c.location.address, c.grid?.name].filter(Boolean).join(' · ') || t('placeOnMap')}</dd>
        <dt>{t('reportedAt')}</dt>
        <dd>{formatDateTime(c.reportedAt, locale)}</dd>
        {c.family === 'open' && c.resolveBy && (
          <>
            <dt>{t('resolveBy')}</dt>
            <dd>{formatDateTime(c.resolveBy, locale)}</dd>
          </>
        )}
        <dt>{t('handler')}</dt>
        <dd>{c.handler ? [c.handler.name, c.handler.roleLabel].filter(Boolean).join(' · ') : t('handlerPending')}</dd>
        {c.resolution && (
          <>
            <dt>{t('resolution')}</dt>
            <dd className="lx-pre">{c.resolution}</dd>
          </>
        )}
      </dl>
      {c.reporterCount > 1 && <Alert type="info" title={t('othersReported', { n: c.reporterCount - 1 })} style={{ marginBottom: 12 }} />}
      {data.photos.length > 0 && <CasePhotos photos={data.photos} />}
      {rated && <Alert type="success" showIcon title={t('thanksForRating')} style={{ marginBottom: 12 }} role="status" />}
      {can('follow_up') && !rated && (
        <RateForm
          caseId={c.id}
          onDone={() => {
            setRated(true);
            reload();
          }}
        />
      )}
      {can('reopen') && (
        <div className="lx-reopen">
          <ReopenForm
            caseId={c.id}
            onDone={() => {
              message.success(t('reopened'));
              reload();
            }}
          />
        </div>
      )}
      <section aria-labelledby="progress-title" className="lx-section">
        <h2 id="progress-title" className="lx-section-title">
          {t('progress')}
        </h2>
        <CaseTimeline entries={data.timeline} />
      </section>
    </article>
  );
}
