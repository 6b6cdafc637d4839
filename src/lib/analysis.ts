/**
 * The analysis queries, computed once per build as part of the catalog: figures by
 * measure and by speaker, typed links seen from both ends, changed positions, and
 * forecasts by due date with what is overdue on the build date. Everything is indexed in
 * one pass over the claims, so a claim page costs lookups, not scans.
 */
import type { ClaimLink, Figure, Forecast } from '../schemas/claim.ts';
import { earliestDay, isCertainlyBefore, type PartialDate } from '../schemas/date.ts';
import { linkTypeOf, LINK_TYPES, type LinkType } from '../schemas/link.ts';
import type { MeasureData } from '../schemas/measure.ts';
import type { Claim, Person } from './catalog.ts';

export interface Measure {
  id: string;
  data: MeasureData;
  html: string;
  /** Every figure given for it, oldest first by the date it refers to. */
  figures: FigurePoint[];
  /**
   * Claims linked to its figures' claims (by any type but context) that give no figure of
   * their own for it; each link is seen from the linked claim's end, `about` the figure.
   */
  linked: LinkedClaim[];
}

export interface FigurePoint {
  claim: Claim;
  figure: Figure;
  measure: Measure;
  /** The date the figure refers to: its `asOf`, or when it was said. */
  date: PartialDate;
}

export interface LinkedClaim {
  claim: Claim;
  type: LinkType;
  /** `outgoing`: this claim wrote the link ("denies"); `incoming`: the other did ("denied by"). */
  direction: 'outgoing' | 'incoming';
  note: string | undefined;
  /** On a measure's page: the figure the link is about. */
  about?: FigurePoint | undefined;
}

export interface LinkGroup {
  type: LinkType;
  direction: 'outgoing' | 'incoming';
  /** "Denies", "Denied by". */
  heading: string;
  links: LinkedClaim[];
}

export interface ForecastEntry {
  claim: Claim;
  forecast: Forecast;
  /** Pending and past its due date on the day the site was built. */
  overdue: boolean;
}

/** A change of position: a `revises` link, or the same speaker's next different figure for a measure. */
export interface PositionChange {
  from: Claim;
  to: Claim;
  /** Set when the change is a changed figure. */
  figures?: { measure: Measure; from: Figure; to: Figure } | undefined;
  /** Whether a `revises` link records it. */
  linked: boolean;
  note: string | undefined;
}

export interface PersonAnalysis {
  /** The figures this person gave, by measure, oldest first within each. */
  figures: { measure: Measure; points: FigurePoint[] }[];
  /** Revisions and changed figures, oldest first. */
  changes: PositionChange[];
}

export interface Analysis {
  measures: Map<string, Measure>;
  /** Measures, most figures first, then by title (the measures index). */
  measuresByFigures: Measure[];
  /** Forecasts and pledges, soonest due first; those with no deadline last. */
  forecasts: ForecastEntry[];
  forecastOf(claim: Claim): ForecastEntry | undefined;
  figuresOf(claim: Claim): FigurePoint[];
  /** Typed links from both ends, grouped by type and direction in the scale's order. */
  linkGroupsOf(claim: Claim): LinkGroup[];
  linkedIds(claim: Claim): ReadonlySet<string>;
  ofPerson(person: Person): PersonAnalysis;
  /** The date the build counts overdue from. */
  today: string;
}

