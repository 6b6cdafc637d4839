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
 */
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import os from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serve } from '../e2e/support/server.ts';
import { GENERATOR_VERSION, generateContent, type GeneratedSummary } from './generate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH = join(ROOT, '.bench');
const BIN = join(ROOT, 'node_modules/.bin');
/** Astro's and Vite's caches for the benchmark's builds, emptied before each one. */
const CACHE = join(BENCH, 'cache');
/** The project's own config with only the cache folders moved (see writeConfigWrapper). */
const CONFIG_WRAPPER = join(BENCH, 'astro.config.bench.mjs');
const FIRST_QUERY = 'taliban';
const SECOND_QUERY = 'panjshir';
const PASTED_QUERY = 'kunduz';
/** A person typing: the page preloads the index for the words so far between keys. */
const TYPING_DELAY_MS = 120;
const SAMPLE_MS = 50;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    seed: { type: 'string', default: '2021' },
    keep: { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    latency: { type: 'string', default: '150' },
    runs: { type: 'string', default: '1' },
    site: { type: 'string' },
  },
});
const SIZES = args.sizes.split(',').map((size) => Number(size.trim().replace(/[_k]/g, (c) => (c === 'k' ? '000' : ''))));
if (SIZES.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes must be positive integers, e.g. 1000,10000 (got ${args.sizes})`);
const SEED = Number(args.seed);
const LATENCY_MS = Number(args.latency);
const RUNS = Math.max(1, Number(args.runs) || 1);

// ---------------------------------------------------------------------------------------
// Formatting

const KB = 1000;
const MB = 1000 * 1000;
const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const kb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / KB).toFixed(1)} kB`);
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / MB).toFixed(1)} MB`);
const count = (n: number | undefined) => (n === undefined ? 'n/a' : n.toLocaleString('en-US'));
const exact = (bytes: number | undefined) => (bytes === undefined ? '' : `${bytes.toLocaleString('en-US')} B`);
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns aligned by `align`, one letter per column (l or r); text columns left, numbers right. */
function table(rows: (string | undefined)[][], align = 'lrrl', indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, (cell ?? '').length)));
  const side = (i: number) => align[Math.min(i, align.length - 1)] ?? 'l';
  return rows
    .map((row) => indent + row.map((cell, i) => (side(i) === 'l' ? (cell ?? '').padEnd(widths[i] ?? 0) : (cell ?? '').padStart(widths[i] ?? 0))).join('   ').trimEnd())
    .join('\n');
}

const heading = (text: string) => `\n${text}\n${'='.repeat(text.length)}`;

// ---------------------------------------------------------------------------------------
// Processes

interface LogLine {
  /** Milliseconds after spawn when the line arrived. */
  t: number;
  stream: 'out' | 'err';
  text: string;
}

interface ProcessSample {
  t: number;
  treeRss: number;
  nodeRss: number;
  processes: number;
  /** CPU seconds (user + system) used by the tree so far, exited processes included. */
  cpu: number;
}

interface MemoryReport {
  /** Peak of the summed VmRSS of the build and all its descendants, sampled. */
  peakTreeRss: number;
  peakTreeAt: number;
  /** Peak VmRSS of the Node build process alone, sampled. */
  peakNodeRss: number;
  /** The kernel's own high-water mark (VmHWM) of the Node process, last read before exit. */
  nodeHwm: number;
  /** Peak VmRSS per descendant process name (e.g. the Pagefind binary). */
  peakByName: Record<string, number>;
  maxProcesses: number;
  samples: number;
  /** CPU time (user + system) of the tree, from the last sample of each process. */
  cpuSeconds: number;
  /** Every sample, every SAMPLE_MS. */
  timeline: ProcessSample[];
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The process and every descendant, through /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    found.push(next);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${next}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      const children = readProc(`/proc/${next}/task/${task}/children`);
      for (const child of children?.split(' ') ?? []) if (child.trim()) queue.push(Number(child));
    }
  }
  return found;
}

const statusField = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;

/** Samples the memory and CPU time of a process tree every SAMPLE_MS until stopped. */
function watchMemory(pid: number, started: number) {
  const report: MemoryReport = {
    peakTreeRss: 0, peakTreeAt: 0, peakNodeRss: 0, nodeHwm: 0, peakByName: {}, maxProcesses: 0, samples: 0, cpuSeconds: 0, timeline: [],
  };
  const cpuTicks = new Map<number, number>();
  const sample = () => {
    const t = performance.now() - started;
    let treeRss = 0;
    let nodeRss = 0;
    let processes = 0;
    for (const member of processTree(pid)) {
      const status = readProc(`/proc/${member}/status`);
      if (!status) continue;
      const rss = statusField(status, 'VmRSS');
      if (rss === 0 && member !== pid) continue; // a zombie or a kernel thread: nothing mapped
      processes++;
      treeRss += rss;
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?';
      // `npm run build` is a small Node script that runs Astro in a child Node process and
      // then Pagefind: "Node" is the largest Node process in the tree, which is Astro's.
      if (name === 'node' || member === pid) {
        nodeRss = Math.max(nodeRss, rss);
        report.peakNodeRss = Math.max(report.peakNodeRss, rss);
        report.nodeHwm = Math.max(report.nodeHwm, statusField(status, 'VmHWM'));
      } else {
        report.peakByName[name] = Math.max(report.peakByName[name] ?? 0, rss);
      }
      const stat = readProc(`/proc/${member}/stat`);
      const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields) cpuTicks.set(member, Number(fields[11]) + Number(fields[12]));
    }
    report.samples++;
    report.maxProcesses = Math.max(report.maxProcesses, processes);
    if (treeRss > report.peakTreeRss) {
      report.peakTreeRss = treeRss;
      report.peakTreeAt = t;
    }
    let ticks = 0;
    for (const value of cpuTicks.values()) ticks += value;
    report.timeline.push({ t: Math.round(t), treeRss, nodeRss, processes, cpu: ticks / CLOCK_TICKS });
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop(): MemoryReport {
      clearInterval(timer);
      report.cpuSeconds = [...cpuTicks.values()].reduce((a, b) => a + b, 0) / CLOCK_TICKS;
      return report;
    },
  };
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  lines: LogLine[];
  memory: MemoryReport;
}

let running: { pid: number } | undefined;

/** Runs a command, collecting its output line by line with arrival times, and its memory. */
function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      reject(new Error(`could not start ${command}`));
      return;
    }
    running = { pid: child.pid };
    const memory = watchMemory(child.pid, started);
    const lines: LogLine[] = [];
    const collect = (stream: 'out' | 'err') => {
      let partial = '';
      return (chunk: Buffer) => {
        const t = performance.now() - started;
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop() ?? '';
        for (const text of parts) lines.push({ t, stream, text: text.replace(ANSI, '') });
      };
    };
    child.stdout.on('data', collect('out'));
    child.stderr.on('data', collect('err'));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      running = undefined;
      resolvePromise({ code, signal, wallMs, lines, memory: memory.stop() });
    });
  });
}

const logText = (lines: LogLine[]) => lines.map((line) => `+${(line.t / 1000).toFixed(3)}s ${line.stream} ${line.text}`).join('\n');

// ---------------------------------------------------------------------------------------
// Build phases

interface Phases {
  startup?: number | undefined;
  contentSync?: number | undefined;
  typesAndBuildInfo?: number | undefined;
  viteBundling?: number | undefined;
  pageRendering?: number | undefined;
  /** Of page rendering: from "generating static routes" to the first page written (getStaticPaths and more). */
  beforeFirstPage?: number | undefined;
  hooksBeforePagefind?: number | undefined;
  pagefind?: number | undefined;
  shutdown?: number | undefined;
  /** Everything that is not content sync, page rendering or Pagefind. */
  other?: number | undefined;
  astroRenderReportedMs?: number | undefined;
  pagefindReportedMs?: number | undefined;
  pagefindPages?: number | undefined;
  astroPagesBuilt?: number | undefined;
  astroTotalReportedMs?: number | undefined;
  /** Route lines by first path segment: count, summed (+ms) and the slowest. */
  routes: Record<string, { pages: number; sumMs: number; maxMs: number; slowest: string }>;
  missing: string[];
}

const PHASE_LABELS: Partial<Record<keyof Phases, string>> = {
  startup: 'startup', contentSync: 'content sync', typesAndBuildInfo: 'types + build info', viteBundling: 'Vite bundling',
  pageRendering: 'page rendering', hooksBeforePagefind: 'hooks before Pagefind', pagefind: 'Pagefind', shutdown: 'shutdown',
};

const durationMs = (value: string, unit: string) => Number(value) * (unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);

function phasesOf(lines: LogLine[], wallMs: number): Phases {
  const find = (pattern: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (pattern.test(lines[i]?.text ?? '')) return i;
    return -1;
  };
  const at = (index: number) => (index >= 0 ? lines[index]?.t : undefined);
  const missing: string[] = [];
  const need = (name: string, index: number) => {
    if (index < 0) missing.push(name);
    return index;
  };
  const syncStart = need('"[content] Syncing content"', find(/\[content\] Syncing content/));
  const syncEnd = need('"[content] Synced content"', find(/\[content\] Synced content/, Math.max(0, syncStart)));
  const bundleStart = need('"[build] Building static entrypoints"', find(/\[build\] Building \w+ entrypoints/));
  const renderStart = need('"generating static routes"', find(/generating static routes/));
  const firstRoute = find(/[├└]─ /, Math.max(0, renderStart));
  const renderEnd = need('"✓ Completed in" after the routes', renderStart < 0 ? -1 : find(/^(?:\d\d:\d\d:\d\d )?✓ Completed in/, renderStart));
  const pagefindLine = need('"[search] Indexed N pages in X ms"', find(/\[search\] Indexed \d+ pages in \d+ ms/));
  const builtLine = find(/\[build\] \d+ page\(s\) built in/);

  const phases: Phases = { routes: {}, missing };
  const renderReported = renderEnd >= 0 ? /Completed in ([\d.]+)(ms|s|m)/.exec(lines[renderEnd]?.text ?? '') : null;
  if (renderReported?.[1] && renderReported[2]) phases.astroRenderReportedMs = durationMs(renderReported[1], renderReported[2]);
  const pagefindReported = pagefindLine >= 0 ? /Indexed (\d+) pages in (\d+) ms/.exec(lines[pagefindLine]?.text ?? '') : null;
  if (pagefindReported?.[1] && pagefindReported[2]) {
    phases.pagefindPages = Number(pagefindReported[1]);
    phases.pagefindReportedMs = Number(pagefindReported[2]);
  }
  const built = builtLine >= 0 ? /(\d+) page\(s\) built in ([\d.]+)(ms|s|m)/.exec(lines[builtLine]?.text ?? '') : null;
  if (built?.[1] && built[2] && built[3]) {
    phases.astroPagesBuilt = Number(built[1]);
    phases.astroTotalReportedMs = durationMs(built[2], built[3]);
  }

  const tSyncStart = at(syncStart);
  const tSyncEnd = at(syncEnd);
  const tBundle = at(bundleStart);
  const tRender = at(renderStart);
  const tRenderEnd = at(renderEnd);
  const tPagefindEnd = at(pagefindLine);
  // The integration times Pagefind itself and logs when it is done; it started that long before.
  const tPagefindStart = tPagefindEnd !== undefined && phases.pagefindReportedMs !== undefined ? tPagefindEnd - phases.pagefindReportedMs : undefined;
  const span = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? Math.max(0, b - a) : undefined);
  phases.startup = tSyncStart;
  phases.contentSync = span(tSyncStart, tSyncEnd);
  phases.typesAndBuildInfo = span(tSyncEnd, tBundle);
  phases.viteBundling = span(tBundle, tRender);
  phases.pageRendering = span(tRender, tRenderEnd);
  phases.beforeFirstPage = span(tRender, at(firstRoute));
  phases.hooksBeforePagefind = span(tRenderEnd, tPagefindStart);
  phases.pagefind = span(tPagefindStart, tPagefindEnd);
  phases.shutdown = span(tPagefindEnd, wallMs);
  if (phases.contentSync !== undefined && phases.pageRendering !== undefined && phases.pagefind !== undefined) {
    phases.other = wallMs - phases.contentSync - phases.pageRendering - phases.pagefind;
  }

  if (renderStart >= 0) {
    for (let i = renderStart; i <= (renderEnd >= 0 ? renderEnd : lines.length - 1); i++) {
      const match = /[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/.exec(lines[i]?.text ?? '');
      if (!match?.[1] || !match[2] || !match[3]) continue;
      const path = match[1];
      const ms = durationMs(match[2], match[3]);
      const segments = path.split('/').filter(Boolean);
      const section = segments.length <= 1 ? `/${segments[0] ?? ''}` : segments[0] === 'claims' && segments[1] !== 'page' && segments.length === 3
        ? '/claims/<id>/' : `/${segments[0]}/${segments.length > 2 ? '…' : ''}`;
      const entry = (phases.routes[section] ??= { pages: 0, sumMs: 0, maxMs: 0, slowest: '' });
      entry.pages++;
      entry.sumMs += ms;
      if (ms > entry.maxMs) {
        entry.maxMs = ms;
        entry.slowest = path;
      }
    }
  }
  return phases;
}

// ---------------------------------------------------------------------------------------
// The built site

interface FileInfo {
  path: string;
  bytes: number;
}

async function walk(dir: string): Promise<FileInfo[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const infos: FileInfo[] = [];
  for (let i = 0; i < files.length; i += 256) {
    const batch = files.slice(i, i + 256);
    infos.push(...(await Promise.all(batch.map(async (path) => ({ path, bytes: (await stat(path)).size })))));
  }
  return infos;
}

interface DistReport {
  files: number;
  bytes: number;
  htmlPages: number;
  pagefind: { files: number; bytes: number; fragments: number; fragmentBytes: number; indexChunks: number; indexBytes: number; filterBytes: number; otherBytes: number; unusedUiBytes: number };
  largestClaim: { path: string; bytes: number };
  claimPages: { count: number; medianBytes: number };
  css: { bytes: number; files: { path: string; bytes: number }[]; inlineStyleBytes: number };
  nonSearchJs: { bytes: number; externalFiles: { path: string; bytes: number; pages: number }[]; inlineBytes: number; pagesWithJs: number; examples: string[] };
  searchPageJs: { bytes: number; files: string[] };
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b([^>]*)>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes)?.slice(1).find((v) => v !== undefined);

/** The dist path a page's URL points at, or undefined for other sites. */
function distPath(dist: string, pageFile: string, url: string): string | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return undefined;
  const clean = url.split(/[?#]/)[0] ?? '';
  const path = clean.startsWith('/') ? join(dist, clean) : join(dirname(pageFile), clean);
  return path.endsWith(sep) || clean.endsWith('/') ? join(path, 'index.html') : path;
}

async function measureDist(dist: string): Promise<DistReport> {
  const files = await walk(dist);
  const sizeOf = new Map(files.map((file) => [file.path, file.bytes]));
  const html = files.filter((file) => file.path.endsWith('.html'));
  const pagefindDir = join(dist, 'pagefind') + sep;
  const pf = files.filter((file) => file.path.startsWith(pagefindDir));
  const sum = (list: FileInfo[]) => list.reduce((total, file) => total + file.bytes, 0);
  const inPf = (folder: string) => pf.filter((file) => file.path.startsWith(join(pagefindDir, folder) + sep));
  const uiFiles = pf.filter((file) => /pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/.test(file.path));

  const claimPages = html.filter((file) => {
    const parts = relative(dist, file.path).split(sep);
    return parts.length === 3 && parts[0] === 'claims' && parts[2] === 'index.html' && parts[1] !== 'page';
  });
  const sortedClaims = [...claimPages].sort((a, b) => a.bytes - b.bytes);
  const largest = sortedClaims.at(-1);

  const cssFiles = new Set(files.filter((file) => file.path.startsWith(join(dist, '_astro') + sep) && file.path.endsWith('.css')).map((file) => file.path));
  const jsFiles = new Map<string, number>();
  let inlineJs = 0;
  let inlineStyle = 0;
  let pagesWithJs = 0;
  const examples: string[] = [];
  const searchJs = new Set<string>();
  const searchPage = join(dist, 'search', 'index.html');
  for (let i = 0; i < html.length; i += 128) {
    const batch = html.slice(i, i + 128);
    const texts = await Promise.all(batch.map((file) => readFile(file.path, 'utf8')));
    batch.forEach((file, index) => {
      const text = texts[index] ?? '';
      const isSearch = file.path === searchPage;
      let hasJs = false;
      for (const match of text.matchAll(LINK)) {
        const attrs = match[1] ?? '';
        const rel = (attribute(attrs, 'rel') ?? '').toLowerCase().split(/\s+/);
        const href = attribute(attrs, 'href');
        if (!href) continue;
        const target = distPath(dist, file.path, href);
        if (!target) continue;
        if (rel.includes('stylesheet')) cssFiles.add(target);
        if (rel.includes('modulepreload') || (rel.includes('preload') && (attribute(attrs, 'as') ?? '') === 'script')) {
          if (isSearch) searchJs.add(target);
          else {
            jsFiles.set(target, (jsFiles.get(target) ?? 0) + 1);
            hasJs = true;
          }
        }
      }
      for (const match of text.matchAll(STYLE)) inlineStyle += Buffer.byteLength(match[1] ?? '');
      for (const match of text.matchAll(SCRIPT)) {
        const attrs = match[1] ?? '';
        const src = attribute(attrs, 'src');
        const type = (attribute(attrs, 'type') ?? '').toLowerCase();
        if (src) {
          const target = distPath(dist, file.path, src);
          if (!target) continue;
          if (isSearch) searchJs.add(target);
          else {
            jsFiles.set(target, (jsFiles.get(target) ?? 0) + 1);
            hasJs = true;
          }
        } else if (type !== 'application/ld+json' && type !== 'application/json' && !isSearch) {
          inlineJs += Buffer.byteLength(match[2] ?? '');
          hasJs = true;
        }
      }
      if (hasJs) {
        pagesWithJs++;
        if (examples.length < 5) examples.push(relative(dist, file.path));
      }
    });
  }
  const cssList = [...cssFiles].map((path) => ({ path: relative(dist, path), bytes: sizeOf.get(path) ?? 0 }));
  const jsList = [...jsFiles].map(([path, pages]) => ({ path: relative(dist, path), bytes: sizeOf.get(path) ?? 0, pages }));
  return {
    files: files.length,
    bytes: sum(files),
    htmlPages: html.length,
    pagefind: {
      files: pf.length,
      bytes: sum(pf),
      fragments: inPf('fragment').length,
      fragmentBytes: sum(inPf('fragment')),
      indexChunks: inPf('index').length,
      indexBytes: sum(inPf('index')),
      filterBytes: sum(inPf('filter')),
      otherBytes: sum(pf) - sum(inPf('fragment')) - sum(inPf('index')) - sum(inPf('filter')),
      unusedUiBytes: sum(uiFiles),
    },
    largestClaim: { path: largest ? relative(dist, largest.path) : 'none', bytes: largest?.bytes ?? 0 },
    claimPages: { count: claimPages.length, medianBytes: sortedClaims[Math.floor(sortedClaims.length / 2)]?.bytes ?? 0 },
    css: { bytes: cssList.reduce((total, file) => total + file.bytes, 0) + inlineStyle, files: cssList, inlineStyleBytes: inlineStyle },
    nonSearchJs: { bytes: jsList.reduce((total, file) => total + file.bytes, 0) + inlineJs, externalFiles: jsList, inlineBytes: inlineJs, pagesWithJs, examples },
    searchPageJs: { bytes: [...searchJs].reduce((total, path) => total + (sizeOf.get(path) ?? 0), 0), files: [...searchJs].map((path) => relative(dist, path)) },
  };
}

// ---------------------------------------------------------------------------------------
// Search in Chromium

interface Fetched {
  url: string;
  path: string;
  kind: string;
  status: number;
  /** Epoch ms when the page (or its worker) issued the request, and when the response ended. */
  start: number;
  end: number;
  /** Response body bytes as served (the test server does not compress: the file's size). */
  body: number;
  /** Body plus response headers: what crossed the wire from this server. */
  transferred: number;
  /** The body gzipped at level 6, as a compressing host would send text; binary as is. */
  gzip: number;
  /** Playwright's own count of the response body, for cross-checking `body`. */
  reportedBody: number;
  failed?: string;
  wave: number;
}

interface SearchReport {
  firstQuery: string;
  secondQuery: string;
  latencyMs: number;
  firstResultsMs: number;
  firstResultsStatus: string;
  first: { requests: Fetched[]; bytes: number; transferred: number; gzip: number; waves: number; inFlightAtResults: number };
  /** A second query typed at a person's pace; waves counted from pressing Enter. */
  second: { requests: Fetched[]; waves: number; ms: number; status: string };
  /** A third query pasted and submitted at once: nothing could be preloaded. */
  pasted: { query: string; requests: Fetched[]; waves: number };
  errors: string[];
}

function kindOf(path: string): string {
  if (path.endsWith('.pf_fragment')) return 'pagefind fragment';
  if (path.endsWith('.pf_index')) return 'pagefind index chunk';
  if (path.endsWith('.pf_filter')) return 'pagefind filter chunk';
  if (path.endsWith('.pf_meta')) return 'pagefind metadata';
  if (path.endsWith('.pagefind')) return 'pagefind wasm';
  if (path.startsWith('/pagefind/')) return `pagefind ${extname(path).slice(1) || 'file'}`;
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  return extname(path).slice(1) || 'other';
}

/** The favicon: Chromium fetches it on its own (again after pushState), for no script. */
const browserOwn = (request: Fetched) => /^\/favicon\./.test(request.path);

/**
 * Round-trip waves: a request is one wave later than every request that had finished
 * before it started (requests issued together share a wave, however the browser queues
 * them on its connections). The browser's own favicon fetch gets wave 0 and moves nothing.
 *
 * The recorded end of a response lags a little behind the moment the page or worker had it
 * (a request that needs another's answer has been seen starting ~10 ms before its recorded
 * end), so "finished before" allows a third of the added latency. Requests issued together
 * start within a few tens of ms of each other and take at least the full latency, so
 * they still share a wave.
 */
function assignWaves(requests: Fetched[]): number {
  const slack = LATENCY_MS / 3;
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  for (const request of sorted) {
    if (browserOwn(request)) {
      request.wave = 0;
      continue;
    }
    let wave = 1;
    for (const other of sorted) if (other !== request && !browserOwn(other) && other.start < request.start && other.end - slack <= request.start) wave = Math.max(wave, other.wave + 1);
    request.wave = wave;
  }
  return Math.max(0, ...requests.map((request) => request.wave));
}

/** A proxy that holds every request for `latency` ms, so round trips cannot blur together. */
async function delayingProxy(target: string, latency: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((incoming, outgoing) => {
    setTimeout(() => {
      const upstream = httpRequest(`${target}${incoming.url ?? '/'}`, { method: incoming.method, headers: incoming.headers }, (response) => {
        // Whole bodies with a Content-Length, as the server itself sends them (no chunked framing).
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          const headers = { ...response.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          outgoing.writeHead(response.statusCode ?? 502, headers);
          outgoing.end(body);
        });
      });
      upstream.on('error', () => outgoing.destroy());
      incoming.pipe(upstream);
    }, latency);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

async function measureSearch(dist: string): Promise<SearchReport> {
  const server = await serve(dist);
  const proxy = await delayingProxy(server.url, LATENCY_MS);
  const browser = await launchBrowser();
  const errors: string[] = [];
  const gzipCache = new Map<string, { body: number; gzip: number }>();
  const onDisk = async (path: string) => {
    let cached = gzipCache.get(path);
    if (!cached) {
      const file = distPath(dist, join(dist, 'index.html'), path) ?? '';
      const bytes = await readFile(file).catch(() => Buffer.alloc(0));
      const text = /\.(html|css|js|mjs|json|svg|xml|txt|csv)$/.test(file);
      cached = { body: bytes.length, gzip: text ? gzipSync(bytes, { level: 6 }).length : bytes.length };
      gzipCache.set(path, cached);
    }
    return cached;
  };
  try {
    const context = await browser.newContext(); // a new context: an empty cache
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, number | undefined>;
      const record = () => {
        if (w['__firstResultAt'] === undefined && document.querySelector('#search-results > li')) w['__firstResultAt'] = performance.timeOrigin + performance.now();
      };
      new MutationObserver(record).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`console ${message.type()}: ${message.text()}`);
    });
    const requests: Fetched[] = [];
    const pending = new Set<Request>();
    let lastActivity = Date.now();
    page.on('request', (request) => {
      pending.add(request);
      lastActivity = Date.now();
    });
    const settle = async (request: Request, failed?: string) => {
      const finishedAt = Date.now();
      const url = new URL(request.url());
      const timing = request.timing();
      const sizes = await request.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
      const response = await request.response().catch(() => null);
      const disk = await onDisk(url.pathname);
      const start = timing.startTime;
      const end = timing.responseEnd >= 0 ? start + timing.responseEnd : finishedAt;
      requests.push({
        url: request.url(), path: url.pathname + url.search, kind: kindOf(url.pathname), status: response?.status() ?? 0,
        start, end, body: disk.body, transferred: disk.body + sizes.responseHeadersSize, gzip: disk.gzip,
        reportedBody: sizes.responseBodySize, wave: 0, ...(failed ? { failed } : {}),
      });
      pending.delete(request);
      lastActivity = Date.now();
    };
    page.on('requestfinished', (request) => void settle(request));
    page.on('requestfailed', (request) => void settle(request, request.failure()?.errorText ?? 'failed'));
    const quiet = async (ms = 750) => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && (pending.size > 0 || Date.now() - lastActivity < ms)) await new Promise((done) => setTimeout(done, 25));
    };

    // First search: navigate straight to results, as a shared link or the header's search box does.
    await page.goto(`${proxy.url}/search/?q=${encodeURIComponent(FIRST_QUERY)}`, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForSelector('#search-results > li', { timeout: 120_000 });
    const shownAt = await page.evaluate(() => (window as unknown as Record<string, number>)['__firstResultAt'] ?? performance.timeOrigin + performance.now());
    const firstResultsStatus = (await page.textContent('#search-status')) ?? '';
    await quiet();
    const navigation = requests.find((request) => request.kind === 'html');
    const navStart = navigation?.start ?? Math.min(...requests.map((request) => request.start));
    const first = requests.filter((request) => request.start <= shownAt);
    const firstWaves = assignWaves(first);

    // Second query, in the same page: typed key by key at a person's pace, so the page can
    // preload the index for the words as they are typed, as it would for a reader; the
    // waves are counted from pressing Enter.
    await page.click('#search-query', { clickCount: 3 });
    await page.keyboard.press('Backspace');
    await quiet();
    await page.type('#search-query', SECOND_QUERY, { delay: TYPING_DELAY_MS });
    const mark = requests.length;
    const before = Date.now();
    await page.press('#search-query', 'Enter');
    await page.waitForFunction(
      (q) => (document.getElementById('search-status')?.textContent ?? '').includes(`“${q}”`) && document.querySelector('#search-results > li') !== null,
      SECOND_QUERY, { timeout: 120_000 },
    );
    const secondMs = Date.now() - before;
    const secondStatus = (await page.textContent('#search-status')) ?? '';
    await quiet();
    const second = requests.slice(mark).filter((request) => request.start >= before - 1);
    const secondWaves = assignWaves(second);

    // Third query pasted and submitted in one go: the index chunk for a new word and then
    // the results' fragments can only be two waves. Reported, not judged.
    const pasteMark = requests.length;
    await page.fill('#search-query', PASTED_QUERY);
    await page.press('#search-query', 'Enter');
    await page.waitForFunction(
      (q) => (document.getElementById('search-status')?.textContent ?? '').includes(`“${q}”`),
      PASTED_QUERY, { timeout: 120_000 },
    );
    await quiet();
    const pasted = requests.slice(pasteMark);
    const pastedWaves = assignWaves(pasted);
    await context.close();

    const relativeTo = (list: Fetched[], origin: number) => list.sort((a, b) => a.start - b.start).map((request) => ({ ...request, start: request.start - origin, end: request.end - origin }));
    return {
      firstQuery: FIRST_QUERY,
      secondQuery: SECOND_QUERY,
      latencyMs: LATENCY_MS,
      firstResultsMs: shownAt - navStart,
      firstResultsStatus,
      first: {
        requests: relativeTo(first, navStart),
        bytes: first.reduce((total, request) => total + request.body, 0),
        transferred: first.reduce((total, request) => total + request.transferred, 0),
        gzip: first.reduce((total, request) => total + request.gzip, 0),
        waves: firstWaves,
        inFlightAtResults: first.filter((request) => request.end > shownAt).length,
      },
      second: { requests: relativeTo(second, before), waves: secondWaves, ms: secondMs, status: secondStatus },
      pasted: { query: PASTED_QUERY, requests: pasted, waves: pastedWaves },
      errors,
    };
  } finally {
    await browser.close();
    await proxy.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------
// One size

interface RunSummary {
  validateMs: number;
  buildMs: number;
  cpuSeconds: number;
  peakTreeRss: number;
  loadAverageBefore: number[];
  exitCode: number | null;
}

interface SizeResult {
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
}

async function generatorHash(): Promise<string> {
  return createHash('sha256').update(await readFile(join(import.meta.dirname, 'generate.ts'))).digest('hex');
}

async function prepareContent(size: number, dir: string): Promise<SizeResult['generation']> {
  const marker = join(dir, 'generated.json');
  const key = { seed: SEED, size, version: GENERATOR_VERSION, generator: await generatorHash() };
  const previous = await readFile(marker, 'utf8').then((text) => JSON.parse(text) as { key: typeof key; summary: GeneratedSummary }, () => undefined);
  if (previous && JSON.stringify(previous.key) === JSON.stringify(key) && existsSync(join(dir, 'content', 'claims'))) {
    return { ...previous.summary, reused: true, ms: 0 };
  }
  const started = performance.now();
  await rm(marker, { force: true });
  const summary = await generateContent({ claims: size, seed: SEED, dir: join(dir, 'content') });
  const ms = performance.now() - started;
  await writeFile(marker, `${JSON.stringify({ key, summary }, null, 2)}\n`);
  return { ...summary, reused: false, ms };
}

function heapFlagIn(env: NodeJS.ProcessEnv): string | undefined {
  return /--max-old-space-size\S*|--max-semi-space-size\S*|--max-heap-size\S*/.exec(env['NODE_OPTIONS'] ?? '')?.[0];
}

async function benchSize(size: number): Promise<SizeResult> {
  const dir = join(BENCH, String(size));
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  await mkdir(dir, { recursive: true });

  process.stdout.write(`\n[${size}] content: `);
  const generation = await prepareContent(size, dir);
  console.log(generation.reused
    ? `reusing ${relative(ROOT, content)} (seed ${SEED}, digest ${generation.digest.slice(0, 12)})`
    : `generated ${count(generation.files)} files, ${mb(generation.bytes)} in ${seconds(generation.ms)} (digest ${generation.digest.slice(0, 12)})`);

  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${BIN}${process.env['PATH'] ? `:${process.env['PATH']}` : ''}` };
  const buildEnv: NodeJS.ProcessEnv = { ...env, CLAIMTRAIL_CONTENT: relative(ROOT, content) };
  // Exactly `npm run build` with arguments: Astro in a child process, then Pagefind.
  const buildArgs = ['src/cli/build.ts', '--config', relative(ROOT, CONFIG_WRAPPER), '--outDir', relative(ROOT, dist)];
  const runs: RunSummary[] = [];
  let best: { validate: RunResult; build: RunResult | undefined; loadAverageBefore: number[] } | undefined;
  let bestValidateMs = Infinity;
  for (let attempt = 1; attempt <= RUNS; attempt++) {
    const tag = RUNS > 1 ? `[${size} run ${attempt}/${RUNS}]` : `[${size}]`;
    process.stdout.write(`${tag} validate: `);
    const validate = await run(join(BIN, 'node'), ['src/cli/validate.ts', '--content', relative(ROOT, content)], env);
    const validateOutput = validate.lines.map((line) => line.text).join('\n');
    console.log(validate.code === 0 ? `${seconds(validate.wallMs)} (${validateOutput.trim()})` : `FAILED (exit ${validate.code})`);
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
    await writeFile(join(dir, RUNS > 1 ? `build-${attempt}.log` : 'build.log'), `${logText(build.lines)}\n`);
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
    size, seed: SEED, generation, runs,
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
  if (RUNS > 1) console.log(`[${size}] reporting the fastest of ${RUNS} builds (${seconds(build.wallMs)})`);
  const store = await stat(join(CACHE, 'astro', 'data-store.json')).catch(() => undefined);
  if (store) result.build.contentStoreBytes = store.size;

  process.stdout.write(`[${size}] measuring ${relative(ROOT, dist)}: `);
  result.dist = await measureDist(dist);
  console.log(`${count(result.dist.files)} files`);

  if (!args['skip-browser']) {
    process.stdout.write(`[${size}] search in Chromium (${LATENCY_MS} ms added per request): `);
    try {
      result.search = await measureSearch(dist);
      console.log(`first results after ${seconds(result.search.firstResultsMs)}`);
    } catch (error) {
      result.searchError = error instanceof Error ? error.stack ?? error.message : String(error);
      console.log(`FAILED: ${result.searchError}`);
    }
  }
  if (!args.keep) await rm(dist, { recursive: true, force: true });
  return result;
}

