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
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Appearance, ClaimData, StatusUpdate } from '../schemas/claim.ts';
import type { OutletData } from '../schemas/outlet.ts';
import type { PersonData } from '../schemas/person.ts';
import type { PlaceData } from '../schemas/place.ts';
import { RATING_SCALE, ratingOf, type ScaleRating as Rating, type Status } from '../schemas/status.ts';
import type { TopicData } from '../schemas/topic.ts';
import { compareNewestFirst, yearOf } from './dates.ts';
import { buildAnalysis, type Analysis } from './analysis.ts';
import { bodyHtml, readBodies } from './content/bodies.ts';

/** An appearance with its outlet resolved. */
export interface ClaimAppearance extends Omit<Appearance, 'outlet'> {
  outlet: Outlet;
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
  affiliation: Person | undefined;
  /** People who list this organisation as their affiliation. */
  members: Person[];
}

export interface Article {
  outlet: Outlet;
  headline: string;
  date: string;
  url: string | undefined;
  archived: string | undefined;
  author: string | undefined;
  claims: Claim[];
}

export interface Outlet extends Subject<OutletData> {
  /** Its articles that carried a claim, newest first. */
  articles: Article[];
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

async function buildCatalog(): Promise<Catalog> {
  const dir = import.meta.env['CLAIMTRAIL_BODIES'] as string;
  const [claimEntries, personEntries, outletEntries, topicEntries, measureEntries, placeEntries, claimBodies, personBodies, outletBodies, topicBodies, measureBodies, placeBodies] = await Promise.all([
    getCollection('claims'),
    getCollection('people'),
    getCollection('outlets'),
    getCollection('topics'),
    getCollection('measures'),
    getCollection('places'),
    readBodies(dir, 'claims'),
    readBodies(dir, 'people'),
    readBodies(dir, 'outlets'),
    readBodies(dir, 'topics'),
    readBodies(dir, 'measures'),
    readBodies(dir, 'places'),
  ]);

  const people = new Map<string, Person>(personEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml(personBodies, 'people', entry.id, entry.digest), ...lists(), affiliation: undefined, members: [] }]));
  for (const person of people.values()) {
    const affiliation = person.data.affiliation ? people.get(person.data.affiliation) : undefined;
    person.affiliation = affiliation;
    affiliation?.members.push(person);
  }
  const outlets = new Map<string, Outlet>(outletEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml(outletBodies, 'outlets', entry.id, entry.digest), ...lists(), articles: [] }]));
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
    && data.appearances.every((appearance) => outlets.has(appearance.outlet)) && data.topics.every((id) => topics.has(id)) && data.places.every((id) => places.has(id));
  const claims: Claim[] = claimEntries.filter(resolves).map((entry) => {
    const { data } = entry;
    const appearances = data.appearances.map((appearance) => ({ ...appearance, outlet: outlets.get(appearance.outlet) as Outlet }));
    return {
      id: entry.id,
      data,
      html: bodyHtml(claimBodies, 'claims', entry.id, entry.digest),
      file: entry.filePath ?? `content/claims/${entry.id}.md`,
      words: data.quote ? `“${data.claim}”` : data.claim,
      rating: ratingOf(data.status),
      speaker: people.get(data.speaker) as Person,
      appearances,
      firstAppearance: appearances[0] as ClaimAppearance,
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
  const articles = new Map<string, Article>();
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
    for (const appearance of claim.appearances) {
      const key = `${appearance.outlet.id}\n${appearance.headline}\n${appearance.date}`;
      let article = articles.get(key);
      if (!article) {
        const { outlet, headline, date, url, archived, author } = appearance;
        article = { outlet, headline, date, url, archived, author, claims: [] };
        articles.set(key, article);
        outlet.articles.push(article);
      }
      article.claims.push(claim);
    }
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
  for (const outlet of outlets.values()) outlet.articles.sort((a, b) => compareNewestFirst(a.date, b.date) || a.headline.localeCompare(b.headline));
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

/**
 * The catalog, built on first use and shared by every page of a build. `astro dev`
 * builds it for every request instead, so a contributor's preview is never stale.
 */
export function getCatalog(): Promise<Catalog> {
  if (import.meta.env.DEV) return buildCatalog();
  return (built ??= buildCatalog());
}

/** The side a speaker is on: the organisation they speak for, or themselves. */
export function sideOf(person: Person): Person {
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
