/**
 * Sharded builds: how pages are split between shards, and how the merge joins their
 * folders and refuses shards that disagree. The full proof, that a 3-shard build merged
 * equals a whole build file for file, builds the site four times, so it lives with the
 * integration tests (tests/e2e/sharded-build.test.ts).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mergeShards, sitemapUrls } from '../../src/lib/merge-shards.ts';
import { currentShard, inShard, parseShard, SHARD_VARIABLE, shardOfParams } from '../../src/lib/shards.ts';

describe('parseShard', () => {
  test('reads k/N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
  });

  test('says what would be right', () => {
    for (const text of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2']) {
      expect(() => parseShard(text), text).toThrow(`shard "${text}" is not of the form k/N with 1 <= k <= N (for example 2/3)`);
    }
  });

  test('currentShard reads the variable that npm run build -- --shard sets', () => {
    expect(currentShard({})).toBeUndefined();
    expect(currentShard({ [SHARD_VARIABLE]: '3/4' })).toEqual({ index: 3, count: 4 });
    expect(() => currentShard({ [SHARD_VARIABLE]: '5/4' })).toThrow('shard "5/4"');
  });
});

describe('inShard', () => {
  const paths = (ids: string[]) => ids.map((id) => ({ params: { id }, props: { id } }));

  test('every page is built by exactly one shard, whatever the count', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (ids, count) => {
      const all = paths(ids);
      const built = Array.from({ length: count }, (_, i) => inShard(all, { index: i + 1, count }).map(({ params }) => params.id));
      expect(built.flat().sort()).toEqual([...ids].sort());
    }));
  });

  test('outside a sharded build, every path is kept', () => {
    const all = paths(['a', 'b', 'c']);
    expect(inShard(all, undefined)).toBe(all);
  });

  test('a page keeps its shard when others are added, and shards get similar shares', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `claim-${i}`);
    const before = new Map(ids.slice(0, 1000).map((id) => [id, shardOfParams({ id }, 3)]));
    for (const [id, shard] of before) expect(shardOfParams({ id }, 3)).toBe(shard);
    const sizes = [1, 2, 3].map((index) => inShard(paths(ids), { index, count: 3 }).length);
    for (const size of sizes) expect(size).toBeGreaterThan(900);
  });

  test('list pages are split by their page too, not only by their item', () => {
    const pages = [undefined, 'page/2', 'page/3', 'page/4', 'page/5', 'page/6'].map((path) => ({ params: { id: 'one-person', path } }));
    const shards = new Set(pages.map(({ params }) => shardOfParams(params, 3)));
    expect(shards.size).toBeGreaterThan(1);
  });
});

describe('sitemapUrls', () => {
  test('reads each <loc>, decoding XML entities', () => {
    const xml = '<urlset><url><loc>https://example.org/a/</loc></url><url><loc>https://example.org/?q=1&amp;r=2</loc></url></urlset>';
    expect(sitemapUrls(xml)).toEqual(['https://example.org/a/', 'https://example.org/?q=1&r=2']);
  });
});

describe('mergeShards', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'claimtrail-merge-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function shard(name: string, files: Record<string, string>): Promise<string> {
    const folder = join(root, name);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(dirname(join(folder, file)), { recursive: true });
      await writeFile(join(folder, file), text);
    }
    return folder;
  }

  test('joins the shards; a file every shard wrote is kept once', async () => {
    const one = await shard('ok-1', { 'index.html': 'home', 'claims/a/index.html': 'a', '_astro/site.css': 'css' });
    const two = await shard('ok-2', { 'index.html': 'home', 'claims/b/index.html': 'b', '_astro/site.css': 'css' });
    const out = join(root, 'ok-out');
    await mkdir(out);
    await writeFile(join(out, 'stale.html'), 'from an earlier merge');
    const result = await mergeShards([one, two], out);
    expect(result).toEqual({ files: 4, shared: ['_astro/site.css', 'index.html'], urls: 0 });
    const written = (await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(out.length + 1)).sort();
    expect(written).toEqual(['_astro/site.css', 'claims/a/index.html', 'claims/b/index.html', 'index.html']);
    expect(await readFile(join(out, 'claims/b/index.html'), 'utf8')).toBe('b');
  });

  test('--move moves the files out of the shards instead of copying them', async () => {
    const one = await shard('move-1', { 'index.html': 'home', 'claims/a/index.html': 'a' });
    const two = await shard('move-2', { 'index.html': 'home', 'claims/b/index.html': 'b' });
    const out = join(root, 'move-out');
    expect(await mergeShards([one, two], out, { move: true })).toEqual({ files: 3, shared: ['index.html'], urls: 0 });
    expect(await readFile(join(out, 'claims/b/index.html'), 'utf8')).toBe('b');
    await expect(readFile(join(two, 'claims/b/index.html'))).rejects.toThrow('ENOENT');
    // A file two shards wrote is taken from the first; the other copy stays where it was.
    expect(await readFile(join(two, 'index.html'), 'utf8')).toBe('home');
  });

  test('refuses shards that disagree, naming every file, and writes nothing', async () => {
    const one = await shard('bad-1', { 'index.html': 'home', 'claims.json': '[1]', 'rss.xml': 'feed' });
    const two = await shard('bad-2', { 'index.html': 'home!', 'claims.json': '[2]', 'rss.xml': 'feed' });
    const indexed = await shard('bad-3', { 'index.html': 'home', 'pagefind/pagefind.js': '' });
    const empty = await shard('bad-4', { 'about/index.html': 'about' });
    const out = join(root, 'bad-out');
    const error = await mergeShards([one, two, indexed, empty], out).then(() => undefined, (caught: Error) => caught.message);
    expect(error?.replaceAll(root, '<tmp>')).toMatchInlineSnapshot(`
      "the shards cannot be merged:
        claims.json: differs between <tmp>/bad-1 and <tmp>/bad-2 (were the shards built from the same commit?)
        index.html: differs between <tmp>/bad-1 and <tmp>/bad-2 (were the shards built from the same commit?)
        <tmp>/bad-3: has a search index; build shards with --shard, which leaves indexing to the merge
        <tmp>/bad-4: has no index.html, so it is not the output of \`npm run build -- --shard k/N\`"
    `);
    await expect(readdir(out)).rejects.toThrow('ENOENT');
  });

  test('never writes into a shard', async () => {
    const one = await shard('overlap-1', { 'index.html': 'home' });
    await expect(mergeShards([one], join(one, 'merged'))).rejects.toThrow('overlap; write the merged site elsewhere');
    await expect(mergeShards([], join(root, 'none'))).rejects.toThrow('no shard folders given');
  });
});