// ---------------------------------------------------------------------------------------
// Report

/** The phases' time windows, in order, for attributing memory to them. */
function phaseWindows(p: Phases, wallMs: number): [keyof Phases, number, number][] {
  const order: (keyof Phases)[] = ['startup', 'contentSync', 'typesAndBuildInfo', 'viteBundling', 'pageRendering', 'hooksBeforePagefind', 'pagefind', 'shutdown'];
  const windows: [keyof Phases, number, number][] = [];
  let start = 0;
  for (const name of order) {
    const length = p[name];
    if (typeof length !== 'number') return [];
    windows.push([name, start, name === 'shutdown' ? wallMs : start + length]);
    start += length;
  }
  return windows;
}

/** CPU seconds the tree used between two moments, from the samples around them. */
function cpuBetween(memory: MemoryReport, from: number, to: number): number | undefined {
  if (!memory.timeline.length) return undefined;
  const at = (t: number) => {
    let cpu = memory.timeline[0]?.cpu ?? 0;
    for (const sample of memory.timeline) {
      if (sample.t > t) break;
      cpu = sample.cpu;
    }
    return cpu;
  };
  return Math.max(0, (to >= (memory.timeline.at(-1)?.t ?? 0) ? memory.cpuSeconds : at(to)) - at(from));
}

