/**
 * Checks many content bodies (and makes their pages' HTML, for the build) across worker
 * threads, so the one parse each body needs runs on every core. Small sets are checked in
 * place: below PARALLEL_THRESHOLD bodies, starting workers costs more than it saves.
 *
 * The results are the same in a worker and in place (a unit test compares them), and a
 * body that makes the check throw becomes a finding of that body, never a lost result.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bodyHtml } from '../markdown/body-html.ts';
import { inspectBody, type BodyFinding } from './body-policy.ts';
import { validatorFault } from './problems.ts';

export interface BodyJob {
  /** Any key the caller finds the result by (the file's path). */
  key: string;
  body: string;
}

export interface CheckedBody {
  findings: BodyFinding[];
  /** The page's HTML, when asked for and the body has no findings. */
  html?: string;
  /** Processor time the check took, in milliseconds (this thread's alone where Node can tell). */
  cpuMilliseconds: number;
}

export interface BodyCheckOptions {
  /** Make each valid body's HTML too (the build); validate needs only the findings. */
  html: boolean;
  /** Workers or in place; by default workers from PARALLEL_THRESHOLD bodies. */
  workers?: boolean | undefined;
  /**
   * Results of an earlier pass, by digest of the body, for `astro dev`: a change to one file
   * re-checks one body, not all. The cache keeps only the bodies of the latest pass.
   */
  cache?: BodyCache | undefined;
}

export type BodyCache = Map<string, CheckedBody>;

export const PARALLEL_THRESHOLD = 400;
const BATCH = 100;

/** This thread's processor time: in a worker, process.cpuUsage would count every thread. */
const threadCpuUsage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage;
const cpuNow = (): NodeJS.CpuUsage => (threadCpuUsage ? threadCpuUsage.call(process) : process.cpuUsage());

/** One body's check, and its HTML when asked for. Never throws. */
export function checkOneBody(body: string, html: boolean): CheckedBody {
  const started = cpuNow();
  let result: Omit<CheckedBody, 'cpuMilliseconds'>;
  try {
    const { findings, page } = inspectBody(body);
    result = html && page ? { findings, html: bodyHtml(page) } : { findings };
  } catch (error) {
    result = { findings: [{ line: 1, ...validatorFault(error) }] };
  }
  const ended = cpuNow();
  return { ...result, cpuMilliseconds: (ended.user - started.user + ended.system - started.system) / 1000 };
}

const digestOf = (body: string, html: boolean) => `${html ? 'h' : 'c'}${createHash('sha1').update(body).digest('base64')}`;

export async function checkBodies(jobs: readonly BodyJob[], options: BodyCheckOptions): Promise<Map<string, CheckedBody>> {
  const results = new Map<string, CheckedBody>();
  const { cache } = options;
  const digests = cache ? jobs.map((job) => digestOf(job.body, options.html)) : [];
  const todo = cache ? jobs.filter((job, index) => {
    const known = cache.get(digests[index] as string);
    if (known) results.set(job.key, known);
    return !known;
  }) : jobs;

  if (options.workers ?? todo.length >= PARALLEL_THRESHOLD) await checkInWorkers(todo, options.html, results);
  else for (const job of todo) results.set(job.key, checkOneBody(job.body, options.html));

  if (cache) {
    const latest = new Map(jobs.map((job, index) => [digests[index] as string, results.get(job.key) as CheckedBody]));
    cache.clear();
    for (const [digest, result] of latest) cache.set(digest, result);
  }
  return results;
}

async function checkInWorkers(jobs: readonly BodyJob[], html: boolean, results: Map<string, CheckedBody>): Promise<void> {
  const threads = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(jobs.length / BATCH)));
  const queue = jobs.slice();
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./body-worker.ts', import.meta.url), { workerData: { html } }));
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      const next = () => {
        const batch = queue.splice(0, BATCH);
        if (batch.length === 0) resolve();
        else worker.postMessage(batch);
      };
      worker.on('message', (checked: [string, CheckedBody][]) => {
        for (const [key, result] of checked) results.set(key, result);
        next();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => (queue.length || code !== 0) && reject(new Error(`A body-checking worker stopped early (exit code ${code})`)));
      next();
    })));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
