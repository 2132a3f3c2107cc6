import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the parts the statistics pages draw, so their chunk stays small (shared by both features).
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface EChartProps {
  option: ChartOption;
  height?: number;
  /**
   * A click on a row of a bar chart — the bar or the space beside it, as wide as the shadow the
   * tooltip draws — with the row's index on the category axis ('y' for horizontal bars).
   */
  onClick?: (index: number) => void;
  categoryAxis?: 'x' | 'y';
  /** What the chart shows, for screen readers. */
  label: string;
  style?: CSSProperties;
}

/** One ECharts instance bound to a div: resized with it, disposed with it. */
export function EChart({ option, height = 300, onClick, categoryAxis = 'y', label, style }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const axis = useRef(categoryAxis);
  axis.current = categoryAxis;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.getZr().on('click', (e) => {
      if (!click.current || !instance.containPixel('grid', [e.offsetX, e.offsetY])) return;
      const at = instance.convertFromPixel({ seriesIndex: 0 }, [e.offsetX, e.offsetY]) as number[] | undefined;
      const index = at?.[axis.current === 'y' ? 1 : 0];
      if (typeof index === 'number' && Number.isInteger(index)) click.current(index);
    });
    instance.getZr().on('mousemove', (e) => {
      const inside = !!click.current && instance.containPixel('grid', [e.offsetX, e.offsetY]);
      instance.getZr().setCursorStyle(inside ? 'pointer' : 'default');
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height, ...style }} />;
}
