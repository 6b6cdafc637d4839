/**
 * A worker thread that renders Markdown bodies with the content pipeline, so a large
 * build renders on every core instead of one. It answers each batch of jobs with the
 * same shape Astro's own `renderMarkdown` returns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { contentMarkdown } from './pipeline.ts';
import type { RenderJob, RenderedBody, WorkerOptions } from './parallel.ts';

const options = workerData as WorkerOptions;
const renderer = await contentMarkdown().createRenderer(options);

parentPort?.on('message', async (jobs: RenderJob[]) => {
  const results: RenderedBody[] = [];
  for (const job of jobs) {
    const { code, metadata } = await renderer.render(job.body, { frontmatter: {}, fileURL: new URL(job.fileURL) });
    results.push({
      id: job.id,
      html: code,
      metadata: { ...metadata, imagePaths: [...(metadata.localImagePaths ?? []), ...(metadata.remoteImagePaths ?? [])] },
    });
  }
  parentPort?.postMessage(results);
});