/** CPU seconds per phase, keyed like Phases. */
function phaseCpu(result: SizeResult): Partial<Record<keyof Phases, number>> {
  const windows = phaseWindows(result.build.phases, result.build.wallMs);
  const out: Partial<Record<keyof Phases, number>> = {};
  for (const [name, from, to] of windows) {
    const cpu = cpuBetween(result.build.memory, from, to);
    if (cpu !== undefined) out[name] = cpu;
  }
  const { contentSync, pageRendering, pagefind } = out;
  if (contentSync !== undefined && pageRendering !== undefined && pagefind !== undefined) {
    out.other = result.build.memory.cpuSeconds - contentSync - pageRendering - pagefind;
  }
  return out;
}

function peakIn(memory: MemoryReport, from: number, to: number): number {
  let peak = 0;
  for (const sample of memory.timeline) if (sample.t >= from && sample.t <= to) peak = Math.max(peak, sample.treeRss);
  return peak;
}

function sizeReport(result: SizeResult): string {
  const { build, dist, search, validate } = result;
  const p = build.phases;
  const windows = phaseWindows(p, build.wallMs);
  const peakOf = (name: keyof Phases) => {
    const window = windows.find(([phase]) => phase === name);
    return window ? `; peak ${mb(peakIn(build.memory, window[1], window[2]))}` : '';
  };
  const peakPhase = windows.find(([, from, to]) => build.memory.peakTreeAt >= from && build.memory.peakTreeAt <= to)?.[0];
  const out: string[] = [heading(`${count(result.size)} claims`)];
  const g = result.generation;
  out.push(`Content: ${count(g.claims)} claims, ${count(g.people)} people, ${count(g.outlets)} outlets, ${count(g.topics)} topics; ${count(g.files)} files, ${mb(g.bytes)};` +
    ` ${count(g.persian)} in Persian; body ${g.bodyWords.min}-${g.bodyWords.max} words (mean ${g.bodyWords.mean}); statuses ${Object.entries(g.statuses).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  out.push('');
  const cpu = phaseCpu(result);
  const cpuText = (value: number | undefined) => (value === undefined ? '' : `${value.toFixed(2)} s`);
  const rows: (string | undefined)[][] = [
    ['', 'wall', 'CPU', ''],
    ['Validate (spawn to exit)', seconds(validate.wallMs), cpuText(validate.cpuSeconds), validate.reportedMs !== undefined ? `in-process ${validate.reportedMs} ms` : ''],
    ['Build (npm run build)', seconds(build.wallMs), cpuText(build.memory.cpuSeconds), `exit ${build.exitCode}; ${(build.memory.cpuSeconds / (build.wallMs / 1000)).toFixed(2)} cores busy on average; load average before ${build.loadAverageBefore.join(', ')} on ${os.cpus().length} CPUs`],
    ['  content sync', seconds(p.contentSync), cpuText(cpu.contentSync), `"Syncing content" -> "Synced content" (loader: validate + render Markdown)${peakOf('contentSync')}`],
    ['  page rendering', seconds(p.pageRendering), cpuText(cpu.pageRendering), `"generating static routes" -> "Completed" (Astro says ${seconds(p.astroRenderReportedMs)}); first page after ${seconds(p.beforeFirstPage)}${peakOf('pageRendering')}`],
    ['  Pagefind', seconds(p.pagefind), cpuText(cpu.pagefind), `the build script's own timer; ${count(p.pagefindPages)} pages indexed${peakOf('pagefind')}`],
    ['  other', seconds(p.other), cpuText(cpu.other), 'the rest, below'],
    ['    startup', seconds(p.startup), cpuText(cpu.startup), `spawn -> "Syncing content" (Node, config, integrations, Vite server)${peakOf('startup')}`],
    ['    types + build info', seconds(p.typesAndBuildInfo), cpuText(cpu.typesAndBuildInfo), '"Synced content" -> "Building static entrypoints"'],
    ['    Vite bundling', seconds(p.viteBundling), cpuText(cpu.viteBundling), `"Building static entrypoints" -> "generating static routes"${peakOf('viteBundling')}`],
    ['    hooks before Pagefind', seconds(p.hooksBeforePagefind), cpuText(cpu.hooksBeforePagefind), 'after rendering, before Pagefind starts (sitemap, assets)'],
    ['    shutdown', seconds(p.shutdown), cpuText(cpu.shutdown), 'Pagefind done -> process exit'],
    ['Full build (validate + build)', seconds(validate.wallMs + build.wallMs), cpuText((validate.cpuSeconds ?? 0) + build.memory.cpuSeconds), result.runs.length > 1 ? `fastest of ${result.runs.length}: builds ${result.runs.map((r) => seconds(r.buildMs)).join(', ')}; validates ${result.runs.map((r) => seconds(r.validateMs)).join(', ')}` : ''],
    ['Peak memory, build tree (sum RSS)', mb(build.memory.peakTreeRss), `at ${seconds(build.memory.peakTreeAt)}${peakPhase ? ` (${PHASE_LABELS[peakPhase] ?? peakPhase})` : ''}; ${build.memory.samples} samples every ${SAMPLE_MS} ms, up to ${build.memory.maxProcesses} processes`],
    ['Peak memory, Node (Astro)', mb(build.memory.nodeHwm), `the largest Node process, Astro's: kernel VmHWM (sampled VmRSS peak ${mb(build.memory.peakNodeRss)})`],
    ...Object.entries(build.memory.peakByName).filter(([, bytes]) => bytes >= MB).map(([name, bytes]): (string | undefined)[] => [`Peak memory, child "${name}"`, mb(bytes), '']),
    ['Node heap flag', build.heapFlag ?? 'none', 'NODE_OPTIONS as passed to the build'],
    ['Astro content store', mb(build.contentStoreBytes), 'data-store.json the build wrote (every entry\'s data and rendered body)'],
  ];
  if (dist) {
    rows.push(
      ['Pages written (.html)', count(dist.htmlPages), `Astro reports ${count(p.astroPagesBuilt)} page(s) built`],
      ['dist size', mb(dist.bytes), `${count(dist.files)} files`],
      ['Pagefind index size', mb(dist.pagefind.bytes), `${count(dist.pagefind.files)} files: ${count(dist.pagefind.fragments)} fragments ${mb(dist.pagefind.fragmentBytes)}, ${count(dist.pagefind.indexChunks)} index chunks ${mb(dist.pagefind.indexBytes)}, filters ${kb(dist.pagefind.filterBytes)}, rest ${kb(dist.pagefind.otherBytes)} (of which unused UI bundles ${kb(dist.pagefind.unusedUiBytes)})`],
      ['Largest claim page (HTML)', kb(dist.largestClaim.bytes), `${exact(dist.largestClaim.bytes)}, ${dist.largestClaim.path}; median of ${count(dist.claimPages.count)} claim pages ${kb(dist.claimPages.medianBytes)}`],
      ['CSS, whole site', kb(dist.css.bytes), `${exact(dist.css.bytes)}: ${dist.css.files.map((file) => `${file.path} ${exact(file.bytes)}`).join(', ')}${dist.css.inlineStyleBytes ? `, inline <style> ${exact(dist.css.inlineStyleBytes)}` : ''}`],
      ['JS on pages other than /search/', kb(dist.nonSearchJs.bytes), `${exact(dist.nonSearchJs.bytes)} on ${count(dist.nonSearchJs.pagesWithJs)} pages${dist.nonSearchJs.examples.length ? ` e.g. ${dist.nonSearchJs.examples.join(', ')}` : ''}`],
      ['JS linked by /search/ itself', kb(dist.searchPageJs.bytes), dist.searchPageJs.files.join(', ')],
    );
  }
  if (search) {
    rows.push(
      ['First search: bytes fetched', kb(search.first.gzip), `as a static host that compresses text sends it (HTML, CSS, JS gzipped; Pagefind's files are compressed already); uncompressed ${kb(search.first.transferred)} incl. headers`],
      ['First search: requests / waves', `${search.first.requests.length} / ${search.first.waves}`, `"${search.firstQuery}": ${search.firstResultsStatus}; first results after ${seconds(search.firstResultsMs)} with ${search.latencyMs} ms per request`],
      ['Second query: waves', String(search.second.waves), `"${search.secondQuery}" typed at ${TYPING_DELAY_MS} ms a key, counted from Enter: ${search.second.requests.length} requests, results after ${seconds(search.second.ms)}; ${search.second.status}`],
      ['Pasted query: waves', String(search.pasted.waves), `"${search.pasted.query}" pasted and submitted at once (index chunk, then fragments): ${search.pasted.requests.length} requests; reported, not judged`],
    );
  } else if (result.searchError) {
    rows.push(['First search', 'FAILED', result.searchError.split('\n')[0]]);
  }
  out.push(table(rows.map((row) => (row.length === 3 ? [row[0], row[1], '', row[2]] : row)), 'lrrl'));

  const routes = Object.entries(p.routes).sort((a, b) => b[1].sumMs - a[1].sumMs);
  if (routes.length) {
    out.push('', 'Page rendering by route (Astro\'s per-page "+ms", summed):');
    out.push(table([
      ['route', 'pages', 'sum', 'mean', 'slowest'],
      ...routes.map(([route, r]) => [route, count(r.pages), seconds(r.sumMs), `${(r.sumMs / r.pages).toFixed(1)} ms`, `${r.maxMs} ms ${r.slowest}`]),
    ], 'lrrrl', '    '));
  }
  if (p.missing.length) out.push('', `Phase markers not found in the log: ${p.missing.join('; ')}`);

  if (search) {
    const byKind = new Map<string, { n: number; bytes: number; transferred: number; gzip: number; waves: Set<number> }>();
    for (const request of search.first.requests) {
      const entry = byKind.get(request.kind) ?? { n: 0, bytes: 0, transferred: 0, gzip: 0, waves: new Set<number>() };
      entry.n++;
      entry.bytes += request.body;
      entry.transferred += request.transferred;
      entry.gzip += request.gzip;
      entry.waves.add(request.wave);
      byKind.set(request.kind, entry);
    }
    out.push('', `First search for "${search.firstQuery}", everything fetched from navigation until the first result showed (${search.first.requests.length} requests, ${search.first.waves} waves):`);
    out.push(table([
      ['what', 'requests', 'transferred', 'body', '≈ gzip', 'wave(s)'],
      ...[...byKind].map(([kind, e]) => [kind, String(e.n), exact(e.transferred), exact(e.bytes), exact(e.gzip), [...e.waves].sort((a, b) => a - b).map((w) => (w ? String(w) : '-')).join(',')]),
      ['total', String(search.first.requests.length), exact(search.first.transferred), exact(search.first.bytes), exact(search.first.gzip), ''],
    ], 'lrrrrl', '    '));
    if (search.first.inFlightAtResults) out.push(`    (${search.first.inFlightAtResults} of these had started but not finished when the first result showed)`);
    out.push('', `Second query "${search.secondQuery}" typed at ${TYPING_DELAY_MS} ms a key after the first results; requests from pressing Enter: ${search.second.waves} wave(s)`);
    out.push(table([
      ['wave', 'start', 'end', 'transferred', 'file'],
      ...search.second.requests.map((r) => [r.wave ? String(r.wave) : '-', `${Math.round(r.start)} ms`, `${Math.round(r.end)} ms`, exact(r.transferred), `${r.path}${r.failed ? ` FAILED ${r.failed}` : ''}${r.wave ? '' : ' (browser re-fetches the icon after pushState; not search, not counted in waves)'}`]),
    ], 'rrrrl', '    '));
    if (search.errors.length) out.push('', `Browser errors and warnings:\n${search.errors.map((e) => `    ${e}`).join('\n')}`);
  }
  return out.join('\n');
}

