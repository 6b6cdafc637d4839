/**
 * Renders many Markdown bodies across worker threads (src/lib/markdown/render-worker.ts),
 * each running the same content pipeline Astro is configured with. Used by the content
 * loader for large builds; small builds and `astro dev` render in place.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface RenderJob {
  id: string;
  body: string;
  fileURL: string;
}

export interface RenderedBody {
  id: string;
  html: string;
  metadata: Record<string, unknown>;
}

/** The structured-cloneable part of Astro's Markdown settings the pipeline reads. */
export interface WorkerOptions {
  syntaxHighlight: false;
  gfm?: boolean;
}

/** Below this many bodies, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;
const BATCH = 100;

export async function renderInWorkers(jobs: RenderJob[], options: WorkerOptions): Promise<Map<string, RenderedBody>> {
  const results = new Map<string, RenderedBody>();
  const threads = Math.max(1, Math.min(availableParallelism(), 4));
  const queue = jobs.slice();
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: options }));
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      const next = () => {
        const batch = queue.splice(0, BATCH);
        if (batch.length === 0) resolve();
        else worker.postMessage(batch);
      };
      worker.on('message', (rendered: RenderedBody[]) => {
        for (const body of rendered) results.set(body.id, body);
        next();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => (queue.length || code !== 0) && reject(new Error(`A Markdown worker stopped early (exit code ${code})`)));
      next();
    })));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
