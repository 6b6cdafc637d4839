/**
 * `npm run bench`: builds the whole site from generated content at 1,000 and 10,000 claims
 * and measures what issue 6 asks (see tests/bench/README.md for what each number means).
 *
 *   npm run bench                          both sizes
 *   npm run bench -- --sizes 1000          one size (any list: --sizes 1000,5000,10000)
 *   npm run bench -- --keep                keep each build in .bench/<size>/dist
 *   npm run bench -- --skip-browser        no Chromium: no first-search bytes or waves
 *   npm run bench -- --runs 3              build each size 3 times, report the fastest
 *   npm run bench -- --seed 7 --latency 150
 *   npm run bench -- --site dist           only the search measurements, on a site already built
 *   npm run bench -- --dev                 also time the development server (ready; a saved edit shown)
 *   npm run bench -- --shards 6            also build each size as 6 shards, merge them and compare
 *                                          the merged site with the whole build (shards.ts)
 *   npm run bench:100k                     10,000 and 100,000 claims with --dev, judged on issue 15's
 *                                          targets (opt-in: it takes many minutes and about 5 GB of disk)
 *
 * Per size it generates content into .bench/<size>/content (reused while the seed, size and
 * generator are unchanged), runs `src/cli/validate.ts --content` (timed), empties the build
 * caches so every build is cold, runs `npm run build`'s script (`node src/cli/build.ts
 * --outDir .bench/<size>/dist`: Astro, then Pagefind) with
 * CLAIMTRAIL_CONTENT pointing at the generated content (the command `npm run build` runs,
 * with node_modules/.bin first on PATH, and `--config` naming the project's config with its
 * cache folders moved into .bench/cache/, see writeConfigWrapper), times its phases from the
 * arrival of its log lines,
 * samples the memory of the build and every process under it, measures the output, and
 * opens the search page in Chromium. Results go to the terminal and .bench/results.json.
 * Nothing here asserts: it is a benchmark, it reports PASS or MISS against the targets.
 *
 * This file is the command line; each job lives in its own file beside it:
 *   generate.ts   the generated content (also a CLI of its own)
 *   build.ts      one size: content, validate, cold build, then the measurements below
 *   processes.ts  running a command: its log lines with arrival times, its memory and CPU
 *   phases.ts     the build's phases, from its log
 *   dist.ts       the built site on disk: pages, Pagefind index, CSS, JavaScript
 *   search.ts     search in Chromium behind a latency proxy: bytes and round-trip waves
 *   report.ts     the report per size and the comparison of sizes
 *   targets.ts    the targets, PASS or MISS
 *   shards.ts     the same content built as shards and merged, against the whole build
 *   dev.ts        the development server: ready, and a saved edit shown
 *   hosting.ts    the site's files and bytes against each static host's limits
 *   machine.ts    the machine and commit, for the header and results.json
 *   format.ts, paths.ts   units and tables; where everything is written
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSize, writeConfigWrapper, type BenchOptions, type SizeResult } from './build.ts';
import { count, heading, table } from './format.ts';
import { machine } from './machine.ts';
import { BENCH, CACHE, ROOT } from './paths.ts';
import { killRunning, SAMPLE_MS } from './processes.ts';
import { hostingReport } from './hosting.ts';
import { comparison, sizeReport } from './report.ts';
import { FIRST_QUERY, measureBuiltSite, SECOND_QUERY } from './search.ts';
import { targets, targetSet } from './targets.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    seed: { type: 'string', default: '2021' },
    keep: { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    latency: { type: 'string', default: '150' },
    runs: { type: 'string', default: '1' },
    site: { type: 'string' },
    dev: { type: 'boolean', default: false },
    shards: { type: 'string', default: '0' },
  },
});
const SIZES = args.sizes.split(',').map((size) => Number(size.trim().replace(/[_k]/g, (c) => (c === 'k' ? '000' : ''))));
if (SIZES.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes must be positive integers, e.g. 1000,10000 (got ${args.sizes})`);
const SEED = Number(args.seed);
const LATENCY_MS = Number(args.latency);
const RUNS = Math.max(1, Number(args.runs) || 1);
const options: BenchOptions = { seed: SEED, runs: RUNS, latencyMs: LATENCY_MS, keep: args.keep, skipBrowser: args['skip-browser'], dev: args.dev, shards: Number(args.shards) || 0 };

async function main(): Promise<void> {
  if (args.site) {
    await measureBuiltSite(args.site, LATENCY_MS);
    return;
  }
  await mkdir(BENCH, { recursive: true });
  const info = machine();
  console.log(heading('Claimtrail benchmark'));
  console.log(table([
    ['Node (build / harness)', `${info.buildNode} / ${info.harnessNode}`],
    ['Machine', `${info.cpus} CPUs (${info.cpuModel}), ${(info.totalMemory / 1024 ** 3).toFixed(1)} GiB RAM, ${info.platform}`],
    ['Load average at start', info.loadAverage.join(', ')],
    ['Astro / Pagefind', `${info.astro} / ${info.pagefind}`],
    ['Source', `commit ${info.commit}, ${info.uncommittedFiles} uncommitted files in the tree`],
    ['Sizes / seed', `${SIZES.join(', ')} claims / ${SEED}`],
    ['Units', '1 kB = 1,000 bytes, 1 MB = 1,000,000 bytes; times are wall clock'],
  ], 'll'));
  if (info.buildNode.split('.')[0] !== 'v22') console.log(`\nWARNING: node_modules/.bin/node is ${info.buildNode}; Astro 7 needs Node 22.`);

  await writeConfigWrapper();
  const interrupt = (signal: NodeJS.Signals) => {
    killRunning();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  const results: SizeResult[] = [];
  for (const size of [...SIZES].sort((a, b) => a - b)) {
    const result = await benchSize(size, options);
    results.push(result);
    console.log(sizeReport(result));
  }
  await rm(CACHE, { recursive: true, force: true });

  const { text, ratios, cpuRatios } = comparison(results, LATENCY_MS);
  console.log(heading(results.length > 1 ? 'Comparison and growth' : 'Summary'));
  console.log(text);
  const largest = results.at(-1);
  const list = targets(results, ratios, cpuRatios);
  console.log(heading('Hosting: the site against each host\'s limits'));
  console.log(hostingReport(results));
  const goal = targetSet(largest?.size ?? 0);
  console.log(heading(`Targets (${goal.issue}; measured at ${count(largest?.size)} claims${largest?.size === goal.size ? '' : `, the targets are set for ${count(goal.size)}`})`));
  console.log(table([
    ['', 'target', 'measured', 'result', ''],
    ...list.map((t) => [t.name, t.target, t.measured, t.pass === undefined ? 'n/a' : t.pass ? 'PASS' : 'MISS', t.note ?? '']),
  ], 'lrrll'));
  const load = largest?.build.loadAverageBefore[0] ?? 0;
  if (load > os.cpus().length) {
    console.log(`\nThe machine was busy during the ${count(largest?.size)} build (load average ${load} on ${os.cpus().length} CPUs): its wall times are inflated; compare CPU times, or run again when it is quiet.`);
  }
  const misses = list.filter((t) => t.pass === false).length;
  console.log(`\n${list.filter((t) => t.pass).length} PASS, ${misses} MISS, ${list.filter((t) => t.pass === undefined).length} not measured.`);

  const file = join(BENCH, 'results.json');
  await writeFile(file, `${JSON.stringify({ machine: info, options: { sizes: SIZES, seed: SEED, runs: RUNS, latencyMs: LATENCY_MS, sampleMs: SAMPLE_MS, firstQuery: FIRST_QUERY, secondQuery: SECOND_QUERY }, results, ratios, cpuRatios, targets: list }, null, 2)}\n`);
  console.log(`Results written to ${relative(ROOT, file)}; build logs in .bench/<size>/build.log${args.keep ? '; builds kept in .bench/<size>/dist' : ''}.`);
}

await main();
