/**
 * The content loader of every collection: Astro's own `glob()` loader, behind the one
 * validation pass (`load.ts`, the same as `npm run validate`).
 *
 * - The pass runs first, once per sync for all collections, over every file. In a build,
 *   any problem stops it with the whole report (Astro's glob loader alone would stop at the
 *   first bad entry and never check a reference across files).
 * - Then `glob()` stores the valid files, with the data the pass parsed and checked
 *   (`parseData`), without their Markdown (`retainBody: false`); Astro renders the bodies
 *   with the configured `markdown.processor`, the sanitizing pipeline (RENDERING: when).
 * - In `astro dev`, files with problems are left out (the 404 page lists the problems),
 *   the valid ones are served, and every change under `content/` runs the pass again:
 *   a file that breaks drops out instead of reaching a page half-valid.
 */
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { CollectionName } from '../../schemas/common.ts';
import { contentDirectory, loadContent, type LoadedContent } from './load.ts';
import { formatReport } from './problems.ts';
import { servable } from './servable.ts';

export class ContentProblemsError extends Error {
  override name = 'ContentProblemsError';
}

/**
 * How bodies are rendered (see the measurements in README.md): during sync (`eager`), or
 * only when a page renders them (`deferred`, Astro's `deferRender`). `astro dev` always
 * renders during sync, so that a page never compiles a file that has just been broken.
 */
export const RENDERING: 'eager' | 'deferred' = 'deferred';

/**
 * The validation pass of the current sync, shared by the collections' loaders: a loader
 * that asks twice is in a new sync and gets a new pass. Module state, not global: a
 * second copy of this module would only validate once more.
 */
let pass: { content: Promise<LoadedContent>; takenBy: Set<CollectionName> } | undefined;
function validated(root: string, collection: CollectionName): Promise<LoadedContent> {
  if (!pass || pass.takenBy.has(collection)) pass = { content: loadContent({ root }), takenBy: new Set() };
  pass.takenBy.add(collection);
  return pass.content;
}

/** Collections whose watcher is set, per watcher: a new sync on the same watcher adds none. */
const watching = new WeakMap<object, Set<CollectionName>>();

/** A glob pattern that matches exactly this path, whatever characters it holds. */
const literal = (path: string) => path.replace(/[\\*?[\]{}()!@+|]/g, '\\$&');

async function store(context: LoaderContext, collection: CollectionName, content: LoadedContent, root: string) {
  const base = join(contentDirectory(root), collection);
  // Only in `astro dev` can there be problems here: serve what does not depend on them.
  const { entries: servedEntries, leftOut } = content.problems.length ? servable(content) : { entries: content.entries, leftOut: [] };
  const entries = servedEntries[collection];
  const served = new Set([...entries.values()].map((entry) => join(root, entry.file)));
  // Files under the folder that are not served are kept out of the glob.
  const skipped = [...new Set([...content.problems, ...leftOut].map((problem) => join(root, problem.file)))]
    .filter((file) => file.startsWith(base + sep) && !served.has(file))
    .map((file) => `!${literal(relative(base, file).split(sep).join('/'))}`);
  const loader = glob({
    base: pathToFileURL(base + sep),
    pattern: ['**/*.md', ...skipped],
    // The file name is the id, as the validator checks it.
    generateId: ({ entry }) => basename(entry, '.md'),
    retainBody: false,
    deferRender: RENDERING === 'deferred' && !context.watcher,
  });
  // The watcher is ours (see watch): glob's own would store a changed file unvalidated.
  const { watcher: _ours, ...withoutWatcher } = context;
  await loader.load({
    ...withoutWatcher,
    // The data stored is the validator's own parse of the file (Astro's frontmatter
    // parser reads YAML dates as Date objects), and is not parsed a second time.
    async parseData({ id, data }) {
      const entry = entries.get(id);
      if (!entry) throw new ContentProblemsError(`content/${collection}/${id}.md changed while content was loading; it will be read again`);
      return entry.data as unknown as typeof data;
    },
  });
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
        const content = await validated(root, collection);
        if (collection === 'claims') report(context, content);
        await store(context, collection, content, root);
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
      const content = await validated(root, collection);
      if (content.problems.length && !context.watcher) {
        throw new ContentProblemsError(`Content has problems:\n${formatReport(content.problems)}`);
      }
      if (collection === 'claims') report(context, content);
      await store(context, collection, content, root);
      watch(context, collection, root);
    },
  };
}
