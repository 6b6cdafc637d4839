/**
 * One size: its content generated (or reused), validated and built cold with the command
 * `npm run build` runs, then the output measured and searched.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, relative, sep } from 'node:path';
import { measureDev, type DevReport } from './dev.ts';
import { measureDist, type DistReport } from './dist.ts';
import { count, mb, seconds } from './format.ts';
import { GENERATOR_VERSION, generateContent, type GeneratedSummary } from './generate.ts';
import { BENCH, BIN, CACHE, CONFIG_WRAPPER, ROOT } from './paths.ts';
import { phasesOf, type Phases } from './phases.ts';
import { logText, run, type MemoryReport, type RunResult } from './processes.ts';
import { measureSearch, type SearchReport } from './search.ts';
import { benchShards, shardedReport, type ShardedReport } from './shards.ts';

export interface BenchOptions {
  seed: number;
  /** Builds per size; the fastest is reported. */
  runs: number;
  /** Milliseconds the search proxy adds to every request. */
  latencyMs: number;
  /** Keep each build in .bench/<size>/dist. */
  keep: boolean;
  /** No Chromium: no search measurements. */
  skipBrowser: boolean;
  /** Also time the development server: ready, and a saved edit shown (issue 15). */
  dev: boolean;
  /** Also build the content as this many shards and merge them (issue 15); 0 for none. */
  shards: number;
}

export interface RunSummary {
  validateMs: number;
  buildMs: number;
  cpuSeconds: number;
  peakTreeRss: number;
  loadAverageBefore: number[];
  exitCode: number | null;
}

export interface SizeResult {
  size: number;
  seed: number;
  /** Every run when --runs > 1; the report shows the fastest build and the fastest validate. */
  runs: RunSummary[];
  generation: GeneratedSummary & { reused: boolean; ms: number };
  validate: { wallMs: number; cpuSeconds?: number; reportedMs?: number; exitCode: number | null; output: string };
  build: {
    command: string;
    env: Record<string, string>;
    exitCode: number | null;
    wallMs: number;
    phases: Phases;
    memory: MemoryReport;
    heapFlag: string | undefined;
    loadAverageBefore: number[];
    /** Size of Astro's content store (data-store.json) the build wrote: every entry, rendered. */
    contentStoreBytes?: number;
    error?: string;
  };
  dist?: DistReport;
  search?: SearchReport;
  searchError?: string;
  dev?: DevReport;
  sharded?: ShardedReport;
}

async function generatorHash(): Promise<string> {
  return createHash('sha256').update(await readFile(join(import.meta.dirname, 'generate.ts'))).digest('hex');
}

async function prepareContent(size: number, dir: string, seed: number): Promise<SizeResult['generation']> {
  const marker = join(dir, 'generated.json');
  const key = { seed, size, version: GENERATOR_VERSION, generator: await generatorHash() };
  const previous = await readFile(marker, 'utf8').then((text) => JSON.parse(text) as { key: typeof key; summary: GeneratedSummary }, () => undefined);
  if (previous && JSON.stringify(previous.key) === JSON.stringify(key) && existsSync(join(dir, 'content', 'claims'))) {
    return { ...previous.summary, reused: true, ms: 0 };
  }
  const started = performance.now();
  await rm(marker, { force: true });
  const summary = await generateContent({ claims: size, seed, dir: join(dir, 'content') });
  const ms = performance.now() - started;
  await writeFile(marker, `${JSON.stringify({ key, summary }, null, 2)}\n`);
  return { ...summary, reused: false, ms };
}

function heapFlagIn(env: NodeJS.ProcessEnv): string | undefined {
  return /--max-old-space-size\S*|--max-semi-space-size\S*|--max-heap-size\S*/.exec(env['NODE_OPTIONS'] ?? '')?.[0];
}

