/**
 * `npm run merge -- --outDir dist shard-1 shard-2 shard-3`: joins the folders that
 * `npm run build -- --shard k/N --outDir shard-k` wrote into one site, writes its sitemap,
 * and builds the search index over the whole of it (src/lib/merge-shards.ts). `--move`
 * moves the files out of the shard folders instead of copying them.
 */
import { parseArgs } from 'node:util';
import { mergeShards } from '../lib/merge-shards.ts';
import { indexSite } from '../lib/search/index-site.ts';

const { values, positionals } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' }, move: { type: 'boolean', default: false } }, allowPositionals: true });

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  const { files, shared, urls } = await mergeShards(positionals, values.outDir, { move: values.move });
  console.log(`[merge] ${positionals.length} shards: ${files} files in ${values.outDir} (${shared.length} written by more than one shard, the same in each), a sitemap of ${urls} pages, in ${seconds()}`);
  const pages = await indexSite(values.outDir);
  console.log(`[search] Indexed ${pages} pages; merge and index in ${seconds()}`);
} catch (error) {
  console.error(`[merge] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
