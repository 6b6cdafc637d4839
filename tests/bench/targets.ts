/**
 * The targets, judged on the largest size: PASS, MISS or not measured. Up to 10,000 claims
 * they are issue 6's; from 100,000 claims, issue 15's (a build of 100,000 in five minutes,
 * 3 GB, validate in 10 s, no step growing faster than the claims, a development server that
 * starts in a minute and shows a saved edit in 3 s).
 */
import type { SizeResult } from './build.ts';
import { exact, kb, KB, MB, mb, seconds } from './format.ts';

export interface Target {
  name: string;
  target: string;
  measured: string;
  pass: boolean | undefined;
  note?: string;
}

const JUDGED_STEPS = ['validate', 'build', 'content sync', 'page rendering', 'Pagefind', 'other', 'full build (validate + build)'];

interface TargetSet {
  /** Whose targets these are, for the heading. */
  issue: string;
  /** The claim count the targets are set for. */
  size: number;
  fullBuildMs: number;
  peakBytes: number;
  validateMs: number;
  maxRatio: number;
  firstSearchBytes: number;
  dev?: { readyMs: number; editMs: number };
}

const TARGETS_AT_10K: TargetSet = { issue: 'issue 6', size: 10_000, fullBuildMs: 60_000, peakBytes: 2000 * MB, validateMs: 3000, maxRatio: 12, firstSearchBytes: 250 * KB };
const TARGETS_AT_100K: TargetSet = {
  issue: 'issue 15', size: 100_000, fullBuildMs: 300_000, peakBytes: 3000 * MB, validateMs: 10_000, maxRatio: 10, firstSearchBytes: 300 * KB,
  dev: { readyMs: 60_000, editMs: 3000 },
};

/** The set that applies to a run whose largest size is `size`. */
export function targetSet(size: number): TargetSet {
  return size >= TARGETS_AT_100K.size ? TARGETS_AT_100K : TARGETS_AT_10K;
}

const target = (name: string, goal: string, measured: string, pass: boolean | undefined, note?: string): Target =>
  note === undefined ? { name, target: goal, measured, pass } : { name, target: goal, measured, pass, note };