const byDate = (a: { date: PartialDate; claim: Claim }, b: { date: PartialDate; claim: Claim }) =>
  earliestDay(a.date).localeCompare(earliestDay(b.date)) || a.date.length - b.date.length || a.claim.id.localeCompare(b.claim.id);

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildAnalysis(
  claims: readonly Claim[],
  claimsById: ReadonlyMap<string, Claim>,
  measureEntries: readonly { id: string; data: MeasureData; html: string }[],
  today: string,
): Analysis {
  const measures = new Map<string, Measure>(measureEntries.map((entry) => [entry.id, { ...entry, figures: [], linked: [] }]));
  const figuresByClaim = new Map<string, FigurePoint[]>();
  const linksByClaim = new Map<string, LinkedClaim[]>();
  const forecasts: ForecastEntry[] = [];
  const byPersonMeasure = new Map<Person, Map<Measure, FigurePoint[]>>();
  const revisionsByPerson = new Map<Person, PositionChange[]>();

  // A build has every reference checked; in `astro dev` a file can be left out for a moment
  // while the collections reload (see catalog.ts), so a link or figure naming it is skipped.
  for (const claim of claims) {
    for (const figure of claim.data.figures) {
      const measure = measures.get(figure.measure);
      if (!measure) continue;
      const point: FigurePoint = { claim, figure, measure, date: figure.asOf ?? claim.data.date };
      measure.figures.push(point);
      pushTo(figuresByClaim, claim.id, point);
      let mine = byPersonMeasure.get(claim.speaker);
      if (!mine) byPersonMeasure.set(claim.speaker, (mine = new Map()));
      pushTo(mine, measure, point);
    }
    for (const link of claim.data.related as ClaimLink[]) {
      const other = claimsById.get(link.claim);
      if (!other) continue;
      pushTo(linksByClaim, claim.id, { claim: other, type: link.type, direction: 'outgoing', note: link.note });
      pushTo(linksByClaim, other.id, { claim, type: link.type, direction: 'incoming', note: link.note });
      if (link.type === 'revises') {
        pushTo(revisionsByPerson, claim.speaker, { from: other, to: claim, linked: true, note: link.note });
      }
    }
    const { forecast } = claim.data;
    if (forecast) {
      const overdue = forecast.outcome === 'pending' && forecast.due !== undefined && isCertainlyBefore(forecast.due, today);
      forecasts.push({ claim, forecast, overdue });
    }
  }

  for (const measure of measures.values()) {
    measure.figures.sort(byDate);
    const own = new Set(measure.figures.map((point) => point.claim.id));
    const seen = new Set<string>();
    for (const point of measure.figures) {
      for (const link of linksByClaim.get(point.claim.id) ?? []) {
        if (own.has(link.claim.id) || seen.has(link.claim.id) || link.type === 'context') continue;
        seen.add(link.claim.id);
        measure.linked.push({ ...link, direction: link.direction === 'outgoing' ? 'incoming' : 'outgoing', about: point });
      }
    }
  }
  forecasts.sort((a, b) => {
    if (a.forecast.due === undefined || b.forecast.due === undefined) {
      return Number(a.forecast.due === undefined) - Number(b.forecast.due === undefined) || a.claim.id.localeCompare(b.claim.id);
    }
    return byDate({ date: a.forecast.due, claim: a.claim }, { date: b.forecast.due, claim: b.claim });
  });
  const forecastByClaim = new Map(forecasts.map((entry) => [entry.claim.id, entry]));

  const personCache = new Map<Person, PersonAnalysis>();
  function ofPerson(person: Person): PersonAnalysis {
    const cached = personCache.get(person);
    if (cached) return cached;
    const figures = [...(byPersonMeasure.get(person) ?? new Map<Measure, FigurePoint[]>())]
      .map(([measure, points]) => ({ measure, points: points.sort(byDate) }))
      .sort((a, b) => a.measure.data.title.localeCompare(b.measure.data.title));
    const revisions = revisionsByPerson.get(person) ?? [];
    const changes: PositionChange[] = [...revisions];
    for (const { measure, points } of figures) {
      for (let i = 1; i < points.length; i++) {
        const was = points[i - 1] as FigurePoint;
        const now = points[i] as FigurePoint;
        if (was.claim === now.claim || (was.figure.value === now.figure.value && was.figure.qualifier === now.figure.qualifier)) continue;
        const revision = revisions.find((change) => change.to === now.claim && change.from === was.claim);
        if (revision) revision.figures = { measure, from: was.figure, to: now.figure };
        else changes.push({ from: was.claim, to: now.claim, figures: { measure, from: was.figure, to: now.figure }, linked: false, note: undefined });
      }
    }
    changes.sort((a, b) => byDate({ date: a.to.data.date, claim: a.to }, { date: b.to.data.date, claim: b.to }));
    const analysis = { figures, changes };
    personCache.set(person, analysis);
    return analysis;
  }

  const ORDER = LINK_TYPES.map((type) => type.value);
  function linkGroupsOf(claim: Claim): LinkGroup[] {
    const groups = new Map<string, LinkGroup>();
    for (const link of linksByClaim.get(claim.id) ?? []) {
      const key = `${link.type}:${link.direction}`;
      let group = groups.get(key);
      if (!group) {
        const type = linkTypeOf(link.type);
        group = { type: link.type, direction: link.direction, heading: link.direction === 'outgoing' ? type.outgoing : type.incoming, links: [] };
        groups.set(key, group);
      }
      group.links.push(link);
    }
    return [...groups.values()].sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || a.direction.localeCompare(b.direction) * -1);
  }

  return {
    measures,
    measuresByFigures: [...measures.values()].sort((a, b) => b.figures.length - a.figures.length || a.data.title.localeCompare(b.data.title)),
    forecasts,
    forecastOf: (claim) => forecastByClaim.get(claim.id),
    figuresOf: (claim) => figuresByClaim.get(claim.id) ?? [],
    linkGroupsOf,
    linkedIds: (claim) => new Set((linksByClaim.get(claim.id) ?? []).map((link) => link.claim.id)),
    ofPerson,
    today,
  };
}
