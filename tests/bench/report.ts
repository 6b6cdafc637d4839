/** The report: one section per size, and the comparison of the sizes with their ratios. */
import os from 'node:os';
import type { SizeResult } from './build.ts';
import { count, exact, heading, kb, MB, mb, seconds, table } from './format.ts';
import { PHASE_LABELS, type Phases } from './phases.ts';
import { SAMPLE_MS, type MemoryReport } from './processes.ts';
import { TYPING_DELAY_MS } from './search.ts';

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

export function sizeReport(result: SizeResult): string {
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
    ['Astro content store', mb(build.contentStoreBytes), 'data-store.json (or data-store/, chunked) the build wrote: every entry\'s data'],
  ];
  if (dist) {
    rows.push(
      ['Pages written (.html)', count(dist.htmlPages), `Astro reports ${count(p.astroPagesBuilt)} page(s) built`],
      ['dist size', mb(dist.bytes), `${count(dist.files)} files`],
      ['Pagefind index size', mb(dist.pagefind.bytes), `${count(dist.pagefind.files)} files: ${count(dist.pagefind.fragments)} fragments ${mb(dist.pagefind.fragmentBytes)}, ${count(dist.pagefind.indexChunks)} index chunks ${mb(dist.pagefind.indexBytes)}, filters ${kb(dist.pagefind.filterBytes)}, rest ${kb(dist.pagefind.otherBytes)} (of which unused UI bundles ${kb(dist.pagefind.unusedUiBytes)})`],
      ['Largest claim page (HTML)', kb(dist.largestClaim.bytes), `${exact(dist.largestClaim.bytes)}, ${dist.largestClaim.path}; median of ${count(dist.claimPages.count)} claim pages ${kb(dist.claimPages.medianBytes)}`],
      ['CSS, whole site', kb(dist.css.bytes), `${exact(dist.css.bytes)}: ${dist.css.files.map((file) => `${file.path} ${exact(file.bytes)}`).join(', ')}${dist.css.inlineStyleBytes ? `, inline <style> ${exact(dist.css.inlineStyleBytes)}` : ''}`],
      ['JS on pages other than /search/ and /admin/', kb(dist.nonSearchJs.bytes), `${exact(dist.nonSearchJs.bytes)} on ${count(dist.nonSearchJs.pagesWithJs)} pages${dist.nonSearchJs.examples.length ? ` e.g. ${dist.nonSearchJs.examples.join(', ')}` : ''}`],
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
  if (result.dev) {
    rows.push(
      ['Dev server ready', seconds(result.dev.readyMs), `astro dev, spawn to ${result.dev.page} served${result.dev.error ? `; ${result.dev.error}` : ''}`],
      ['Dev server: saved edit shown', seconds(result.dev.editMs), 'a claim\'s summary rewritten on disk, to its page showing it'],
    );
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

/** Wall and CPU milliseconds of each step, in the order the comparison lists them. */
function timeRows(result: SizeResult, latencyMs: number): [string, number | undefined, number | undefined][] {
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
    [`first search shown (+${latencyMs} ms/req)`, result.search?.firstResultsMs, undefined],
  ];
}

/** The sizes side by side, with the ratio of the largest to the smallest for each step. */
export function comparison(results: SizeResult[], latencyMs: number): { text: string; ratios: Record<string, number | undefined>; cpuRatios: Record<string, number | undefined> } {
  const small = results[0];
  const large = results.at(-1);
  const ratios: Record<string, number | undefined> = {};
  const cpuRatios: Record<string, number | undefined> = {};
  if (!small || !large) return { text: '', ratios, cpuRatios };
  const showRatio = results.length > 1;
  const label = `${large.size}/${small.size}`;
  const smallRows = timeRows(small, latencyMs);
  const ratio = (value: number | undefined, base: number | undefined) => (value !== undefined && base !== undefined && base > 0 ? value / base : undefined);
  const fixed = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(1));
  const cpuSeconds = (ms: number | undefined) => (ms === undefined ? '' : `${(ms / 1000).toFixed(2)} s`);
  const rows: (string | undefined)[][] = [
    ['', ...results.flatMap((r) => [`${count(r.size)} wall`, 'CPU']), ...(showRatio ? [`${label} wall`, 'CPU'] : [])],
  ];
  timeRows(large, latencyMs).forEach(([name, wall, cpu], index) => {
    const [, baseWall, baseCpu] = smallRows[index] ?? [name, undefined, undefined];
    ratios[name.trim()] = ratio(wall, baseWall);
    cpuRatios[name.trim()] = ratio(cpu, baseCpu);
    rows.push([
      name,
      ...results.flatMap((r) => {
        const row = timeRows(r, latencyMs)[index];
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
    ['JS outside /search/ and /admin/', (r) => exact(r.dist?.nonSearchJs.bytes)],
    ['second-query waves', (r) => String(r.search?.second.waves ?? 'n/a')],
    ['dev server ready', (r) => seconds(r.dev?.readyMs)],
    ['dev server: edit shown', (r) => seconds(r.dev?.editMs)],
  ];
  rows.push([]);
  for (const [name, get] of sizeRows) rows.push([name, ...results.flatMap((r) => [get(r), ''])]);
  const note = showRatio
    ? `\n  Linear growth gives a ratio of about ${(large.size / small.size).toFixed(0)}; fixed costs (startup, bundling) pull ratios down.` +
      '\n  CPU is user + system time of every process in the tree: steadier than wall time when the machine is shared.'
    : '';
  return { text: table(rows, 'lr') + note, ratios, cpuRatios };
}
