import { getCatalog } from '../../../lib/catalog.ts';
import { feedsEach } from '../../../lib/feeds.ts';

export const { getStaticPaths, GET } = feedsEach(async () => (await getCatalog()).topics.values(), (topic) => ({
  title: topic.data.title,
  description: topic.data.description,
  claims: topic.latestAdded,
}));
