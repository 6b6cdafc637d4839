/**
 * The public data exports: /claims.json (one record per claim, every field) and
 * /claims.csv (one row per claim, flat columns). Field names and their descriptions live
 * here once; the /data/ page prints them, so the documentation cannot drift from the files.
 * Ids are the claims' file names and never change once published.
 */
import { precisionOf } from '../schemas/date.ts';
import type { Claim } from './catalog.ts';
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
  { name: 'appearances', description: 'Where it appeared, first appearance first: { outlet, outlet_name, headline, date, url, archived, author }.' },
  { name: 'evidence', description: 'Evidence items: { stance (supports, contradicts or context), source, date, url, summary }.' },
  { name: 'updates', description: 'The dated log of status changes, oldest first: { date, from, to, note }.' },
  { name: 'related', description: 'Ids of related claims.' },
  { name: 'language', description: 'Language the claim was first made in, when not English (BCP 47), or null.' },
  { name: 'original', description: 'The claim in its original language and script, or null.' },
  { name: 'added', description: 'The day the claim was first rated.' },
  { name: 'last_updated', description: 'The day of its latest status change.' },
];

export function claimRecord(claim: Claim) {
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
    related: data.related,
    language: data.language ?? null,
    original: data.original ?? null,
    added: claim.added,
    last_updated: claim.lastUpdated,
  };
}

export type ClaimRecord = ReturnType<typeof claimRecord>;

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
  const rows = [CSV_COLUMNS.map((column) => column.name), ...records.map((record) => CSV_COLUMNS.map((column) => csvCell(column.value(record))))];
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}
