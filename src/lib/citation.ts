/**
 * A ready-to-copy citation for a claim page, in plain text.
 *
 * Quotation marks go only around words the speaker said verbatim (`quote: true`). A
 * reported claim is the outlet's sentence, not the speaker's words, so it is cited as the
 * outlet's report, without quotation marks. The words are never shortened: a citation that
 * cut a claim would make a reader quote something nobody wrote.
 */
import { SITE } from '../site.config.ts';
import type { Claim } from './catalog.ts';
import { formatDate } from './dates.ts';
import { absoluteUrl, claimUrl } from './links.ts';

export interface CitationParts {
  speaker: string;
  /** When it was said, as formatted for readers ("May 2022"). */
  said: string;
  words: string;
  /** True when `words` are the speaker's own, verbatim. */
  quote: boolean;
  outlet: string;
  headline: string;
  /** When the first article appeared, formatted. */
  published: string;
  rating: string;
  /** The day of the last status change, formatted. */
  updated: string;
  url: string;
}

/** A sentence ends with its own punctuation, or gets a full stop. */
const sentence = (text: string) => (/[.!?…"”'’)]$/.test(text) ? text : `${text}.`);

export function citationText(parts: CitationParts): string {
  const source = `${parts.outlet}, “${parts.headline}”, ${parts.published}`;
  const said = parts.quote
    ? [`${parts.speaker}, ${parts.said}:`, `“${parts.words}”`, `First reported in ${source}.`]
    : [`${parts.speaker}, ${parts.said}, as reported by ${source}:`, sentence(parts.words)];
  return [
    ...said,
    `Rated ${parts.rating} by ${SITE.name}, last updated ${parts.updated}.`,
    parts.url,
  ].join(' ');
}

export function citation(claim: Claim): string {
  return citationText({
    speaker: claim.speaker.data.name,
    said: formatDate(claim.data.date),
    words: claim.data.claim,
    quote: claim.data.quote,
    outlet: claim.firstAppearance.outlet.data.name,
    headline: claim.firstAppearance.headline,
    published: formatDate(claim.firstAppearance.date),
    rating: claim.rating.label,
    updated: formatDate(claim.lastUpdated),
    url: absoluteUrl(claimUrl(claim.id)),
  });
}
