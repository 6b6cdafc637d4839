/**
 * Every query the pages make, computed once per build from the collections: claims
 * sorted newest first; each person's, outlet's and topic's claims; articles per outlet;
 * scorecards; the people each topic quotes most; related claims; and the analysis of
 * figures, typed links and forecasts (analysis.ts). Pages read from here
 * and never scan or sort a collection themselves, so building N claim pages costs N
 * lookups, not N scans.
 */
import { getCollection } from 'astro:content';
import type { Appearance, ClaimData } from '../schemas/claim.ts';
import type { OutletData } from '../schemas/outlet.ts';
import type { PersonData } from '../schemas/person.ts';
import { RATING_SCALE, type Status } from '../schemas/status.ts';
import type { TopicData } from '../schemas/topic.ts';
import { compareNewestFirst, yearOf } from './dates.ts';
import { buildAnalysis, type Analysis } from './analysis.ts';
import { bodyHtml, contentVersion } from './content/bodies.ts';

export interface Claim {
  id: string;
  data: ClaimData;
  /** The editor's context and analysis, rendered; '' when the file has no body. */
  html: string;
  speaker: Person;
  /** The content file, for "Edit this claim" and history links. */
  file: string;
  firstAppearance: Appearance;
  /** The outlet of the first appearance. */
  firstOutlet: Outlet;
  /** The day the claim was first rated, from its own log. */
  added: string;
  /** The day of its latest status change, from its own log. */
  lastUpdated: string;
}

