/**
 * Typed links between claims. A link is written once, in one claim's `related`, and shown
 * from both ends: the claim that writes `denies` "denies" the other, which is "denied by"
 * it. The wording for both directions lives here beside the value.
 */
import { z } from 'astro/zod';
import { entryId, text } from './common.ts';

export const LINK_TYPES = [
  { value: 'repeats', outgoing: 'Repeats', incoming: 'Repeated in', definition: 'the same claim, made again on another occasion' },
  { value: 'revises', outgoing: 'Revises', incoming: 'Revised by', definition: 'the same speaker, later, with a changed figure or position' },
  { value: 'contradicts', outgoing: 'Contradicts', incoming: 'Contradicted by', definition: 'another speaker says otherwise' },
  { value: 'denies', outgoing: 'Denies', incoming: 'Denied by', definition: 'a denial by a party on the other side' },
  { value: 'responds-to', outgoing: 'Responds to', incoming: 'Answered by', definition: 'a reply to the other claim' },
  { value: 'context', outgoing: 'Gives context to', incoming: 'Context from', definition: 'background that helps read the other claim' },
] as const;

export type LinkType = (typeof LINK_TYPES)[number]['value'];
export const LINK_TYPE_VALUES = LINK_TYPES.map((t) => t.value) as [LinkType, ...LinkType[]];
export const linkTypeOf = (value: LinkType) => LINK_TYPES.find((t) => t.value === value) as (typeof LINK_TYPES)[number];

export const linkSchema = z.strictObject({
  /** The id of the other claim, in content/claims/. */
  claim: entryId('claims').meta({ example: 'nazary-nrf-liberated-three-panjshir-districts' }),
  /** What this claim does to the other: repeats, revises, contradicts, denies, responds-to or context. */
  type: z.enum(LINK_TYPE_VALUES).meta({ example: 'denies', labels: Object.fromEntries(LINK_TYPES.map((t) => [t.value, t.outgoing])) }),
  /** Why the two belong together, when it is not obvious; shown at both ends. */
  note: text.optional(),
}, { error: 'must be a link, written as claim: <the other claim\'s id> and type: <what this claim does to it>' });

export type ClaimLink = z.output<typeof linkSchema>;
