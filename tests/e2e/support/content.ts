/**
 * What the pages should say, worked out from the content files themselves (through the
 * validator's `loadContent`) and not from the site's own catalog, so that a page that
 * drifts from its file fails a test.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../../../src/lib/content/load.ts';
import type { ClaimData } from '../../../src/schemas/claim.ts';
import type { OutletData } from '../../../src/schemas/outlet.ts';
import type { PersonData } from '../../../src/schemas/person.ts';
import type { PlaceData } from '../../../src/schemas/place.ts';
import { RATING_SCALE, type Status } from '../../../src/schemas/status.ts';
import type { TopicData } from '../../../src/schemas/topic.ts';
import { FIXTURE_CONTENT, ROOT } from './paths.ts';

export interface Entry<T> {
  id: string;
  file: string;
  data: T;
  body: string;
  /** The whole file, for "does this word occur anywhere in it". */
  source: string;
}

export interface Content {
  claims: Entry<ClaimData>[];
  /** Claims newest first, as every list on the site orders them. */
  newestFirst: Entry<ClaimData>[];
  claim(id: string): Entry<ClaimData>;
  people: Map<string, Entry<PersonData>>;
  outlets: Map<string, Entry<OutletData>>;
  topics: Map<string, Entry<TopicData>>;
  places: Map<string, Entry<PlaceData>>;
  person(id: string): Entry<PersonData>;
  outlet(id: string): Entry<OutletData>;
  topic(id: string): Entry<TopicData>;
  claimsBy(personId: string): Entry<ClaimData>[];
}

const cache = new Map<string, Promise<Content>>();

/** The site's content (`content/`) or the fixture site's (`tests/e2e/fixtures/content/`). */
export function readContent(which: 'site' | 'fixture' = 'site'): Promise<Content> {
  let content = cache.get(which);
  if (!content) {
    content = load(which === 'site' ? join(ROOT, 'content') : FIXTURE_CONTENT);
    cache.set(which, content);
  }
  return content;
}

async function load(contentDir: string): Promise<Content> {
  const { entries, problems } = await loadContent({ root: ROOT, contentDir });
  if (problems.length) {
    throw new Error(`The content in ${contentDir} has problems (run npm run validate):\n${problems.map((p) => `${p.file}:${p.line ?? ''} ${p.field ?? ''} ${p.message}`).join('\n')}`);
  }
  const withSource = async <T>(entry: { id: string; file: string; data: T; body: string }): Promise<Entry<T>> => ({
    id: entry.id,
    file: entry.file,
    data: entry.data,
    body: entry.body,
    source: await readFile(join(ROOT, entry.file), 'utf8'),
  });
  const claims = await Promise.all([...entries.claims.values()].map(withSource));
  const people = new Map(await Promise.all([...entries.people.values()].map(async (e) => [e.id, await withSource(e)] as const)));
  const outlets = new Map(await Promise.all([...entries.outlets.values()].map(async (e) => [e.id, await withSource(e)] as const)));
  const topics = new Map(await Promise.all([...entries.topics.values()].map(async (e) => [e.id, await withSource(e)] as const)));
  const places = new Map(await Promise.all([...entries.places.values()].map(async (e) => [e.id, await withSource(e)] as const)));
  const newestFirst = [...claims].sort(compareNewestFirst);
  const get = <T>(map: Map<string, T>, kind: string) => (id: string) => {
    const found = map.get(id);
    if (!found) throw new Error(`no ${kind} "${id}" in ${contentDir}`);
    return found;
  };
  return {
    claims,
    newestFirst,
    claim: get(new Map(claims.map((c) => [c.id, c])), 'claim'),
    people,
    outlets,
    topics,
    places,
    person: get(people, 'person'),
    outlet: get(outlets, 'outlet'),
    topic: get(topics, 'topic'),
    claimsBy: (personId) => newestFirst.filter((claim) => claim.data.speaker === personId),
  };
}

/**
 * Newest first, as the methodology page promises: by the date said, compared as written
 * (so `2022-05` comes after every day of May 2022), then by the day first rated, newest
 * first, then by id.
 */
export function compareNewestFirst(a: Entry<ClaimData>, b: Entry<ClaimData>): number {
  const desc = (x: string, y: string) => (x < y ? 1 : x > y ? -1 : 0);
  const added = (c: Entry<ClaimData>) => c.data.updates[0]?.date ?? c.data.date;
  return desc(a.data.date, b.data.date) || desc(added(a), added(b)) || a.id.localeCompare(b.id);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as a reader should see it: "6 December 2022", "December 2022" or "2022". */
export function shownDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year as string;
  const name = MONTHS[Number(month) - 1] as string;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

export function precision(date: string): 'year' | 'month' | 'day' {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

export function label(status: Status): string {
  const rating = RATING_SCALE.find((r) => r.value === status);
  if (!rating) throw new Error(`unknown status ${status}`);
  return rating.label;
}

/** The claim's words as headings and lists show them: in quotation marks when verbatim. */
export function shownWords(claim: ClaimData): string {
  return claim.quote ? `“${claim.claim}”` : claim.claim;
}

export { RATING_SCALE };
