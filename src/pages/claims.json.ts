/** /claims.json: every claim, every field (documented on /data/). */
import { getCatalog } from '../lib/catalog.ts';
import { claimRecord } from '../lib/export.ts';
import { SITE } from '../site.config.ts';

export async function GET() {
  const catalog = await getCatalog();
  const body = {
    source: SITE.url,
    documentation: new URL('/data/', SITE.url).href,
    count: catalog.claims.length,
    claims: catalog.claims.map((claim) => claimRecord(claim, catalog.analysis)),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
