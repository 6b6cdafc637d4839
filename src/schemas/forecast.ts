/**
 * Forecasts and pledges: a claim about what will happen (or what the speaker will do), due
 * by a date at the precision the words allow ("in a year's time", said in December 2022,
 * is due December 2023), and its outcome, backed by evidence like a rating.
 */
import { z } from 'astro/zod';
import { httpsUrl, text } from './common.ts';
import { partialDate } from './date.ts';

export const FORECAST_KINDS = [
  { value: 'forecast', label: 'Forecast', definition: 'says what will or could happen' },
  { value: 'pledge', label: 'Pledge', definition: 'promises what the speaker will do' },
] as const;

export const OUTCOMES = [
  { value: 'pending', label: 'Pending', definition: 'not yet due, or no evidence yet either way', needsEvidence: false },
  { value: 'came-true', label: 'Came true', definition: 'evidence shows it happened as said', needsEvidence: true },
  { value: 'did-not', label: 'Did not come true', definition: 'evidence shows it did not happen by the due date', needsEvidence: true },
  { value: 'partly', label: 'Partly', definition: 'evidence shows part of it happened, or it happened later or smaller', needsEvidence: true },
  { value: 'cannot-be-known', label: 'Cannot be known', definition: 'no evidence could ever settle it', needsEvidence: true },
] as const;

export type ForecastKind = (typeof FORECAST_KINDS)[number]['value'];
export type Outcome = (typeof OUTCOMES)[number]['value'];
const values = <T extends readonly { value: string }[]>(list: T) => list.map((item) => item.value) as [T[number]['value'], ...T[number]['value'][]];
export const outcomeOf = (value: Outcome) => OUTCOMES.find((o) => o.value === value) as (typeof OUTCOMES)[number];
export const forecastKindOf = (value: ForecastKind) => FORECAST_KINDS.find((k) => k.value === value) as (typeof FORECAST_KINDS)[number];

/** Evidence for an outcome: who found it, when, where, and what it shows. */
export const outcomeEvidenceSchema = z.strictObject({
  /** Who or what the evidence comes from, and whether they are a party. */
  source: text.meta({ example: 'UN Security Council Monitoring Team, 33rd report' }),
  /** When it was published. */
  date: partialDate.optional(),
  /** Where to read it. */
  url: httpsUrl.optional(),
  /** What it shows about the outcome, in a sentence or two. */
  summary: text.meta({ example: 'Reports up to eight new al Qaeda training camps in Afghanistan.' }),
});

export const forecastSchema = z.strictObject({
  /** `forecast` (what will or could happen) or `pledge` (what the speaker will do). */
  kind: z.enum(values(FORECAST_KINDS)).meta({ example: 'forecast' }),
  /**
   * When it falls due, at the precision the words allow: "in six months", said in
   * September 2021, is due 2022-03. Required unless `noDeadline` is true.
   */
  due: partialDate.optional().meta({ example: '2022-03' }),
  /** `true` when the words set no deadline at all ("we might experience events much worse than 9/11"). */
  noDeadline: z.boolean({ error: 'must be true or false' }).optional(),
  /** pending, came-true, did-not, partly or cannot-be-known. */
  outcome: z.enum(values(OUTCOMES)).meta({ example: 'pending', labels: Object.fromEntries(OUTCOMES.map((o) => [o.value, o.label])) }),
  /** The evidence for the outcome; every outcome but pending needs at least one item. */
  evidence: z.array(outcomeEvidenceSchema).default([]),
});

export type Forecast = z.output<typeof forecastSchema>;
