import { useT } from '../../shared/i18n/index.tsx';
import { BoardTab } from './BoardTab.tsx';
import { FiguresTab } from './FiguresTab.tsx';
import { wm } from './messages.ts';
import { OffersTab } from './OffersTab.tsx';
import { SectionTabs } from '../SectionTabs.tsx';

/** The console's 微心愿 section: the matching board first (what the office works on), the service list, figures. */
export function WishesPage() {
  const t = useT(wm);
  return (
    <SectionTabs
      title={t('title')}
      tabs={[
        { key: 'board', label: t('tabBoard'), children: <BoardTab /> },
        { key: 'offers', label: t('tabOffers'), children: <OffersTab /> },
        { key: 'figures', label: t('tabFigures'), children: <FiguresTab /> },
      ]}
    />
  );
}