interface Target {
  name: string;
  target: string;
  measured: string;
  pass: boolean | undefined;
  note?: string;
}

function timeRows(result: SizeResult): [string, number | undefined, number | undefined][] {
  const p = result.build.phases;
  const c = phaseCpu(result);
  const cpuMs = (value: number | undefined) => (value === undefined ? undefined : value * 1000);
  const validateCpu = cpuMs(result.validate.cpuSeconds);
  const buildCpu = cpuMs(result.build.memory.cpuSeconds);
  return [
    ['validate', result.validate.wallMs, validateCpu],
    ['build', result.build.wallMs, buildCpu],
    ['  content sync', p.contentSync, cpuMs(c.contentSync)],
    ['  page rendering', p.pageRendering, cpuMs(c.pageRendering)],
    ['  Pagefind', p.pagefind, cpuMs(c.pagefind)],
    ['  other', p.other, cpuMs(c.other)],
    ['    startup', p.startup, cpuMs(c.startup)],
    ['    types + build info', p.typesAndBuildInfo, cpuMs(c.typesAndBuildInfo)],
    ['    Vite bundling', p.viteBundling, cpuMs(c.viteBundling)],
    ['    hooks before Pagefind', p.hooksBeforePagefind, cpuMs(c.hooksBeforePagefind)],
    ['    shutdown', p.shutdown, cpuMs(c.shutdown)],
    ['full build (validate + build)', result.validate.wallMs + result.build.wallMs, validateCpu !== undefined && buildCpu !== undefined ? validateCpu + buildCpu : undefined],
    [`first search shown (+${LATENCY_MS} ms/req)`, result.search?.firstResultsMs, undefined],
  ];
}

