/**
 * Ids and files for `npm run new`: which ids exist, a fresh id for the new file, and
 * writing it without ever replacing a file that is already there. Nothing here reaches a
 * shell; names only ever go to `node:fs`.
 */
import { mkdir, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { ID_PATTERN, type CollectionName } from '../../schemas/common.ts';
import { COLLECTION_NAMES } from '../../lib/content/collections.ts';
import { parseYaml, splitFrontmatter } from '../../lib/content/frontmatter.ts';

/** Every id in each collection, with its file, in any subfolder (ids are unique per collection). */
export async function readIds(contentDir: string): Promise<Record<CollectionName, Map<string, string>>> {
  const entries = await Promise.all(COLLECTION_NAMES.map(async (collection) => {
    const dir = join(contentDir, collection);
    const dirents = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
    const ids = new Map<string, string>();
    for (const dirent of dirents) {
      if (!dirent.isFile() || dirent.name.startsWith('.')) continue;
      const id = dirent.name.replace(/\.mdx?$/, '');
      // A .mdx file is not content, but its name is taken: a new .md beside it would collide.
      if (id !== dirent.name) ids.set(id, join(dirent.parentPath, dirent.name));
    }
    return [collection, ids] as const;
  }));
  return Object.fromEntries(entries) as Record<CollectionName, Map<string, string>>;
}

/** The words of a name or a sentence, as id parts: lowercase ASCII letters and digits. */
export function slugWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Joins words into an id of at most `max` characters, cut at a word. */
export function idFrom(words: readonly string[], fallback: string, max = 60): string {
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > max) break;
    id = next;
  }
  if (!id && words[0]) id = words[0].slice(0, max);
  return ID_PATTERN.test(id) ? id : fallback;
}

/** The `kind` field of a people file, or undefined when it cannot be read. */
async function personKind(file: string): Promise<unknown> {
  const split = splitFrontmatter(await readFile(file, 'utf8').catch(() => ''));
  const parsed = split ? parseYaml(split.yaml) : undefined;
  return parsed?.ok && parsed.data && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>)['kind'] : undefined;
}

/** The ids of the people entries that are organisations. */
export async function readOrganisations(people: ReadonlyMap<string, string>): Promise<Set<string>> {
  const kinds = await Promise.all([...people].map(async ([id, file]) => [id, await personKind(file)] as const));
  return new Set(kinds.filter(([, kind]) => kind === 'organisation').map(([id]) => id));
}

/**
 * The speaker's part of a claim id: a person's surname (`ali-maisam-nazary` -> `nazary`),
 * the whole id of an organisation or an unnamed speaker (`un-monitoring-team`).
 */
export async function speakerPart(speaker: string, file: string | undefined): Promise<string> {
  return file && (await personKind(file)) === 'person' ? (speaker.split('-').at(-1) ?? speaker) : speaker;
}

export interface Written {
  id: string;
  path: string;
}

/**
 * Writes `text` to `<dir>/<id>.md`, or `<id>-2.md`, `<id>-3.md`... for the first id that
 * no file in the collection has. The file is created with `wx`, so even a file created
 * between the check and the write is never replaced; and if writing it fails (a full disk),
 * the file just created is removed, so nothing is left behind. `write` is for tests.
 */
export async function writeFresh(dir: string, base: string, taken: ReadonlySet<string>, text: string,
  write = (handle: FileHandle, content: string) => handle.writeFile(content)): Promise<Written> {
  await mkdir(dir, { recursive: true });
  for (let n = 1; n < 10_000; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (taken.has(id)) continue;
    const path = join(dir, `${id}.md`);
    let handle: FileHandle;
    try {
      handle = await open(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await write(handle, text);
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(path, { force: true });
      throw error;
    }
    return { id, path };
  }
  throw new Error(`no free id for ${base} in ${dir}${sep}`);
}
