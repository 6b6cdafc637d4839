/**
 * Who stands where: the side a speaker or an originator belongs to, and how an evidence
 * item's originator stands to a claim's speaker. The validator holds ratings to this (see
 * src/lib/content/method.ts) and the pages show it, so "independent" is computed from the
 * records, never asserted in prose.
 */
import type { PersonData } from '../schemas/person.ts';
import type { SideData } from '../schemas/side.ts';

/** How an evidence item's originator stands to the claim's speaker, with the label each reads as. */
export const STANDINGS = [
  { value: 'speaker', label: 'The speaker' },
  { value: 'own-side', label: "The speaker's own side" },
  { value: 'other-party', label: 'Another party to the conflict' },
  { value: 'independent', label: 'Independent' },
] as const;

export type Standing = (typeof STANDINGS)[number]['value'];

const standingLabels = new Map<string, string>(STANDINGS.map((standing) => [standing.value, standing.label]));

export function standingLabel(standing: Standing): string {
  return standingLabels.get(standing) ?? standing;
}

export interface SideLookup {
  people: ReadonlyMap<string, PersonData>;
  sides: ReadonlyMap<string, SideData>;
}

/**
 * The side a people entry speaks for: its own `side`, else its affiliation's, up the
 * chain; undefined when none has one (an independent speaker).
 */
export function sideOf(personId: string, { people }: SideLookup): string | undefined {
  const seen = new Set<string>();
  let id: string | undefined = personId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const person = people.get(id);
    if (!person) return undefined;
    if (person.side) return person.side;
    id = person.affiliation;
  }
  return undefined;
}

export function isParty(side: string | undefined, { sides }: SideLookup): boolean {
  return side !== undefined && sides.get(side)?.party === true;
}

/**
 * How `originator` stands to a claim said by `speaker`:
 * - `speaker`: the same entry, or one of the two is the other's organisation;
 * - `own-side`: both speak for the same side;
 * - `other-party`: the originator speaks for another party to the conflict;
 * - `independent`: neither of these (no side, or a side that is not a party).
 */
export function standingOf(originator: string, speaker: string, lookup: SideLookup): Standing {
  if (originator === speaker) return 'speaker';
  const originatorSide = sideOf(originator, lookup);
  const speakerSide = sideOf(speaker, lookup);
  if (originatorSide !== undefined && originatorSide === speakerSide) return 'own-side';
  const affiliation = (id: string) => lookup.people.get(id)?.affiliation;
  if (affiliation(originator) === speaker || affiliation(speaker) === originator) return 'own-side';
  if (isParty(originatorSide, lookup)) return 'other-party';
  return 'independent';
}
