/**
 * Every query the pages make, computed once per build from the collections. Every id a
 * file holds (speaker, affiliation, appearance outlets, topics, places, related claims) is
 * resolved here to the object it names, and every list is sorted here, so pages, feeds,
 * exports and ClaimReview never look an id up or sort: building N claim pages costs N
 * reads, not N scans. The analysis of figures, typed links and forecasts is computed
 * here too (analysis.ts).
 *
 * Adding a collection: load it in `buildCatalog`, give its type the fields pages need
 * (resolved, never ids), and add its sorted list to `Catalog`.
 */
import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ClaimData, Evidence, StatusUpdate } from '../schemas/claim.ts';
import type { CollectionName } from '../schemas/common.ts';
import { COLLECTION_NAMES } from './content/collections.ts';
import { isCertainlyBefore } from '../schemas/date.ts';
import type { OutletData } from '../schemas/outlet.ts';
import { roleAt, type PersonData, type Role } from '../schemas/person.ts';
import type { PlaceData } from '../schemas/place.ts';
import type { SideData } from '../schemas/side.ts';
import { sourceDate, type SourceData } from '../schemas/source.ts';
import { sideOf as sideIdOf, standingOf, type Standing } from './independence.ts';
import { appearanceWords, evidenceDate, isLaterEvidence } from './content/method.ts';
import { RATING_SCALE, ratingOf, type ScaleRating as Rating, type Status } from '../schemas/status.ts';
import type { TopicData } from '../schemas/topic.ts';
import { compareNewestFirst, yearOf } from './dates.ts';
import { buildAnalysis, type Analysis } from './analysis.ts';
import { bodyHtml, entryFields, readBodies, readFields } from './content/bodies.ts';

/** One appearance of a claim: its source (and the source's publisher), and the words and quote flag it gives. */
export interface ClaimAppearance {
  source: Source;
  /** The source's publisher. */
  outlet: Outlet;
  words: string;
  quote: boolean;
  locator: string | undefined;
}

/** When evidence dates from, relative to the claim. */
export type EvidenceTiming = 'before' | 'at-the-time' | 'later' | 'undated';

/** An evidence item as the pages and exports show it. */
export interface EvidenceItem {
  item: Evidence;
  source: Source;
  originator: Person;
  /** How the originator stands to the speaker: the speaker, their side, another party, independent. */
  standing: Standing;
  /** The originator's side, if any. */
  side: Side | undefined;
  /** When it was said or found: its own date, else its source's. */
  date: string | undefined;
  timing: EvidenceTiming;
}

export interface Side {
  id: string;
  data: SideData;
  html: string;
  /** People entries that speak for this side (directly or through their organisation). */
  members: Person[];
}

/** A source record: a document claims appear in or evidence cites. */
export interface Source {
  id: string;
  data: SourceData;
  html: string;
  publisher: Outlet;
  side: Side | undefined;
  /** The date to show and sort by, with which of the two dates it is. */
  date: string | undefined;
  dateKind: 'published' | 'updated' | undefined;
  /** Claims that appeared in it. */
  claims: Claim[];
  /** Claims whose evidence cites it. */
  citedBy: Claim[];
}

/** A status change with its ratings resolved. */
export interface ClaimUpdate extends Omit<StatusUpdate, 'from' | 'to'> {
  from: Rating | undefined;
  to: Rating;
}

export interface Claim {
  id: string;
  data: ClaimData;
  /** The editor's context and analysis, rendered; '' when the file has no body. */
  html: string;
  /** The content file, for "Edit this claim" and history links. */
  file: string;
  /** The words as every page shows them: in quotation marks only when verbatim. */
  words: string;
  rating: Rating;
  speaker: Person;
  /** Every appearance, first appearance first. */
  appearances: ClaimAppearance[];
  firstAppearance: ClaimAppearance;
  /** The outlet of the first appearance. */
  firstOutlet: Outlet;
  /** The evidence, each item with its source, originator and standing resolved. */
  evidence: EvidenceItem[];
  /** The speaker's role when the claim was made, if the record knows it. */
  speakerRole: { role: Role; asDescribed?: string } | undefined;
  /** The outlets it appeared in, each once, in order of first appearance. */
  outlets: Outlet[];
  topics: Topic[];
  /** The status log, oldest first. */
  updates: ClaimUpdate[];
  /**
   * More from the same speaker on a shared topic, newest first, leaving out the claims it
   * is linked with (those are shown by link type, from `analysis`).
   */
  related: Claim[];
  /** The year it was said. */
  year: string;
  /** The day the claim was first rated, from its own log. */
  added: string;
  /** The day of its latest status change, from its own log. */
  lastUpdated: string;
  /** The places it names, as tagged (most specific first). */
  places: Place[];
  /** Those places and every place they lie in: a claim about a district concerns its province too. */
  concerns: Place[];
}

