/**
 * Joins the output folders of a sharded build (src/lib/shards.ts) into one site, the same
 * file for file as a whole build, before the search index is built over it.
 *
 * Each shard wrote its own pages plus what every shard writes: the routes without
 * parameters, the stylesheets, `public/`, the editor's files and `_headers`. A file
 * written by more than one shard must be the same bytes in each; if not, the shards were
 * built from different content or code, and the merge stops, naming every such file.
 *
 * The sitemap is the one file no shard can write whole: each lists only its own pages. The
 * merge reads their URLs and has the sitemap integration of astro.config.mjs write the
 * sitemap again from all of them, so its options (filter, entry limit) apply as in a
 * whole build.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

const FILES_AT_ONCE = 32;

/** Where @astrojs/sitemap writes, with its default `filenameBase`. */
const SITEMAP_FILE = /^sitemap-(?:index|\d+)\.xml$/;

export interface MergeResult {
  files: number;
  /** Files that more than one shard wrote (the same bytes in each), relative paths. */
  shared: string[];
  /** URLs in the merged sitemap. */
  urls: number;
}

/** Every file under `root`, as sorted relative paths with `/`. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sizeA, sizeB] = await Promise.all([stat(a), stat(b)]);
  if (sizeA.size !== sizeB.size) return false;
  const [bytesA, bytesB] = await Promise.all([readFile(a), readFile(b)]);
  return bytesA.equals(bytesB);
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The `<loc>` URLs of one sitemap file. */
export function sitemapUrls(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, url]) => url!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!));
}

/** The subset of Astro's resolved config that @astrojs/sitemap reads. */
interface SitemapConfig { site: string; base: string; trailingSlash: string; build: { format: string } }

/**
 * Writes the sitemap of `site` for `urls` with the project's own sitemap integration, by
 * calling its hooks as `astro build` does.
 */
async function writeSitemap(site: string, urls: string[], projectRoot: string): Promise<void> {
  const { default: config } = await import(pathToFileURL(join(projectRoot, 'astro.config.mjs')).href) as {
    default: { site?: string; base?: string; trailingSlash?: string; build?: { format?: string }; integrations?: AstroIntegration[] };
  };
  const sitemap = config.integrations?.find((integration) => integration.name === '@astrojs/sitemap');
  if (!sitemap) {
    if (urls.length) throw new Error('the shards wrote a sitemap, but astro.config.mjs has no @astrojs/sitemap integration');
    return;
  }
  const resolved: SitemapConfig = {
    site: config.site ?? '',
    base: config.base ?? '/',
    trailingSlash: config.trailingSlash ?? 'ignore',
    build: { format: config.build?.format ?? 'directory' },
  };
  const messages: string[] = [];
  const logger = {
    info: () => {},
    warn: (message: string) => messages.push(message),
    error: (message: string) => messages.push(message),
    debug: () => {},
    fork: () => logger,
    label: '@astrojs/sitemap',
  } as unknown as AstroIntegrationLogger;
  const hooks = sitemap.hooks as Record<string, (options: object) => Promise<void> | void>;
  await hooks['astro:config:done']!({ config: resolved, logger });
  await hooks['astro:routes:resolved']!({ routes: [], logger });
  const base = new URL(resolved.base, resolved.site);
  const pages = urls.map((url) => ({ pathname: new URL(url).pathname.slice(base.pathname.length) }));
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${site}/`), pages, logger });
  if (messages.length) throw new Error(`the sitemap could not be written: ${messages.join('; ')}`);
}

export interface MergeOptions {
  /**
   * Move each file out of its shard instead of copying it (what CI wants: the shards are
   * downloaded only to be merged, and renaming 200,000 files is much faster than copying
   * them). Nothing is moved until every shard has been checked.
   */
  move?: boolean;
  /** Where astro.config.mjs is, for the sitemap integration. */
  projectRoot?: string;
}

/** Moves a file, or copies it when it is on another file system. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
  }
}

/**
 * Merges the shard folders into `outDir` (emptied first). Throws, naming every file, when
 * shards disagree on a file or a shard is not a shard's output.
 */
export async function mergeShards(shards: readonly string[], outDir: string, { move = false, projectRoot = process.cwd() }: MergeOptions = {}): Promise<MergeResult> {
  const out = resolve(outDir);
  const inputs = shards.map((shard) => resolve(shard));
  if (!inputs.length) throw new Error('no shard folders given');
  for (const input of inputs) {
    if (out === input || out.startsWith(`${input}${sep}`) || input.startsWith(`${out}${sep}`)) {
      throw new Error(`the output folder ${outDir} and the shard folder ${input} overlap; write the merged site elsewhere`);
    }
  }

  const problems: string[] = [];
  const owner = new Map<string, string>();
  const shared = new Set<string>();
  const urls = new Set<string>();
  for (const input of inputs) {
    const files = await filesUnder(input).catch(() => undefined);
    if (!files) {
      problems.push(`${input}: not a folder that can be read`);
      continue;
    }
    if (!files.includes('index.html')) problems.push(`${input}: has no index.html, so it is not the output of \`npm run build -- --shard k/N\``);
    if (files.some((file) => file.startsWith('pagefind/'))) problems.push(`${input}: has a search index; build shards with --shard, which leaves indexing to the merge`);
    for (const file of files) {
      if (SITEMAP_FILE.test(file)) {
        if (file !== 'sitemap-index.xml') for (const url of sitemapUrls(await readFile(join(input, file), 'utf8'))) urls.add(url);
        continue;
      }
      const first = owner.get(file);
      if (first === undefined) owner.set(file, input);
      else if (!(await sameBytes(join(first, file), join(input, file)))) problems.push(`${file}: differs between ${first} and ${input} (were the shards built from the same commit?)`);
      else shared.add(file);
    }
  }
  if (problems.length) throw new Error(`the shards cannot be merged:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);

  await rm(out, { recursive: true, force: true });
  const folders = new Set([...owner.keys()].map((file) => dirname(join(out, file))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  // A few files in flight at once: a 100,000-claim site is over 200,000 files.
  const transfer = move ? moveFile : copyFile;
  const files = [...owner];
  for (let start = 0; start < files.length; start += FILES_AT_ONCE) {
    await Promise.all(files.slice(start, start + FILES_AT_ONCE).map(([file, input]) => transfer(join(input, file), join(out, file))));
  }
  if (urls.size) await writeSitemap(out, [...urls], projectRoot);
  return { files: owner.size, shared: [...shared].sort(), urls: urls.size };
}
