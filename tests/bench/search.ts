/**
 * Search as a reader meets it, in Chromium behind a proxy that adds latency to every
 * request: the bytes of a first search, and the round-trip waves of the queries after it.
 */
import { readFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serve } from '../e2e/support/server.ts';
import { distPath } from './dist.ts';
import { exact, kb } from './format.ts';

export const FIRST_QUERY = 'taliban';
export const SECOND_QUERY = 'panjshir';
const PASTED_QUERY = 'kunduz';
/** A person typing: the page preloads the index for the words so far between keys. */
export const TYPING_DELAY_MS = 120;

export interface Fetched {
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

export interface SearchReport {
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
function assignWaves(requests: Fetched[], latencyMs: number): number {
  const slack = latencyMs / 3;
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

/** Opens /search/ on the site in `dist`, served with `latencyMs` added to every request, and searches as a reader would. */
export async function measureSearch(dist: string, latencyMs: number): Promise<SearchReport> {
  const server = await serve(dist);
  const proxy = await delayingProxy(server.url, latencyMs);
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
    const firstWaves = assignWaves(first, latencyMs);

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
    const secondWaves = assignWaves(second, latencyMs);

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
    const pastedWaves = assignWaves(pasted, latencyMs);
    await context.close();

    const relativeTo = (list: Fetched[], origin: number) => list.sort((a, b) => a.start - b.start).map((request) => ({ ...request, start: request.start - origin, end: request.end - origin }));
    return {
      firstQuery: FIRST_QUERY,
      secondQuery: SECOND_QUERY,
      latencyMs,
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

/** `--site DIR`: the first search and later queries on a site that is already built. */
export async function measureBuiltSite(dir: string, latencyMs: number): Promise<void> {
  const search = await measureSearch(dir, latencyMs);
  const sum = (kind: string) => search.first.requests.filter((r) => r.kind === kind).reduce((n, r) => n + r.gzip, 0);
  const kinds = [...new Set(search.first.requests.map((r) => r.kind))];
  console.log(`Search on ${dir} ("${search.firstQuery}": ${search.firstResultsStatus})`);
  console.log(`  first search: ${kb(search.first.gzip)} as a compressing host sends it, ${kb(search.first.transferred)} uncompressed, ${search.first.requests.length} requests`);
  for (const kind of kinds) console.log(`    ${kind.padEnd(22)} ${exact(sum(kind)).padStart(10)}`);
  console.log(`  "${search.secondQuery}" typed, from Enter: ${search.second.waves} wave(s); "${search.pasted.query}" pasted: ${search.pasted.waves} wave(s)`);
  if (search.errors.length) console.log(search.errors.join('\n'));
}
