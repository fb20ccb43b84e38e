import { Link } from 'react-router-dom';
import { useOpenCase } from './useOpenCase.ts';

/** The case number as a link that opens the case drawer on the current page. */
export function CaseLink({ number }: { number: string }) {
  const { hrefOf } = useOpenCase();
  return (
    <Link to={hrefOf(number)} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', whiteSpace: 'nowrap' }}>
      {number}
    </Link>
  );
}
