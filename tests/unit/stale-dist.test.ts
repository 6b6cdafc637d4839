/**
 * The browser tests' setup rebuilds dist/ when it is missing or older than any source
 * (tests/e2e/support/stale.ts), so they never test a site built from yesterday's code.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { staleDist } from '../e2e/support/stale.ts';

let root: string;

/** Writes `file` under the temporary root with its modification time `seconds` after 2026-01-01. */
async function write(file: string, seconds: number): Promise<void> {
  const path = join(root, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, 'x');
  const time = new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
  await utimes(path, time, time);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'claimtrail-stale-'));
  await write('src/pages/index.astro', 0);
  await write('content/claims/a.md', 10);
  await write('astro.config.mjs', 5);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const dist = () => join(root, 'dist');

test('a missing dist/ is stale', () => {
  expect(staleDist(dist(), root)).toBe(`${dist()}/index.html is missing`);
});

test('a dist/ built after every source is up to date', async () => {
  await write('dist/index.html', 20);
  expect(staleDist(dist(), root)).toBeUndefined();
});

test('a source changed after the build, however deep, makes it stale, and is named', async () => {
  await write('dist/index.html', 20);
  await write('content/claims/nested/b.md', 30);
  expect(staleDist(dist(), root)).toBe(`${root}/content/claims/nested/b.md is newer than ${dist()}/index.html`);
  await write('dist/index.html', 40);
  await write('package-lock.json', 50);
  expect(staleDist(dist(), root)).toBe(`${root}/package-lock.json is newer than ${dist()}/index.html`);
});

test('files outside the sources (tests, the README) do not count', async () => {
  await write('dist/index.html', 20);
  await write('tests/unit/x.test.ts', 30);
  await write('README.md', 30);
  expect(staleDist(dist(), root)).toBeUndefined();
});
