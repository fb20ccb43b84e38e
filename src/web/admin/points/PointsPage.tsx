import { useT } from '../../shared/i18n/index.tsx';
import { LedgerTab } from './LedgerTab.tsx';
import { MerchantsTab } from './MerchantsTab.tsx';
import { pm } from './messages.ts';
import { RulesTab } from './RulesTab.tsx';
import { SectionTabs } from '../SectionTabs.tsx';

/** The console's 积分 section: the ledger first (what staff check and correct most), then merchants and rules. */
export function PointsPage() {
  const t = useT(pm);
  return (
    <SectionTabs
      title={t('title')}
      tabs={[
        { key: 'ledger', label: t('tabLedger'), children: <LedgerTab /> },
        { key: 'merchants', label: t('tabMerchants'), children: <MerchantsTab /> },
        { key: 'rules', label: t('tabRules'), children: <RulesTab /> },
      ]}
    />
  );
}
