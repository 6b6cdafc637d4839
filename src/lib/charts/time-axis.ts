/**
 * A time axis at honest precision, for any chart that places claims in time (the measure
 * charts here, timelines elsewhere). A date written as a year or a month is a span, never
 * a point: `2022` covers the whole year and `2022-12` the whole month, so a chart draws it
 * as wide as it is uncertain.
 */
import { precisionOf, type PartialDate } from '../../schemas/date.ts';

/** A stretch of time in days since 1970-01-01, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

const DAY = 86_400_000;
const dayNumber = (year: number, month = 0, day = 1) => Date.UTC(year, month, day) / DAY;

/** The days a partial date can mean: a whole year, a whole month, or one day. */
export function spanOf(date: PartialDate): Span {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  switch (precisionOf(date)) {
    case 'year': return { start: dayNumber(year), end: dayNumber(year + 1) };
    case 'month': return { start: dayNumber(year, month - 1), end: dayNumber(year, month) };
    default: return { start: dayNumber(year, month - 1, day), end: dayNumber(year, month - 1, day + 1) };
  }
}

export interface TimeTick {
  x: number;
  label: string;
}

export interface TimeAxis {
  /** The position of a day number on the axis. */
  x(day: number): number;
  /** Where a partial date's span starts and ends on the axis. */
  place(date: PartialDate): { x0: number; x1: number };
  ticks: TimeTick[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An axis from `left` to `right` covering every date given, with a little room either
 * side; ticks on years when the dates cover years, on months when they cover months.
 */
export function timeAxis(dates: readonly PartialDate[], left: number, right: number): TimeAxis {
  const spans = dates.map(spanOf);
  let start = Math.min(...spans.map((span) => span.start));
  let end = Math.max(...spans.map((span) => span.end));
  if (!Number.isFinite(start)) ({ start, end } = spanOf(String(new Date().getUTCFullYear())));
  const pad = Math.max((end - start) * 0.04, 10);
  start -= pad;
  end += pad;
  const x = (day: number) => left + ((day - start) / (end - start)) * (right - left);

  const ticks: TimeTick[] = [];
  const first = new Date(start * DAY);
  const years = (end - start) / 365.25;
  if (years > 2) {
    const every = Math.max(1, Math.ceil(years / 8));
    for (let year = first.getUTCFullYear() + 1; dayNumber(year) <= end; year++) {
      if (year % every === 0) ticks.push({ x: x(dayNumber(year)), label: String(year) });
    }
  } else {
    const every = years > 1 ? 3 : years > 0.5 ? 2 : 1;
    for (let month = first.getUTCMonth() + 1, year = first.getUTCFullYear(); dayNumber(year, month) <= end; month++) {
      const day = dayNumber(year, month);
      const m = new Date(day * DAY).getUTCMonth();
      if (m % every === 0) ticks.push({ x: x(day), label: m === 0 ? String(new Date(day * DAY).getUTCFullYear()) : `${MONTHS[m]}` });
    }
  }
  return {
    x,
    place(date) {
      const span = spanOf(date);
      return { x0: x(span.start), x1: x(span.end) };
    },
    ticks,
  };
}
