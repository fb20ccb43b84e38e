import { Form, Input } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import { useElder } from '../elder.tsx';
import { messages } from '../messages.ts';
import type { CategorySuggestion } from '../types.ts';
import { CategoryChoice, type CategoryPick } from './CategoryChoice.tsx';

export interface Contact {
  name: string;
  phone: string;
}

// The server's rule for a call-back number: a mobile, or a landline with its area code.
export const PHONE = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;

interface Props {
  suggestions: CategorySuggestion[];
  pick: CategoryPick;
  setPick: (p: CategoryPick) => void;
  contact: Contact;
  setContact: (c: Contact) => void;
  showErrors: boolean;
}

/** Before sending: the category to confirm, and for someone not signed in, how to call them back. */
export function ConfirmStep({ suggestions, pick, setPick, contact, setContact, showErrors }: Props) {
  const t = useT(messages);
  const { me } = useSession();
  const { elder } = useElder();
  const phoneBad = contact.phone.trim() !== '' && !PHONE.test(contact.phone.trim());
  const pickMissing = showErrors && pick.kind === 'other' && !pick.code;
  return (
    <section aria-labelledby="confirm-step-title">
      <h2 id="confirm-step-title" className="lx-step-title">
        {t('confirmStepTitle')}
      </h2>
      <CategoryChoice suggestions={suggestions} pick={pick} setPick={setPick} />
      {pickMissing && (
        <p className="lx-error" role="alert">
          {t('categoryPickRequired')}
        </p>
      )}
      {me ? (
        <p className="lx-muted">{t('reportingAs', { name: me.displayName })}</p>
      ) : (
        !elder && (
          <fieldset className="lx-fieldset">
            <legend className="lx-label">{t('contactTitle')}</legend>
            <p className="lx-muted">{t('contactHint')}</p>
            <Form layout="vertical" component="div">
              <Form.Item label={t('contactName')} htmlFor="report-name" style={{ marginBottom: 12 }}>
                <Input id="report-name" value={contact.name} maxLength={50} autoComplete="name" onChange={(e) => setContact({ ...contact, name: e.target.value })} />
              </Form.Item>
              <Form.Item
                label={t('contactPhone')}
                htmlFor="report-phone"
                validateStatus={phoneBad && showErrors ? 'error' : undefined}
                help={phoneBad && showErrors ? t('phoneInvalid') : undefined}
                style={{ marginBottom: 0 }}
              >
                <Input id="report-phone" value={contact.phone} inputMode="tel" autoComplete="tel" maxLength={20} onChange={(e) => setContact({ ...contact, phone: e.target.value })} />
              </Form.Item>
            </Form>
          </fieldset>
        )
      )}
    </section>
  );
}
