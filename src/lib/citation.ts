/** A ready-to-copy citation for a claim page, in plain text. */
import { SITE } from '../site.config.ts';
import { ratingOf } from '../schemas/status.ts';
import type { Claim } from './catalog.ts';
import { formatDate } from './dates.ts';
import { absoluteUrl, claimUrl } from './links.ts';

function firstDate(claim: Claim): string {
  const { date, dateKind } = claim.firstAppearance.source;
  return date ? `, ${dateKind === 'updated' ? 'updated ' : ''}${formatDate(date)}` : '';
}

export function citation(claim: Claim): string {
  const words = claim.data.claim.length > 160 ? `${claim.data.claim.slice(0, 157).trimEnd()}…` : claim.data.claim;
  return [
    `${claim.speaker.data.name}, ${formatDate(claim.data.date)}:`,
    `“${words}”`,
    `First reported in ${claim.firstOutlet.data.name}, “${claim.firstAppearance.source.data.title}”${firstDate(claim)}.`,
    `Rated ${ratingOf(claim.data.status).label} by ${SITE.name}, last updated ${formatDate(claim.lastUpdated)}.`,
    absoluteUrl(claimUrl(claim.id)),
  ].join(' ');
}
