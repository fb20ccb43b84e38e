import { Tabs, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { BoardTab } from './BoardTab.tsx';
import { FiguresTab } from './FiguresTab.tsx';
import { om } from './messages.ts';

/** The console's 点单派单 section: the matching board first (what the office works from), then the figures. */
export function OrdersPage() {
  const t = useT(om);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'board', label: t('tabBoard'), children: <BoardTab /> },
          { key: 'figures', label: t('tabFigures'), children: <FiguresTab /> },
        ]}
      />
    </>
  );
}
