/**
 * `npm run cms`: the content editor on this machine. Starts decap-server (the editor's
 * local backend) on the loopback interface for this project's files, and the dev server
 * with it, which serves the site and passes the editor's `/api/v1/` requests on to it.
 * Open http://localhost:4321/admin/, choose Login, and what you save lands in content/
 * as files, exactly as the editor would propose them in a pull request; `git diff` shows
 * them and `npm run validate` checks them.
 *
 *   npm run cms                     this project's content/
 *   npm run cms -- --port 4400      arguments go to `astro dev`
 *   CLAIMTRAIL_CONTENT=/tmp/copy/content npm run cms    a copy (its folder must be named content)
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { startLocalBackend } from '../lib/editor/local-backend.ts';

const root = process.cwd();
const content = process.env['CLAIMTRAIL_CONTENT'] ? resolve(root, process.env['CLAIMTRAIL_CONTENT']) : join(root, 'content');
if (basename(content) !== 'content') {
  console.error(`The editor writes into a folder named content/; ${content} is not one.`);
  process.exit(1);
}

const backend = await startLocalBackend({ repo: dirname(content) });
console.log(`[cms] decap-server is serving ${content} on ${backend.url} (loopback only)`);

const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const dev = spawn(process.execPath, [astro, 'dev', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CLAIMTRAIL_CMS_BACKEND: backend.url },
});
console.log('[cms] The editor is at /admin/ on the address below; choose Login. Ctrl+C stops both.');

const stop = async (code: number) => {
  dev.kill();
  await backend.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
dev.on('exit', (code) => void stop(code ?? 0));
