/**
 * The validation pass as `astro dev` runs it on every save (`loadContent` with a file
 * cache and a body cache): it re-checks only the files whose bytes changed, and reports
 * exactly what a cold pass over the same files reports.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onTestFinished, expect, test } from 'vitest';
import type { BodyCache } from '../../src/lib/content/body-checks.ts';
import { loadContent, type FileCache, type LoadedContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { CLAIM_FILE, OUTLET_FILE, TODAY, writeFixture } from './support/content-fixture.ts';

/** What a pass tells a reader: its problems, and each valid entry with its data and digest. */
const outcome = (content: LoadedContent) => ({
  problems: content.problems.map(formatProblem),
  entries: Object.values(content.entries).flatMap((entries) => [...entries.values()].map(({ file, data, digest }) => ({ file, data, digest }))),
  html: [...content.html],
});

test('a warm pass re-checks only changed files and agrees with a cold pass, edit after edit', async () => {
  const fixture = await writeFixture();
  onTestFinished(fixture.remove);
  const fileCache: FileCache = new Map();
  const bodyCache: BodyCache = new Map();
  const options = { root: fixture.root, contentDir: fixture.contentDir, today: TODAY, html: true };
  const warm = () => loadContent({ ...options, fileCache, bodyCache });
  const cold = () => loadContent(options);

  const first = await warm();
  expect(first.problems).toEqual([]);
  const claimPath = join(fixture.contentDir, CLAIM_FILE);
  const claimFile = [...fileCache.keys()].find((file) => file.endsWith(CLAIM_FILE)) as string;
  const outletFile = [...fileCache.keys()].find((file) => file.endsWith(OUTLET_FILE)) as string;
  const before = { claim: fileCache.get(claimFile), outlet: fileCache.get(outletFile) };

  // An edit that breaks the claim: it is checked again, the outlet is not.
  const original = await readFile(claimPath, 'utf8');
  await writeFile(claimPath, original.replace(/^status: .*$/m, 'status: probably-true'));
  const broken = await warm();
  expect(fileCache.get(outletFile)?.result).toBe(before.outlet?.result);
  expect(fileCache.get(claimFile)?.result).not.toBe(before.claim?.result);
  expect(fileCache.get(claimFile)?.digest).not.toBe(before.claim?.digest);
  expect(broken.problems.map((problem) => problem.field)).toContain('status');
  expect(outcome(broken)).toEqual(outcome(await cold()));

  // Fixed again: the same digest and outcome as the first pass.
  await writeFile(claimPath, original);
  const fixed = await warm();
  expect(fileCache.get(claimFile)?.digest).toBe(before.claim?.digest);
  expect(outcome(fixed)).toEqual(outcome(first));
  expect(outcome(fixed)).toEqual(outcome(await cold()));

  // A change to fields alone (the body as it was) changes the entry's digest, so the
  // store and the preview's catalog see it.
  await writeFile(claimPath, original.replace(/^summary: .*$/m, 'summary: Changed without touching the body.'));
  const edited = await warm();
  const claim = edited.entries.claims.values().next().value;
  expect(claim?.data.summary).toBe('Changed without touching the body.');
  expect(claim?.digest).not.toBe(first.entries.claims.values().next().value?.digest);
  expect(outcome(edited)).toEqual(outcome(await cold()));
}, 60_000);

test('a file that is gone is forgotten, and a pass without a cache reads every file', async () => {
  const fixture = await writeFixture({ 'topics/unused.md': { fields: { title: 'Unused', description: 'A topic no claim names.' } } });
  onTestFinished(fixture.remove);
  const fileCache: FileCache = new Map();
  const options = { root: fixture.root, contentDir: fixture.contentDir, today: TODAY };
  const first = await loadContent({ ...options, fileCache });
  expect(first.entries.topics.has('unused')).toBe(true);
  expect([...fileCache.keys()].some((file) => file.endsWith('topics/unused.md'))).toBe(true);
  await rm(join(fixture.contentDir, 'topics/unused.md'));
  const second = await loadContent({ ...options, fileCache });
  expect(second.entries.topics.has('unused')).toBe(false);
  expect([...fileCache.keys()].some((file) => file.endsWith('topics/unused.md'))).toBe(false);
  expect(fileCache.size).toBe(second.fileCount);
});
