/**
 * The content editor's files and, for `npm run cms`, its local backend.
 *
 * Decap CMS ships as one prebuilt script with chunks it loads on demand; they are served
 * from the site itself (`/admin/decap-cms.js`), never from a CDN: copied from
 * node_modules into the build output when the build is done, and served from there by
 * the dev server. With CLAIMTRAIL_CMS_BACKEND set (by `npm run cms`, to decap-server's
 * loopback address), the dev server passes `/api/v1/` on to it, so the editor reaches its
 * backend on the page's own origin and its Content Security Policy needs nothing more.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LOCAL_BACKEND_PATH, passOn } from '../lib/editor/local-backend.ts';
import { EDITOR_CONTENT_SECURITY_POLICY } from '../lib/security.ts';

/** Where the editor's files are served from. */
export const EDITOR_PATH = '/admin/';

/** The folder of Decap's prebuilt files in node_modules. */
export function decapDist(): string {
  return dirname(createRequire(import.meta.url).resolve('decap-cms'));
}

/**
 * The files the editor loads: the main script, its chunks, their WebAssembly and the
 * licence notice the script points to. Not the source maps, nor the `cms.js` copies.
 */
export async function editorFiles(dist = decapDist()): Promise<string[]> {
  const names = await readdir(dist);
  return names.filter((name) => /^(?:\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|^[0-9a-f]+\.wasm$/.test(name)).sort();
}

/**
 * The editor page with only its own Content Security Policy. Astro's `security.csp` writes
 * the site's policy into every built page, /admin/ too; a browser enforces both policies
 * at once, and the site's forbids what Decap needs ('unsafe-eval', inline styles), so the
 * site's tag is taken out of this one page. Fails if the editor's own tag is not there.
 */
export function keepEditorPolicyOnly(html: string): string {
  const tags = [...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/gi)];
  if (!tags.some((tag) => tag[1] === EDITOR_CONTENT_SECURITY_POLICY)) throw new Error(`${EDITOR_PATH}: the editor's own Content Security Policy tag is missing`);
  return tags.filter((tag) => tag[1] !== EDITOR_CONTENT_SECURITY_POLICY).reduce((text, tag) => text.replace(tag[0], ''), html);
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };

export function editor(): AstroIntegration {
  return {
    name: 'claimtrail:editor',
    hooks: {
      'astro:server:setup': async ({ server }) => {
        const dist = decapDist();
        const files = new Set(await editorFiles(dist));
        const backend = process.env['CLAIMTRAIL_CMS_BACKEND'];
        server.middlewares.use((request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (backend && path === LOCAL_BACKEND_PATH) return passOn(backend, request, response);
          const name = path.startsWith(EDITOR_PATH) ? basename(path) : '';
          if (!files.has(name) || path !== `${EDITOR_PATH}${name}`) return next();
          response.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
          createReadStream(join(dist, name)).pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = decapDist();
        const target = join(fileURLToPath(dir), EDITOR_PATH);
        await mkdir(target, { recursive: true });
        const files = await editorFiles(dist);
        await Promise.all(files.map((name) => copyFile(join(dist, name), join(target, name))));
        logger.info(`Copied ${files.length} files of Decap CMS into ${EDITOR_PATH}`);
        const page = join(target, 'index.html');
        await writeFile(page, keepEditorPolicyOnly(await readFile(page, 'utf8')));
      },
    },
  };
}
