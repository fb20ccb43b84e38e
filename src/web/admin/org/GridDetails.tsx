import { Alert, Descriptions, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';
import type { NodeRef, Page, StaffMember } from '../types.ts';
import { useApi } from '../useApi.ts';

interface GridInfo {
  id: string;
  code: string;
  name: string;
  community: NodeRef | null;
  sector: NodeRef | null;
  street: NodeRef | null;
  centroid: [number, number] | null;
}

/** A grid's place in the tree and the people who serve it, on-duty first. */
export function GridDetails({ code }: { code: string }) {
  const t = useT(m);
  const grid = useApi<GridInfo>(`/api/v1/grids/${encodeURIComponent(code)}`);
  const staff = useApi<Page<StaffMember>>('/api/v1/staff', { node: code, pageSize: 50 });
  if (grid.error) return <Alert type="error" showIcon title={grid.error} />;
  if (!grid.data) return <Skeleton active />;
  const g = grid.data;
  const people = (staff.data?.items ?? []).flatMap((s) => s.assignments.filter((a) => a.nodeCode === code).map((a) => ({ s, a })));
  people.sort((x, y) => Number(y.a.onDuty) - Number(x.a.onDuty));
  return (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('gridName'), children: g.name },
          { key: 'code', label: t('gridCode'), children: g.code },
          { key: 'sector', label: t('gridSector'), children: g.sector?.name ?? t('noValue') },
          { key: 'community', label: t('gridCommunity'), children: g.community?.name ?? t('noValue') },
          { key: 'street', label: t('gridStreet'), children: g.street?.name ?? t('noValue') },
        ]}
      />
      <Typography.Text strong>{t('gridStaff')}</Typography.Text>
      {staff.error ? (
        <Alert type="warning" showIcon title={staff.error} />
      ) : (
        <List
          size="small"
          loading={staff.loading}
          dataSource={people}
          locale={{ emptyText: t('noValue') }}
          renderItem={({ s, a }) => (
            <List.Item key={a.id}>
              <Flex vertical>
                <span>
                  {s.name} <Typography.Text type="secondary">{a.roleLabel}</Typography.Text>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.workPhone}
                </Typography.Text>
              </Flex>
              <Tag color={a.onDuty ? 'green' : 'default'}>{a.onDuty ? t('onDuty') : t('offDuty')}</Tag>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
