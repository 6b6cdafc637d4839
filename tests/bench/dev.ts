/**
 * The development server a contributor previews with (`npm run dev`), on the generated
 * content: how long from spawn until a claim page is served, and how long from saving an
 * edit to a claim file until its page shows the edit. The edit is a changed `summary:`
 * line; the file is put back as it was afterwards, so the content stays reusable.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { BIN, CONFIG_WRAPPER, ROOT } from './paths.ts';

export interface DevReport {
  /** Spawn to the first claim page answered with 200. */
  readyMs: number;
  /** File written to the page showing the edit; undefined when it never showed. */
  editMs?: number;
  /** The claim page used. */
  page: string;
  error?: string;
}

const READY_TIMEOUT_MS = 15 * 60_000;
const EDIT_TIMEOUT_MS = 60_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function fetchText(url: string): Promise<{ status: number; text: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    return { status: response.status, text: await response.text() };
  } catch {
    return undefined;
  }
}

/** Polls `url` until `done` holds, or until `timeoutMs`; returns the milliseconds it took. */
async function until(url: string, done: (page: { status: number; text: string }) => boolean, timeoutMs: number, exited: () => boolean): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs && !exited()) {
    const page = await fetchText(url);
    if (page && done(page)) return performance.now() - started;
    await sleep(POLL_MS);
  }
  return undefined;
}

export async function measureDev(content: string): Promise<DevReport> {
  const claims = join(content, 'claims');
  const id = (await readdir(claims)).filter((name) => name.endsWith('.md')).sort()[0]?.slice(0, -'.md'.length);
  if (!id) throw new Error(`no claim in ${claims}`);
  const file = join(claims, `${id}.md`);
  const original = await readFile(file, 'utf8');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/claims/${id}/`;
  const started = performance.now();
  const child = spawn(join(BIN, 'astro'), ['dev', '--config', relative(ROOT, CONFIG_WRAPPER), '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${BIN}:${process.env['PATH'] ?? ''}`, CLAIMTRAIL_CONTENT: relative(ROOT, content) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    const ready = await until(url, (page) => page.status === 200, READY_TIMEOUT_MS, () => exited);
    if (ready === undefined) return { readyMs: performance.now() - started, page: url, error: `not ready: ${output.split('\n').slice(-5).join(' | ')}` };
    const readyMs = performance.now() - started;
    const marker = `Edited by the benchmark ${Date.now().toString(36)}`;
    const edited = original.replace(/^summary:.*$/m, `summary: ${marker}.`);
    if (edited === original) return { readyMs, page: url, error: 'the claim has no summary: line to edit' };
    await writeFile(file, edited);
    const editMs = await until(url, (page) => page.text.includes(marker), EDIT_TIMEOUT_MS, () => exited);
    return editMs === undefined ? { readyMs, page: url, error: `the edit did not show within ${EDIT_TIMEOUT_MS / 1000} s` } : { readyMs, editMs, page: url };
  } finally {
    await writeFile(file, original);
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}
