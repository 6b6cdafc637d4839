/** A value axis from zero: counts and shares are drawn from a zero baseline, never cropped. */

export interface ValueAxis {
  y(value: number): number;
  max: number;
  ticks: { y: number; value: number }[];
}

/** The nice step (1, 2 or 5 times a power of ten) that gives about `count` ticks up to `max`. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const [step = 10] = [1, 2, 5, 10].filter((multiple) => multiple * power >= raw);
  return step * power;
}

/** An axis from 0 at `bottom` to a round number at or above `highest` at `top`. */
export function valueAxis(highest: number, bottom: number, top: number, tickCount = 5): ValueAxis {
  const step = niceStep(highest > 0 ? highest : 1, tickCount);
  const max = Math.ceil((highest > 0 ? highest : 1) / step) * step;
  const y = (value: number) => bottom - (value / max) * (bottom - top);
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, index) => ({ y: y(index * step), value: index * step }));
  return { y, max, ticks };
}
