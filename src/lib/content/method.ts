/**
 * The published method, enforced: the rules on `src/pages/methodology.mdx` and in
 * CONTRIBUTING.md ("How ratings are held to the method"), one function each. They read the
 * files that passed their schemas, resolve speakers, originators and sources, and compute
 * each evidence item's standing (src/lib/independence.ts) instead of trusting prose.
 * The wording is locked by inline snapshots in tests/unit/method.test.ts.
 */
import type { ClaimData, Evidence } from '../../schemas/claim.ts';
import { earliestDay, isCertainlyBefore, precisionOf, type PartialDate } from '../../schemas/date.ts';
import type { PersonData } from '../../schemas/person.ts';
import type { SideData } from '../../schemas/side.ts';
import { sourceDate, type SourceData } from '../../schemas/source.ts';
import { ratingOf } from '../../schemas/status.ts';
import { sideOf, standingOf, type SideLookup, type Standing } from '../independence.ts';
import type { RuleContext, RuleProblem } from './rules.ts';
import { normaliseWords } from './source-texts.ts';
import type { ValidEntry } from './collections.ts';

interface Records extends SideLookup {
  claims: ReadonlyMap<string, ValidEntry<'claims'>>;
  sources: ReadonlyMap<string, SourceData>;
}

const recordsCache = new WeakMap<readonly ValidEntry[], Records>();

function recordsOf({ entries }: RuleContext): Records {
  const cached = recordsCache.get(entries);
  if (cached) return cached;
  const claims = new Map<string, ValidEntry<'claims'>>();
  const people = new Map<string, PersonData>();
  const sources = new Map<string, SourceData>();
  const sides = new Map<string, SideData>();
  for (const entry of entries) {
    if (entry.collection === 'claims') claims.set(entry.id, entry as ValidEntry<'claims'>);
    else if (entry.collection === 'people') people.set(entry.id, entry.data as PersonData);
    else if (entry.collection === 'sources') sources.set(entry.id, entry.data as SourceData);
    else if (entry.collection === 'sides') sides.set(entry.id, entry.data as SideData);
  }
  const records = { claims, people, sources, sides };
  recordsCache.set(entries, records);
  return records;
}

/** The words an appearance gives the claim: its own, else the claim's. */
export function appearanceWords(claim: ClaimData, index: number): string {
  return claim.appearances[index]?.words ?? claim.claim;
}

/** When an evidence item was said or found: its own date, else its source's. */
export function evidenceDate(item: Evidence, sources: ReadonlyMap<string, SourceData>): PartialDate | undefined {
  const source = sources.get(item.source);
  return item.date ?? (source ? sourceDate(source)?.date : undefined);
}

/** The last day a partial date can mean, as YYYY-MM-DD. */
function lastDay(date: PartialDate): string {
  const [year, month] = date.split('-').map(Number) as [number, number | undefined];
  if (precisionOf(date) === 'day') return date;
  const end = month === undefined ? new Date(Date.UTC(year, 11, 31)) : new Date(Date.UTC(year, month, 0));
  return end.toISOString().slice(0, 10);
}

/** How long after a claim evidence counts as later evidence: six months. */
export const LATER_AFTER_DAYS = 183;

