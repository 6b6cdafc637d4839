/**
 * `npm run build`: builds the site with Astro, then indexes it for search with Pagefind.
 *
 * Astro runs as a child process and Pagefind only starts once it has exited: at ten
 * thousand claims Astro's process holds over a gigabyte it never gives back, and
 * Pagefind needs most of another, so running them one after the other keeps the build's
 * peak memory to the larger of the two instead of their sum.
 *
 * Arguments go to `astro build` unchanged (`npm run build -- --outDir other`); the index
 * is written into the same output folder.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indexSite } from '../lib/search/index-site.ts';

const args = process.argv.slice(2);
const { values } = parseArgs({ args, options: { outDir: { type: 'string' } }, strict: false });

const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
const astro = spawnSync(process.execPath, [join(dirname(astroPackage), 'bin', 'astro.mjs'), 'build', ...args], { stdio: 'inherit' });
if (astro.status !== 0) process.exit(astro.status ?? 1);

const site = resolve(typeof values.outDir === 'string' ? values.outDir : 'dist');
const started = performance.now();
try {
  const pages = await indexSite(site);
  console.log(`[search] Indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
