/**
 * The timeline layout on the shared time axis: honest spans for partial dates, marks that
 * never overlap in a lane, and key events that the repository itself documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KEY_EVENTS } from '../../src/lib/charts/key-events.ts';
import { spanOf } from '../../src/lib/charts/time-axis.ts';
import { TIMELINE, layoutTimeline } from '../../src/lib/charts/timeline.ts';

describe('layoutTimeline', () => {
  const items = [
    { id: 'year-only', date: '2022', status: 'disputed' as const },
    { id: 'a-month', date: '2022-05', status: 'unverified' as const },
    { id: 'a-day', date: '2022-05-10', status: 'corroborated' as const },
    { id: 'earlier-day', date: '2021-09-01', status: 'contradicted' as const },
  ];
  const timeline = layoutTimeline(items, KEY_EVENTS);
  const mark = (id: string) => timeline.marks.find((m) => m.item.id === id)!;
  const at = (day: number) => timeline.axis.x(day);

  test('a year-only claim spans its whole year, from one 1 January to the next', () => {
    expect(mark('year-only').x).toBeCloseTo(at(spanOf('2022').start), 5);
    expect(mark('year-only').x + mark('year-only').width).toBeCloseTo(at(spanOf('2023').start), 5);
    // A year tick, labelled, stands at each end.
    const ticks = new Map(timeline.axis.ticks.map((tick) => [tick.label, tick.x]));
    expect(ticks.get('2022')).toBeCloseTo(mark('year-only').x, 5);
  });

  test('a month covers its own days; a day is the narrowest mark, centred on its day', () => {
    const { start, end } = spanOf('2022-05');
    expect(mark('a-month').x).toBeCloseTo(at(start), 5);
    expect(mark('a-month').width).toBeCloseTo(at(end) - at(start), 5);
    expect(mark('a-day').width).toBe(TIMELINE.minWidth);
    const day = spanOf('2022-05-10');
    expect(mark('a-day').x + mark('a-day').width / 2).toBeCloseTo((at(day.start) + at(day.end)) / 2, 5);
  });

  test('marks that overlap in time are in different lanes; the others share one', () => {
    expect(new Set(['year-only', 'a-month', 'a-day'].map((id) => mark(id).lane)).size).toBe(3);
    expect(mark('earlier-day').lane).toBe(0);
    for (const a of timeline.marks) {
      for (const b of timeline.marks) {
        if (a !== b && a.lane === b.lane) expect(a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
      }
    }
  });

  test('many lanes get thinner, so the drawing stays short', () => {
    const many = Array.from({ length: 60 }, (_, index) => ({ id: `c${index}`, date: '2022', status: 'unverified' as const }));
    const tall = layoutTimeline(many);
    expect(tall.lanes).toBe(60);
    expect(tall.laneHeight).toBeGreaterThanOrEqual(TIMELINE.minLaneHeight);
    expect(tall.laneHeight).toBeLessThan(TIMELINE.laneHeight);
    expect(tall.axisY - TIMELINE.top).toBeLessThanOrEqual(60 * (TIMELINE.minLaneHeight + 1));
  });

  test('a key event is drawn only when it falls within the time shown', () => {
    expect(timeline.events).toEqual([{ x: at(spanOf('2021-08-15').start), date: '2021-08-15', label: 'Fall of Kabul' }]);
    expect(layoutTimeline([{ id: 'later', date: '2023', status: 'unverified' }], KEY_EVENTS).events).toEqual([]);
  });
});

test('every key event is stated, with its date, in the claim record it cites', () => {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  for (const event of KEY_EVENTS) {
    const record = readFileSync(join(import.meta.dirname, '../../content/claims', `${event.source}.md`), 'utf8');
    expect(record).toContain(event.stated);
    const [year, month, day] = event.date.split('-').map(Number);
    expect(event.stated).toContain(`${day} ${months[month! - 1]} ${year}`);
  }
});