/** What every person, outlet and topic has: a page, a body and a list of claims. */
interface Subject<D> {
  id: string;
  data: D;
  /** The body, rendered. */
  html: string;
  /** Its claims, newest said first. */
  claims: Claim[];
  /** Its claims, latest added first, as its feed lists them. */
  latestAdded: Claim[];
  scorecard: StatusCount[];
}

export interface Person extends Subject<PersonData> {
  /** The side it speaks for, its own or its organisation's. */
  side: Side | undefined;
  affiliation: Person | undefined;
  /** People who list this organisation as their affiliation. */
  members: Person[];
}

export interface Outlet extends Subject<OutletData> {
  /** The sources it published, newest first. */
  articles: Source[];
}

export interface Topic extends Subject<TopicData> {
  /** The people this topic quotes, most claims first. */
  speakers: { person: Person; count: number }[];
  /** The places its claims concern, most claims first. */
  places: PlaceCount[];
}

export interface Place extends Subject<PlaceData> {
  parent: Place | undefined;
  /** The places that lie in it, by name. */
  children: Place[];
}

/** How many claims of a list concern a place: name it or a place inside it. */
export interface PlaceCount {
  place: Place;
  count: number;
}

export interface StatusCount {
  rating: Rating;
  count: number;
}

export interface Catalog {
  /** All claims, newest said first. */
  claims: Claim[];
  /** All claims, latest added first (the site feed). */
  latestAdded: Claim[];
  claimsById: Map<string, Claim>;
  people: Map<string, Person>;
  outlets: Map<string, Outlet>;
  topics: Map<string, Topic>;
  places: Map<string, Place>;
  sources: Map<string, Source>;
  sides: Map<string, Side>;
  /** Every place with at least one claim, most claims first: the map's counts. */
  placeCounts: PlaceCount[];
  /** Places with at least one claim, by name: the search's place filter. */
  placesByName: Place[];
  /** Places in no other place (countries), most claims first: the top of the tree of places. */
  placeRoots: Place[];
  /** People with claims first, most quoted first, then by name. */
  peopleByClaims: Person[];
  /** Outlets by name. */
  outletsByName: Outlet[];
  /** Topics by title. */
  topicsByTitle: Topic[];
  /** Topics, most claims first. */
  topicsByClaims: Topic[];
  /** People who said at least one claim, by name. */
  speakersByName: Person[];
  /** Every year a claim was said in, newest first. */
  years: string[];
  /** Every status in scale order, with its claims newest said first. */
  byStatus: { rating: Rating; claims: Claim[] }[];
  statusCounts: StatusCount[];
  /** Figures by measure, typed links from both ends, changed positions, forecasts. */
  analysis: Analysis;
}

function newestFirst(a: Claim, b: Claim): number {
  return compareNewestFirst(a.data.date, b.data.date) || compareNewestFirst(a.added, b.added) || a.id.localeCompare(b.id);
}

function latestAddedFirst(a: Claim, b: Claim): number {
  return a.added < b.added ? 1 : a.added > b.added ? -1 : a.id.localeCompare(b.id);
}

