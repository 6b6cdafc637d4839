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
import { earliestDay, isCertainlyBefore, partialDate, type PartialDate } from './date.ts';

export const PERSON_KINDS = ['person', 'organisation', 'unnamed'] as const;

/** How each kind reads on the page. */
export const PERSON_KIND_LABELS: Record<(typeof PERSON_KINDS)[number], string> = {
  person: 'Person',
  organisation: 'Organisation',
  unnamed: 'Unnamed source',
};

/** One role and when it was held. */
export const roleSchema = z.strictObject({
  /** The role as the sources give it, e.g. "Head of foreign relations". */
  title: text.meta({ example: 'Head of foreign relations' }),
  /** When it began, at the precision known; leave out when unknown. */
  from: partialDate.optional().meta({ example: '2021-08' }),
  /** When it ended; leave out while it lasts or when unknown. */
  until: partialDate.optional().meta({ example: '2023-01' }),
  /**
   * When sources describe them in this role, for a role whose start and end they do not
   * give: the page then says "as described in 2021" instead of showing it as current.
   */
  seen: z.array(partialDate).default([]),
}).superRefine((role, ctx) => {
  if (!role.from && !role.until && role.seen.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['seen'], message: 'is empty, and the role has no from or until date',
      params: { hint: 'give from:/until: when known, or list in seen: the dates of the sources that describe the role' } });
  }
  if (role.from && role.until && isCertainlyBefore(role.until, role.from)) {
    ctx.addIssue({ code: 'custom', path: ['until'], message: `${role.until} is before the role began (${role.from})` });
  }
});

export const personSchema = z.strictObject({
  /** The name as readers know it; for an unnamed speaker, the description the source uses. */
  name: text.meta({ example: 'Ali Maisam Nazary' }),
  /**
   * `person` (a named individual), `organisation` (a group, government body or institution),
   * or `unnamed` (a speaker the source does not identify).
   */
  kind: z.enum(PERSON_KINDS).meta({ example: 'person' }),
  /**
   * The roles they held, each with its dates as far as the sources tell, so a claim page
   * can show the role at the time of the claim rather than today's.
   */
  roles: z.array(roleSchema).default([]),
  /** The id of the organisation (a people entry of kind `organisation`) they speak for. */
  affiliation: entryId('people').optional().meta({ example: 'national-resistance-front' }),
  /**
   * The side they speak for (an id from content/sides/), when it is not their
   * affiliation's; a person with no side and no affiliation with one is independent.
   */
  side: entryId('sides').optional().meta({ example: 'national-resistance-front' }),
  /** Other spellings sources use ("Ali Nazary"), so search finds every one. */
  aliases: z.array(text).default([]),
  /** An official page or profile. */
  url: httpsUrl.optional(),
});

export type PersonData = z.output<typeof personSchema>;
export type Role = z.output<typeof roleSchema>;

/**
 * The role to show beside a claim said on `date`: one whose from/until include the date,
 * else the one a source describes nearest the date (`asDescribed` is then that date, so
 * the page can say "as described in 2021"), else none.
 */
export function roleAt(person: PersonData, date: PartialDate): { role: Role; asDescribed?: PartialDate } | undefined {
  const held = person.roles.find((role) => (role.from || role.until) &&
    !(role.from && isCertainlyBefore(date, role.from)) && !(role.until && isCertainlyBefore(role.until, date)));
  if (held) return { role: held };
  const distance = (seen: PartialDate) => Math.abs(Date.parse(earliestDay(seen)) - Date.parse(earliestDay(date)));
  let best: { role: Role; asDescribed: PartialDate } | undefined;
  for (const role of person.roles) {
    for (const seen of role.seen) {
      if (!best || distance(seen) < distance(best.asDescribed)) best = { role, asDescribed: seen };
    }
  }
  return best;
}
