export { type BalanceChartProps, type BalancePoint, BalanceChart } from './BalanceChart.tsx';
export { type DauChartProps, type DauPeak, type DauSeries, DauChart } from './DauChart.tsx';
export { type RevenueChartProps, RevenueChart } from './RevenueChart.tsx';
export { type ChartOptions, tzDate, UPlotChart, type UPlotChartProps } from './UPlotChart.tsx';
export { chartZone, daySeconds, zoneOffsetMs } from './time.ts';
