import { Alert, Spin } from 'antd';
import { formatDate } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { useApi } from '../useApi.ts';
import { orderMessages } from './messages.ts';
import type { ServiceFile } from './types.ts';

/** 我的档案: the talent's services done, hours, points and the feedback they may read. */
export function MyServiceFile() {
  const t = useT(orderMessages);
  const { locale } = useLocale();
  const file = useApi<ServiceFile>('/api/v1/orders/my-file');
  if (file.error) return <Alert type="error" showIcon title={file.error} />;
  if (!file.data) return <Spin />;
  const r = file.data.record;
  const figures = [
    { label: t('fileServices'), value: t('countUnit', { n: r.servicesDone }) },
    { label: t('fileHours'), value: t('hoursUnit', { n: r.hours }) },
    { label: t('filePoints'), value: t('pointsUnit', { n: r.points }) },
    { label: t('fileRating'), value: r.averageRating === null ? t('fileNoRating') : t('ratingUnit', { n: r.averageRating }) },
  ];
  return (
    <section className="lx-card" aria-labelledby="file-title">
      <h2 id="file-title" className="lx-section-title">
        {t('fileTitle')}：{file.data.talent.name}
      </h2>
      <dl className="lx-order-figures" data-testid="service-file">
        {figures.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="lx-section-title">{t('fileFeedback')}</h3>
      {r.feedback.length === 0 ? (
        <p className="lx-muted">{t('fileFeedbackEmpty')}</p>
      ) : (
        <ul className="lx-order-feedback">
          {r.feedback.map((f) => (
            <li key={f.number}>
              <strong>{'★'.repeat(f.score)}</strong> {f.comment ?? ''}
              <div className="lx-muted">
                {f.skillLabel} · {formatDate(f.at, locale)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
