/** /claims.csv: one row per claim, for spreadsheets (columns documented on /data/). */
import { getCatalog } from '../lib/catalog.ts';
import { claimRecord, toCsv } from '../lib/export.ts';

export async function GET() {
  const catalog = await getCatalog();
  return new Response(toCsv(catalog.claims.map((claim) => claimRecord(claim, catalog.analysis))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
}
