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

/** Bodies checked as they are added (see `startBodyChecks`), with every result at the end. */
export interface BodyChecks {
  add(job: BodyJob): void;
  finish(): Promise<Map<string, CheckedBody>>;
}

/**
 * Starts checking bodies as they arrive, so the caller can go on reading and checking the
 * files' fields on this thread while the workers parse the bodies it has already found:
 * on two cores, the two passes overlap instead of following each other. `expected` (how
 * many bodies there will be, about) chooses workers or in place, as `checkBodies` does.
 * Batches are dealt to the workers in turn as they fill: this thread may be too busy to
 * answer a worker that asks for more.
 */
export function startBodyChecks(expected: number, options: BodyCheckOptions): BodyChecks {
  const results = new Map<string, CheckedBody>();
  const { cache } = options;
  const latest: [string, string][] = [];
  // Workers start once enough bodies need checking (with a cache, an edit in `astro dev`
  // re-checks one body, which is quicker here than starting a worker).
  const startAt = options.workers === true ? 1 : options.workers === false || expected < PARALLEL_THRESHOLD ? Infinity : PARALLEL_THRESHOLD;
  const threads = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(expected / BATCH)));
  const workers: Worker[] = [];
  const pending: number[] = [];
  let waiting: BodyJob[] = [];
  let failure: Error | undefined;
  let settle: (() => void) | undefined;
  const maybeDone = () => pending.every((count) => count === 0) && settle?.();

  const startWorkers = () => {
    for (let index = 0; index < threads; index++) {
      const worker = new Worker(new URL('./body-worker.ts', import.meta.url), { workerData: { html: options.html } });
      workers.push(worker);
      pending.push(0);
      worker.on('message', (checked: [string, CheckedBody][]) => {
        for (const [key, result] of checked) results.set(key, result);
        pending[index] = (pending[index] ?? 1) - 1;
        maybeDone();
      });
      worker.once('error', (error) => {
        failure ??= error;
        settle?.();
      });
      worker.once('exit', (code) => {
        if (pending[index] === 0 && code === 0) return;
        failure ??= new Error(`A body-checking worker stopped early (exit code ${code})`);
        settle?.();
      });
    }
  };
  let turn = 0;
  /** Deals the waiting bodies to the workers in batches, in turn. */
  const send = (all: boolean) => {
    while (waiting.length >= BATCH || (all && waiting.length)) {
      const index = turn++ % workers.length;
      pending[index] = (pending[index] ?? 0) + 1;
      (workers[index] as Worker).postMessage(waiting.splice(0, BATCH));
    }
  };

  return {
    add(job) {
      if (cache) {
        const digest = digestOf(job.body, options.html);
        latest.push([digest, job.key]);
        const known = cache.get(digest);
        if (known) {
          results.set(job.key, known);
          return;
        }
      }
      waiting.push(job);
      if (!workers.length && waiting.length >= startAt) startWorkers();
      if (workers.length) send(false);
    },
    async finish() {
      try {
        if (workers.length) {
          send(true);
          await new Promise<void>((resolve) => {
            settle = resolve;
            if (failure) resolve();
            else maybeDone();
          });
          if (failure) throw failure;
        } else {
          for (const job of waiting) results.set(job.key, checkOneBody(job.body, options.html));
          waiting = [];
        }
      } finally {
        await Promise.all(workers.map((worker) => worker.terminate()));
      }
      if (cache) {
        cache.clear();
        for (const [digest, key] of latest) cache.set(digest, results.get(key) as CheckedBody);
      }
      return results;
    },
  };
}

/** Every body of `jobs` checked, from `cache` where it is known (see `startBodyChecks`). */
export async function checkBodies(jobs: readonly BodyJob[], options: BodyCheckOptions): Promise<Map<string, CheckedBody>> {
  const checks = startBodyChecks(jobs.length, options);
  for (const job of jobs) checks.add(job);
  return checks.finish();
}
