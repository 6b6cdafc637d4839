/**
 * A fresh `npm install` must leave package-lock.json as committed, on every machine the
 * README promises (npm 11 on Node 20 or 24, npm 10 on Node 22), so that a content-only
 * pull request never drags in a lockfile change. Three ways a lockfile breaks that:
 *
 * - its root disagrees with package.json (a dependency or `engines` changed by hand);
 * - an optional platform package is missing (a lockfile pruned to one platform): npm adds
 *   the other platforms' entries back on the next install;
 * - it carries `libc` fields: npm 11 writes them, npm 10 (Node 22's) deletes them, and npm 11
 *   leaves a lockfile without them as it is. Regenerate with npm 10 after adding a
 *   dependency: `npx npm@10 install --package-lock-only`.
 *
 * `.ci/run` checks the end result too: the lockfile is unchanged after its install. And the
 * repository tracks no symbolic link: a committed `node_modules` link (it happened once) points
 * at one machine's folder, and checking it out deletes the installed packages there.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

interface Entry {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  engines?: Record<string, string>;
  libc?: string[];
}

let manifest: Entry;
let lock: { lockfileVersion: number; packages: Record<string, Entry> };

beforeAll(async () => {
  manifest = JSON.parse(await readFile(join(PROJECT, 'package.json'), 'utf8')) as Entry;
  lock = JSON.parse(await readFile(join(PROJECT, 'package-lock.json'), 'utf8')) as typeof lock;
});

test('its root is package.json: dependencies, dev dependencies and engines', () => {
  const root = lock.packages[''];
  expect(lock.lockfileVersion).toBe(3);
  expect(root?.dependencies).toEqual(manifest.dependencies);
  expect(root?.devDependencies).toEqual(manifest.devDependencies);
  expect(root?.engines).toEqual(manifest.engines);
});

test('every optional dependency (each platform’s binary) has its entry', () => {
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      // npm resolves a dependency in the nearest node_modules up from the package.
      const candidates: string[] = [];
      for (let base = path; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
        candidates.push(base ? `${base}/node_modules/${name}` : `node_modules/${name}`);
        if (!base.includes('/node_modules/')) {
          if (base) candidates.push(`node_modules/${name}`);
          break;
        }
      }
      if (!candidates.some((candidate) => candidate in lock.packages)) missing.push(`${path || '(root)'} -> ${name}`);
    }
  }
  expect(missing).toEqual([]);
});

test('no entry has a libc field, which npm 10 would delete', () => {
  expect(Object.entries(lock.packages).filter(([, entry]) => entry.libc).map(([path]) => path)).toEqual([]);
});

test('the repository tracks no symbolic link, so no install can be replaced by one', () => {
  const tracked = execFileSync('git', ['ls-files', '--stage'], { cwd: PROJECT, encoding: 'utf8' }).split('\n');
  expect(tracked.filter((line) => line.startsWith('120000 ')).map((line) => line.split('\t')[1])).toEqual([]);
});
