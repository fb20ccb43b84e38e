import { Tabs, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { vm } from './messages.ts';
import { PartnerUnitsTab } from './PartnerUnitsTab.tsx';
import { TeamsTab } from './TeamsTab.tsx';

/** 志愿队伍 and 共建单位: who serves together, and the units that pair with the communities. */
export function TeamsPage() {
  const t = useT(vm);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('teamsTitle')}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'teams', label: t('tabTeams'), children: <TeamsTab /> },
          { key: 'units', label: t('tabUnits'), children: <PartnerUnitsTab /> },
        ]}
      />
    </>
  );
}
