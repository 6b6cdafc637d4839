/**
 * `npm run build`: builds the site with Astro, then indexes it for search with Pagefind.
 *
 * Astro runs as a child process and Pagefind only starts once it has exited: at ten
 * thousand claims Astro's process holds over a gigabyte it never gives back, and
 * Pagefind needs most of another, so running them one after the other keeps the build's
 * peak memory to the larger of the two instead of their sum.
 *
 * Arguments go to `astro build` unchanged (`npm run build -- --outDir other`); the index
 * is written into the same output folder. `--shard k/N` builds one shard of the pages and
 * no index: `npm run merge` joins the shards and indexes the whole site (src/lib/shards.ts).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indexSite } from '../lib/search/index-site.ts';
import { parseShard, SHARD_VARIABLE, type Shard } from '../lib/shards.ts';

const { values, tokens } = parseArgs({
  args: process.argv.slice(2),
  options: { outDir: { type: 'string' }, shard: { type: 'string' } },
  strict: false,
  tokens: true,
});

let shard: Shard | undefined;
try {
  shard = typeof values.shard === 'string' ? parseShard(values.shard) : undefined;
} catch (error) {
  console.error(`--shard: ${(error as Error).message}`);
  process.exit(2);
}
// Everything but --shard goes to Astro as it was given.
const shardTokens = new Set(tokens.flatMap((token) => (token.kind === 'option' && token.name === 'shard'
  ? [token.index, ...(token.inlineValue ? [] : [token.index + 1])]
  : [])));
const astroArgs = process.argv.slice(2).filter((_, index) => !shardTokens.has(index));

const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
const astro = spawnSync(process.execPath, [join(dirname(astroPackage), 'bin', 'astro.mjs'), 'build', ...astroArgs], {
  stdio: 'inherit',
  env: shard ? { ...process.env, [SHARD_VARIABLE]: `${shard.index}/${shard.count}` } : process.env,
});
if (astro.status !== 0) process.exit(astro.status ?? 1);

if (shard) {
  console.log(`[search] Not indexed: this is shard ${shard.index} of ${shard.count}; \`npm run merge\` indexes the whole site`);
  process.exit(0);
}

const site = resolve(typeof values.outDir === 'string' ? values.outDir : 'dist');
const started = performance.now();
try {
  const pages = await indexSite(site);
  console.log(`[search] Indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
