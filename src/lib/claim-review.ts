/**
 * schema.org ClaimReview for a claim page, with the properties Google documents as
 * required and recommended: claimReviewed, reviewRating (with alternateName), url,
 * author, datePublished, and itemReviewed as a Claim with author, datePublished,
 * appearance and firstAppearance.
 *
 * Numeric scale (documented on the methodology page): 5 corroborated, 4 partly
 * corroborated, 3 unverified, 2 disputed, 1 contradicted; worstRating 1, bestRating 5.
 * "Not checkable" is not a point on a truth scale, so its rating carries only its name.
 */
import { SITE } from '../site.config.ts';
import type { Claim, ClaimAppearance, Person } from './catalog.ts';
import { absoluteUrl, claimUrl, outletUrl, personUrl } from './links.ts';

function speakerNode(person: Person) {
  return {
    '@type': person.data.kind === 'organisation' ? 'Organization' : 'Person',
    name: person.data.name,
    url: absoluteUrl(personUrl(person.id)),
    ...(person.data.role ? { jobTitle: person.data.role } : {}),
    ...(person.affiliation ? { affiliation: { '@type': 'Organization', name: person.affiliation.data.name } } : {}),
  };
}

function appearanceNode(appearance: ClaimAppearance) {
  const { outlet } = appearance;
  return {
    '@type': 'CreativeWork',
    headline: appearance.headline,
    datePublished: appearance.date,
    ...(appearance.url ? { url: appearance.url } : {}),
    ...(appearance.author ? { author: { '@type': 'Person', name: appearance.author } } : {}),
    publisher: { '@type': 'Organization', name: outlet.data.name, url: absoluteUrl(outletUrl(outlet.id)), sameAs: outlet.data.homepage },
  };
}

export function claimReview(claim: Claim) {
  const { rating } = claim;
  const appearances = claim.appearances.map(appearanceNode);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: absoluteUrl(claimUrl(claim.id)),
    claimReviewed: claim.data.claim,
    datePublished: claim.added,
    dateModified: claim.lastUpdated,
    author: { '@type': 'Organization', name: SITE.name, url: SITE.url },
    reviewRating: {
      '@type': 'Rating',
      alternateName: rating.label,
      ...(rating.reviewRating === null ? {} : { ratingValue: rating.reviewRating, bestRating: 5, worstRating: 1 }),
      ratingExplanation: claim.data.summary,
    },
    itemReviewed: {
      '@type': 'Claim',
      author: speakerNode(claim.speaker),
      datePublished: claim.data.date,
      appearance: appearances,
      firstAppearance: appearances[0],
    },
  };
}
