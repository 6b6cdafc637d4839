/**
 * RSS feeds: all claims, and one per person and per topic, latest additions first. One
 * builder makes every feed; `feedsEach` makes a whole per-item feed route.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE } from '../site.config.ts';
import type { Claim } from './catalog.ts';
import { claimUrl } from './links.ts';
import { inShard } from './shards.ts';

/** A feed carries the latest additions; the full record is in /claims.json. */
export const FEED_LENGTH = 50;

interface Feed {
  title: string;
  description: string;
  /** Latest added first, as the catalog keeps them. */
  claims: readonly Claim[];
}

export function claimFeed({ title, description, claims }: Feed) {
  return rss({
    title: `${SITE.name}: ${title}`,
    description,
    site: SITE.url,
    trailingSlash: true,
    items: claims.slice(0, FEED_LENGTH).map((claim) => ({
      title: `${claim.speaker.data.name}: ${claim.words}`,
      link: claimUrl(claim.id),
      pubDate: new Date(`${claim.added}T00:00:00Z`),
      description: `${claim.rating.label}. ${claim.data.summary}`,
      categories: claim.topics.map((topic) => topic.data.title),
    })),
    customData: `<language>${SITE.language}</language>`,
  });
}

/**
 * A feed route per item, e.g. `/people/[id]/rss.xml`: `export const { getStaticPaths, GET }
 * = feedsEach(...)`, where `describe` gives each item's feed.
 */
export function feedsEach<S extends { id: string }>(items: () => Promise<Iterable<S>>, describe: (item: S) => Feed) {
  return {
    async getStaticPaths() {
      return inShard([...(await items())].map((item) => ({ params: { id: item.id }, props: { item } })));
    },
    GET({ props }: APIContext<{ item: S }>) {
      return claimFeed(describe(props.item));
    },
  };
}
