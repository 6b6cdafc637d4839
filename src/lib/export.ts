/**
 * The public data exports: /claims.json (one record per claim, every field) and
 * /claims.csv (one row per claim, flat columns). Field names and their descriptions live
 * here once; the /data/ page prints them, so the documentation cannot drift from the files.
 * Ids are the claims' file names and never change once published.
 */
import { precisionOf } from '../schemas/date.ts';
import type { Analysis, FigurePoint, ForecastEntry } from './analysis.ts';
import { organisationOf, type Claim, type Side } from './catalog.ts';
import { absoluteUrl, claimUrl } from './links.ts';

export const JSON_FIELDS: { name: string; description: string }[] = [
  { name: 'id', description: 'Stable identifier: the claim file’s name. The permalink is /claims/<id>/.' },
  { name: 'url', description: 'The claim’s page.' },
  { name: 'claim', description: 'The words: verbatim when quote is true, as reported otherwise.' },
  { name: 'quote', description: 'true for the speaker’s exact words, false for reported speech.' },
  { name: 'speaker', description: 'Who said it: { id, name, kind } where kind is person, organisation or unnamed.' },
  { name: 'speaker_role', description: 'The speaker’s role when the claim was made, if recorded: { title, as_described } where as_described is the date a source describes the role, or null when its dates cover the claim.' },
  { name: 'speaker_side', description: 'The side the speaker speaks for (a party to the conflict or not): { id, name, party }, or null for an independent speaker.' },
  { name: 'date', description: 'When it was said, as YYYY-MM-DD, YYYY-MM or YYYY: never more precise than the source.' },
  { name: 'date_precision', description: 'day, month or year.' },
  { name: 'status', description: 'The rating value (see /methodology/).' },
  { name: 'status_label', description: 'The rating as shown on the site.' },
  { name: 'summary', description: 'One sentence saying why the claim has its rating.' },
  { name: 'topics', description: 'Topic ids.' },
  { name: 'places', description: 'Ids of the places the claim names or is about, most specific first (see content/places/).' },
  { name: 'appearances', description: 'Where it appeared, first appearance first: { source, kind, title, outlet, outlet_name, author, published, updated, url, archived, language, side, words, quote, locator }. Dates are null when the source does not show them; url and archived are null unless known.' },
  { name: 'evidence', description: 'Evidence items: { stance (supports, contradicts or context), source, source_kind, source_title, outlet_name, originator, originator_name, standing (speaker, own-side, other-party or independent), side, date, timing (before, at-the-time, later or undated, relative to the claim), words, locator, url, archived, summary, claim, bearing }.' },
  { name: 'updates', description: 'The dated log of status changes, oldest first: { date, from, to, note }.' },
  { name: 'related', description: 'Typed links to other claims, from both ends: { claim, type (repeats, revises, contradicts, denies, responds-to or context), direction (outgoing: this claim does it, e.g. denies; incoming: the other claim does it to this one, e.g. denied by), note }.' },
  { name: 'figures', description: 'The numbers in the claim: { measure, measure_title, unit, value, qualifier (exactly, about, more-than, up-to or fewer-than), words (exactly as in the claim), as_of (the date it refers to, or null) }.' },
  { name: 'forecast', description: 'For a forecast or pledge: { kind, due (at its precision, or null when no deadline was set), outcome, overdue (pending and past due on the build date), evidence }; null otherwise.' },
  { name: 'language', description: 'Language the claim was first made in, when not English (BCP 47), or null.' },
  { name: 'original', description: 'The claim in its original language and script, or null.' },
  { name: 'added', description: 'The day the claim was first rated.' },
  { name: 'last_updated', description: 'The day of its latest status change.' },
];

function sideRecord(side: Side | undefined) {
  return side ? { id: side.id, name: side.data.name, party: side.data.party } : null;
}

