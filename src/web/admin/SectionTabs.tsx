import { Tabs, type TabsProps, Typography } from 'antd';

/** A console section that is a title over tabs (积分, 活动, 微心愿, 点单派单); a tab's content mounts when opened. */
export function SectionTabs({ title, tabs }: { title: string; tabs: NonNullable<TabsProps['items']> }) {
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Tabs destroyOnHidden items={tabs} />
    </>
  );
}
