/** RSS feeds: all claims, and one per person and per topic, newest additions first. */
import rss from '@astrojs/rss';
import { SITE } from '../site.config.ts';
import { ratingOf } from '../schemas/status.ts';
import type { Catalog, Claim } from './catalog.ts';
import { claimUrl } from './links.ts';

/** A feed carries the latest additions; the full record is in /claims.json. */
export const FEED_LENGTH = 50;

export function claimFeed(options: { title: string; description: string; claims: readonly Claim[]; catalog: Catalog }) {
  const latest = [...options.claims]
    .sort((a, b) => (a.added < b.added ? 1 : a.added > b.added ? -1 : a.id.localeCompare(b.id)))
    .slice(0, FEED_LENGTH);
  return rss({
    title: options.title,
    description: options.description,
    site: SITE.url,
    trailingSlash: true,
    items: latest.map((claim) => ({
      title: `${claim.speaker.data.name}: ${claim.data.quote ? `“${claim.data.claim}”` : claim.data.claim}`,
      link: claimUrl(claim.id),
      pubDate: new Date(`${claim.added}T00:00:00Z`),
      description: `${ratingOf(claim.data.status).label}. ${claim.data.summary}`,
      categories: claim.data.topics.map((id) => options.catalog.topics.get(id)?.data.title ?? id),
    })),
    customData: `<language>${SITE.language}</language>`,
  });
}
