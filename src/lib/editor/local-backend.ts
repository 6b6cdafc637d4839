/**
 * decap-server, the content editor's local backend: it reads and writes the files of a
 * folder on this machine instead of a GitHub repository. It listens on the loopback
 * interface only, and is reached through the site's own origin (`/api/v1/`), which the dev
 * server (src/integrations/editor.ts) or a test's server passes on to it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

export interface LocalBackend {
  /** The http://127.0.0.1:port origin it listens on. */
  url: string;
  close(): Promise<void>;
}

/** Where the editor sends its local backend's requests, on the page's own origin (with the slash, as every path of this site has one). */
export const LOCAL_BACKEND_PATH = '/api/v1/';

/** Passes a request on to the local backend at `target` (an http:// origin) and its answer back. */
export function passOn(target: string, request: IncomingMessage, response: ServerResponse): void {
  const upstream = forward(new URL(request.url ?? '/', target), { method: request.method, headers: request.headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', (error) => response.writeHead(502, { 'Content-Type': 'text/plain' }).end(`decap-server: ${error.message}`));
  request.pipe(upstream);
}

/** A port free on the loopback interface right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}${LOCAL_BACKEND_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts decap-server for the files under `repo` (the folder holding `content/`), on
 * 127.0.0.1, and resolves once it answers. `port` 0 picks a free one.
 */
export async function startLocalBackend({ repo, port = 0, timeout = 60_000 }: { repo: string; port?: number; timeout?: number }): Promise<LocalBackend> {
  const listenOn = port || (await freePort());
  const script = createRequire(import.meta.url).resolve('decap-server/dist/index.js');
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: String(listenOn), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: repo, MODE: 'fs', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${listenOn}`;
  const exited = once(child, 'exit');
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await exited;
    }
  };
  const deadline = Date.now() + timeout;
  while (!(await answers(url))) {
    if (child.exitCode !== null) throw new Error(`decap-server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      await close();
      throw new Error(`decap-server did not answer on ${url} within ${timeout / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, close };
}
