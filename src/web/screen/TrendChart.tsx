import { useMemo } from 'react';
import { useT } from '../shared/i18n/index.tsx';
import { EChart } from './EChart.tsx';
import { echarts } from './echarts.ts';
import { CHART_LINE, CHART_TEXT, tooltipStyle } from './chart-theme.ts';
import { screen } from './messages.ts';
import { shortDay } from './time.ts';
import type { ScreenData } from './types.ts';

/** Cases received per day (bars) with those of them resolved and overdue (lines), last 30 days. */
export function TrendChart({ trend, height }: { trend: ScreenData['trend']; height: number | string }) {
  const t = useT(screen);
  const option = useMemo(
    () => ({
      animationDuration: 600,
      tooltip: { trigger: 'axis', ...tooltipStyle },
      legend: { top: 0, right: 8, textStyle: { color: CHART_TEXT, fontSize: 15 }, itemWidth: 16, itemHeight: 10 },
      grid: { left: 44, right: 16, top: 36, bottom: 28 },
      xAxis: {
        type: 'category',
        data: trend.map((d) => shortDay(d.day)),
        axisLine: { lineStyle: { color: CHART_LINE } },
        axisTick: { show: false },
        axisLabel: { color: CHART_TEXT, fontSize: 13, interval: 2 },
      },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: CHART_LINE } }, axisLabel: { color: CHART_TEXT, fontSize: 13 } },
      series: [
        {
          name: t('trendReceived'),
          type: 'bar',
          barWidth: '55%',
          data: trend.map((d) => d.received),
          itemStyle: {
            borderRadius: [3, 3, 0, 0],
            color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [
              { offset: 0, color: '#36e2ff' },
              { offset: 1, color: 'rgba(61, 126, 255, 0.25)' },
            ]),
          },
        },
        { name: t('trendResolved'), type: 'line', smooth: true, symbol: 'circle', symbolSize: 6, itemStyle: { color: '#22d39a' }, lineStyle: { color: '#22d39a', width: 2 }, data: trend.map((d) => d.resolved) },
        { name: t('trendOverdue'), type: 'line', smooth: true, symbol: 'circle', symbolSize: 6, itemStyle: { color: '#ff4d4f' }, lineStyle: { color: '#ff4d4f', width: 2 }, data: trend.map((d) => d.overdue) },
      ],
    }),
    [trend, t],
  );
  const received = trend.reduce((n, d) => n + d.received, 0);
  const resolved = trend.reduce((n, d) => n + d.resolved, 0);
  const ariaLabel = t('trendAria', { from: trend[0]?.day ?? '', to: trend.at(-1)?.day ?? '', received, resolved });
  return <EChart option={option} ariaLabel={ariaLabel} height={height} />;
}
