import { useMemo } from 'react';
import { useT } from '../shared/i18n/index.tsx';
import { EChart } from './EChart.tsx';
import { CHART_TEXT, PALETTE, tooltipStyle } from './chart-theme.ts';
import { screen } from './messages.ts';
import type { ScreenData } from './types.ts';

/** Cases received in the period by major category, as a ring with a ranked legend beside it. */
export function CategoryChart({ categories, height }: { categories: ScreenData['categories']; height: number | string }) {
  const t = useT(screen);
  const total = categories.reduce((n, c) => n + c.received, 0);
  const option = useMemo(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)', ...tooltipStyle },
      legend: {
        type: 'scroll',
        orient: 'vertical',
        left: '56%',
        right: 0,
        top: 4,
        bottom: 4,
        itemWidth: 12,
        itemHeight: 12,
        itemGap: 9,
        tooltip: { show: true, ...tooltipStyle },
        textStyle: {
          color: CHART_TEXT,
          fontSize: 15,
          width: 150,
          overflow: 'truncate',
          rich: { count: { color: '#e6f4ff', fontSize: 16, fontWeight: 700, width: 30 } },
        },
        pageTextStyle: { color: CHART_TEXT },
        // The count leads so that truncating a long English name never hides it.
        formatter: (name: string) => `{count|${categories.find((c) => c.label === name)?.received ?? 0}}${name}`,
      },
      series: [
        {
          type: 'pie',
          radius: ['42%', '66%'],
          center: ['28%', '50%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#07152e', borderWidth: 3 },
          label: { show: true, position: 'center', formatter: () => String(total), color: '#e6f4ff', fontSize: 34, fontWeight: 700 },
          labelLine: { show: false },
          emphasis: { scale: true, scaleSize: 6 },
          data: categories.map((c) => ({ name: c.label, value: c.received })),
        },
      ],
    }),
    [categories, total],
  );
  if (categories.length === 0) return <div className="sc-empty">{t('noCases')}</div>;
  const summary = categories.map((c) => `${c.label} ${c.received}`).join('，');
  return <EChart option={option} ariaLabel={t('categoriesAria', { summary })} height={height} />;
}
