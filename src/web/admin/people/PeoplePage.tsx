import { Card, Flex, Tabs, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';
import { HouseholdsTable } from './HouseholdsTable.tsx';
import { ResidentsTable } from './ResidentsTable.tsx';

/** 居民与户: residents and households in scope, with phone and ID numbers masked as the API returns them. */
export function PeoplePage() {
  const t = useT(m);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('peopleTitle')}
      </Typography.Title>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          items={[
            { key: 'residents', label: t('residents'), children: <ResidentsTable /> },
            { key: 'households', label: t('households'), children: <HouseholdsTable /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
