/**
 * A worker thread of `checkBodies` (body-checks.ts): checks each batch of bodies it is sent
 * and answers with the results, keyed as they came.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkOneBody, type BodyJob, type CheckedBody } from './body-checks.ts';

const { html } = workerData as { html: boolean };

parentPort?.on('message', (jobs: BodyJob[]) => {
  parentPort?.postMessage(jobs.map((job): [string, CheckedBody] => [job.key, checkOneBody(job.body, html)]));
});
