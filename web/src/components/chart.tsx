import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

registerParts([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, AriaComponent, CanvasRenderer]);

const PALETTE = ['#1f4e8c', '#2e9e6b', '#e0a526', '#a3262a', '#7a5fb5', '#4aa3c7'];

/**
 * An ECharts chart drawn on a canvas (nothing inline for the content security policy to refuse),
 * resized with its box, and described for screen readers by ECharts' aria description.
 */
export function Chart(props: { option: EChartsCoreOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    if (!box.current) return undefined;
    const instance = init(box.current, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, aria: { enabled: true }, animation: false, ...props.option }, true);
  }, [props.option]);
  // ECharts writes its own description on the box it draws in; the label stays on the wrapper.
  return (
    <div role="img" aria-label={props.label}>
      <div ref={box} className="chart" style={props.height ? { height: props.height } : undefined} />
    </div>
  );
}

/** A bar chart of named values, the most common chart of the reports. */
export function barOption(categories: string[], series: { name: string; values: (number | null)[] }[], unit = ''): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (value === null || value === undefined ? '—' : `${value}${unit}`) },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.values })),
  };
}