export function targets(results: SizeResult[], ratios: Record<string, number | undefined>, cpuRatios: Record<string, number | undefined>): Target[] {
  const large = results.at(-1);
  if (!large) return [];
  const b = large.build;
  const full = large.validate.wallMs + b.wallMs;
  const ok = b.exitCode === 0;
  const goal = targetSet(large.size);
  const list: Target[] = [
    target('Full build (validate + Astro + Pagefind)', `<= ${seconds(goal.fullBuildMs)}`, seconds(full), ok ? full <= goal.fullBuildMs : false,
      `validate ${seconds(large.validate.wallMs)} + build ${seconds(b.wallMs)}; CPU time ${((large.validate.cpuSeconds ?? 0) + b.memory.cpuSeconds).toFixed(1)} s`),
    target('Peak memory of the build (Node + children)', `<= ${mb(goal.peakBytes)}`, mb(b.memory.peakTreeRss), ok ? b.memory.peakTreeRss <= goal.peakBytes : false,
      `Node alone ${mb(b.memory.nodeHwm)}`),
    target('No Node heap flag', 'none', b.heapFlag ?? 'none', ok && b.heapFlag === undefined, ok ? 'build succeeded with the default heap' : 'build failed'),
    target('Validate', `<= ${seconds(goal.validateMs)}`, seconds(large.validate.wallMs), large.validate.exitCode === 0 && large.validate.wallMs <= goal.validateMs,
      large.validate.reportedMs !== undefined ? `spawn to exit; in-process ${large.validate.reportedMs} ms` : undefined),
  ];
  const sharded = large.sharded;
  if (sharded?.criticalPathMs !== undefined && sharded.merge) {
    const slowest = Math.max(...sharded.shards.map((shard) => shard.wallMs));
    const peak = Math.max(...sharded.shards.map((shard) => shard.peakTreeRss), sharded.merge.peakTreeRss);
    list.push(
      target(`Full build on ${sharded.count} runners (slowest shard + merge)`, `<= ${seconds(goal.fullBuildMs)}`, seconds(sharded.criticalPathMs), sharded.criticalPathMs <= goal.fullBuildMs,
        `shard ${seconds(slowest)} + merge ${seconds(sharded.merge.wallMs)} (Pagefind ${seconds(sharded.merge.indexMs)}); runners' setup and artifacts not included; merged ${sharded.identical ? '=' : '!='} whole build`),
      target(`Peak memory of one runner (${sharded.count} shards)`, `<= ${mb(goal.peakBytes)}`, mb(peak), peak <= goal.peakBytes,
        `slowest shard ${mb(Math.max(...sharded.shards.map((shard) => shard.peakTreeRss)))}, merge ${mb(sharded.merge.peakTreeRss)}`),
    );
  }
  if (results.length > 1) {
    // The steps the issue names; the parts of "other" are shown for information, and the
    // ratio of two times of a few hundredths of a second is noise.
    const judged = (entries: [string, number | undefined][]) =>
      entries.filter((entry): entry is [string, number] => entry[1] !== undefined && JUDGED_STEPS.includes(entry[0])).sort((x, y) => y[1] - x[1]);
    const worst = judged(Object.entries(ratios))[0];
    const worstCpu = judged(Object.entries(cpuRatios))[0];
    list.push(target(`No step's ${large.size}/${results[0]?.size} time ratio above ${goal.maxRatio}`, `<= ${goal.maxRatio}`,
      worst ? `max ${worst[1].toFixed(1)}` : 'n/a', worst ? worst[1] <= goal.maxRatio : undefined,
      `wall: worst ${worst?.[0] ?? 'n/a'}; CPU time: worst ${worstCpu ? `${worstCpu[1].toFixed(1)} (${worstCpu[0]})` : 'n/a'}`));
  } else {
    list.push(target(`No step's time ratio between sizes above ${goal.maxRatio}`, `<= ${goal.maxRatio}`, 'n/a', undefined, 'needs two sizes'));
  }
  const d = large.dist;
  const s = large.search;
  list.push(
    target('First search fetches', `<= ${kb(goal.firstSearchBytes)}`, s ? kb(s.first.gzip) : 'n/a', s ? s.first.gzip <= goal.firstSearchBytes : undefined,
      s ? `as a compressing static host sends it; ${kb(s.first.transferred)} uncompressed` : undefined),
    target('Search: request waves after the first query\'s assets', '<= 1', s ? String(s.second.waves) : 'n/a', s ? s.second.waves <= 1 : undefined,
      s ? [...new Set(s.second.requests.filter((r) => r.wave > 0).map((r) => `wave ${r.wave}: ${r.kind}`))].join(', ') : undefined),
    target('Largest claim page HTML', '< 25 kB', d ? kb(d.largestClaim.bytes) : 'n/a', d ? d.largestClaim.bytes < 25 * KB : undefined),
    target('CSS for the whole site', '< 20 kB', d ? kb(d.css.bytes) : 'n/a', d ? d.css.bytes < 20 * KB : undefined),
    target('JS outside search and the editor', '0 B', d ? exact(d.nonSearchJs.bytes) : 'n/a', d ? d.nonSearchJs.bytes === 0 : undefined),
  );
  if (goal.dev) {
    const dev = large.dev;
    list.push(
      target('Development server ready', `<= ${seconds(goal.dev.readyMs)}`, seconds(dev?.readyMs), dev ? dev.readyMs <= goal.dev.readyMs : undefined,
        dev ? `spawn to the first claim page served` : 'run with --dev'),
      target('A saved edit shown in development', `<= ${seconds(goal.dev.editMs)}`, seconds(dev?.editMs), dev?.editMs !== undefined ? dev.editMs <= goal.dev.editMs : undefined,
        dev ? `file written to the page showing it${dev.error ? `; ${dev.error}` : ''}` : 'run with --dev'),
    );
  }
  return list;
}
