/**
 * Whether the built site in dist/ still matches its sources: the browser tests must never
 * run against a dist/ older than the code and content it was built from.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './paths.ts';

/** Everything the site is built from: a change to any of them makes dist/ stale. */
const SOURCES = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The newest file under `paths` (relative to `root`), or undefined if there is none. */
function newestFile(root: string, paths: string[]): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  const consider = (path: string) => {
    const { mtimeMs } = statSync(path);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  };
  for (const path of paths.map((entry) => join(root, entry)).filter((path) => existsSync(path))) {
    if (!statSync(path).isDirectory()) {
      consider(path);
      continue;
    }
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) consider(join(entry.parentPath, entry.name));
    }
  }
  return newest;
}

/** Why dist/ must be built before testing it, or undefined when it is up to date. */
export function staleDist(dist = DIST, root = ROOT): string | undefined {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return `${index} is missing`;
  const newest = newestFile(root, SOURCES);
  if (newest && newest.mtimeMs > statSync(index).mtimeMs) return `${newest.path} is newer than ${index}`;
  return undefined;
}
