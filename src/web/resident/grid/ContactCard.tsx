import { PhoneOutlined } from '@ant-design/icons';
import { useT } from '../../shared/i18n/index.tsx';
import { messages } from '../messages.ts';
import type { RouteReply } from '../types.ts';

/** 便民联系卡: the grid's people and its police officers, each a tap away from a call. */
export function ContactCard({ route }: { route: RouteReply }) {
  const t = useT(messages);
  const where = [route.community?.name, route.grid?.name].filter(Boolean).join(' · ');
  return (
    <section className="lx-card lx-contact-card" aria-labelledby="contact-card-title">
      <h2 id="contact-card-title" className="lx-section-title">
        {t('contactCardTitle')}
      </h2>
      <p className="lx-contact-where">{where}</p>
      {route.contacts.length === 0 ? (
        <p className="lx-muted">{t('noContacts')}</p>
      ) : (
        <ul className="lx-contacts">
          {route.contacts.map((c) => (
            <li key={`${c.role}-${c.name}`} className="lx-contact">
              <span className="lx-contact-who">
                <span className="lx-contact-name">{c.name}</span>
                <span className="lx-contact-role">{c.roleLabel}</span>
              </span>
              {c.workPhone ? (
                <a className="lx-call" href={`tel:${c.workPhone.replace(/[^0-9+]/g, '')}`} aria-label={t('callPerson', { name: c.name, role: c.roleLabel, phone: c.workPhone })}>
                  <PhoneOutlined aria-hidden />
                  <span>{c.workPhone}</span>
                </a>
              ) : (
                <span className="lx-muted">{t('noPhone')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {route.grid && (
        <a className="lx-more-link" href={`/grid/${encodeURIComponent(route.grid.code)}`}>
          {t('gridPage')}
        </a>
      )}
    </section>
  );
}
