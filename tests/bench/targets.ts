/** The targets issue 6 set, judged on the largest size: PASS, MISS or not measured. */
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

const target = (name: string, goal: string, measured: string, pass: boolean | undefined, note?: string): Target =>
  note === undefined ? { name, target: goal, measured, pass } : { name, target: goal, measured, pass, note };

export function targets(results: SizeResult[], ratios: Record<string, number | undefined>, cpuRatios: Record<string, number | undefined>): Target[] {
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
