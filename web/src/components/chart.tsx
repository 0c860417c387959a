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

/** True when a chart of these series would draw nothing: no value, or only zeros and gaps. */
export function hasNoData(series: { values: (number | null)[] }[]): boolean {
  return series.every((s) => s.values.every((value) => value === null || value === 0));
}

/**
 * Bars per named group laid sideways: the names sit on the vertical axis, cut with an ellipsis
 * when long, so queue and agent names stay readable on a laptop and a phone alike. The unit
 * names the value axis. The chart grows with the number of groups.
 */
export function groupBarOption(categories: string[], series: { name: string; values: (number | null)[] }[], unit: string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: unknown) => (value === null || value === undefined ? '—' : `${value} ${unit}`) },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: unit, nameLocation: 'end', nameGap: 8, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 110, overflow: 'truncate' } },
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.values })),
  };
}

/** A height that gives each group of a sideways bar chart room for its bars. */
export function groupChartHeight(groups: number, seriesPerGroup: number): number {
  return Math.max(220, 80 + groups * (14 * seriesPerGroup + 12));
}

/** A bar chart of named values, the most common chart of the reports. */
export function barOption(categories: string[], series: { name: string; values: (number | null)[] }[], unit = ''): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (value === null || value === undefined ? '—' : `${value}${unit}`) },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: unit.trim() || undefined, minInterval: 1 },
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.values })),
  };
}

/** Lines of values over time (a backlog, a trend): gaps where a value is missing, joined across them. */
export function lineOption(categories: string[], series: { name: string; values: (number | null)[] }[], unit = ''): EChartsCoreOption {
  return {
    ...barOption(categories, [], unit),
    series: series.map((s) => ({ name: s.name, type: 'line', data: s.values, connectNulls: true })),
  };
}
