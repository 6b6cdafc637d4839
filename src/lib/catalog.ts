/**
 * Every query the pages make, computed once per build from the collections: claims
 * sorted newest first; each person's, outlet's and topic's claims; articles per outlet;
 * scorecards; the people each topic quotes most; related claims; and the analysis of
 * figures, typed links and forecasts (analysis.ts). Pages read from here
 * and never scan or sort a collection themselves, so building N claim pages costs N
 * lookups, not N scans.
 */
import { getCollection } from 'astro:content';
import type { ClaimData, Evidence } from '../schemas/claim.ts';
import type { OutletData } from '../schemas/outlet.ts';
import { roleAt, type PersonData, type Role } from '../schemas/person.ts';
import type { SideData } from '../schemas/side.ts';
import { sourceDate, type SourceData } from '../schemas/source.ts';
import { isCertainlyBefore } from '../schemas/date.ts';
import { sideOf, standingOf, type Standing } from './independence.ts';
import { appearanceWords, evidenceDate, isLaterEvidence } from './content/method.ts';
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
  /** Where it appeared, each source resolved, first appearance first. */
  appearances: ClaimAppearance[];
  firstAppearance: ClaimAppearance;
  /** The outlet of the first appearance. */
  firstOutlet: Outlet;
  /** The evidence, each item with its source, originator and standing resolved. */
  evidence: EvidenceItem[];
  /** The speaker's role when the claim was made, if the record knows it. */
  speakerRole: { role: Role; asDescribed?: string } | undefined;
  /** The day the claim was first rated, from its own log. */
  added: string;
  /** The day of its latest status change, from its own log. */
  lastUpdated: string;
}

/** One appearance of a claim: the source, and the words and quote flag it gives. */
export interface ClaimAppearance {
  source: Source;
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

export interface Person {
  id: string;
  data: PersonData;
  /** The side it speaks for, its own or its organisation's. */
  side: Side | undefined;
  /** The biography, rendered. */
  html: string;
  affiliation: Person | undefined;
  /** People who list this organisation as their affiliation. */
  members: Person[];
  claims: Claim[];
  scorecard: StatusCount[];
}

export interface Outlet {
  id: string;
  data: OutletData;
  html: string;
  claims: Claim[];
  /** The sources it published, newest first. */
  articles: Source[];
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
  sources: Map<string, Source>;
  sides: Map<string, Side>;
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
  const [claimEntries, personEntries, outletEntries, topicEntries, sourceEntries, sideEntries, measureEntries] = await Promise.all([
    getCollection('claims'),
    getCollection('people'),
    getCollection('outlets'),
    getCollection('topics'),
    getCollection('sources'),
    getCollection('sides'),
    getCollection('measures'),
  ]);

  const sides = new Map<string, Side>(
    sideEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml('sides', entry.id, entry.digest), members: [] }]),
  );
  const people = new Map<string, Person>(
    personEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml('people', entry.id, entry.digest), side: undefined, affiliation: undefined, members: [], claims: [], scorecard: [] }]),
  );
  const lookup = { people: new Map(personEntries.map((entry) => [entry.id, entry.data])), sides: new Map(sideEntries.map((entry) => [entry.id, entry.data])) };
  for (const person of people.values()) {
    const affiliation = person.data.affiliation ? people.get(person.data.affiliation) : undefined;
    person.affiliation = affiliation;
    affiliation?.members.push(person);
    const side = sideOf(person.id, lookup);
    person.side = side ? sides.get(side) : undefined;
    person.side?.members.push(person);
  }
  const outlets = new Map<string, Outlet>(
    outletEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml('outlets', entry.id, entry.digest), claims: [], articles: [] }]),
  );
  const sources = new Map<string, Source>(sourceEntries.map((entry) => {
    const dated = sourceDate(entry.data);
    const source: Source = {
      id: entry.id, data: entry.data, html: bodyHtml('sources', entry.id, entry.digest),
      publisher: outlets.get(entry.data.publisher) as Outlet,
      side: entry.data.side ? sides.get(entry.data.side) : undefined,
      date: dated?.date, dateKind: dated?.which, claims: [], citedBy: [],
    };
    source.publisher.articles.push(source);
    return [entry.id, source];
  }));
  const sourceData = new Map(sourceEntries.map((entry) => [entry.id, entry.data]));
  const topics = new Map<string, Topic>(
    topicEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data, html: bodyHtml('topics', entry.id, entry.digest), claims: [], speakers: [], scorecard: [] }]),
  );

  // The validator guarantees every id resolves before a build gets here.
  const claims: Claim[] = claimEntries.map((entry) => {
    const data: ClaimData = entry.data;
    const appearances = data.appearances.map((appearance, index): ClaimAppearance => ({
      source: sources.get(appearance.source) as Source,
      words: appearanceWords(data, index),
      quote: appearance.quote ?? data.quote,
      locator: appearance.locator,
    }));
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
    const first = appearances[0] as ClaimAppearance;
    return {
      id: entry.id,
      data,
      html: bodyHtml('claims', entry.id, entry.digest),
      speaker,
      file: entry.filePath ?? `content/claims/${entry.id}.md`,
      appearances,
      firstAppearance: first,
      firstOutlet: first.source.publisher,
      evidence,
      speakerRole: roleAt(speaker.data, data.date),
      added: data.updates[0]?.date ?? data.date,
      lastUpdated: data.updates.at(-1)?.date ?? data.date,
    };
  });
  claims.sort(newestFirst);

  const claimsById = new Map(claims.map((claim) => [claim.id, claim]));
  const byStatus = new Map<Status, Claim[]>(RATING_SCALE.map(({ value }) => [value, []]));
  // Newest first, like `claims`: related claims by the same speaker on a topic, without
  // scanning the speaker's whole list (one speaker can hold thousands of claims).
  const bySpeakerTopic = new Map<string, Claim[]>();

  for (const claim of claims) {
    claim.speaker.claims.push(claim);
    byStatus.get(claim.data.status)?.push(claim);
    for (const topicId of claim.data.topics) {
      topics.get(topicId)?.claims.push(claim);
      pushTo(bySpeakerTopic, `${claim.speaker.id}\n${topicId}`, claim);
    }
    const seenOutlets = new Set<string>();
    for (const { source } of claim.appearances) {
      const outlet = source.publisher;
      if (!seenOutlets.has(outlet.id)) outlet.claims.push(claim);
      seenOutlets.add(outlet.id);
      if (source.claims.at(-1) !== claim) source.claims.push(claim);
    }
    for (const { source } of claim.evidence) if (!source.citedBy.includes(claim)) source.citedBy.push(claim);
  }

  for (const person of people.values()) person.scorecard = countByStatus(person.claims);
  for (const outlet of outlets.values()) {
    outlet.articles.sort((a, b) => compareNewestFirst(a.date ?? '', b.date ?? '') || a.data.title.localeCompare(b.data.title));
  }
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

  return { claims, claimsById, people, outlets, topics, sources, sides, byStatus, statusCounts: countByStatus(claims), relatedTo, analysis };
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
    const year = yearOf(claim.data.date);
    const last = groups.at(-1);
    if (last?.year === year) last.claims.push(claim);
    else groups.push({ year, claims: [claim] });
  }
  return groups;
}
