/**
 * A timeline of claims, laid out at build time: each claim is a mark along the time axis
 * the charts share (`time-axis.ts`), covering exactly the span its date allows (a day, a month or a whole year), in the
 * first lane where it does not overlap another, coloured by status. Key events the
 * repository documents are reference lines.
 */
import type { PartialDate } from '../../schemas/date.ts';
import type { Status } from '../../schemas/status.ts';
import { spanOf, timeAxis, type TimeAxis } from './time-axis.ts';

export interface TimelineItem {
  id: string;
  date: PartialDate;
  status: Status;
}

export interface TimelineMark<T extends TimelineItem> {
  item: T;
  x: number;
  width: number;
  lane: number;
}

export interface KeyEventLine {
  x: number;
  date: string;
  label: string;
}

export interface Timeline<T extends TimelineItem> {
  width: number;
  height: number;
  axis: TimeAxis;
  /** The y of the axis line; marks sit above it. */
  axisY: number;
  marks: TimelineMark<T>[];
  events: KeyEventLine[];
  lanes: number;
  /** The height of each lane's marks, and the step from one lane to the next. */
  laneHeight: number;
  laneStep: number;
}

export const TIMELINE = {
  width: 640,
  margin: 12,
  /** Above the lanes: room for the key events' labels. */
  top: 22,
  /** Lanes are 9 units high, and thinner when there are many, down to 3, so the drawing stays short. */
  laneHeight: 9,
  minLaneHeight: 3,
  laneGap: 2,
  /** The height the lanes aim to fit in. */
  lanesHeight: 160,
  /** Below the axis: the year labels. */
  bottom: 26,
  /** A one-day mark is drawn this wide so it can be seen and clicked. */
  minWidth: 5,
  /** Space kept between two marks in one lane. */
  gap: 2,
} as const;

/** Lays out `items` (any order) and the key events that fall within their years. */
export function layoutTimeline<T extends TimelineItem>(
  items: readonly T[],
  events: readonly { date: string; label: string }[] = [],
): Timeline<T> {
  const { width, margin, top, bottom, minWidth, gap } = TIMELINE;
  const axis = timeAxis(items.map((item) => item.date), margin, width - margin);
  const spans = items.map((item) => ({ item, ...axis.place(item.date) }));

  // Longest spans first, then earliest: year-long marks take the lanes nearest the axis.
  const ordered = [...spans].sort((a, b) => (b.x1 - b.x0) - (a.x1 - a.x0) || a.x0 - b.x0 || a.item.id.localeCompare(b.item.id));
  const taken: [number, number][][] = [];
  const marks: TimelineMark<T>[] = ordered.map(({ item, x0, x1 }) => {
    const drawn = Math.max(minWidth, x1 - x0);
    // A mark too narrow to see is widened about the middle of its span.
    const left = drawn > x1 - x0 ? (x0 + x1) / 2 - drawn / 2 : x0;
    const right = left + drawn;
    let lane = taken.findIndex((intervals) => intervals.every(([l, r]) => left >= r + gap || right + gap <= l));
    if (lane === -1) lane = taken.push([]) - 1;
    taken[lane]?.push([left, right]);
    return { item, x: left, width: drawn, lane };
  });
  const lanes = Math.max(1, taken.length);
  const laneStep = Math.max(TIMELINE.minLaneHeight + 1, Math.min(TIMELINE.laneHeight + TIMELINE.laneGap, Math.floor(TIMELINE.lanesHeight / lanes)));
  const laneHeight = laneStep - (laneStep > 6 ? TIMELINE.laneGap : 1);
  const axisY = top + lanes * laneStep;
  const shown = events.flatMap((event) => {
    const x = axis.x(spanOf(event.date).start);
    return x >= margin && x <= width - margin ? [{ x, date: event.date, label: event.label }] : [];
  });
  return { width, height: axisY + bottom, axis, axisY, marks, events: shown, lanes, laneHeight, laneStep };
}

/** The y of a lane's top edge: lane 0 sits on the axis. */
export function laneY(timeline: Timeline<TimelineItem>, lane: number): number {
  return timeline.axisY - (lane + 1) * timeline.laneStep;
}
