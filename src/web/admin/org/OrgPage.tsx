import { Card, Col, Flex, Row, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { useAdminData } from '../AdminData.tsx';
import { m } from '../messages.ts';
import type { GridFeature } from '../types.ts';
import { useApi } from '../useApi.ts';
import { GridDetails } from './GridDetails.tsx';
import { GridImport } from './GridImport.tsx';
import { GridsMap } from './GridsMap.tsx';
import { OrgTree } from './OrgTree.tsx';

/** 组织与网格: the org tree beside the grids on the map; a grid chosen on either shows its details; GeoJSON import. */
export function OrgPage() {
  const t = useT(m);
  const { scope, ready } = useAdminData();
  // One node in reach (a community, a street): its grids; an admin or several nodes: every grid.
  const geojson = useApi<{ features: GridFeature[] }>(ready ? '/api/v1/grids/geojson' : null, scope.length === 1 ? { node: scope[0].code } : undefined);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('orgTitle')}
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'map',
            label: t('gridsMap'),
            children: (
              <Row gutter={16}>
                <Col span={6}>
                  <Card size="small" title={t('orgTree')} styles={{ body: { maxHeight: 640, overflow: 'auto' } }}>
                    <OrgTree selected={selected} onSelectGrid={setSelected} />
                  </Card>
                </Col>
                <Col span={12}>
                  <Card size="small" styles={{ body: { padding: 0 } }}>
                    <GridsMap features={geojson.data?.features ?? []} selected={selected} onSelect={setSelected} />
                  </Card>
                </Col>
                <Col span={6}>
                  <Card size="small" title={t('gridDetail')}>
                    {selected ? <GridDetails code={selected} /> : <Typography.Text type="secondary">{t('clickGrid')}</Typography.Text>}
                  </Card>
                </Col>
              </Row>
            ),
          },
          { key: 'import', label: t('importGrids'), children: <GridImport onImported={geojson.reload} /> },
        ]}
      />
    </Flex>
  );
}