function comparison(results: SizeResult[]): { text: string; ratios: Record<string, number | undefined>; cpuRatios: Record<string, number | undefined> } {
  const small = results[0];
  const large = results.at(-1);
  const ratios: Record<string, number | undefined> = {};
  const cpuRatios: Record<string, number | undefined> = {};
  if (!small || !large) return { text: '', ratios, cpuRatios };
  const showRatio = results.length > 1;
  const label = `${large.size}/${small.size}`;
  const smallRows = timeRows(small);
  const ratio = (value: number | undefined, base: number | undefined) => (value !== undefined && base !== undefined && base > 0 ? value / base : undefined);
  const fixed = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(1));
  const cpuSeconds = (ms: number | undefined) => (ms === undefined ? '' : `${(ms / 1000).toFixed(2)} s`);
  const rows: (string | undefined)[][] = [
    ['', ...results.flatMap((r) => [`${count(r.size)} wall`, 'CPU']), ...(showRatio ? [`${label} wall`, 'CPU'] : [])],
  ];
  timeRows(large).forEach(([name, wall, cpu], index) => {
    const [, baseWall, baseCpu] = smallRows[index] ?? [name, undefined, undefined];
    ratios[name.trim()] = ratio(wall, baseWall);
    cpuRatios[name.trim()] = ratio(cpu, baseCpu);
    rows.push([
      name,
      ...results.flatMap((r) => {
        const row = timeRows(r)[index];
        return [seconds(row?.[1]), cpuSeconds(row?.[2])];
      }),
      ...(showRatio ? [fixed(ratios[name.trim()]), cpu === undefined ? '' : fixed(cpuRatios[name.trim()])] : []),
    ]);
  });
  const sizeRows: [string, (r: SizeResult) => string][] = [
    ['peak memory (tree)', (r) => mb(r.build.memory.peakTreeRss)],
    ['peak memory (Node, VmHWM)', (r) => mb(r.build.memory.nodeHwm)],
    ['Astro content store', (r) => mb(r.build.contentStoreBytes)],
    ['pages (.html)', (r) => count(r.dist?.htmlPages)],
    ['dist', (r) => mb(r.dist?.bytes)],
    ['Pagefind index', (r) => mb(r.dist?.pagefind.bytes)],
    ['first search fetched', (r) => kb(r.search?.first.transferred)],
    ['largest claim page', (r) => kb(r.dist?.largestClaim.bytes)],
    ['CSS', (r) => kb(r.dist?.css.bytes)],
    ['JS outside /search/', (r) => exact(r.dist?.nonSearchJs.bytes)],
    ['second-query waves', (r) => String(r.search?.second.waves ?? 'n/a')],
  ];
  rows.push([]);
  for (const [name, get] of sizeRows) rows.push([name, ...results.flatMap((r) => [get(r), ''])]);
  const note = showRatio
    ? `\n  Linear growth gives a ratio of about ${(large.size / small.size).toFixed(0)}; fixed costs (startup, bundling) pull ratios down.` +
      '\n  CPU is user + system time of every process in the tree: steadier than wall time when the machine is shared.'
    : '';
  return { text: table(rows, 'lr') + note, ratios, cpuRatios };
}

