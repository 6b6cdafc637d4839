/**
 * A minimal static server for the built site, as a static host would serve it:
 * `/x/` -> `/x/index.html`, `/x` -> redirect to `/x/`, unknown paths -> `/404.html` with
 * status 404, and the headers from `_headers` when the build wrote one (a later block
 * overrides an earlier one for the paths it matches, as on Netlify). Optionally it passes
 * one path prefix on to another server, as `npm run cms` passes `/api/v1` to decap-server.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { passOn } from '../../../src/lib/editor/local-backend.ts';

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
  '.yml': 'text/yaml; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

interface HeaderRule {
  /** The block's path, `*` matching anything (`/*`, `/admin/*`). */
  pattern: RegExp;
  headers: Record<string, string>;
}

/** Reads `_headers` (Netlify/Cloudflare format): each block's path and headers, in order. */
async function headerRules(root: string): Promise<HeaderRule[]> {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      const path = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ pattern: new RegExp(`^${path}$`), headers: {} });
    } else {
      const [name, ...value] = line.trim().split(':');
      const rule = rules.at(-1);
      if (name && rule) rule.headers[name] = value.join(':').trim();
    }
  }
  return rules;
}

const headersFor = (rules: HeaderRule[], path: string) =>
  Object.assign({}, ...rules.filter((rule) => rule.pattern.test(path)).map((rule) => rule.headers)) as Record<string, string>;

export interface ServeOptions {
  /** Requests under `prefix` go to `target` (an http:// origin) instead. */
  proxy?: { prefix: string; target: string };
}

export async function serve(root: string, port = 0, options: ServeOptions = {}): Promise<StaticServer> {
  const rules = await headerRules(root);
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const { proxy } = options;
    if (proxy && url.pathname.startsWith(proxy.prefix)) {
      passOn(proxy.target, request, response);
      return;
    }
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
    response.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headersFor(rules, url.pathname) });
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
