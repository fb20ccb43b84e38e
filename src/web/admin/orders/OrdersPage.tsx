import { useT } from '../../shared/i18n/index.tsx';
import { BoardTab } from './BoardTab.tsx';
import { FiguresTab } from './FiguresTab.tsx';
import { om } from './messages.ts';
import { SectionTabs } from '../SectionTabs.tsx';

/** The console's 点单派单 section: the matching board first (what the office works from), then the figures. */
export function OrdersPage() {
  const t = useT(om);
  return (
    <SectionTabs
      title={t('title')}
      tabs={[
        { key: 'board', label: t('tabBoard'), children: <BoardTab /> },
        { key: 'figures', label: t('tabFigures'), children: <FiguresTab /> },
      ]}
    />
  );
}
