/**
 * `npm run bench -- --shards N`: after the whole build of a size, the same content built as
 * N shards and merged, as the deploy workflow does on N runners (src/lib/shards.ts).
 *
 * Each shard is built cold, one after another on this machine, each as one runner would
 * build it (validation, content sync, its share of the pages); the merge then joins them
 * and runs Pagefind over the whole site. What a CI run would wait for is the slowest shard
 * plus the merge; runners' setup and the artifacts' upload and download are not included.
 * The merged site is compared with the whole build, file for file.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { filesUnder } from '../../src/lib/merge-shards.ts';
import { mb, seconds } from './format.ts';
import { BIN, CACHE, CONFIG_WRAPPER, ROOT } from './paths.ts';
import { logText, run, type RunResult } from './processes.ts';

export interface StepSummary { wallMs: number; cpuSeconds: number; peakTreeRss: number; exitCode: number | null }

export interface ShardedReport {
  count: number;
  shards: (StepSummary & { pages?: number })[];
  merge?: StepSummary & { mergeMs?: number; indexMs?: number };
  /** The slowest shard plus the merge: what a CI run waits for, runners' overhead aside. */
  criticalPathMs?: number;
  /** Whether the merged site is the whole build, file for file; the files that differ. */
  identical?: boolean;
  differing?: string[];
  error?: string;
}

const summary = (result: RunResult): StepSummary => ({
  wallMs: result.wallMs, cpuSeconds: result.memory.cpuSeconds, peakTreeRss: result.memory.peakTreeRss, exitCode: result.code,
});

/** Files that are not the same in both sites (missing from one included); at most `limit`. */
async function differences(a: string, b: string, limit = 20): Promise<string[]> {
  const [filesA, filesB] = await Promise.all([filesUnder(a), filesUnder(b)]);
  const inA = new Set(filesA);
  const inB = new Set(filesB);
  const found = [...filesA.filter((file) => !inB.has(file)), ...filesB.filter((file) => !inA.has(file))];
  for (const file of filesA) {
    if (found.length >= limit) break;
    if (!inB.has(file)) continue;
    const [bytesA, bytesB] = await Promise.all([readFile(join(a, file)), readFile(join(b, file))]);
    if (!bytesA.equals(bytesB)) found.push(file);
  }
  return found.slice(0, limit);
}

export async function benchShards(size: number, dir: string, count: number, wholeDist: string, env: NodeJS.ProcessEnv): Promise<ShardedReport> {
  const report: ShardedReport = { count, shards: [] };
  const folders = Array.from({ length: count }, (_, i) => join(dir, `shard-${i + 1}`));
  for (const [i, folder] of folders.entries()) {
    // Each runner starts cold: no content store or Vite cache from another shard.
    await rm(CACHE, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
    process.stdout.write(`[${size}] shard ${i + 1}/${count}: `);
    const result = await run(join(BIN, 'node'), ['src/cli/build.ts', '--config', relative(ROOT, CONFIG_WRAPPER), '--shard', `${i + 1}/${count}`, '--outDir', relative(ROOT, folder)], env);
    await writeFile(join(dir, `shard-${i + 1}.log`), `${logText(result.lines)}\n`);
    const pages = /\[build\] (\d+) page\(s\) built/.exec(logText(result.lines))?.[1];
    report.shards.push({ ...summary(result), ...(pages ? { pages: Number(pages) } : {}) });
    if (result.code !== 0) {
      report.error = `shard ${i + 1} failed (exit ${result.code}); see ${relative(ROOT, join(dir, `shard-${i + 1}.log`))}`;
      console.log(report.error);
      return report;
    }
    console.log(`${seconds(result.wallMs)}, CPU ${result.memory.cpuSeconds.toFixed(1)} s, peak ${mb(result.memory.peakTreeRss)}, ${pages ?? '?'} pages`);
  }

  const merged = join(dir, 'merged');
  process.stdout.write(`[${size}] merge and index: `);
  const merge = await run(join(BIN, 'node'), ['src/cli/merge.ts', '--move', '--outDir', relative(ROOT, merged), ...folders.map((folder) => relative(ROOT, folder))], env);
  const output = logText(merge.lines);
  await writeFile(join(dir, 'merge.log'), `${output}\n`);
  const mergeSeconds = /\[merge\] .* in ([\d.]+) s$/m.exec(output)?.[1];
  const totalSeconds = /merge and index in ([\d.]+) s/.exec(output)?.[1];
  report.merge = {
    ...summary(merge),
    ...(mergeSeconds ? { mergeMs: Number(mergeSeconds) * 1000 } : {}),
    ...(mergeSeconds && totalSeconds ? { indexMs: (Number(totalSeconds) - Number(mergeSeconds)) * 1000 } : {}),
  };
  if (merge.code !== 0) {
    report.error = `the merge failed (exit ${merge.code}); see ${relative(ROOT, join(dir, 'merge.log'))}`;
    console.log(report.error);
    return report;
  }
  report.criticalPathMs = Math.max(...report.shards.map((shard) => shard.wallMs)) + merge.wallMs;
  console.log(`${seconds(merge.wallMs)} (merge ${seconds(report.merge.mergeMs)}, Pagefind ${seconds(report.merge.indexMs)}), peak ${mb(merge.memory.peakTreeRss)}`);

  process.stdout.write(`[${size}] the merged site against the whole build: `);
  report.differing = await differences(wholeDist, merged);
  report.identical = report.differing.length === 0;
  console.log(report.identical ? 'identical, file for file' : `${report.differing.length} files differ: ${report.differing.join(', ')}`);
  for (const folder of [...folders, merged]) await rm(folder, { recursive: true, force: true });
  return report;
}

export function shardedReport(size: number, report: ShardedReport, wholeMs: number): string {
  const rows = report.shards.map((shard, i) => `  shard ${i + 1}/${report.count}: ${seconds(shard.wallMs)}, CPU ${shard.cpuSeconds.toFixed(1)} s, peak ${mb(shard.peakTreeRss)}, ${shard.pages ?? '?'} pages`);
  if (report.merge) rows.push(`  merge and index: ${seconds(report.merge.wallMs)} (merge ${seconds(report.merge.mergeMs)}, Pagefind ${seconds(report.merge.indexMs)}), CPU ${report.merge.cpuSeconds.toFixed(1)} s, peak ${mb(report.merge.peakTreeRss)}`);
  if (report.criticalPathMs !== undefined) rows.push(`  on ${report.count} runners: slowest shard + merge = ${seconds(report.criticalPathMs)}, against ${seconds(wholeMs)} for the whole build on one machine`);
  if (report.identical !== undefined) rows.push(`  merged site ${report.identical ? 'is the whole build, file for file' : `differs from the whole build: ${report.differing?.join(', ')}`}`);
  if (report.error) rows.push(`  ${report.error}`);
  return [`\n[${size}] sharded build, ${report.count} shards`, ...rows].join('\n');
}
