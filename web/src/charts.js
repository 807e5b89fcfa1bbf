// Charts (surfaces.md: line charts for money over time, bars for distributions) with Apache
// ECharts, only the parts used (tree-shaken by Vite), drawn as SVG: crisp at any size, and the
// browser tests can read what is drawn. Labels and numbers in French.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import langFR from 'echarts/lib/i18n/langFR.js';
import { SVGRenderer } from 'echarts/renderers';

import { euros, week } from './format.js';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);
echarts.registerLocale('FR', langFR);

const kColours = ['#1f5fbf', '#e07a00', '#2e7d32', '#c62828', '#6a4fb3'];

// One chart per container, resized with the window.
function chartIn(container) {
  const chart = echarts.getInstanceByDom(container) ?? echarts.init(container, null, { renderer: 'svg', locale: 'FR' });
  if (!container.dataset.suivi) {
    container.dataset.suivi = 'oui';
    new ResizeObserver(() => chart.resize()).observe(container);
  }
  return chart;
}

// Money over weeks: `weeks` ISO weeks ("2026-W48"), `series` [{ name, values }] in euros.
export function moneyLines(container, weeks, series) {
  chartIn(container).setOption({
    color: kColours,
    animation: false,
    grid: { left: 70, right: 20, top: 36, bottom: 30 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => euros(value),
    },
    xAxis: { type: 'category', data: weeks.map((w) => week(w, true)), axisLabel: { formatter: (w) => w.replace(/ \d{4}$/, '') } },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => euros(v) } },
    series: series.map((s) => ({ name: s.name, type: 'line', showSymbol: false, data: s.values })),
  }, true);
}

// A distribution: `bars` [{ label, value, colour }].
export function countBars(container, bars) {
  chartIn(container).setOption({
    animation: false,
    grid: { left: 40, right: 10, top: 24, bottom: 26 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0 } },  // every label, always
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      type: 'bar',
      data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.colour } })),
      label: { show: true, position: 'top' },
    }],
  }, true);
}