export function claimRecord(claim: Claim, analysis: Analysis) {
  const { data } = claim;
  return {
    id: claim.id,
    url: absoluteUrl(claimUrl(claim.id)),
    claim: data.claim,
    quote: data.quote,
    speaker: { id: claim.speaker.id, name: claim.speaker.data.name, kind: claim.speaker.data.kind },
    speaker_role: claim.speakerRole ? { title: claim.speakerRole.role.title, as_described: claim.speakerRole.asDescribed ?? null } : null,
    speaker_side: sideRecord(claim.speaker.side),
    date: data.date,
    date_precision: precisionOf(data.date),
    status: data.status,
    status_label: claim.rating.label,
    summary: data.summary,
    topics: data.topics,
    places: data.places,
    appearances: claim.appearances.map(({ source, words, quote, locator }) => ({
      source: source.id,
      kind: source.data.kind,
      title: source.data.title,
      outlet: source.publisher.id,
      outlet_name: source.publisher.data.name,
      author: source.data.author ?? null,
      published: source.data.published ?? null,
      updated: source.data.updated ?? null,
      url: source.data.url ?? null,
      archived: source.data.archived ?? null,
      language: source.data.language,
      side: sideRecord(source.side),
      words,
      quote,
      locator: locator ?? null,
    })),
    evidence: claim.evidence.map(({ item, source, originator, standing, side, date, timing }) => ({
      stance: item.stance,
      source: source.id,
      source_kind: source.data.kind,
      source_title: source.data.title,
      outlet_name: source.publisher.data.name,
      originator: originator.id,
      originator_name: originator.data.name,
      standing,
      side: sideRecord(side),
      date: date ?? null,
      timing,
      words: item.words ?? null,
      locator: item.locator ?? null,
      url: source.data.url ?? null,
      archived: source.data.archived ?? null,
      summary: item.summary,
      claim: item.claim ?? null,
      bearing: item.bearing ?? null,
    })),
    updates: data.updates.map((u) => ({ date: u.date, from: u.from ?? null, to: u.to, note: u.note })),
    related: analysis.linkGroupsOf(claim).flatMap((group) => group.links.map((link) =>
      ({ claim: link.claim.id, type: link.type, direction: link.direction, note: link.note ?? null }))),
    figures: analysis.figuresOf(claim).map(({ figure, measure }) => ({
      measure: measure.id,
      measure_title: measure.data.title,
      unit: measure.data.unit,
      value: figure.value,
      qualifier: figure.qualifier,
      words: figure.words,
      as_of: figure.asOf ?? null,
    })),
    forecast: forecastRecord(analysis.forecastOf(claim)),
    language: data.language ?? null,
    original: data.original ?? null,
    added: claim.added,
    last_updated: claim.lastUpdated,
  };
}

function forecastRecord(entry: ForecastEntry | undefined) {
  if (!entry) return null;
  const { forecast, overdue } = entry;
  return {
    kind: forecast.kind,
    due: forecast.due ?? null,
    outcome: forecast.outcome,
    overdue,
    evidence: forecast.evidence.map((e) => ({ source: e.source, date: e.date ?? null, url: e.url ?? null, summary: e.summary })),
  };
}

export type ClaimRecord = ReturnType<typeof claimRecord>;

/** /figures.csv: one row per figure, for spreadsheets and charts of their own. */
export const FIGURE_COLUMNS: { name: string; description: string; value: (point: FigurePoint) => string | number | null }[] = [
  { name: 'claim_id', description: 'The claim the figure is in.', value: (p) => p.claim.id },
  { name: 'claim_url', description: 'The claim’s page.', value: (p) => absoluteUrl(claimUrl(p.claim.id)) },
  { name: 'speaker_id', description: 'Who gave the figure.', value: (p) => p.claim.speaker.id },
  { name: 'speaker_name', description: 'Their name.', value: (p) => p.claim.speaker.data.name },
  { name: 'side', description: 'The organisation the speaker speaks for (or the speaker, if an organisation).', value: (p) => organisationOf(p.claim.speaker).data.name },
  { name: 'date_said', description: 'When the claim was said, at its precision.', value: (p) => p.claim.data.date },
  { name: 'date', description: 'The date the figure refers to, at its precision (the date said unless the claim gives another).', value: (p) => p.date },
  { name: 'measure', description: 'The measure id.', value: (p) => p.measure.id },
  { name: 'measure_title', description: 'What is counted.', value: (p) => p.measure.data.title },
  { name: 'unit', description: 'The unit of value.', value: (p) => p.measure.data.unit },
  { name: 'qualifier', description: 'exactly, about, more-than, up-to or fewer-than.', value: (p) => p.figure.qualifier },
  { name: 'value', description: 'The number.', value: (p) => p.figure.value },
  { name: 'words', description: 'The figure’s words, exactly as in the claim.', value: (p) => p.figure.words },
  { name: 'status', description: 'The claim’s rating.', value: (p) => p.claim.data.status },
];

