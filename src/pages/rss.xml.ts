import { getCatalog } from '../lib/catalog.ts';
import { claimFeed } from '../lib/feeds.ts';
import { SITE } from '../site.config.ts';

export async function GET() {
  const catalog = await getCatalog();
  return claimFeed({ title: `${SITE.name}: latest claims`, description: SITE.description, claims: catalog.claims, catalog });
}
