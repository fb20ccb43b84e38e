import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Figure } from '../types.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The rate figures as horizontal bars (0–100 %); loaded only when the figures page shows it. */
export default function FiguresChart({ figures, ariaLabel }: { figures: Figure[]; ariaLabel: string }) {
  const el = useRef<HTMLDivElement>(null);
  const rates = figures.filter((f) => f.unit === 'rate');
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rates.map((f) => f.label) },
      series: [
        {
          type: 'bar',
          data: rates.map((f) => (f.value === null ? null : Math.round(f.value * 1000) / 10)),
          itemStyle: { color: '#1677ff', borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value}%`) },
          barMaxWidth: 16,
        },
      ],
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [rates.map((f) => `${f.code}:${f.value}:${f.label}`).join('|')]);
  return <div ref={el} role="img" aria-label={ariaLabel} style={{ width: '100%', height: Math.max(200, rates.length * 34) }} />;
}