export function figuresCsv(points: readonly FigurePoint[]): string {
  return csvFile([FIGURE_COLUMNS.map((column) => column.name), ...points.map((point) => FIGURE_COLUMNS.map((column) => csvCell(column.value(point))))]);
}

const count = (record: ClaimRecord, stance: string) => record.evidence.filter((e) => e.stance === stance).length;

export const CSV_COLUMNS: { name: string; description: string; value: (record: ClaimRecord) => string | number | boolean | null }[] = [
  { name: 'id', description: 'Stable identifier.', value: (r) => r.id },
  { name: 'url', description: 'The claim’s page.', value: (r) => r.url },
  { name: 'claim', description: 'The words.', value: (r) => r.claim },
  { name: 'quote', description: 'true if verbatim.', value: (r) => r.quote },
  { name: 'speaker_id', description: 'Speaker id.', value: (r) => r.speaker.id },
  { name: 'speaker_name', description: 'Speaker name.', value: (r) => r.speaker.name },
  { name: 'date', description: 'Date said, at its precision.', value: (r) => r.date },
  { name: 'date_precision', description: 'day, month or year.', value: (r) => r.date_precision },
  { name: 'status', description: 'Rating value.', value: (r) => r.status },
  { name: 'status_label', description: 'Rating label.', value: (r) => r.status_label },
  { name: 'summary', description: 'Why it has its rating.', value: (r) => r.summary },
  { name: 'topics', description: 'Topic ids, separated by “; ”.', value: (r) => r.topics.join('; ') },
  { name: 'speaker_side', description: 'Side the speaker speaks for, if any.', value: (r) => r.speaker_side?.name ?? null },
  { name: 'first_source', description: 'Source id of the first appearance.', value: (r) => r.appearances[0]?.source ?? null },
  { name: 'places', description: 'Place ids, separated by “; ”.', value: (r) => r.places.join('; ') },
  { name: 'first_outlet', description: 'Outlet of the first appearance.', value: (r) => r.appearances[0]?.outlet_name ?? null },
  { name: 'first_headline', description: 'Title of the first appearance.', value: (r) => r.appearances[0]?.title ?? null },
  { name: 'first_date', description: 'Date the first appearance was published, or else updated, at its precision; empty if not known.', value: (r) => r.appearances[0]?.published ?? r.appearances[0]?.updated ?? null },
  { name: 'first_url', description: 'Address of the first appearance, if known.', value: (r) => r.appearances[0]?.url ?? null },
  { name: 'appearances', description: 'Number of appearances.', value: (r) => r.appearances.length },
  { name: 'evidence_supports', description: 'Evidence items that support it.', value: (r) => count(r, 'supports') },
  { name: 'evidence_contradicts', description: 'Evidence items that contradict it.', value: (r) => count(r, 'contradicts') },
  { name: 'evidence_context', description: 'Context items.', value: (r) => count(r, 'context') },
  { name: 'evidence_independent', description: 'Evidence items whose originator is independent of the speaker’s side.', value: (r) => r.evidence.filter((e) => e.standing === 'independent').length },
  { name: 'evidence_later', description: 'Evidence items dated more than six months after the claim.', value: (r) => r.evidence.filter((e) => e.timing === 'later').length },
  { name: 'language', description: 'Original language, if not English.', value: (r) => r.language },
  { name: 'original', description: 'Original-language text.', value: (r) => r.original },
  { name: 'added', description: 'Day first rated.', value: (r) => r.added },
  { name: 'last_updated', description: 'Day of the latest status change.', value: (r) => r.last_updated },
];

/**
 * One CSV cell, RFC 4180 quoted. Content comes from pull requests, so a cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return) gets a leading
 * apostrophe and is shown as text.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a byte-order mark so spreadsheets read UTF-8, CRLF line ends. */
export function toCsv(records: readonly ClaimRecord[]): string {
  return csvFile([CSV_COLUMNS.map((column) => column.name), ...records.map((record) => CSV_COLUMNS.map((column) => csvCell(column.value(record))))]);
}

function csvFile(rows: string[][]): string {
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}