const JUDGED_STEPS = ['validate', 'build', 'content sync', 'page rendering', 'Pagefind', 'other', 'full build (validate + build)'];

const target = (name: string, goal: string, measured: string, pass: boolean | undefined, note?: string): Target =>
  note === undefined ? { name, target: goal, measured, pass } : { name, target: goal, measured, pass, note };

function targets(results: SizeResult[], ratios: Record<string, number | undefined>, cpuRatios: Record<string, number | undefined>): Target[] {
  const large = results.at(-1);
  if (!large) return [];
  const b = large.build;
  const full = large.validate.wallMs + b.wallMs;
  const ok = b.exitCode === 0;
  const list: Target[] = [
    target('Full build (validate + Astro + Pagefind)', '<= 60 s', seconds(full), ok ? full <= 60_000 : false,
      `validate ${seconds(large.validate.wallMs)} + build ${seconds(b.wallMs)}; CPU time ${((large.validate.cpuSeconds ?? 0) + b.memory.cpuSeconds).toFixed(1)} s`),
    target('Peak memory of the build (Node + children)', '< 2,000 MB', mb(b.memory.peakTreeRss), ok ? b.memory.peakTreeRss < 2000 * MB : false,
      `Node alone ${mb(b.memory.nodeHwm)}`),
    target('No Node heap flag', 'none', b.heapFlag ?? 'none', ok && b.heapFlag === undefined, ok ? 'build succeeded with the default heap' : 'build failed'),
    target('Validate', '< 3 s', seconds(large.validate.wallMs), large.validate.exitCode === 0 && large.validate.wallMs < 3000,
      large.validate.reportedMs !== undefined ? `spawn to exit; in-process ${large.validate.reportedMs} ms` : undefined),
  ];
  if (results.length > 1) {
    // The steps the issue names; the parts of "other" are shown for information, and the
    // ratio of two times of a few hundredths of a second is noise.
    const judged = (entries: [string, number | undefined][]) =>
      entries.filter((entry): entry is [string, number] => entry[1] !== undefined && JUDGED_STEPS.includes(entry[0])).sort((x, y) => y[1] - x[1]);
    const worst = judged(Object.entries(ratios))[0];
    const worstCpu = judged(Object.entries(cpuRatios))[0];
    list.push(target(`No step's ${large.size}/${results[0]?.size} time ratio above 12`, '<= 12',
      worst ? `max ${worst[1].toFixed(1)}` : 'n/a', worst ? worst[1] <= 12 : undefined,
      `wall: worst ${worst?.[0] ?? 'n/a'}; CPU time: worst ${worstCpu ? `${worstCpu[1].toFixed(1)} (${worstCpu[0]})` : 'n/a'}`));
  } else {
    list.push(target('No step\'s 10k/1k time ratio above 12', '<= 12', 'n/a', undefined, 'needs two sizes'));
  }
  const d = large.dist;
  const s = large.search;
  list.push(
    target('First search fetches', '< 250 kB', s ? kb(s.first.gzip) : 'n/a', s ? s.first.gzip < 250 * KB : undefined,
      s ? `as a compressing static host sends it; ${kb(s.first.transferred)} uncompressed` : undefined),
    target('Search: request waves after the first query\'s assets', '<= 1', s ? String(s.second.waves) : 'n/a', s ? s.second.waves <= 1 : undefined,
      s ? [...new Set(s.second.requests.filter((r) => r.wave > 0).map((r) => `wave ${r.wave}: ${r.kind}`))].join(', ') : undefined),
    target('Largest claim page HTML', '< 25 kB', d ? kb(d.largestClaim.bytes) : 'n/a', d ? d.largestClaim.bytes < 25 * KB : undefined),
    target('CSS for the whole site', '< 20 kB', d ? kb(d.css.bytes) : 'n/a', d ? d.css.bytes < 20 * KB : undefined),
    target('JS outside search', '0 B', d ? exact(d.nonSearchJs.bytes) : 'n/a', d ? d.nonSearchJs.bytes === 0 : undefined),
  );
  return list;
}

