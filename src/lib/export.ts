/**
 * The public data exports: /claims.json (one record per claim, every field) and
 * /claims.csv (one row per claim, flat columns). Field names and their descriptions live
 * here once; the /data/ page prints them, so the documentation cannot drift from the files.
 * Ids are the claims' file names and never change once published.
 */
import { precisionOf } from '../schemas/date.ts';
import type { Analysis, FigurePoint, ForecastEntry } from './analysis.ts';
import { sideOf, type Claim } from './catalog.ts';
import { absoluteUrl, claimUrl } from './links.ts';

export const JSON_FIELDS: { name: string; description: string }[] = [
  { name: 'id', description: 'Stable identifier: the claim file’s name. The permalink is /claims/<id>/.' },
  { name: 'url', description: 'The claim’s page.' },
  { name: 'claim', description: 'The words: verbatim when quote is true, as reported otherwise.' },
  { name: 'quote', description: 'true for the speaker’s exact words, false for reported speech.' },
  { name: 'speaker', description: 'Who said it: { id, name, kind } where kind is person, organisation or unnamed.' },
  { name: 'date', description: 'When it was said, as YYYY-MM-DD, YYYY-MM or YYYY: never more precise than the source.' },
  { name: 'date_precision', description: 'day, month or year.' },
  { name: 'status', description: 'The rating value (see /methodology/).' },
  { name: 'status_label', description: 'The rating as shown on the site.' },
  { name: 'summary', description: 'One sentence saying why the claim has its rating.' },
  { name: 'topics', description: 'Topic ids.' },
  { name: 'places', description: 'Ids of the places the claim names or is about, most specific first (see content/places/).' },
  { name: 'appearances', description: 'Where it appeared, first appearance first: { outlet, outlet_name, headline, date, url, archived, author }.' },
  { name: 'evidence', description: 'Evidence items: { stance (supports, contradicts or context), source, date, url, summary }.' },
  { name: 'updates', description: 'The dated log of status changes, oldest first: { date, from, to, note }.' },
  { name: 'related', description: 'Typed links to other claims, from both ends: { claim, type (repeats, revises, contradicts, denies, responds-to or context), direction (outgoing: this claim does it, e.g. denies; incoming: the other claim does it to this one, e.g. denied by), note }.' },
  { name: 'figures', description: 'The numbers in the claim: { measure, measure_title, unit, value, qualifier (exactly, about, more-than, up-to or fewer-than), words (exactly as in the claim), as_of (the date it refers to, or null) }.' },
  { name: 'forecast', description: 'For a forecast or pledge: { kind, due (at its precision, or null when no deadline was set), outcome, overdue (pending and past due on the build date), evidence }; null otherwise.' },
  { name: 'language', description: 'Language the claim was first made in, when not English (BCP 47), or null.' },
  { name: 'original', description: 'The claim in its original language and script, or null.' },
  { name: 'added', description: 'The day the claim was first rated.' },
  { name: 'last_updated', description: 'The day of its latest status change.' },
];

export function claimRecord(claim: Claim, analysis: Analysis) {
  const { data } = claim;
  return {
    id: claim.id,
    url: absoluteUrl(claimUrl(claim.id)),
    claim: data.claim,
    quote: data.quote,
    speaker: { id: claim.speaker.id, name: claim.speaker.data.name, kind: claim.speaker.data.kind },
    date: data.date,
    date_precision: precisionOf(data.date),
    status: data.status,
    status_label: claim.rating.label,
    summary: data.summary,
    topics: data.topics,
    places: data.places,
    appearances: claim.appearances.map((a) => ({
      outlet: a.outlet.id,
      outlet_name: a.outlet.data.name,
      headline: a.headline,
      date: a.date,
      url: a.url ?? null,
      archived: a.archived ?? null,
      author: a.author ?? null,
    })),
    evidence: data.evidence.map((e) => ({ stance: e.stance, source: e.source, date: e.date ?? null, url: e.url ?? null, summary: e.summary })),
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
  { name: 'side', description: 'The organisation the speaker speaks for (or the speaker, if an organisation).', value: (p) => sideOf(p.claim.speaker).data.name },
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
  { name: 'places', description: 'Place ids, separated by “; ”.', value: (r) => r.places.join('; ') },
  { name: 'first_outlet', description: 'Outlet of the first appearance.', value: (r) => r.appearances[0]?.outlet_name ?? null },
  { name: 'first_headline', description: 'Headline of the first appearance.', value: (r) => r.appearances[0]?.headline ?? null },
  { name: 'first_date', description: 'Date of the first appearance.', value: (r) => r.appearances[0]?.date ?? null },
  { name: 'first_url', description: 'Address of the first appearance, if known.', value: (r) => r.appearances[0]?.url ?? null },
  { name: 'appearances', description: 'Number of appearances.', value: (r) => r.appearances.length },
  { name: 'evidence_supports', description: 'Evidence items that support it.', value: (r) => count(r, 'supports') },
  { name: 'evidence_contradicts', description: 'Evidence items that contradict it.', value: (r) => count(r, 'contradicts') },
  { name: 'evidence_context', description: 'Context items.', value: (r) => count(r, 'context') },
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
