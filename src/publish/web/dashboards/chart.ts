// Line / area / bar tiles with Apache ECharts (bundled locally, tree-shaken to what tiles use).
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, DatasetComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { TileDef } from '../../dashboards/dashboard-schema.js';
import type { TileResult } from '../../dashboards/api-types.js';
import { formatValue } from './format.js';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, CanvasRenderer]);

type ChartTile = Extract<TileDef, { type: 'line' | 'area' | 'bar' }>;

declare global {
  interface Window {
    /** Where a data point is drawn, relative to the chart element (for browser tests). */
    __martflowChartPoint?: (el: HTMLElement, seriesIndex: number, dataIndex: number) => { x: number; y: number } | null;
  }
}

window.__martflowChartPoint = (el, seriesIndex, dataIndex) => {
  const chart = echarts.getInstanceByDom(el) as unknown as {
    getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): { x: number; y: number; width?: number; height?: number } | number[] | null } } | undefined };
  } | undefined;
  const layout = chart?.getModel().getSeriesByIndex(seriesIndex)?.getData().getItemLayout(dataIndex);
  if (!layout) return null;
  // Bars lay out as rectangles, line points as [x, y].
  if (Array.isArray(layout)) return { x: layout[0]!, y: layout[1]! };
  return { x: layout.x + (layout.width ?? 0) / 2, y: layout.y + (layout.height ?? 0) / 2 };
};

/** Renders the chart; onClick gets the result row behind the clicked point or bar. */
export function renderChart(el: HTMLElement, tile: ChartTile, result: TileResult, onClick: ((row: unknown[]) => void) | null): echarts.ECharts {
  const col = (name: string) => {
    const i = result.columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Error(`column '${name}' is not in the result (columns: ${result.columns.map((c) => c.name).join(', ')})`);
    return i;
  };
  const xi = col(tile.x);
  const ys = (Array.isArray(tile.y) ? tile.y : [tile.y]).map((y) => ({ name: y, i: col(y) }));
  const xs: string[] = [];
  const xIndex = new Map<string, number>();
  for (const r of result.rows) {
    const k = String(r[xi]);
    if (!xIndex.has(k)) {
      xIndex.set(k, xs.length);
      xs.push(k);
    }
  }
  // One series per y column, or per value of the `series` column; rowAt maps a point to its row.
  const series: { name: string; data: (number | null)[]; rows: (unknown[] | null)[] }[] = [];
  if (tile.series) {
    const si = col(tile.series);
    const byName = new Map<string, (typeof series)[number]>();
    for (const r of result.rows) {
      const name = String(r[si]);
      let s = byName.get(name);
      if (!s) byName.set(name, (s = { name, data: xs.map(() => null), rows: xs.map(() => null) }));
      const at = xIndex.get(String(r[xi]))!;
      s.data[at] = r[ys[0]!.i] === null ? null : Number(r[ys[0]!.i]);
      s.rows[at] = r;
    }
    series.push(...byName.values());
  } else {
    for (const y of ys) {
      const s = { name: y.name, data: xs.map(() => null as number | null), rows: xs.map(() => null as unknown[] | null) };
      for (const r of result.rows) {
        const at = xIndex.get(String(r[xi]))!;
        s.data[at] = r[y.i] === null ? null : Number(r[y.i]);
        s.rows[at] = r;
      }
      series.push(s);
    }
  }
  const chart = echarts.getInstanceByDom(el) ?? echarts.init(el, undefined, { renderer: 'canvas' });
  chart.setOption(
    {
      animation: false,
      tooltip: { trigger: tile.type === 'bar' ? 'item' : 'axis', valueFormatter: (v: unknown) => formatValue(v, tile.format) },
      legend: series.length > 1 ? { type: 'scroll', top: 0 } : undefined,
      grid: { left: 50, right: 16, top: series.length > 1 ? 30 : 12, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: xs, boundaryGap: tile.type === 'bar' },
      yAxis: { type: 'value', scale: tile.format === 'percent' && tile.type === 'line', axisLabel: { formatter: (v: number) => formatValue(v, tile.format) } },
      series: series.map((s) => ({
        name: s.name,
        type: tile.type === 'bar' ? 'bar' : 'line',
        data: s.data,
        stack: tile.stacked ? 'total' : undefined,
        areaStyle: tile.type === 'area' ? {} : undefined,
        showSymbol: xs.length < 60,
        cursor: onClick ? 'pointer' : 'default',
      })),
    },
    true,
  );
  chart.off('click');
  if (onClick) {
    chart.on('click', (p) => {
      const row = series[p.seriesIndex ?? 0]?.rows[p.dataIndex];
      if (row) onClick(row);
    });
  }
  el.dataset.points = String(series.reduce((n, s) => n + s.data.filter((v) => v !== null).length, 0));
  return chart;
}