function countByStatus(claims: readonly Claim[]): StatusCount[] {
  const counts = new Map<Status, number>();
  for (const claim of claims) counts.set(claim.data.status, (counts.get(claim.data.status) ?? 0) + 1);
  return RATING_SCALE.map((rating) => ({ rating, count: counts.get(rating.value) ?? 0 }));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Places with at least one claim, most first, then by name. */
function placeCounts(counts: Map<Place, number>): PlaceCount[] {
  return [...counts].filter(([, count]) => count > 0).map(([place, count]) => ({ place, count }))
    .sort((a, b) => b.count - a.count || a.place.data.name.localeCompare(b.place.data.name));
}

const byText = <T,>(text: (item: T) => string) => (a: T, b: T) => text(a).localeCompare(text(b));

/** The lists every subject starts with, filled in once claims exist. */
const lists = () => ({ claims: [] as Claim[], latestAdded: [] as Claim[], scorecard: [] as StatusCount[] });

/** How many claims "More from <speaker>" shows at most (linked claims are shown apart, by link type). */
const RELATED = 6;

/** A collection's stored entries, each with its fields, which the loader keeps beside Astro's store (bodies.ts). */
async function withFields<C extends CollectionName>(collection: C) {
  const dir = import.meta.env['CLAIMTRAIL_BODIES'] as string;
  const [entries, fields] = await Promise.all([getCollection(collection), readFields(dir, collection)]);
  return entries.map((entry) => ({ ...entry, data: entryFields<typeof entry.data>(fields, collection, entry.id, entry.digest) }));
}

/** Every collection's entries, in the order buildCatalog takes them. */
const readEntries = () => Promise.all([
  withFields('claims'),
  withFields('people'),
  withFields('outlets'),
  withFields('topics'),
  withFields('measures'),
  withFields('places'),
  withFields('sources'),
  withFields('sides'),
]);
type Entries = Awaited<ReturnType<typeof readEntries>>;

async function buildCatalog(entries: Entries): Promise<Catalog> {
  const dir = import.meta.env['CLAIMTRAIL_BODIES'] as string;
  const [claimEntries, personEntries, outletEntries, topicEntries, measureEntries, placeEntries, sourceEntries, sideEntries] = entries;
  const [claimBodies, personBodies, outletBodies, topicBodies, measureBodies, placeBodies, sourceBodies, sideBodies] = await Promise.all([
    readBodies(dir, 'claims'),
    readBodies(dir, 'people'),
    readBodies(dir, 'outlets'),
    readBodies(dir, 'topics'),
    readBodies(dir, 'measures'),
    readBodies(dir, 'places'),
    readBodies(dir, 'sources'),
    readBodies(dir, 'sides'),
  ]);

  const sides = new Map<string, Side>(sideEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml(sideBodies, 'sides', entry.id, entry.digest), members: [] }]));
  const lookup = { people: new Map(personEntries.map((entry) => [entry.id, entry.data])), sides: new Map(sideEntries.map((entry) => [entry.id, entry.data])) };

  const people = new Map<string, Person>(personEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml(personBodies, 'people', entry.id, entry.digest), ...lists(), side: undefined, affiliation: undefined, members: [] }]));
  for (const person of people.values()) {
    const affiliation = person.data.affiliation ? people.get(person.data.affiliation) : undefined;
    person.affiliation = affiliation;
    affiliation?.members.push(person);
    const side = sideIdOf(person.id, lookup);
    person.side = side ? sides.get(side) : undefined;
    person.side?.members.push(person);
  }
  const outlets = new Map<string, Outlet>(outletEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml(outletBodies, 'outlets', entry.id, entry.digest), ...lists(), articles: [] }]));
  const sources = new Map<string, Source>(sourceEntries.filter((entry) => outlets.has(entry.data.publisher)).map((entry) => {
    const dated = sourceDate(entry.data);
    const source: Source = {
      id: entry.id, data: entry.data, html: bodyHtml(sourceBodies, 'sources', entry.id, entry.digest),
      publisher: outlets.get(entry.data.publisher) as Outlet,
      side: entry.data.side ? sides.get(entry.data.side) : undefined,
      date: dated?.date, dateKind: dated?.which, claims: [], citedBy: [],
    };
    source.publisher.articles.push(source);
    return [entry.id, source];
  }));
  const sourceData = new Map(sourceEntries.map((entry) => [entry.id, entry.data]));
  const topics = new Map<string, Topic>(topicEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml(topicBodies, 'topics', entry.id, entry.digest), ...lists(), speakers: [], places: [] }]));
  const places = new Map<string, Place>(placeEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml(placeBodies, 'places', entry.id, entry.digest), ...lists(), parent: undefined, children: [] }]));
  for (const place of places.values()) {
    place.parent = place.data.parent ? places.get(place.data.parent) : undefined;
    place.parent?.children.push(place);
  }
  for (const place of places.values()) place.children.sort((a, b) => a.data.name.localeCompare(b.data.name));

  // A build has every reference checked. In `astro dev` the collections reload one after
  // another after an edit, so for a moment a claim can name a file just left out: it is
  // left out too until the next request.
  const resolves = ({ data }: CollectionEntry<'claims'>) => people.has(data.speaker)
    && data.appearances.every((appearance) => sources.has(appearance.source))
    && data.evidence.every((item) => sources.has(item.source) && people.has(item.originator)) && data.topics.every((id) => topics.has(id)) && data.places.every((id) => places.has(id));
  const claims: Claim[] = claimEntries.filter(resolves).map((entry) => {
    const { data } = entry;
    const appearances = data.appearances.map((appearance, index): ClaimAppearance => {
      const source = sources.get(appearance.source) as Source;
      return { source, outlet: source.publisher, words: appearanceWords(data, index), quote: appearance.quote ?? data.quote, locator: appearance.locator };
    });
    const evidence = data.evidence.map((item): EvidenceItem => {
      const date = evidenceDate(item, sourceData);
      const originator = people.get(item.originator) as Person;
      return {
        item, date, originator,
        source: sources.get(item.source) as Source,
        standing: standingOf(item.originator, data.speaker, lookup),
        side: originator.side,
        timing: !date ? 'undated' : isLaterEvidence(date, data.date) ? 'later'
          : isCertainlyBefore(date, data.date) ? 'before' : 'at-the-time',
      };
    });
    const speaker = people.get(data.speaker) as Person;
    return {
      id: entry.id,
      data,
      html: bodyHtml(claimBodies, 'claims', entry.id, entry.digest),
      file: entry.filePath ?? `content/claims/${entry.id}.md`,
      words: data.quote ? `“${data.claim}”` : data.claim,
      rating: ratingOf(data.status),
      speaker,
      appearances,
      firstAppearance: appearances[0] as ClaimAppearance,
      firstOutlet: (appearances[0] as ClaimAppearance).outlet,
      evidence,
      speakerRole: roleAt(speaker.data, data.date),
      outlets: [...new Set(appearances.map((appearance) => appearance.outlet))],
      topics: data.topics.map((id) => topics.get(id) as Topic),
      updates: data.updates.map((update) => ({ ...update, from: update.from && ratingOf(update.from), to: ratingOf(update.to) })),
      related: [],
      year: yearOf(data.date),
      added: data.updates[0]?.date ?? data.date,
      lastUpdated: data.updates.at(-1)?.date ?? data.date,
      places: data.places.map((id) => places.get(id) as Place),
      concerns: [],
    };
  });
  claims.sort(newestFirst);

  const claimsById = new Map(claims.map((claim) => [claim.id, claim]));
  const byStatus = new Map<Status, Claim[]>(RATING_SCALE.map(({ value }) => [value, []]));
  // Newest first, like `claims`: related claims by the same speaker on a topic, without
  // scanning the speaker's whole list (one speaker can hold thousands of claims).
  const bySpeakerTopic = new Map<string, Claim[]>();
  const placesOfTopic = new Map<string, Map<Place, number>>();

  for (const claim of claims) {
    claim.speaker.claims.push(claim);
    byStatus.get(claim.data.status)?.push(claim);
    // A claim about a district is about its province and country too, once each.
    const concerned = new Set<Place>();
    for (const tagged of claim.places) {
      for (let place: Place | undefined = tagged; place && !concerned.has(place); place = place.parent) concerned.add(place);
    }
    claim.concerns = [...concerned];
    for (const place of concerned) place.claims.push(claim);
    for (const topic of claim.topics) {
      topic.claims.push(claim);
      pushTo(bySpeakerTopic, `${claim.speaker.id}\n${topic.id}`, claim);
      let counts = placesOfTopic.get(topic.id);
      if (!counts) placesOfTopic.set(topic.id, (counts = new Map()));
      for (const place of concerned) counts.set(place, (counts.get(place) ?? 0) + 1);
    }
    for (const outlet of claim.outlets) outlet.claims.push(claim);
    for (const { source } of claim.appearances) if (source.claims.at(-1) !== claim) source.claims.push(claim);
    for (const { source } of claim.evidence) if (source.citedBy.at(-1) !== claim) source.citedBy.push(claim);
  }

  const analysis = buildAnalysis(claims, claimsById,
    measureEntries.map((entry) => ({ id: entry.id, data: entry.data, html: bodyHtml(measureBodies, 'measures', entry.id, entry.digest) })),
    new Date().toISOString().slice(0, 10));

  for (const claim of claims) {
    const linked = analysis.linkedIds(claim);
    const chosen = new Map<string, Claim>();
    const add = (other: Claim | undefined) => {
      if (other && other !== claim && !linked.has(other.id) && !chosen.has(other.id)) chosen.set(other.id, other);
    };
    const sameSpeaker = claim.topics.map((topic) => bySpeakerTopic.get(`${claim.speaker.id}\n${topic.id}`) ?? []);
    // Take the newest from each topic's list in turn until enough are chosen.
    for (let depth = 0; chosen.size < RELATED && sameSpeaker.some((list) => depth < list.length); depth++) {
      for (const list of sameSpeaker) if (chosen.size < RELATED) add(list[depth]);
    }
    claim.related = [...chosen.values()];
  }

  for (const item of [...people.values(), ...outlets.values(), ...topics.values(), ...places.values()]) {
    item.scorecard = countByStatus(item.claims);
    item.latestAdded = [...item.claims].sort(latestAddedFirst);
  }
  for (const outlet of outlets.values()) outlet.articles.sort((a, b) => compareNewestFirst(a.date ?? '', b.date ?? '') || a.data.title.localeCompare(b.data.title));
  for (const topic of topics.values()) {
    topic.places = placeCounts(placesOfTopic.get(topic.id) ?? new Map());
    const counts = new Map<Person, number>();
    for (const claim of topic.claims) counts.set(claim.speaker, (counts.get(claim.speaker) ?? 0) + 1);
    topic.speakers = [...counts].map(([person, count]) => ({ person, count }))
      .sort((a, b) => b.count - a.count || a.person.data.name.localeCompare(b.person.data.name));
  }

  const byName = byText<Person>((person) => person.data.name);
  return {
    claims,
    latestAdded: [...claims].sort(latestAddedFirst),
    claimsById,
    people,
    outlets,
    topics,
    places,
    sources,
    sides,
    placeCounts: placeCounts(new Map([...places.values()].map((place) => [place, place.claims.length]))),
    placesByName: [...places.values()].filter((place) => place.claims.length > 0).sort(byText((place) => place.data.name)),
    placeRoots: [...places.values()].filter((place) => !place.parent).sort((a, b) => b.claims.length - a.claims.length || a.data.name.localeCompare(b.data.name)),
    peopleByClaims: [...people.values()].sort((a, b) => b.claims.length - a.claims.length || byName(a, b)),
    outletsByName: [...outlets.values()].sort(byText((outlet) => outlet.data.name)),
    topicsByTitle: [...topics.values()].sort(byText((topic) => topic.data.title)),
    topicsByClaims: [...topics.values()].sort((a, b) => b.claims.length - a.claims.length || a.data.title.localeCompare(b.data.title)),
    speakersByName: [...people.values()].filter((person) => person.claims.length > 0).sort(byName),
    years: [...new Set(claims.map((claim) => claim.year))].sort().reverse(),
    byStatus: RATING_SCALE.map((rating) => ({ rating, claims: byStatus.get(rating.value) ?? [] })),
    statusCounts: countByStatus(claims),
    analysis,
  };
}

