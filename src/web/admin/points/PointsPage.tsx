import { Tabs, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { LedgerTab } from './LedgerTab.tsx';
import { MerchantsTab } from './MerchantsTab.tsx';
import { pm } from './messages.ts';
import { RulesTab } from './RulesTab.tsx';

/** The console's 积分 section: the ledger first (what staff check and correct most), then merchants and rules. */
export function PointsPage() {
  const t = useT(pm);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'ledger', label: t('tabLedger'), children: <LedgerTab /> },
          { key: 'merchants', label: t('tabMerchants'), children: <MerchantsTab /> },
          { key: 'rules', label: t('tabRules'), children: <RulesTab /> },
        ]}
      />
    </>
  );
}
