import { getCatalog } from '../../../lib/catalog.ts';
import { feedsEach } from '../../../lib/feeds.ts';

export const { getStaticPaths, GET } = feedsEach(async () => (await getCatalog()).places.values(), (place) => ({
  title: place.data.name,
  description: `Claims about ${place.data.name} and the places inside it.`,
  claims: place.latestAdded,
}));