let built: Promise<Catalog> | undefined;
/** In `astro dev`: the catalog of the content it was built from, by that content's fingerprint. */
let previewed: { fingerprint: string; catalog: Promise<Catalog> } | undefined;

/**
 * Changes whenever an entry comes, goes or changes: each stored digest is its file's. Read
 * from Astro's store alone, so a request whose content is unchanged parses no fields.
 */
async function contentFingerprint(): Promise<string> {
  const hash = createHash('sha1');
  for (const collection of COLLECTION_NAMES) {
    for (const entry of await getCollection(collection)) hash.update(`${collection}/${entry.id}:${entry.digest}\n`);
  }
  return hash.digest('base64');
}

/**
 * The catalog, built on first use and shared by every page of a build. In `astro dev` it
 * is built again whenever the content has changed since the last request, so a
 * contributor's preview is never stale, and reused while it has not, so that at a
 * hundred thousand claims a page does not wait for the whole catalog every time.
 */
export async function getCatalog(): Promise<Catalog> {
  if (!import.meta.env.DEV) return (built ??= readEntries().then(buildCatalog));
  const fingerprint = await contentFingerprint();
  if (previewed?.fingerprint !== fingerprint) {
    const catalog = readEntries().then(buildCatalog);
    previewed = { fingerprint, catalog };
    // A failed build is not kept: the next request tries again.
    catalog.catch(() => {
      if (previewed?.catalog === catalog) previewed = undefined;
    });
  }
  return previewed.catalog;
}

/**
 * The organisation a speaker speaks for, or themselves: what charts colour a mark by and
 * tables link to. (The side in the sense of the method is `Person.side`.)
 */
export function organisationOf(person: Person): Person {
  return person.affiliation ?? person;
}

/** Claims grouped by the year they were said, newest year first (for person pages). */
export function groupByYear(claims: readonly Claim[]): { year: string; claims: Claim[] }[] {
  const groups: { year: string; claims: Claim[] }[] = [];
  for (const claim of claims) {
    const last = groups.at(-1);
    if (last?.year === claim.year) last.claims.push(claim);
    else groups.push({ year: claim.year, claims: [claim] });
  }
  return groups;
}
