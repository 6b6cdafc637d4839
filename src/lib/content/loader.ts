/**
 * The content loader of every collection, behind the one validation pass (`load.ts`, the
 * same as `npm run validate`).
 *
 * - The pass runs first, once per sync for all collections, over every file. In a build,
 *   any problem stops it with the whole report (Astro's glob loader would stop at the
 *   first bad entry and never check a reference across files).
 * - Each valid entry goes into Astro's store as its id, file and the digest of its file.
 *   Its fields, as the pass parsed and checked them, and its body's HTML, made from the
 *   very tree the pass checked (each body parsed once, on every core for a large build),
 *   are kept beside the store (see bodies.ts for why: at 100,000 claims a store holding
 *   them took minutes to import; Astro's own `glob()` loader was slower and larger).
 * - In `astro dev`, files with problems are left out (the 404 page lists the problems), and
 *   so are files that name them; the rest is served. Every change under `content/` runs
 *   the pass again, re-checking only the files whose bytes changed, and updates only the
 *   entries that changed: a file that breaks drops out instead of reaching a page half-valid.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName } from '../../schemas/common.ts';
import { bodiesDir, writeBodies, writeFields, type Bodies, type EntryFields } from './bodies.ts';
import type { BodyCache } from './body-checks.ts';
import { COLLECTION_NAMES, type ValidEntry } from './collections.ts';
import { contentDirectory, loadContent, type FileCache, type LoadedContent } from './load.ts';
import { formatReport } from './problems.ts';
import { servable } from './servable.ts';

export class ContentProblemsError extends Error {
  override name = 'ContentProblemsError';
}

/**
 * The validation pass of the current sync, shared by the collections' loaders: a loader
 * that asks twice is in a new sync and gets a new pass. Module state, not global: a
 * second copy of this module would only validate once more. The pass makes the bodies'
 * HTML from the trees it checked, so each body is parsed once.
 */
let pass: { content: Promise<LoadedContent>; takenBy: Set<CollectionName> } | undefined;
/** In `astro dev`, the body results of the last pass: an edit re-checks only what changed. */
const bodyCache: BodyCache = new Map();
/** In `astro dev`, each file's own checks from the last pass: an edit re-reads only what changed. */
const fileCache: FileCache = new Map();
function validated(context: LoaderContext, root: string, collection: CollectionName): Promise<LoadedContent> {
  if (!pass || pass.takenBy.has(collection)) {
    pass = { content: loadContent({ root, html: true, ...(context.watcher ? { bodyCache, fileCache } : {}) }), takenBy: new Set() };
  }
  pass.takenBy.add(collection);
  const { content } = pass;
  // In a build, once every collection has its entries the pass is let go: holding it kept
  // every entry and every body's HTML alive through page rendering, beside the catalog's
  // own copy read from the store (at 100,000 claims, gigabytes). `astro dev` keeps it, for
  // the next edit.
  if (!context.watcher && pass.takenBy.size === COLLECTION_NAMES.length) pass = undefined;
  return content;
}

/** Collections whose watcher is set, per watcher: a new sync on the same watcher adds none. */
const watching = new WeakMap<object, Set<CollectionName>>();

/**
 * In `astro dev`, per collection, the ids stored and every body and set of fields written
 * so far: an edit touches only the entries whose files changed (the store skips an entry
 * whose digest, the digest of its file, is unchanged) and writes a collection's files
 * beside the store only when an entry is new, instead of refilling everything on every save.
 */
const stored = new Map<CollectionName, { ids: Set<string>; bodies: Bodies; fields: EntryFields }>();

/**
 * Stores a collection's valid entries: their bodies' HTML and their fields beside Astro's
 * store (bodies.ts says why), and in the store each entry's id, file and digest.
 */
async function store(context: LoaderContext, collection: CollectionName, content: LoadedContent) {
  // Only in `astro dev` can there be problems here: serve what does not depend on them.
  const entries = [...(content.problems.length ? servable(content).entries : content.entries)[collection].values()] as ValidEntry[];
  const bodies: Bodies = {};
  const fields: EntryFields = {};
  for (const entry of entries) {
    const html = content.html.get(entry.file);
    if (html === undefined || entry.digest === undefined) throw new Error(`${entry.file} is valid but its body was not rendered`);
    bodies[entry.digest] = html;
    fields[entry.digest] = entry.data;
  }
  const dir = bodiesDir(context.config.cacheDir);
  const set = (entry: ValidEntry) => context.store.set({ id: entry.id, data: {}, filePath: entry.file, digest: entry.digest as string });

  if (!context.watcher) {
    // Files first: a stored entry always finds its body and fields.
    await writeBodies(dir, collection, bodies);
    await writeFields(dir, collection, fields);
    context.store.clear();
    entries.forEach(set);
    return;
  }

  // astro dev: what was written before is kept, so that a page rendered from the previous
  // store a moment before this update still finds its body and fields.
  const previous = stored.get(collection);
  const fresh = Object.keys(bodies).some((digest) => !previous || !(digest in previous.bodies));
  const all = previous && fresh
    ? { bodies: { ...previous.bodies, ...bodies }, fields: { ...previous.fields, ...fields } }
    : previous ?? { bodies, fields };
  if (fresh) {
    await writeBodies(dir, collection, all.bodies);
    await writeFields(dir, collection, all.fields);
  }
  if (!previous) context.store.clear();
  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of previous?.ids ?? []) if (!ids.has(id)) context.store.delete(id);
  entries.forEach(set);
  stored.set(collection, { ids, bodies: all.bodies, fields: all.fields });
}

function watch(context: LoaderContext, collection: CollectionName, root: string) {
  const { watcher } = context;
  if (!watcher || watching.get(watcher)?.has(collection)) return;
  watching.set(watcher, (watching.get(watcher) ?? new Set()).add(collection));
  const dir = contentDirectory(root);
  watcher.add(dir);
  let timer: NodeJS.Timeout | undefined;
  const onChange = (path: string) => {
    if (!path.startsWith(dir)) return;
    // Every collection's watcher sees the change and asks for a new pass; one runs.
    pass = undefined;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const content = await validated(context, root, collection);
        if (collection === 'claims') report(context, content);
        await store(context, collection, content);
      } catch (error) {
        context.logger.error(`Content could not be reloaded: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, 100);
  };
  for (const event of ['add', 'change', 'unlink']) watcher.on(event, onChange);
}

function report(context: LoaderContext, content: LoadedContent) {
  if (content.problems.length) {
    context.logger.error(`Content has problems; pages for these files are left out until they are fixed:\n${formatReport(content.problems)}`);
  }
}

export function contentLoader(collection: CollectionName): Loader {
  return {
    name: 'claimtrail-content',
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const content = await validated(context, root, collection);
      if (content.problems.length && !context.watcher) {
        throw new ContentProblemsError(`Content has problems:\n${formatReport(content.problems)}`);
      }
      if (collection === 'claims') report(context, content);
      await store(context, collection, content);
      watch(context, collection, root);
    },
  };
}
