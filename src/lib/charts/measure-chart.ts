/**
 * The layout of a measure's chart, worked out at build time and drawn by
 * `MeasureChart.astro` as SVG with no script: each figure is a mark linked to its claim,
 * placed over the span its date covers, at the height of its value, drawn as honestly as
 * the words allow. Only `exactly` is a line at the value; `about` is a band (plus or
 * minus `ABOUT_BAND`); `more-than` is an open bound with an arrow up to the top of the
 * chart; `up-to` and `fewer-than` are bounds with an arrow down to zero. A bound the value
 * does not reach (`more-than`, `fewer-than`) is dashed. Each side of the conflict has its
 * own colour and marker shape, named in the legend, so colour is never the only cue.
 */
import { ABOUT_BAND, qualifierOf, type Qualifier } from '../../schemas/figure.ts';
import { formatDate } from '../dates.ts';
import { timeAxis, type TimeTick } from './time-axis.ts';
import { valueAxis } from './value-axis.ts';

export const CHART = { width: 640, height: 300, left: 64, right: 16, top: 16, bottom: 40 } as const;
export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export type Shape = (typeof SHAPES)[number];

export interface ChartInput {
  href: string;
  /** Who gave it, for the mark's name: "Ali Maisam Nazary". */
  speaker: string;
  /** The side the mark is coloured and shaped by. */
  side: { id: string; name: string };
  date: string;
  value: number;
  qualifier: Qualifier;
  words: string;
}

export interface ChartMark {
  href: string;
  /** What a screen reader says for the link, and the tooltip. */
  label: string;
  side: number;
  shape: Shape;
  /** The date span. */
  x0: number;
  x1: number;
  /** The value line, and the band or arrow around it. */
  y: number;
  band?: { y0: number; y1: number } | undefined;
  arrow?: { to: number } | undefined;
  dashed: boolean;
  /** The marker's centre. */
  cx: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: TimeTick[];
  yTicks: { y: number; label: string }[];
  marks: ChartMark[];
  legend: { side: number; shape: Shape; name: string }[];
}

/** "60%", "10,000 fighters", "7,000,000,000 US dollars". */
export function formatValue(value: number, unit: string): string {
  const number = value.toLocaleString('en');
  return unit === 'percent' ? `${number}%` : `${number} ${unit}`;
}

/** The range a qualified figure allows, as the chart draws it and the table prints it. */
export function drawnRange(value: number, qualifier: Qualifier, unit: string): string {
  const format = (n: number) => formatValue(Number(n.toPrecision(6)), unit);
  switch (qualifier) {
    case 'exactly': return format(value);
    case 'about': return `${format(value * (1 - ABOUT_BAND))} to ${format(value * (1 + ABOUT_BAND))}`;
    case 'more-than': return `above ${format(value)}`;
    case 'up-to': return `${format(0)} to ${format(value)}`;
    case 'fewer-than': return `below ${format(value)}`;
  }
}

const compact = new Intl.NumberFormat('en', { notation: 'compact' });

export function layoutMeasureChart(inputs: readonly ChartInput[], unit: string): ChartLayout {
  const plot = { left: CHART.left, right: CHART.width - CHART.right, top: CHART.top, bottom: CHART.height - CHART.bottom };
  const time = timeAxis(inputs.map((input) => input.date), plot.left, plot.right);
  // A percentage is drawn on its whole scale, 0 to 100; anything else leaves room over the
  // highest band, and over a "more than" bound for its arrow.
  const highest = Math.max(0, ...inputs.map((input) => input.value * (input.qualifier === 'about' ? 1 + ABOUT_BAND : input.qualifier === 'more-than' ? 1.2 : 1)));
  const values = valueAxis(unit === 'percent' ? 100 : highest, plot.bottom, plot.top);
  const sides = [...new Map(inputs.map((input) => [input.side.id, input.side.name]))];
  const sideIndex = new Map(sides.map(([id], index) => [id, index]));

  const marks = inputs.map((input): ChartMark => {
    const side = sideIndex.get(input.side.id) ?? 0;
    const { x0, x1 } = time.place(input.date);
    // A day is too narrow to see: it gets a few pixels, centred on the day.
    const middle = (x0 + x1) / 2;
    const [left, right] = x1 - x0 < 6 ? [middle - 3, middle + 3] : [x0, x1];
    const y = values.y(input.value);
    const { qualifier } = input;
    return {
      href: input.href,
      label: `${input.speaker}, ${formatDate(input.date)}: ${input.words} (${qualifierOf(qualifier).label} ${formatValue(input.value, unit)})`,
      side,
      shape: SHAPES[side % SHAPES.length] as Shape,
      x0: left,
      x1: right,
      y,
      band: qualifier === 'about' ? { y0: values.y(input.value * (1 + ABOUT_BAND)), y1: values.y(input.value * (1 - ABOUT_BAND)) } : undefined,
      arrow: qualifier === 'more-than' ? { to: plot.top } : qualifier === 'up-to' || qualifier === 'fewer-than' ? { to: plot.bottom } : undefined,
      dashed: qualifier === 'more-than' || qualifier === 'fewer-than',
      cx: middle,
    };
  });
  return {
    width: CHART.width,
    height: CHART.height,
    plot,
    xTicks: time.ticks,
    yTicks: values.ticks.map((tick) => ({ y: tick.y, label: unit === 'percent' ? `${tick.value}%` : compact.format(tick.value) })),
    marks,
    legend: sides.map(([, name], index) => ({ side: index, shape: SHAPES[index % SHAPES.length] as Shape, name })),
  };
}
