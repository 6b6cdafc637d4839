import { getCatalog } from '../../../lib/catalog.ts';
import { feedsEach } from '../../../lib/feeds.ts';

export const { getStaticPaths, GET } = feedsEach(async () => (await getCatalog()).people.values(), (person) => ({
  title: `claims by ${person.data.name}`,
  description: `Claims by ${person.data.name} and their verification status.`,
  claims: person.latestAdded,
}));