// ---------------------------------------------------------------------------------------

function machine() {
  const git = (gitArgs: string[]) => {
    try {
      return execFileSync('git', gitArgs, { cwd: ROOT }).toString().trim();
    } catch {
      return 'unknown';
    }
  };
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  const buildNode = (() => {
    try {
      return execFileSync(join(BIN, 'node'), ['--version']).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  return {
    harnessNode: process.version,
    buildNode,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemory: os.totalmem(),
    freeMemory: os.freemem(),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    astro: version('astro'),
    pagefind: version('pagefind'),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedFiles: git(['status', '--porcelain']).split('\n').filter(Boolean).length,
  };
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
async function writeConfigWrapper(): Promise<void> {
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

/** `--site DIR`: the first search and later queries on a site that is already built. */
async function measureBuiltSite(dir: string): Promise<void> {
  const search = await measureSearch(dir);
  const sum = (kind: string) => search.first.requests.filter((r) => r.kind === kind).reduce((n, r) => n + r.gzip, 0);
  const kinds = [...new Set(search.first.requests.map((r) => r.kind))];
  console.log(`Search on ${dir} ("${search.firstQuery}": ${search.firstResultsStatus})`);
  console.log(`  first search: ${kb(search.first.gzip)} as a compressing host sends it, ${kb(search.first.transferred)} uncompressed, ${search.first.requests.length} requests`);
  for (const kind of kinds) console.log(`    ${kind.padEnd(22)} ${exact(sum(kind)).padStart(10)}`);
  console.log(`  "${search.secondQuery}" typed, from Enter: ${search.second.waves} wave(s); "${search.pasted.query}" pasted: ${search.pasted.waves} wave(s)`);
  if (search.errors.length) console.log(search.errors.join('\n'));
}

async function main(): Promise<void> {
  if (args.site) {
    await measureBuiltSite(args.site);
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
    if (running) {
      try {
        process.kill(running.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  const results: SizeResult[] = [];
  for (const size of [...SIZES].sort((a, b) => a - b)) {
    const result = await benchSize(size);
    results.push(result);
    console.log(sizeReport(result));
  }
  await rm(CACHE, { recursive: true, force: true });

  const { text, ratios, cpuRatios } = comparison(results);
  console.log(heading(results.length > 1 ? 'Comparison and growth' : 'Summary'));
  console.log(text);
  const largest = results.at(-1);
  const list = targets(results, ratios, cpuRatios);
  console.log(heading(`Targets (issue 6; measured at ${count(largest?.size)} claims${largest?.size === 10_000 ? '' : ', the targets are set for 10,000'})`));
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
