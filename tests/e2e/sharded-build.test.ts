/**
 * A sharded build (issue 15) is the same site as a whole build, file for file: the
 * project's content built whole with `npm run build`, and built as 3 shards with
 * `npm run build -- --shard k/3` then joined and indexed with `npm run merge`, must give
 * the same files with the same bytes, search index and sitemap included. And sharding must
 * actually split the work: no page of a route with parameters is built by two shards.
 *
 * Four full builds, in a temporary copy of the project (its own caches), reading the
 * project's own content.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { filesUnder } from '../../src/lib/merge-shards.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './support/paths.ts';
import { copyProject } from './support/project-copy.ts';

const SHARDS = 3;

let root: string;
let project: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'claimtrail-shards-'));
  project = await copyProject(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function run(script: string, args: string[]): string {
  const result = spawnSync(process.execPath, [join(project, script), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CLAIMTRAIL_CONTENT: join(ROOT, 'content'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    // Inside the test's own timeout (tests/vitest.config.ts), so a hung build is reported.
    timeout: 240_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.error, output).toBeUndefined();
  expect(result.status, output).toBe(0);
  return output;
}

/** What each route without parameters in src/pages writes (build.format 'directory'). */
async function parameterlessOutputs(): Promise<string[]> {
  const routes = (await readdir(join(ROOT, 'src/pages'), { recursive: true })).map((file) => file.split(sep).join('/'))
    .filter((file) => /\.(astro|mdx|ts)$/.test(file) && !file.includes('['));
  return routes.map((file) => {
    if (file.endsWith('.ts')) return file.slice(0, -'.ts'.length);
    const page = file.replace(/\.(astro|mdx)$/, '');
    if (page === '404') return '404.html';
    return page === 'index' || page.endsWith('/index') ? `${page}.html` : `${page}/index.html`;
  }).sort();
}

describe('a sharded build', () => {
  let whole: string;
  let merged: string;

  beforeAll(() => {
    whole = join(root, 'whole');
    run('src/cli/build.ts', ['--outDir', whole]);
    const shards = Array.from({ length: SHARDS }, (_, i) => join(root, `shard-${i + 1}`));
    shards.forEach((shard, i) => run('src/cli/build.ts', ['--shard', `${i + 1}/${SHARDS}`, '--outDir', shard]));
    merged = join(root, 'merged');
    const output = run('src/cli/merge.ts', ['--outDir', merged, ...shards]);
    expect(output).toMatch(/\[merge\] 3 shards: \d+ files/);
  });

  test('merged, is the whole build file for file, search index and sitemap included', async () => {
    const [wholeFiles, mergedFiles] = await Promise.all([filesUnder(whole), filesUnder(merged)]);
    expect(mergedFiles).toEqual(wholeFiles);
    expect(wholeFiles).toContain('pagefind/pagefind-entry.json');
    expect(wholeFiles).toContain('sitemap-0.xml');
    const different: string[] = [];
    for (const file of wholeFiles) {
      const [a, b] = await Promise.all([readFile(join(whole, file)), readFile(join(merged, file))]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  });

  test('each page of a route with parameters is built by one shard only', async () => {
    const perShard = await Promise.all(Array.from({ length: SHARDS }, (_, i) => filesUnder(join(root, `shard-${i + 1}`))));
    const seen = new Map<string, number>();
    for (const files of perShard) for (const file of files) seen.set(file, (seen.get(file) ?? 0) + 1);
    const builtTwice = [...seen].filter(([, count]) => count > 1).map(([file]) => file);
    // Pages and endpoint outputs built by more than one shard are exactly those of the routes without parameters.
    const pagesBuiltTwice = builtTwice.filter((file) => /\.(html|xml|json|csv|yml)$/.test(file) && !/^sitemap-/.test(file));
    expect(pagesBuiltTwice).toEqual(await parameterlessOutputs());
    // And every shard built a share of the claims.
    for (const files of perShard) expect(files.filter((file) => /^claims\/[^/]+\/index\.html$/.test(file)).length).toBeGreaterThan(5);
  });
});
