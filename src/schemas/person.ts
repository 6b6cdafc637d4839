/**
 * `content/people/<id>.md`: someone a claim can be attributed to.
 *
 * Organisations are entries too (a speaker can be "the Taliban" or a UN monitoring team,
 * and a person's affiliation points at one), and so are speakers a source does not name,
 * such as "a senior US administration official": the record says exactly as much as the
 * source does. The Markdown body is the biography.
 */
import { z } from 'astro/zod';
import { entryId, httpsUrl, text } from './common.ts';

export const PERSON_KINDS = ['person', 'organisation', 'unnamed'] as const;

/** How each kind reads on the page. */
export const PERSON_KIND_LABELS: Record<(typeof PERSON_KINDS)[number], string> = {
  person: 'Person',
  organisation: 'Organisation',
  unnamed: 'Unnamed source',
};

export const personSchema = z.strictObject({
  /** The name as readers know it; for an unnamed speaker, the description the source uses. */
  name: text.meta({ example: 'Ali Maisam Nazary' }),
  /**
   * `person` (a named individual), `organisation` (a group, government body or institution),
   * or `unnamed` (a speaker the source does not identify).
   */
  kind: z.enum(PERSON_KINDS).meta({ example: 'person' }),
  /** The role at the time of the claims, e.g. "Head of foreign relations". */
  role: text.optional().meta({ example: 'Head of foreign relations' }),
  /** The id of the organisation (a people entry of kind `organisation`) they speak for. */
  affiliation: entryId('people').optional().meta({ example: 'national-resistance-front' }),
  /** Other spellings sources use ("Ali Nazary"), so search finds every one. */
  aliases: z.array(text).default([]),
  /** An official page or profile. */
  url: httpsUrl.optional(),
});

export type PersonData = z.output<typeof personSchema>;
