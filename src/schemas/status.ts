/**
 * The rating scale: the single definition of every verification status.
 *
 * Everything that names a status reads it from here: the schema's allowed values, the
 * labels and colours on pages, the methodology page, the ClaimReview numbers and the
 * validator's "allowed values" hint.
 */
import { z } from 'astro/zod';

export interface Rating {
  /** The value written in a claim's `status` field and used in URLs (`/status/<value>/`). */
  value: string;
  /** How the status reads on the page. */
  label: string;
  /** What the status means, shown with every rated claim and on the methodology page. */
  definition: string;
  /** Which evidence the status needs before it can be given; null when none is required. */
  requires: 'supports' | 'contradicts' | null;
  /**
   * The ClaimReview `ratingValue` on a 1 (contradicted) to 5 (corroborated) scale, or null
   * for a claim that cannot be checked at all and so has no place on that scale.
   */
  reviewRating: number | null;
}

export const RATING_SCALE = [
  {
    value: 'corroborated',
    label: 'Corroborated',
    definition:
      'Independent evidence, from a source that is not a party to the dispute, confirms the claim as stated.',
    requires: 'supports',
    reviewRating: 5,
  },
  {
    value: 'partly-corroborated',
    label: 'Partly corroborated',
    definition:
      'Independent evidence confirms part of the claim; the rest is unconfirmed, overstated or missing context.',
    requires: 'supports',
    reviewRating: 4,
  },
  {
    value: 'unverified',
    label: 'Unverified',
    definition:
      'No independent evidence yet confirms or refutes the claim. This is the status every claim starts with.',
    requires: null,
    reviewRating: 3,
  },
  {
    value: 'disputed',
    label: 'Disputed',
    definition:
      'A party to the conflict denies or contradicts the claim, and no independent evidence settles it either way.',
    requires: 'contradicts',
    reviewRating: 2,
  },
  {
    value: 'contradicted',
    label: 'Contradicted',
    definition: 'Independent evidence shows the claim, as stated, is false.',
    requires: 'contradicts',
    reviewRating: 1,
  },
  {
    value: 'not-checkable',
    label: 'Not checkable',
    definition:
      'An opinion, a prediction, a pledge or a value judgement: there is no fact that could confirm or refute it.',
    requires: null,
    reviewRating: null,
  },
] as const satisfies readonly Rating[];

/** One point of the scale, with its value typed as a Status. */
export type ScaleRating = (typeof RATING_SCALE)[number];

export type Status = ScaleRating['value'];

export const STATUS_VALUES = RATING_SCALE.map((rating) => rating.value) as [Status, ...Status[]];

const ratingsByValue = new Map<string, ScaleRating>(RATING_SCALE.map((rating) => [rating.value, rating]));

export function ratingOf(status: Status): ScaleRating {
  // Every Status is in the scale by construction; the fallback only satisfies the type checker.
  return ratingsByValue.get(status) ?? RATING_SCALE[2];
}

/** A claim's verification status: one value of the rating scale. */
export const statusSchema = z.enum(STATUS_VALUES);
