/** A ready-to-copy citation for a claim page, in plain text. */
import { SITE } from '../site.config.ts';
import type { Claim } from './catalog.ts';
import { formatDate } from './dates.ts';
import { absoluteUrl, claimUrl } from './links.ts';

export function citation(claim: Claim): string {
  const words = claim.data.claim.length > 160 ? `${claim.data.claim.slice(0, 157).trimEnd()}…` : claim.data.claim;
  return [
    `${claim.speaker.data.name}, ${formatDate(claim.data.date)}:`,
    `“${words}”`,
    `First reported in ${claim.firstAppearance.outlet.data.name}, “${claim.firstAppearance.headline}”, ${formatDate(claim.firstAppearance.date)}.`,
    `Rated ${claim.rating.label} by ${SITE.name}, last updated ${formatDate(claim.lastUpdated)}.`,
    absoluteUrl(claimUrl(claim.id)),
  ].join(' ');
}