/** True when `evidence` is certainly more than six months after `claim` was said. */
export function isLaterEvidence(evidence: PartialDate, claim: PartialDate): boolean {
  const limit = new Date(`${lastDay(claim)}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + LATER_AFTER_DAYS);
  return earliestDay(evidence) > limit.toISOString().slice(0, 10);
}

/** True when the evidence is the claim's own sentence: same source, overlapping words. */
function isOwnSentence(claim: ClaimData, item: Evidence): boolean {
  if (item.words === undefined) return false;
  const evidence = normaliseWords(item.words);
  return claim.appearances.some((appearance, index) => {
    if (appearance.source !== item.source) return false;
    const words = normaliseWords(appearanceWords(claim, index));
    return evidence.includes(words) || words.includes(evidence);
  });
}

/** The standing of each evidence item, and whether it may bear on the rating at all. */
function assess(claim: ClaimData, records: Records): { standing: Standing; ownSentence: boolean }[] {
  return claim.evidence.map((item) => ({
    standing: standingOf(item.originator, claim.speaker, records),
    ownSentence: isOwnSentence(claim, item),
  }));
}

/**
 * True when every person and source the claim names passed its own schema: otherwise a
 * broken file elsewhere (reported on its own) would make this claim's rating look wrong too.
 */
function resolvable(claim: ClaimData, records: Records): boolean {
  return records.people.has(claim.speaker) &&
    claim.evidence.every((item) => records.people.has(item.originator) && records.sources.has(item.source));
}

const nameOf = (id: string, records: Records) => records.people.get(id)?.name ?? id;
const sideName = (side: string | undefined, records: Records) => (side ? records.sides.get(side)?.name ?? side : undefined);

/** Evidence from the speaker, the speaker's side, or the claim's own sentence is context only. */
export function ownEvidenceIsContext(context: RuleContext): RuleProblem[] {
  const records = recordsOf(context);
  const problems: RuleProblem[] = [];
  for (const entry of records.claims.values()) {
    const claim = entry.data;
    if (!resolvable(claim, records)) continue;
    assess(claim, records).forEach(({ standing, ownSentence }, index) => {
      const item = claim.evidence[index] as Evidence;
      if (item.stance === 'context') return;
      const path = ['evidence', index, 'stance'];
      const who = nameOf(item.originator, records);
      if (standing === 'speaker' || standing === 'own-side') {
        const side = sideName(sideOf(claim.speaker, records), records);
        problems.push({ entry, path,
          message: `is "${item.stance}" but ${who} is ${standing === 'speaker' ? 'the speaker' : `on the speaker's own side${side ? ` (${side})` : ''}`}: such evidence can only be context`,
          hint: 'set stance: context; only an originator independent of the speaker\'s side can support or contradict a claim' });
      } else if (ownSentence) {
        problems.push({ entry, path,
          message: `is "${item.stance}" but its words are the claim's own sentence in ${item.source}: it can only be context`,
          hint: 'a claim cannot be its own evidence; find the report or finding it refers to and cite that' });
      }
    });
  }
  return problems;
}

/** Each rating has the evidence the method requires of it. */
export function ratingsFollowTheMethod(context: RuleContext): RuleProblem[] {
  const records = recordsOf(context);
  const problems: RuleProblem[] = [];
  for (const entry of records.claims.values()) {
    const claim = entry.data;
    const required = ratingOf(claim.status).requires;
    if (!required || !resolvable(claim, records)) continue;
    const counted = assess(claim, records).filter(({ ownSentence }, index) => !ownSentence && claim.evidence[index]?.stance === required);
    const side = sideName(sideOf(claim.speaker, records), records);
    const ofSide = side ? ` (${side})` : '';
    if (claim.status === 'disputed') {
      if (counted.some(({ standing }) => standing === 'other-party')) continue;
      problems.push({ entry, path: ['status'],
        message: `a claim rated "disputed" needs a contradicting item from a party to the conflict other than the speaker's side${ofSide}`,
        hint: 'a denial by the speaker\'s own side does not dispute a claim; without another party\'s denial, rate it unverified' });
    } else if (!counted.some(({ standing }) => standing === 'independent')) {
      const item = required === 'supports' ? 'a supporting item' : 'a contradicting item';
      problems.push({ entry, path: ['status'],
        message: `a claim rated "${claim.status}" needs ${item} whose originator is independent of the speaker's side${ofSide}`,
        hint: required === 'supports'
          ? 'independent: not the speaker, not the speaker\'s side, not another party to the conflict; add such evidence or rate it unverified'
          : 'a denial by another party to the conflict makes a claim disputed, not contradicted' });
    }
  }
  return problems;
}

