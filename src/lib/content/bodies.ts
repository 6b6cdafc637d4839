/**
 * Rendered Markdown bodies, and every entry's checked fields, kept beside Astro's data
 * store instead of in it.
 *
 * Astro inlines its whole data store into the server bundle; with the rendered bodies in
 * it (Astro's `glob()` loader), a build at 10,000 claims took far more time and memory
 * (the measurements are in README.md). So the content loader renders every body during
 * sync and writes the HTML to one file per collection in Astro's cache folder, keyed by
 * the digest of the file it was rendered from; the catalog reads it back. A file, not
 * shared memory: sync and page rendering need not share a process or a module.
 *
 * The fields went the same way at 100,000 claims: Astro inlines its store into the server
 * bundle as one JSON string literal, and V8 compiles a literal in time that grows faster
 * than its length (21 MB took 4.5 s to import, 191 MB 354 s; README.md). So Astro's store
 * holds each entry's id and digest, and the fields are read back here with JSON.parse.
 *
 * Each entry in Astro's store carries the digest of its file, so a body or fields that
 * are missing or came from another version of the file fail loudly instead of publishing
 * a page without them.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectionName } from '../../schemas/common.ts';

/** Digest of the file -> its body's HTML. */
export type Bodies = Record<string, string>;

/** The folder for the bodies, inside Astro's `cacheDir` (the loader and the build agree on it). */
export const bodiesDir = (cacheDir: URL) => fileURLToPath(new URL('claimtrail-bodies/', cacheDir));

/** Digest of the file -> the entry's checked fields. */
export type EntryFields = Record<string, unknown>;

/** `<collection>.json` holds the bodies, `<collection>.data.json` the fields: two strings under V8's limit, not one. */
const fileOf = (dir: string, collection: CollectionName, part: 'bodies' | 'fields') =>
  join(dir, part === 'bodies' ? `${collection}.json` : `${collection}.data.json`);

/** Written whole, then renamed: a reader never sees half a file. */
async function writeWhole(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(value));
  await rename(temporary, file);
}

/** Writes a collection's bodies, whole, replacing what was written before. */
export const writeBodies = (dir: string, collection: CollectionName, bodies: Bodies) => writeWhole(fileOf(dir, collection, 'bodies'), bodies);

/** Writes a collection's fields, whole, replacing what was written before. */
export const writeFields = (dir: string, collection: CollectionName, fields: EntryFields) => writeWhole(fileOf(dir, collection, 'fields'), fields);

export async function readBodies(dir: string, collection: CollectionName): Promise<Bodies> {
  return JSON.parse(await readFile(fileOf(dir, collection, 'bodies'), 'utf8')) as Bodies;
}

export async function readFields(dir: string, collection: CollectionName): Promise<EntryFields> {
  return JSON.parse(await readFile(fileOf(dir, collection, 'fields'), 'utf8')) as EntryFields;
}

/** The HTML of an entry's body, by the digest its stored entry carries. */
export function bodyHtml(bodies: Bodies, collection: CollectionName, id: string, digest: string | number | undefined): string {
  const html = digest === undefined ? undefined : bodies[String(digest)];
  if (html === undefined) {
    throw new Error(`The rendered body of ${collection}/${id} is missing: bodies are rendered when content syncs, into ${collection}.json in Astro's cache folder.`);
  }
  return html;
}

/** The checked fields of an entry, by the digest its stored entry carries. */
export function entryFields<T>(fields: EntryFields, collection: CollectionName, id: string, digest: string | number | undefined): T {
  const found = digest === undefined ? undefined : fields[String(digest)];
  if (found === undefined) {
    throw new Error(`The fields of ${collection}/${id} are missing: they are written when content syncs, into ${collection}.data.json in Astro's cache folder.`);
  }
  return found as T;
}
