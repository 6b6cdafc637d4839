/**
 * Rules that need more than one file or the calendar: ids that resolve, affiliations
 * that are organisations, typed links between claims, and dates that are not in the future;
 * and the notes (candidate revisions) that `npm run validate` prints without failing. Rules
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

/** A cross-file rule: every problem it finds in the parsed files. Add one to RULES and both
 * `npm run validate` (and the build) and `npm run new` enforce it. */
export type Rule = (context: RuleContext) => RuleProblem[];

const NOUN: Record<CollectionName, string> = { claims: 'claim', people: 'person', outlets: 'outlet', topics: 'topic', measures: 'measure', places: 'place' };

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

/** A value's fields, or none when it is not a group of fields. */
function asFields(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

/** A parsed file's fields, or none when its frontmatter is not a map. */
const fieldsOf = (entry: ParsedEntry) => asFields(entry.data);

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

/** The claim a `related` item points at, if it names one. */
const linkTarget = (item: unknown): string | undefined => {
  const { claim } = asFields(item);
  return typeof claim === 'string' ? claim : undefined;
};

/** `related` links other claims, each once, and a link is written at one end only. */
export function relatedClaimsAreOthers({ parsed }: RuleContext): RuleProblem[] {
  const claims = parsed.filter((entry) => entry.collection === 'claims');
  const linksFrom = new Map(claims.map((entry) => [entry.id, new Set(itemsOf(fieldsOf(entry)['related']).map(([item]) => linkTarget(item)))]));
  return claims.flatMap((entry) => {
    const seen = new Set<string>();
    return itemsOf(fieldsOf(entry)['related']).flatMap(([item, index]) => {
      const id = linkTarget(item);
      if (id === undefined) return [];
      const path = ['related', index, 'claim'];
      const problem = id === entry.id ? { message: 'is this claim itself', hint: 'a link joins two different claims' }
        : seen.has(id) ? { message: `links "${id}" twice`, hint: 'one link per pair of claims: keep the type that says most' }
          // Reported at the end that sorts second, so the pair gets one message, not two.
          : linksFrom.get(id)?.has(entry.id) && id < entry.id
            ? { message: `is also linked from "${id}"`, hint: 'a link is written once and shown from both ends: remove one of the two' }
            : undefined;
      seen.add(id);
      return problem ? [{ entry, path, ...problem }] : [];
    });
  });
}

/**
 * The side a speaker is on: the organisation they speak for, or themselves. A denial is
 * a party's answer to the other side, so the speaker's own side cannot deny it.
 */
function sidesOf(parsed: readonly ParsedEntry[]): (personId: unknown) => string | undefined {
  const affiliation = new Map(parsed.filter((entry) => entry.collection === 'people')
    .map((entry) => [entry.id, fieldsOf(entry)['affiliation']]));
  return (personId) => {
    if (typeof personId !== 'string') return undefined;
    const organisation = affiliation.get(personId);
    return typeof organisation === 'string' ? organisation : personId;
  };
}

/** Link types that say who may make them: revisions are the speaker's own, denials the other side's. */
export function linkTypesFitSpeakers({ parsed }: RuleContext): RuleProblem[] {
  const claims = new Map(parsed.filter((entry) => entry.collection === 'claims').map((entry) => [entry.id, fieldsOf(entry)]));
  const sideOf = sidesOf(parsed);
  const problems: RuleProblem[] = [];
  for (const entry of parsed) {
    if (entry.collection !== 'claims') continue;
    const speaker = fieldsOf(entry)['speaker'];
    for (const [item, index] of itemsOf(fieldsOf(entry)['related'])) {
      const other = claims.get(linkTarget(item) ?? '');
      const otherSpeaker = other?.['speaker'];
      if (!other || typeof speaker !== 'string' || typeof otherSpeaker !== 'string') continue;
      const fail = (message: string, hint: string) => problems.push({ entry, path: ['related', index, 'type'], message, hint });
      const same = speaker === otherSpeaker;
      if (item['type'] === 'revises' && !same) {
        fail(`revises "${String(item['claim'])}", which another speaker (${otherSpeaker}) made`,
          'revises joins two claims by the same speaker; for another speaker use contradicts or responds-to');
      } else if (item['type'] === 'contradicts' && same) {
        fail(`contradicts "${String(item['claim'])}", which the same speaker made`,
          'a speaker who changes figure or position revises their earlier claim: type: revises');
      } else if (item['type'] === 'denies' && same) {
        fail(`denies "${String(item['claim'])}", which the same speaker made`,
          'a speaker who takes back a claim revises it: type: revises');
      } else if (item['type'] === 'denies' && sideOf(speaker) === sideOf(otherSpeaker)) {
        fail(`denies "${String(item['claim'])}", but both speakers are on the same side (${sideOf(speaker)})`,
          'a denial comes from the other side; within one side use revises, contradicts or context');
      }
    }
  }
  return problems;
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
      ...itemsOf(asFields(claim['forecast'])['evidence'])
        .map(([item, index]): [PropertyKey[], unknown] => [['forecast', 'evidence', index, 'date'], item['date']]),
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

export const RULES: readonly Rule[] = [referencesResolve, affiliationsAreOrganisations, placesNestInOrder, relatedClaimsAreOthers, linkTypesFitSpeakers, noFutureDates];

/**
 * Notes, not errors: things an editor should look at but that may be right. The same
 * speaker giving a different figure for the same measure, with no `revises` link between
 * the two claims, is probably a revision nobody has linked (or explained in a link's note).
 * Claims are compared with the speaker's previous figure for that measure only, oldest
 * first, so a speaker with thousands of figures costs one sort, not every pair.
 */
export function candidateRevisions({ entries }: RuleContext): RuleProblem[] {
  const claims = entries.filter((entry): entry is ValidEntry<'claims'> => entry.collection === 'claims');
  const linked = new Set<string>();
  for (const claim of claims) {
    for (const link of claim.data.related) {
      if (link.type === 'revises' || link.note) linked.add(`${claim.id}\n${link.claim}`).add(`${link.claim}\n${claim.id}`);
    }
  }
  const series = new Map<string, { claim: ValidEntry<'claims'>; index: number }[]>();
  for (const claim of claims) {
    claim.data.figures.forEach((figure, index) => {
      const key = `${claim.data.speaker}\n${figure.measure}`;
      const list = series.get(key);
      if (list) list.push({ claim, index });
      else series.set(key, [{ claim, index }]);
    });
  }
  const notes: RuleProblem[] = [];
  for (const list of series.values()) {
    list.sort((a, b) => earliestDay(a.claim.data.date).localeCompare(earliestDay(b.claim.data.date)) || a.claim.id.localeCompare(b.claim.id));
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1]!;
      const after = list[i]!;
      const was = before.claim.data.figures[before.index]!;
      const now = after.claim.data.figures[after.index]!;
      if (before.claim.id === after.claim.id || (was.value === now.value && was.qualifier === now.qualifier)) continue;
      if (linked.has(`${after.claim.id}\n${before.claim.id}`)) continue;
      notes.push({
        entry: after.claim,
        path: ['figures', after.index],
        message: `gives "${now.words}" for ${now.measure}, where "${before.claim.id}" (${before.claim.data.date}) gave "${was.words}"`,
        hint: `if the speaker changed the figure, add related: - claim: ${before.claim.id}, type: revises; otherwise say why in a link's note`,
      });
    }
  }
  return notes;
}

export const NOTES: readonly Rule[] = [candidateRevisions];
