/**
 * Rendered Markdown bodies, kept beside Astro's data store instead of in it.
 *
 * Astro inlines its whole data store into the server bundle; with the rendered bodies in
 * it (Astro's `glob()` loader), a build at 10,000 claims took far more time and memory
 * (the measurements are in README.md). So the content loader renders every body during
 * sync and writes the HTML to one file per collection in Astro's cache folder, keyed by
 * the digest of the Markdown it was rendered from; the catalog reads it back. A file, not
 * shared memory: sync and page rendering need not share a process or a module.
 *
 * Each entry in Astro's store carries the digest of its Markdown, so a body that is
 * missing or rendered from other Markdown fails loudly instead of publishing a page
 * without its analysis.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectionName } from '../../schemas/common.ts';

/** Digest of the Markdown -> its HTML. */
export type Bodies = Record<string, string>;

/** The folder for the bodies, inside Astro's `cacheDir` (the loader and the build agree on it). */
export const bodiesDir = (cacheDir: URL) => fileURLToPath(new URL('claimtrail-bodies/', cacheDir));

const fileOf = (dir: string, collection: CollectionName) => join(dir, `${collection}.json`);

/** Writes a collection's bodies, whole, replacing what was written before. */
export async function writeBodies(dir: string, collection: CollectionName, bodies: Bodies): Promise<void> {
  const file = fileOf(dir, collection);
  await mkdir(dir, { recursive: true });
  // Written whole, then renamed: a reader never sees half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(bodies));
  await rename(temporary, file);
}

export async function readBodies(dir: string, collection: CollectionName): Promise<Bodies> {
  return JSON.parse(await readFile(fileOf(dir, collection), 'utf8')) as Bodies;
}

/** The HTML of an entry's body, by the digest its stored entry carries. */
export function bodyHtml(bodies: Bodies, collection: CollectionName, id: string, digest: string | number | undefined): string {
  const html = digest === undefined ? undefined : bodies[String(digest)];
  if (html === undefined) {
    throw new Error(`The rendered body of ${collection}/${id} is missing: bodies are rendered when content syncs, into ${collection}.json in Astro's cache folder.`);
  }
  return html;
}
