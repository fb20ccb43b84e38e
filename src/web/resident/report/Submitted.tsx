import { CheckCircleFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../shared/i18n/index.tsx';
import { messages } from '../messages.ts';
import type { ReporterCase } from '../types.ts';

/** The confirmation: the case number to quote, and who it went to. */
export function Submitted({ created, onAnother }: { created: ReporterCase; onAnother: () => void }) {
  const t = useT(messages);
  const navigate = useNavigate();
  return (
    <section className="lx-submitted" aria-labelledby="submitted-title">
      <CheckCircleFilled className="lx-submitted-icon" aria-hidden />
      <h1 id="submitted-title" className="lx-page-title">
        {t('submittedTitle')}
      </h1>
      <p role="status" className="lx-submitted-number">
        {t('caseNumber')}: <strong>{created.number}</strong>
      </p>
      <dl className="lx-facts">
        <dt>{t('state')}</dt>
        <dd>{created.stateLabel}</dd>
        <dt>{t('wentToGrid')}</dt>
        <dd>{created.grid?.name ?? t('wentToCommunity')}</dd>
        <dt>{t('handler')}</dt>
        <dd>{created.handler ? [created.handler.name, created.handler.roleLabel].filter(Boolean).join(' · ') : t('handlerPending')}</dd>
      </dl>
      <div className="lx-stack-buttons">
        <Button type="primary" size="large" block onClick={() => navigate(`/cases/${created.id}`)}>
          {t('viewProgress')}
        </Button>
        <Button size="large" block onClick={onAnother}>
          {t('reportAnother')}
        </Button>
      </div>
    </section>
  );
}
