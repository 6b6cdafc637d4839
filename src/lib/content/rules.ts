/**
 * Rules that need more than one file or the calendar: ids that resolve, affiliations
 * that are organisations, related claims, and dates that are not in the future. Rules
 * that need only the file itself are on the schemas in `src/schemas/`.
 */
import type { CollectionName } from '../../schemas/common.ts';
import type { ClaimData } from '../../schemas/claim.ts';
import { earliestDay } from '../../schemas/date.ts';
import type { PersonData } from '../../schemas/person.ts';
import { didYouMean, nearest } from './closest.ts';
import { forEachReference } from './schema-walk.ts';
import { COLLECTION_SCHEMAS, type ValidEntry } from './collections.ts';

export interface RuleProblem {
  entry: { file: string };
  path: PropertyKey[];
  message: string;
  hint?: string | undefined;
}

/** A file whose YAML parsed, whether or not it passed its schema. */
export interface ParsedEntry {
  collection: CollectionName;
  id: string;
  file: string;
  data: unknown;
}

export interface RuleContext {
  /** Every id that has a file, valid or not, so one broken file does not cascade. */
  ids: Record<CollectionName, ReadonlySet<string>>;
  /** Files that passed their schema. */
  entries: readonly ValidEntry[];
  /** Every file whose YAML parsed, so ids are checked even in a file with other problems. */
  parsed: readonly ParsedEntry[];
  /** Today as YYYY-MM-DD, in the first time zone to reach it (UTC+14). */
  today: string;
}

const NOUN: Record<CollectionName, string> = { claims: 'claim', people: 'person', outlets: 'outlet', topics: 'topic' };

function knownIds(collection: CollectionName, id: string, known: ReadonlySet<string>): string {
  const near = nearest(id, known);
  const add = `add content/${collection}/${id}.md`;
  return near.length ? `closest known: ${near.join(', ')}; or ${add}` : add;
}

/** Every id field (speaker, outlet, topics, related, affiliation) names a file that exists. */
export function referencesResolve({ ids, parsed }: RuleContext): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const entry of parsed) {
    forEachReference(COLLECTION_SCHEMAS[entry.collection], entry.data, (path, collection, id) => {
      if (ids[collection].has(id)) return;
      problems.push({
        entry,
        path,
        message: `unknown ${NOUN[collection]} "${id}"`,
        hint: didYouMean(id, ids[collection]) ?? knownIds(collection, id, ids[collection]),
      });
    });
  }
  return problems;
}

/** A person's affiliation is an organisation, not another person. */
export function affiliationsAreOrganisations({ entries }: RuleContext): RuleProblem[] {
  const people = new Map(entries.filter((e) => e.collection === 'people').map((e) => [e.id, e.data as PersonData]));
  return entries.flatMap((entry) => {
    if (entry.collection !== 'people') return [];
    const { affiliation } = entry.data as PersonData;
    const target = affiliation ? people.get(affiliation) : undefined;
    if (!target || target.kind === 'organisation') return [];
    return [{ entry, path: ['affiliation'], message: `"${affiliation}" is a ${target.kind}, not an organisation`,
      hint: 'an affiliation points at a people entry with kind: organisation' }];
  });
}

/** `related` lists other claims, each once. */
export function relatedClaimsAreOthers({ entries }: RuleContext): RuleProblem[] {
  return entries.flatMap((entry) => {
    if (entry.collection !== 'claims') return [];
    const seen = new Set<string>();
    return (entry.data as ClaimData).related.flatMap((id, index) => {
      const problem = id === entry.id ? 'is this claim itself' : seen.has(id) ? `lists "${id}" twice` : undefined;
      seen.add(id);
      return problem ? [{ entry, path: ['related', index], message: problem }] : [];
    });
  });
}

/** Nothing is said, published, found or rated in the future. */
export function noFutureDates({ entries, today }: RuleContext): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'claims') continue;
    const claim = entry.data as ClaimData;
    const dated: [PropertyKey[], string | undefined][] = [
      [['date'], claim.date],
      ...claim.appearances.map((a, i): [PropertyKey[], string] => [['appearances', i, 'date'], a.date]),
      ...claim.evidence.map((e, i): [PropertyKey[], string | undefined] => [['evidence', i, 'date'], e.date]),
      ...claim.updates.map((u, i): [PropertyKey[], string] => [['updates', i, 'date'], u.date]),
    ];
    for (const [path, date] of dated) {
      if (date && earliestDay(date) > today) {
        problems.push({ entry, path, message: `${date} is in the future`, hint: `today is ${today}` });
      }
    }
  }
  return problems;
}

export const RULES = [referencesResolve, affiliationsAreOrganisations, relatedClaimsAreOthers, noFutureDates];