/** Evidence that quotes another recorded claim names it, and names it rightly. */
export function recordedClaimsAreNamed(context: RuleContext): RuleProblem[] {
  const records = recordsOf(context);
  const problems: RuleProblem[] = [];
  // Each claim's words by source, to recognise evidence that quotes a recorded claim.
  const bySource = new Map<string, { id: string; speaker: string; words: string }[]>();
  for (const [id, { data }] of records.claims) {
    data.appearances.forEach((appearance, index) => {
      const list = bySource.get(appearance.source) ?? [];
      list.push({ id, speaker: data.speaker, words: normaliseWords(appearanceWords(data, index)) });
      bySource.set(appearance.source, list);
    });
  }
  for (const entry of records.claims.values()) {
    entry.data.evidence.forEach((item, index) => {
      if (item.claim === entry.id) {
        problems.push({ entry, path: ['evidence', index, 'claim'], message: 'is this claim itself',
          hint: 'a claim cannot be its own evidence; name another recorded claim or leave claim out' });
        return;
      }
      if (item.claim !== undefined) {
        const named = records.claims.get(item.claim);
        if (named && named.data.speaker !== item.originator) {
          problems.push({ entry, path: ['evidence', index, 'claim'],
            message: `claim "${item.claim}" was said by ${nameOf(named.data.speaker, records)}, not by the originator, ${nameOf(item.originator, records)}`,
            hint: `originator: ${named.data.speaker}` });
        }
        return;
      }
      if (item.words === undefined || item.stance === 'context') return;
      const words = normaliseWords(item.words);
      const quoted = bySource.get(item.source)?.find((other) =>
        other.id !== entry.id && other.speaker === item.originator && (words.includes(other.words) || other.words.includes(words)));
      if (quoted) {
        problems.push({ entry, path: ['evidence', index],
          message: `quotes the recorded claim "${quoted.id}" without naming it`,
          hint: `add claim: ${quoted.id}, so a rating cannot rest on a circle of claims` });
      }
    });
  }
  return problems;
}

/** Beyond this many claims in one circle, the message names some of them rather than the way round. */
const CIRCLE_SHOWN = 50;

/**
 * The strongly connected groups of a directed graph (Tarjan's algorithm, iterative so a
 * long chain cannot overflow the stack): two claims share a group exactly when each rests,
 * through the claims their evidence names, on the other.
 */
function stronglyConnected(nodes: Iterable<string>, edgesOf: (node: string) => readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const group = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  let groups = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work.at(-1) as { node: string; next: number };
      const edges = edgesOf(frame.node);
      if (frame.next < edges.length) {
        const to = edges[frame.next++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          group.set(member, groups);
        } while (member !== frame.node);
        groups++;
      }
    }
  }
  return group;
}

/**
 * No rating rests, through the claims its evidence names, on itself. Circles are found
 * once for the whole graph (linear in claims and links), then each edge inside one is
 * reported with the way back round, searched only within its circle, so a long chain of
 * claims, circular or not, cannot stall validate.
 */
export function noCircularRatings(context: RuleContext): RuleProblem[] {
  const records = recordsOf(context);
  const bearing = new Map<string, { to: string; index: number }[]>();
  for (const [id, { data }] of records.claims) {
    if (ratingOf(data.status).requires === null) continue;
    const edges = data.evidence.flatMap((item, index) =>
      (item.claim && item.stance !== 'context' && item.claim !== id && records.claims.has(item.claim) ? [{ to: item.claim, index }] : []));
    if (edges.length) bearing.set(id, edges);
  }
  const targets = new Map([...bearing].map(([id, edges]) => [id, edges.map(({ to }) => to)]));
  const group = stronglyConnected(bearing.keys(), (id) => targets.get(id) ?? []);
  const size = new Map<number, number>();
  for (const g of group.values()) size.set(g, (size.get(g) ?? 0) + 1);

  const problems: RuleProblem[] = [];
  for (const [id, edges] of bearing) {
    const circle = group.get(id) as number;
    for (const { to, index } of edges) {
      if (group.get(to) !== circle) continue;
      const entry = records.claims.get(id) as ValidEntry<'claims'>;
      const members = size.get(circle) as number;
      const way = members <= CIRCLE_SHOWN ? wayRound(id, to, (node) => (group.get(node) === circle ? targets.get(node) ?? [] : [])) : undefined;
      problems.push({ entry, path: ['evidence', index, 'claim'],
        message: way
          ? `makes a circle of ratings: ${way.join(' rests on ')}`
          : `makes a circle of ratings through ${members} claims, ${id} rests on ${to} and, through others, ${to} on ${id}`,
        hint: 'a claim cannot be rated on a claim whose rating rests on it; rate one on independent evidence and make the other context' });
    }
  }
  return problems;
}

/** The shortest way from `from` (which `to` rests on) round to `from` again: breadth first. */
function wayRound(from: string, to: string, edgesOf: (node: string) => readonly string[]): string[] {
  const cameFrom = new Map<string, string>([[to, from]]);
  const queue = [to];
  for (let head = 0; head < queue.length && !cameFrom.has(from); head++) {
    const next = queue[head] as string;
    for (const edge of edgesOf(next)) {
      if (cameFrom.has(edge)) continue;
      cameFrom.set(edge, next);
      queue.push(edge);
      if (edge === from) break;
    }
  }
  const way = [from];
  for (let at = cameFrom.get(from) as string; at !== from; at = cameFrom.get(at) as string) way.unshift(at);
  way.unshift(from);
  return way;
}

