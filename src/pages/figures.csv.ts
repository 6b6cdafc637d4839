/** /figures.csv: one row per figure in a claim (columns documented on /data/). */
import { getCatalog } from '../lib/catalog.ts';
import { figuresCsv } from '../lib/export.ts';

export async function GET() {
  const { analysis } = await getCatalog();
  const points = [...analysis.measures.values()].flatMap((measure) => measure.figures);
  return new Response(figuresCsv(points), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
