import { getCatalog } from '../lib/catalog.ts';
import { claimFeed } from '../lib/feeds.ts';
import { SITE } from '../site.config.ts';

export async function GET() {
  const { latestAdded } = await getCatalog();
  return claimFeed({ title: 'latest claims', description: SITE.description, claims: latestAdded });
}
