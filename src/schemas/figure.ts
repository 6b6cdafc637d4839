/**
 * A figure inside a claim: what it counts (a measure), the number, how the words qualify
 * it, the date it refers to when that is not the date said, and the exact words that give
 * it, which must be inside the claim so nobody can put a number in a speaker's mouth.
 */
import { z } from 'astro/zod';
import { entryId, text } from './common.ts';
import { partialDate } from './date.ts';

/**
 * How the words qualify the number, with labels beside the values. `about` is drawn as a
 * band (`ABOUT_BAND` either side), `more-than` as a mark open upwards, `up-to` and
 * `fewer-than` as marks open downwards: only `exactly` is an exact point.
 */
export const QUALIFIERS = [
  { value: 'exactly', label: 'exactly', definition: 'the words give the number as it is ("21 different groups")' },
  { value: 'about', label: 'about', definition: 'an estimate or round number ("about 13,000", "an estimated 10,000")' },
  { value: 'more-than', label: 'more than', definition: 'a lower bound ("more than 60%", "more than half")' },
  { value: 'up-to', label: 'up to', definition: 'an upper bound that may be reached ("up to eight new training camps")' },
  { value: 'fewer-than', label: 'fewer than', definition: 'an upper bound that is not reached ("fewer than 100")' },
] as const;

export type Qualifier = (typeof QUALIFIERS)[number]['value'];
export const QUALIFIER_VALUES = QUALIFIERS.map((q) => q.value) as [Qualifier, ...Qualifier[]];
export const qualifierOf = (value: Qualifier) => QUALIFIERS.find((q) => q.value === value) as (typeof QUALIFIERS)[number];

/** How far either side of the value an `about` figure is drawn: plus or minus 10%. */
export const ABOUT_BAND = 0.1;

export const figureSchema = z.strictObject({
  /** The id of what is counted, in content/measures/. */
  measure: entryId('measures').meta({ example: 'nrf-fighters' }),
  /** The number, in the measure's unit ("more than half" of a percent measure is 50). */
  value: z.number({ error: 'must be a number, written without commas or units' })
    .meta({ example: 10000 }),
  /** How the words qualify the number: exactly, about, more-than, up-to or fewer-than. */
  qualifier: z.enum(QUALIFIER_VALUES).meta({ example: 'about' }),
  /** The exact words of the figure, as they appear in the claim ("an estimated 10,000"). */
  words: text.meta({ example: 'an estimated 10,000' }),
  /** The date the figure refers to, when it differs from the date said. */
  asOf: partialDate.optional().meta({ example: '2021-08' }),
});

export type Figure = z.output<typeof figureSchema>;
