import { useEffect, useRef } from 'react';
import { type EChartsCoreOption, echarts } from './echarts.ts';

/**
 * One ECharts canvas. Screen readers get `ariaLabel` (a sentence carrying the numbers), since the canvas
 * itself says nothing.
 */
export function EChart({ option, ariaLabel, height }: { option: EChartsCoreOption; ariaLabel: string; height: number | string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