export interface Person {
  id: string;
  data: PersonData;
  /** The biography, rendered. */
  html: string;
  affiliation: Person | undefined;
  /** People who list this organisation as their affiliation. */
  members: Person[];
  claims: Claim[];
  scorecard: StatusCount[];
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

export interface Outlet {
  id: string;
  data: OutletData;
  html: string;
  claims: Claim[];
  articles: Article[];
}

export interface Topic {
  id: string;
  data: TopicData;
  html: string;
  claims: Claim[];
  /** The people this topic quotes, most claims first. */
  speakers: { person: Person; count: number }[];
  scorecard: StatusCount[];
}

export interface StatusCount {
  status: Status;
  count: number;
}

export interface Catalog {
  /** All claims, newest said first. */
  claims: Claim[];
  claimsById: Map<string, Claim>;
  people: Map<string, Person>;
  outlets: Map<string, Outlet>;
  topics: Map<string, Topic>;
  byStatus: Map<Status, Claim[]>;
  statusCounts: StatusCount[];
  /** More from the same speaker on a shared topic, newest first, leaving out claims it is linked with (those are shown by link type). */
  relatedTo(claim: Claim, limit?: number): Claim[];
  /** Figures by measure, typed links from both ends, changed positions, forecasts. */
  analysis: Analysis;
}

function newestFirst(a: Claim, b: Claim): number {
  return compareNewestFirst(a.data.date, b.data.date) || compareNewestFirst(a.added, b.added) || a.id.localeCompare(b.id);
}

function countByStatus(claims: readonly Claim[]): StatusCount[] {
  const counts = new Map<Status, number>();
  for (const claim of claims) counts.set(claim.data.status, (counts.get(claim.data.status) ?? 0) + 1);
  return RATING_SCALE.map(({ value }) => ({ status: value, count: counts.get(value) ?? 0 }));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

async function buildCatalog(): Promise<Catalog> {
  const [claimEntries, personEntries, outletEntries, topicEntries, measureEntries] = await Promise.all([
    getCollection('claims'),
    getCollection('people'),
    getCollection('outlets'),
    getCollection('topics'),
    getCollection('measures'),
  ]);

  const people = new Map<string, Person>(
    personEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml('people', entry.id, entry.digest), affiliation: undefined, members: [], claims: [], scorecard: [] }]),
  );
  for (const person of people.values()) {
    const affiliation = person.data.affiliation ? people.get(person.data.affiliation) : undefined;
    person.affiliation = affiliation;
    affiliation?.members.push(person);
  }
  const outlets = new Map<string, Outlet>(
    outletEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml('outlets', entry.id, entry.digest), claims: [], articles: [] }]),
  );
  const topics = new Map<string, Topic>(
    topicEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml('topics', entry.id, entry.digest), claims: [], speakers: [], scorecard: [] }]),
  );

  // The validator guarantees every id resolves before a build gets here.
  const claims: Claim[] = claimEntries.map((entry) => ({
    id: entry.id,
    data: entry.data,
    html: bodyHtml('claims', entry.id, entry.digest),
    speaker: people.get(entry.data.speaker) as Person,
    file: entry.filePath ?? `content/claims/${entry.id}.md`,
    firstAppearance: entry.data.appearances[0] as Appearance,
    firstOutlet: outlets.get(entry.data.appearances[0]?.outlet ?? '') as Outlet,
    added: entry.data.updates[0]?.date ?? entry.data.date,
    lastUpdated: entry.data.updates.at(-1)?.date ?? entry.data.date,
  }));
  claims.sort(newestFirst);

  const claimsById = new Map(claims.map((claim) => [claim.id, claim]));
  const byStatus = new Map<Status, Claim[]>(RATING_SCALE.map(({ value }) => [value, []]));
  // Newest first, like `claims`: related claims by the same speaker on a topic, without
  // scanning the speaker's whole list (one speaker can hold thousands of claims).
  const bySpeakerTopic = new Map<string, Claim[]>();
  const articles = new Map<string, Article>();

  for (const claim of claims) {
    claim.speaker.claims.push(claim);
    byStatus.get(claim.data.status)?.push(claim);
    for (const topicId of claim.data.topics) {
      topics.get(topicId)?.claims.push(claim);
      pushTo(bySpeakerTopic, `${claim.speaker.id}\n${topicId}`, claim);
    }
    const seenOutlets = new Set<string>();
    for (const appearance of claim.data.appearances) {
      const outlet = outlets.get(appearance.outlet) as Outlet;
      if (!seenOutlets.has(outlet.id)) outlet.claims.push(claim);
      seenOutlets.add(outlet.id);
      const key = `${outlet.id}\n${appearance.headline}\n${appearance.date}`;
      let article = articles.get(key);
      if (!article) {
        article = { outlet, headline: appearance.headline, date: appearance.date, url: appearance.url, archived: appearance.archived, author: appearance.author, claims: [] };
        articles.set(key, article);
        outlet.articles.push(article);
      }
      article.claims.push(claim);
    }
  }

  for (const person of people.values()) person.scorecard = countByStatus(person.claims);
  for (const outlet of outlets.values()) outlet.articles.sort((a, b) => compareNewestFirst(a.date, b.date) || a.headline.localeCompare(b.headline));
  for (const topic of topics.values()) {
    topic.scorecard = countByStatus(topic.claims);
    const counts = new Map<Person, number>();
    for (const claim of topic.claims) counts.set(claim.speaker, (counts.get(claim.speaker) ?? 0) + 1);
    topic.speakers = [...counts].map(([person, count]) => ({ person, count }))
      .sort((a, b) => b.count - a.count || a.person.data.name.localeCompare(b.person.data.name));
  }

  const analysis = buildAnalysis(claims, claimsById,
    measureEntries.map((entry) => ({ id: entry.id, data: entry.data, html: bodyHtml('measures', entry.id, entry.digest) })),
    new Date().toISOString().slice(0, 10));

  function relatedTo(claim: Claim, limit = 6): Claim[] {
    const linked = analysis.linkedIds(claim);
    const chosen = new Map<string, Claim>();
    const add = (other: Claim | undefined) => {
      if (other && other.id !== claim.id && !linked.has(other.id) && !chosen.has(other.id)) chosen.set(other.id, other);
    };
    const sameSpeaker = claim.data.topics.map((topic) => bySpeakerTopic.get(`${claim.speaker.id}\n${topic}`) ?? []);
    // Take the newest from each topic's list in turn until enough are chosen.
    for (let depth = 0; chosen.size < limit && sameSpeaker.some((list) => depth < list.length); depth++) {
      for (const list of sameSpeaker) if (chosen.size < limit) add(list[depth]);
    }
    return [...chosen.values()];
  }

  return { claims, claimsById, people, outlets, topics, byStatus, statusCounts: countByStatus(claims), relatedTo, analysis };
}

let cached: { version: number; catalog: Promise<Catalog> } | undefined;

/**
 * The catalog, built on first use and shared by every page of the build. In `astro dev`
 * it is built again after content changes, so a contributor's preview is never stale.
 */
export function getCatalog(): Promise<Catalog> {
  const version = contentVersion();
  if (cached?.version !== version) cached = { version, catalog: buildCatalog() };
  return cached.catalog;
}

/** The side a speaker is on: the organisation they speak for, or themselves. */
export function sideOf(person: Person): Person {
  return person.affiliation ?? person;
}

/** Claims grouped by the year they were said, newest year first (for person pages). */
export function groupByYear(claims: readonly Claim[]): { year: string; claims: Claim[] }[] {
  const groups: { year: string; claims: Claim[] }[] = [];
  for (const claim of claims) {
    const year = yearOf(claim.data.date);
    const last = groups.at(-1);
    if (last?.year === year) last.claims.push(claim);
    else groups.push({ year, claims: [claim] });
  }
  return groups;
}
