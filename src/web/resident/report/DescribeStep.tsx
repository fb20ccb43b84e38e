import { Input } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { messages } from '../messages.ts';

export const MAX_DESCRIPTION = 2000;

/** Step 3: the problem in the resident's own words; one sentence is enough. */
export function DescribeStep({ description, setDescription, showError }: { description: string; setDescription: (d: string) => void; showError: boolean }) {
  const t = useT(messages);
  const missing = showError && description.trim() === '';
  return (
    <section aria-labelledby="describe-step-title">
      <h2 id="describe-step-title" className="lx-step-title">
        {t('describeStepTitle')}
      </h2>
      <label className="lx-label" htmlFor="report-description">
        {t('descriptionLabel')}
      </label>
      <Input.TextArea
        id="report-description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        autoSize={{ minRows: 4, maxRows: 10 }}
        maxLength={MAX_DESCRIPTION}
        showCount
        style={{ marginBottom: 20 }}
        placeholder={t('descriptionPlaceholder')}
        status={missing ? 'error' : undefined}
        aria-invalid={missing}
        aria-describedby={missing ? 'report-description-error' : undefined}
      />
      {missing && (
        <p id="report-description-error" className="lx-error" role="alert">
          {t('descriptionRequired')}
        </p>
      )}
    </section>
  );
}