/** Supporting or contradicting evidence from more than six months after the claim says why it bears on it. */
export function laterEvidenceStatesItsBearing(context: RuleContext): RuleProblem[] {
  const records = recordsOf(context);
  const problems: RuleProblem[] = [];
  for (const entry of records.claims.values()) {
    entry.data.evidence.forEach((item, index) => {
      const date = evidenceDate(item, records.sources);
      if (item.stance === 'context' || item.bearing !== undefined || !date || !isLaterEvidence(date, entry.data.date)) return;
      problems.push({ entry, path: ['evidence', index, 'bearing'],
        message: `is missing: the evidence is dated ${date}, more than six months after the claim (${entry.data.date})`,
        hint: 'say in bearing: why it bears on the claim as it was said, or make it context' });
    });
  }
  return problems;
}

/** A source cannot carry a claim before it was said, and appearances are listed oldest first. */
export function appearancesFollowTheClaim(context: RuleContext): RuleProblem[] {
  const records = recordsOf(context);
  const problems: RuleProblem[] = [];
  for (const entry of records.claims.values()) {
    const claim = entry.data;
    let previous: PartialDate | undefined;
    claim.appearances.forEach((appearance, index) => {
      const source = records.sources.get(appearance.source);
      if (!source) return;
      // The latest date the source shows is the one that must not precede the claim.
      const latest = source.updated ?? source.published;
      const first = sourceDate(source)?.date;
      if (latest && isCertainlyBefore(latest, claim.date)) {
        problems.push({ entry, path: ['appearances', index, 'source'],
          message: `"${appearance.source}" is dated ${latest}, before the claim was said (${claim.date})`,
          hint: 'a source cannot report a claim before it was made; check both dates' });
      } else if (first && previous && isCertainlyBefore(first, previous)) {
        problems.push({ entry, path: ['appearances', index, 'source'],
          message: `"${appearance.source}" is dated ${first}, before the appearance listed above it (${previous})`,
          hint: 'list appearances oldest first; the first is the first appearance' });
      }
      previous = first ?? previous;
    });
  }
  return problems;
}

/** Every appearance's words, and every evidence item's, are in its own source, where its text is at hand. */
export function wordsAreInTheirSource(context: RuleContext): RuleProblem[] {
  const texts = context.sourceTexts;
  if (!texts?.size) return [];
  const records = recordsOf(context);
  const textOf = (id: string) => {
    const source = records.sources.get(id);
    return source ? texts.get(normaliseWords(source.title)) : undefined;
  };
  const problems: RuleProblem[] = [];
  for (const entry of records.claims.values()) {
    const claim = entry.data;
    claim.appearances.forEach((appearance, index) => {
      const text = textOf(appearance.source);
      if (text === undefined || text.includes(normaliseWords(appearanceWords(claim, index)))) return;
      problems.push({ entry, path: appearance.words === undefined ? ['appearances', index, 'source'] : ['appearances', index, 'words'],
        message: appearance.words === undefined
          ? `the claim's words are not in "${appearance.source}" word for word`
          : `are not in "${appearance.source}" word for word`,
        hint: appearance.words === undefined
          ? 'if this source words the claim differently, give the appearance its own words: and quote:'
          : 'copy them exactly; only white space and the style of quotation marks may differ' });
    });
    claim.evidence.forEach((item, index) => {
      const text = textOf(item.source);
      if (item.words === undefined || text === undefined || text.includes(normaliseWords(item.words))) return;
      problems.push({ entry, path: ['evidence', index, 'words'], message: `are not in "${item.source}" word for word`,
        hint: 'copy them exactly; only white space and the style of quotation marks may differ' });
    });
  }
  return problems;
}

export const METHOD_RULES = [
  ownEvidenceIsContext,
  ratingsFollowTheMethod,
  recordedClaimsAreNamed,
  noCircularRatings,
  laterEvidenceStatesItsBearing,
  appearancesFollowTheClaim,
  wordsAreInTheirSource,
];
