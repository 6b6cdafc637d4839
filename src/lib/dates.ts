/**
 * Showing partial dates honestly: a month-only date reads "December 2022", a year-only
 * date "2022"; the `datetime` attribute carries the same precision.
 */
import { precisionOf, type PartialDate } from '../schemas/date.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "6 December 2022", "December 2022" or "2022": day first, which no reader misreads. */
export function formatDate(date: PartialDate): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (precisionOf(date) === 'year' || !monthName) return year ?? date;
  if (precisionOf(date) === 'month') return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** The year a partial date falls in. */
export function yearOf(date: PartialDate): string {
  return date.slice(0, 4);
}

/**
 * Newest first, at the precision written: plain string order of ISO partial dates puts
 * `2022-05` before `2022-05-01`, so a month-only date sorts after every day of its month
 * when newest comes first. It is never given a day it does not have.
 */
export function compareNewestFirst(a: PartialDate, b: PartialDate): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** "on" a day, "in" a month or a year: "said on 6 December 2022", "said in 2022". */
export function datePreposition(date: PartialDate): 'on' | 'in' {
  return precisionOf(date) === 'day' ? 'on' : 'in';
}
