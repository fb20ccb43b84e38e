import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale } from '../../shared/i18n/index.tsx';
import type { ReporterCase } from '../types.ts';
import { StateTag } from './StateTag.tsx';

/** One of my cases in the list: what, where it stands, when; the whole card opens it. */
export function CaseCard({ c }: { c: ReporterCase }) {
  const { locale } = useLocale();
  return (
    <li>
      <Link to={`/cases/${c.id}`} className="lx-case-card">
        <span className="lx-case-card-top">
          <span className="lx-case-card-title">{c.categoryLabel ?? c.description}</span>
          <StateTag family={c.family} label={c.stateLabel} />
        </span>
        {c.categoryLabel && <span className="lx-case-card-text">{c.description}</span>}
        <span className="lx-case-card-meta">
          <span>{c.number}</span>
          <span>{formatDateTime(c.reportedAt, locale)}</span>
          <RightOutlined aria-hidden />
        </span>
      </Link>
    </li>
  );
}