export async function benchSize(size: number, options: BenchOptions): Promise<SizeResult> {
  const { seed, latencyMs, runs: attempts } = options;
  const dir = join(BENCH, String(size));
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  await mkdir(dir, { recursive: true });

  process.stdout.write(`\n[${size}] content: `);
  const generation = await prepareContent(size, dir, seed);
  console.log(generation.reused
    ? `reusing ${relative(ROOT, content)} (seed ${seed}, digest ${generation.digest.slice(0, 12)})`
    : `generated ${count(generation.files)} files, ${mb(generation.bytes)} in ${seconds(generation.ms)} (digest ${generation.digest.slice(0, 12)})`);

  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${BIN}${process.env['PATH'] ? `:${process.env['PATH']}` : ''}` };
  const buildEnv: NodeJS.ProcessEnv = { ...env, CLAIMTRAIL_CONTENT: relative(ROOT, content) };
  // Exactly `npm run build` with arguments: Astro in a child process, then Pagefind.
  const buildArgs = ['src/cli/build.ts', '--config', relative(ROOT, CONFIG_WRAPPER), '--outDir', relative(ROOT, dist)];
  const runs: RunSummary[] = [];
  let best: { validate: RunResult; build: RunResult | undefined; loadAverageBefore: number[] } | undefined;
  let bestValidateMs = Infinity;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const tag = attempts > 1 ? `[${size} run ${attempt}/${attempts}]` : `[${size}]`;
    process.stdout.write(`${tag} validate: `);
    const validate = await run(join(BIN, 'node'), ['src/cli/validate.ts', '--content', relative(ROOT, content)], env);
    const validateOutput = validate.lines.map((line) => line.text).join('\n');
    // Its last line is the summary; the notes for editors before it are in validate.log.
    const summary = validateOutput.trim().split('\n').filter((line) => !line.startsWith(' ') && /content files|notes? for editors/.test(line)).join('; ');
    console.log(validate.code === 0 ? `${seconds(validate.wallMs)} (${summary}; output in ${relative(ROOT, join(dir, 'validate.log'))})` : `FAILED (exit ${validate.code})`);
    await writeFile(join(dir, 'validate.log'), `${validateOutput}\n`);
    bestValidateMs = Math.min(bestValidateMs, validate.wallMs);
    if (validate.code !== 0) {
      console.log(validateOutput.split('\n').slice(0, 40).map((line) => `    ${line}`).join('\n'));
      best = { validate, build: undefined, loadAverageBefore: [] };
      break;
    }

    // Cold build: no content store or Vite cache from an earlier build, no earlier output.
    await rm(CACHE, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
    const loadAverageBefore = os.loadavg().map((load) => Math.round(load * 100) / 100);
    const busy = (loadAverageBefore[0] ?? 0) > 0.5 ? ` (machine busy: load ${loadAverageBefore[0]} on ${os.cpus().length} CPUs; wall times are inflated, CPU time less so)` : '';
    process.stdout.write(`${tag} build (Astro, then Pagefind)${busy}: `);
    const build = await run(join(BIN, 'node'), buildArgs, buildEnv);
    runs.push({ validateMs: validate.wallMs, buildMs: build.wallMs, cpuSeconds: build.memory.cpuSeconds, peakTreeRss: build.memory.peakTreeRss, loadAverageBefore, exitCode: build.code });
    await writeFile(join(dir, attempts > 1 ? `build-${attempt}.log` : 'build.log'), `${logText(build.lines)}\n`);
    if (build.code !== 0) {
      best = { validate, build, loadAverageBefore };
      break;
    }
    console.log(`${seconds(build.wallMs)}, CPU ${build.memory.cpuSeconds.toFixed(1)} s, peak ${mb(build.memory.peakTreeRss)}`);
    if (!best?.build || build.wallMs < best.build.wallMs) best = { validate, build, loadAverageBefore };
  }
  if (!best) throw new Error('no run');
  const { validate, build, loadAverageBefore } = best;
  const validateOutput = validate.lines.map((line) => line.text).join('\n');
  const reported = /\((\d+) ms\)/.exec(validateOutput)?.[1];
  const result: SizeResult = {
    size, seed, generation, runs,
    validate: { wallMs: validate.code === 0 ? bestValidateMs : validate.wallMs, cpuSeconds: validate.memory.cpuSeconds, ...(reported ? { reportedMs: Number(reported) } : {}), exitCode: validate.code, output: validateOutput.slice(0, 4000) },
    build: {
      command: `node_modules/.bin/astro ${buildArgs.join(' ')}`,
      env: { CLAIMTRAIL_CONTENT: relative(ROOT, content), PATH: 'node_modules/.bin:$PATH', NODE_OPTIONS: process.env['NODE_OPTIONS'] ?? '' },
      exitCode: build?.code ?? null,
      wallMs: build?.wallMs ?? 0,
      phases: build ? phasesOf(build.lines, build.wallMs) : { routes: {}, missing: ['build not run: validation failed'] },
      memory: build?.memory ?? { peakTreeRss: 0, peakTreeAt: 0, peakNodeRss: 0, nodeHwm: 0, peakByName: {}, maxProcesses: 0, samples: 0, cpuSeconds: 0, timeline: [] },
      heapFlag: heapFlagIn(buildEnv),
      loadAverageBefore,
    },
  };
  if (!build) {
    console.log('skipped: validation failed');
    result.build.error = 'validation failed';
    return result;
  }
  if (build.code !== 0) {
    const tail = build.lines.slice(-40).map((line) => line.text).join('\n');
    result.build.error = tail;
    console.log(`FAILED (exit ${build.code}${build.signal ? `, ${build.signal}` : ''}) after ${seconds(build.wallMs)}; last lines:\n${tail.split('\n').map((line) => `    ${line}`).join('\n')}`);
    return result;
  }
  if (attempts > 1) console.log(`[${size}] reporting the fastest of ${attempts} builds (${seconds(build.wallMs)})`);
  // One file, or with chunked collection storage a folder of pieces.
  const storeFiles = [join(CACHE, 'astro', 'data-store.json'),
    ...(await readdir(join(CACHE, 'astro', 'data-store')).catch(() => [])).map((name) => join(CACHE, 'astro', 'data-store', name))];
  const sizes = await Promise.all(storeFiles.map((file) => stat(file).then((found) => found.size, () => 0)));
  if (sizes.some((size) => size > 0)) result.build.contentStoreBytes = sizes.reduce((sum, size) => sum + size, 0);

  process.stdout.write(`[${size}] measuring ${relative(ROOT, dist)}: `);
  result.dist = await measureDist(dist);
  console.log(`${count(result.dist.files)} files`);

  if (!options.skipBrowser) {
    process.stdout.write(`[${size}] search in Chromium (${latencyMs} ms added per request): `);
    try {
      result.search = await measureSearch(dist, latencyMs);
      console.log(`first results after ${seconds(result.search.firstResultsMs)}`);
    } catch (error) {
      result.searchError = error instanceof Error ? error.stack ?? error.message : String(error);
      console.log(`FAILED: ${result.searchError}`);
    }
  }
  if (options.shards > 1) {
    result.sharded = await benchShards(size, dir, options.shards, dist, buildEnv);
    console.log(shardedReport(size, result.sharded, build.wallMs));
  }
  if (!options.keep) await rm(dist, { recursive: true, force: true });
  if (options.dev) {
    process.stdout.write(`[${size}] development server (astro dev): `);
    result.dev = await measureDev(content);
    console.log(`ready after ${seconds(result.dev.readyMs)}; a saved edit shown after ${seconds(result.dev.editMs)}${result.dev.error ? ` (${result.dev.error})` : ''}`);
  }
  return result;
}

/**
 * `astro build` keeps its content store in node_modules/.astro/ and Vite its cache in
 * node_modules/.vite/, shared by every build in this tree. Builds running at the same time
 * (the e2e setup builds too) collide there: one renames data-store.json.tmp away under the
 * other, which then fails with ENOENT. The benchmark therefore builds with the project's own
 * config, unchanged but for those two folders, which move into .bench/cache/: same root,
 * sources, integrations and command, and its cold builds neither read nor disturb the
 * caches everyone else uses.
 */
export async function writeConfigWrapper(): Promise<void> {
  const cache = relative(ROOT, CACHE).split(sep).join('/');
  await writeFile(CONFIG_WRAPPER, [
    '// Written by tests/bench/run.ts: the project\'s config with its caches moved into .bench/cache/.',
    "import config from '../astro.config.mjs';",
    '',
    'export default {',
    '  ...config,',
    `  cacheDir: './${cache}/astro/',`,
    `  vite: { ...config.vite, cacheDir: '${join(CACHE, 'vite')}' },`,
    '};',
    '',
  ].join('\n'));
}
