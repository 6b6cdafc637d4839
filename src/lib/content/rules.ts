/**
 * Rules that need more than one file or the calendar: ids that resolve, affiliations
 * that are organisations, related claims, and dates that are not in the future. Rules
 * that need only the file itself are on the schemas in `src/schemas/`.
 *
 * They read every file whose YAML parsed, valid or not, so that one run reports every
 * problem, as the schema's own consistency rules do.
 */
import type { CollectionName } from '../../schemas/common.ts';
import { earliestDay, isPartialDate } from '../../schemas/date.ts';
import { PERSON_KINDS } from '../../schemas/person.ts';
import { PLACE_KINDS } from '../../schemas/place.ts';
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

const NOUN: Record<CollectionName, string> = { claims: 'claim', people: 'person', outlets: 'outlet', topics: 'topic', places: 'place' };

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

/** A parsed file's fields, or none when its frontmatter is not a map. */
function fieldsOf(entry: ParsedEntry): Record<string, unknown> {
  return entry.data && typeof entry.data === 'object' && !Array.isArray(entry.data) ? entry.data as Record<string, unknown> : {};
}

/** The items of a list field that are groups of fields, with their index. */
function itemsOf(value: unknown): [Record<string, unknown>, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown, index) =>
    item && typeof item === 'object' && !Array.isArray(item) ? [[item as Record<string, unknown>, index]] : []);
}

/** A value the date schema accepts, as a string; undefined for anything it rejects. */
function dateOf(value: unknown): string | undefined {
  const date = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  return typeof date === 'string' && isPartialDate(date) ? date : undefined;
}

// The rules below read every parsed file, not only valid ones, and look only at the fields
// they need, so a file with a typo elsewhere still gets these problems in the same run.

/** A person's affiliation is an organisation, not another person. */
export function affiliationsAreOrganisations({ parsed }: RuleContext): RuleProblem[] {
  const people = parsed.filter((entry) => entry.collection === 'people');
  const kinds = new Map(people.map((entry) => [entry.id, fieldsOf(entry)['kind']]));
  return people.flatMap((entry) => {
    const { affiliation } = fieldsOf(entry);
    const kind = typeof affiliation === 'string' ? kinds.get(affiliation) : undefined;
    if (!PERSON_KINDS.some((known) => known === kind) || kind === 'organisation') return [];
    const what = kind === 'unnamed' ? 'an unnamed speaker' : 'a person';
    return [{ entry, path: ['affiliation'], message: `"${String(affiliation)}" is ${what}, not an organisation`,
      hint: 'an affiliation points at a people entry with kind: organisation' }];
  });
}

/**
 * A place's parent is of the kind above it (a district's is a province, a province's a
 * country, a city's either), and following parents never comes back to the place itself.
 */
export function placesNestInOrder({ parsed }: RuleContext): RuleProblem[] {
  const places = parsed.filter((entry) => entry.collection === 'places');
  const fields = new Map(places.map((entry) => [entry.id, fieldsOf(entry)]));
  return places.flatMap((entry): RuleProblem[] => {
    const { kind, parent } = fieldsOf(entry);
    if (typeof parent !== 'string') return [];
    if (parent === entry.id) return [{ entry, path: ['parent'], message: 'is this place itself' }];
    const parentKind = fields.get(parent)?.['kind'];
    const wanted = PLACE_KINDS.find((known) => known.value === kind)?.parent;
    if (wanted && PLACE_KINDS.some((known) => known.value === parentKind) && !wanted.split(' or ').includes(String(parentKind))) {
      return [{ entry, path: ['parent'], message: `"${parent}" is a ${String(parentKind)}, but a ${String(kind)} lies in a ${wanted}`,
        hint: `point parent at the ${wanted} this ${String(kind)} is in` }];
    }
    const seen = new Set([entry.id]);
    for (let next: unknown = parent; typeof next === 'string' && fields.has(next); next = fields.get(next)?.['parent']) {
      if (seen.has(next)) return [{ entry, path: ['parent'], message: `following parents from "${parent}" comes back to "${next}"`, hint: 'a place cannot lie inside itself' }];
      seen.add(next);
    }
    return [];
  });
}

/** `related` lists other claims, each once. */
export function relatedClaimsAreOthers({ parsed }: RuleContext): RuleProblem[] {
  return parsed.flatMap((entry) => {
    const related = fieldsOf(entry)['related'];
    if (entry.collection !== 'claims' || !Array.isArray(related)) return [];
    const seen = new Set<unknown>();
    return related.flatMap((id: unknown, index) => {
      const problem = typeof id !== 'string' ? undefined
        : id === entry.id ? 'is this claim itself' : seen.has(id) ? `lists "${id}" twice` : undefined;
      seen.add(id);
      return problem ? [{ entry, path: ['related', index], message: problem }] : [];
    });
  });
}

/** Nothing is said, published, found or rated in the future. */
export function noFutureDates({ parsed, today }: RuleContext): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const entry of parsed) {
    if (entry.collection !== 'claims') continue;
    const claim = fieldsOf(entry);
    const dated: [PropertyKey[], unknown][] = [
      [['date'], claim['date']],
      ...(['appearances', 'evidence', 'updates'] as const).flatMap((list) =>
        itemsOf(claim[list]).map(([item, index]): [PropertyKey[], unknown] => [[list, index, 'date'], item['date']])),
    ];
    for (const [path, value] of dated) {
      const date = dateOf(value);
      if (date && earliestDay(date) > today) {
        problems.push({ entry, path, message: `${date} is in the future`, hint: `today is ${today}` });
      }
    }
  }
  return problems;
}

export const RULES = [referencesResolve, affiliationsAreOrganisations, placesNestInOrder, relatedClaimsAreOthers, noFutureDates];
