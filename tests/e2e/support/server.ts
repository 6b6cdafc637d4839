/**
 * A minimal static server for the built site, as a static host would serve it:
 * `/x/` -> `/x/index.html`, `/x` -> redirect to `/x/`, unknown paths -> `/404.html` with
 * status 404, and the headers from `_headers` when the build wrote one.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** Reads `_headers` (Netlify/Cloudflare format) for the `/*` block, if there is one. */
async function globalHeaders(root: string): Promise<Record<string, string>> {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  const headers: Record<string, string> = {};
  let inGlobal = false;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) inGlobal = line.trim() === '/*';
    else if (inGlobal) {
      const [name, ...value] = line.trim().split(':');
      if (name) headers[name] = value.join(':').trim();
    }
  }
  return headers;
}

export async function serve(root: string, port = 0): Promise<StaticServer> {
  const headers = await globalHeaders(root);
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (path.endsWith('/')) file = join(file, 'index.html');
    else if (!(await isFile(file)) && (await isFile(join(file, 'index.html')))) {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    let status = 200;
    if (!(await isFile(file))) {
      status = 404;
      file = join(root, '404.html');
    }
    const body = await readFile(file).catch(() => Buffer.from('Not found'));
    response.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
