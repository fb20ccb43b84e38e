import { Alert, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import type { PointsSettings, Rule, RuleList } from '../../shared/points/types.ts';
import { useAdminData } from '../AdminData.tsx';
import type { TreeNode } from '../types.ts';
import { useApi } from '../useApi.ts';
import { pm, type PointsKey } from './messages.ts';
import { RuleModal } from './RuleModal.tsx';

function communitiesIn(tree: TreeNode[]): TreeNode[] {
  return tree.flatMap((n) => (n.kind === 'community' ? [n] : communitiesIn(n.children)));
}

/** 积分规则: how many points each verified hour or attendance earns in a community, and the limits per person. */
export function RulesTab() {
  const t = useT(pm);
  const { scope } = useAdminData();
  const communities = useMemo(() => communitiesIn(scope), [scope]);
  const [chosen, setChosen] = useState<string | undefined>();
  const community = chosen ?? communities[0]?.code;
  const rules = useApi<RuleList>(community ? '/api/v1/points/rules' : null, { community });
  const settings = useApi<PointsSettings>(community ? '/api/v1/points/settings' : null, { community });
  const [editing, setEditing] = useState<Rule | null>(null);
  const limit = (r: Rule) => (r.period && r.periodLimit ? `${t(r.period === 'month' ? 'limitMonth' : 'limitYear', { n: r.periodLimit })}，${t(`over_${r.overLimit ?? 'cap'}` as PointsKey)}` : t('limitNone'));
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select aria-label={t('community')} placeholder={t('pickCommunity')} value={community} onChange={setChosen} style={{ width: 220 }} options={communities.map((c) => ({ value: c.code, label: c.name }))} />
        {settings.data && (
          <Typography.Text type="secondary">
            {t('settings', { expiry: settings.data.expiryMonths ? t('expiryMonths', { n: settings.data.expiryMonths }) : t('expiryNever'), minutes: settings.data.codeMinutes })}
          </Typography.Text>
        )}
      </Flex>
      {(rules.error ?? settings.error) && <Alert type="error" showIcon title={rules.error ?? settings.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<Rule>
        rowKey="rule"
        size="middle"
        pagination={false}
        loading={rules.loading}
        dataSource={rules.data?.rules ?? []}
        columns={[
          { key: 'rule', title: t('colRule'), width: 180, render: (_, r) => r.label },
          { key: 'rate', title: t('colRate'), width: 160, render: (_, r) => (r.configured ? t(`perUnit_${r.rule}` as PointsKey, { n: r.pointsPerUnit ?? 0 }) : '—') },
          { key: 'limit', title: t('colLimit'), render: (_, r) => (r.configured ? limit(r) : '—') },
          { key: 'state', title: t('colState'), width: 100, render: (_, r) => (!r.configured ? <Tag>{t('notConfigured')}</Tag> : r.active ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>) },
          {
            key: 'actions',
            title: '',
            width: 90,
            render: (_, r) => (
              <Button size="small" type="link" aria-label={t('editRule', { rule: r.label })} onClick={() => setEditing(r)}>
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && community && (
        <RuleModal
          community={community}
          rule={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            rules.reload();
          }}
        />
      )}
    </>
  );
}
