/**
 * Dates with an honest precision.
 *
 * A source often tells only the month or the year something was said. `2022-12-06`,
 * `2022-12` and `2022` are all valid and mean a day, a month and a year; the value is
 * kept as written and never widened to a full date, so nothing downstream can show or
 * sort it as more precise than the source allows.
 *
 * YAML reads an unquoted `2022` as a number; it is accepted and kept as the year.
 */
import { z } from 'astro/zod';

/** A date as written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;
export type DatePrecision = 'year' | 'month' | 'day';

/**
 * The shape of a date at one of the three precisions. The editor at /admin/ checks typing
 * against the same pattern; `isPartialDate` then checks the calendar (no 30 February).
 */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
/** The shape of a date known to the day. */
export const EXACT_DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const HINT = 'write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022';
const EXACT_HINT = 'write YYYY-MM-DD, e.g. 2026-11-21';

/** True when the string is a real calendar date at one of the three precisions. */
export function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined || day === undefined) return true;
  const m = Number(month);
  const d = Number(day);
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

export function precisionOf(date: PartialDate): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** A date at any precision: when something was said, published or found. */
export const partialDate = z.preprocess(
  (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
  z
    .string({ error: `must be a date (${HINT})` })
    .refine(isPartialDate, { error: (issue) => `"${String(issue.input)}" is not a date (${HINT})` }),
).meta({ pattern: { regex: PARTIAL_DATE_PATTERN, message: HINT } });

/** A date known to the day, for the editors' own log where the day is always known. */
export const exactDate = partialDate
  .refine((value) => precisionOf(value) === 'day', { error: `must be a full date (${EXACT_HINT})` })
  .meta({ pattern: { regex: EXACT_DATE_PATTERN, message: EXACT_HINT } });

/** The first day a partial date can mean, as a sortable string (`2022` -> `2022-01-01`). */
export function earliestDay(date: PartialDate): string {
  return precisionOf(date) === 'year' ? `${date}-01-01` : precisionOf(date) === 'month' ? `${date}-01` : date;
}

/** A sortable string at or after the last day a partial date can mean. */
function latestBound(date: PartialDate): string {
  // '99' sorts after every real month and day, so no calendar arithmetic is needed.
  return precisionOf(date) === 'year' ? `${date}-99-99` : precisionOf(date) === 'month' ? `${date}-99` : date;
}

/**
 * True only when `a` is certainly earlier than `b` at the precision both were written:
 * `2022-05` is not before `2022-05-10` (it may be the same day), `2022-04` is.
 */
export function isCertainlyBefore(a: PartialDate, b: PartialDate): boolean {
  return latestBound(a) < earliestDay(b);
}
