/**
 * The Astro content loader for all four collections. It runs the same validation pass as
 * `npm run validate` (`load.ts`) once per sync, shared by the four collections, and:
 * - in a build, fails with every problem at once (Astro's own glob loader would stop at
 *   the first bad entry and only log a broken reference);
 * - in `astro dev`, logs the problems, keeps serving the valid entries and reloads when
 *   any content file changes, so a contributor previews while fixing.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName } from '../../schemas/common.ts';
import { COLLECTION_SCHEMAS, type ValidEntry } from './collections.ts';
import { contentDirectory, loadContent, type LoadedContent } from './load.ts';
import { setBodies, type RenderedBody } from './bodies.ts';
import { formatReport } from './problems.ts';
import { PARALLEL_THRESHOLD, renderInWorkers } from '../markdown/parallel.ts';
import { isContentPipeline } from '../markdown/pipeline.ts';

type RenderedContent = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

interface SharedState {
  snapshot: Promise<LoadedContent> | undefined;
  reported: LoadedContent | undefined;
  refreshers: Map<CollectionName, (content: LoadedContent) => Promise<void>>;
  watching: boolean;
}

// On globalThis because Astro may evaluate this module more than once in one process,
// and the four collections must share one validation pass.
const state: SharedState = ((globalThis as Record<symbol, unknown>)[Symbol.for('claimtrail.content')] ??= {
  snapshot: undefined,
  reported: undefined,
  refreshers: new Map(),
  watching: false,
}) as SharedState;

export class ContentProblemsError extends Error {
  override name = 'ContentProblemsError';
}

/**
 * The body as the renderer should see it. Astro's renderer looks for frontmatter again
 * at the start of what it is given, so a body opening with a `---` rule would be mistaken
 * for it; `***` is the same rule.
 */
const bodyForRendering = (entry: ValidEntry) => entry.body.replace(/^(\s*\n)?---(?=[ \t]*(?:\n|$))/, '$1***');

/**
 * Every body rendered to HTML. A build with many entries renders them on all cores with
 * worker threads running the same pipeline Astro is configured with; `astro dev`, small
 * sites and any other processor use Astro's own renderer, one entry at a time.
 */
async function renderBodies(context: LoaderContext, entries: Map<string, ValidEntry>, root: string) {
  const withBody = [...entries.values()].filter((entry) => entry.body.trim());
  const { markdown } = context.config;
  const parallel = !context.watcher && withBody.length >= PARALLEL_THRESHOLD
    && isContentPipeline(markdown.processor) && markdown.syntaxHighlight === false;
  if (parallel) {
    const jobs = withBody.map((entry) => ({ id: entry.id, body: bodyForRendering(entry), fileURL: pathToFileURL(join(root, entry.file)).href }));
    return renderInWorkers(jobs, markdown.gfm === undefined ? { syntaxHighlight: false } : { syntaxHighlight: false, gfm: markdown.gfm });
  }
  const rendered = new Map<string, RenderedContent>();
  for (const entry of withBody) {
    rendered.set(entry.id, await context.renderMarkdown(bodyForRendering(entry), { fileURL: pathToFileURL(join(root, entry.file)) }));
  }
  return rendered;
}

async function fill(context: LoaderContext, collection: CollectionName, entries: Map<string, ValidEntry>, root: string) {
  const renderedBodies = await renderBodies(context, entries, root);
  const bodies = new Map<string, RenderedBody>();
  context.store.clear();
  for (const entry of entries.values()) {
    const digest = context.generateDigest(entry.body);
    bodies.set(entry.id, { digest, html: renderedBodies.get(entry.id)?.html ?? '' });
    // Only the data goes into Astro's store; the HTML stays beside it (see bodies.ts).
    context.store.set({
      id: entry.id,
      data: entry.data as unknown as Record<string, unknown>,
      filePath: entry.file,
      digest,
    });
  }
  setBodies(collection, bodies);
}

function report(context: LoaderContext, content: LoadedContent) {
  if (!content.problems.length || state.reported === content) return;
  state.reported = content;
  context.logger.error(`Content has problems; pages for these files are left out until they are fixed:\n${formatReport(content.problems)}`);
}

function watch(context: LoaderContext, root: string) {
  const { watcher } = context;
  if (!watcher || state.watching) return;
  state.watching = true;
  const dir = contentDirectory(root);
  watcher.add(dir);
  let timer: NodeJS.Timeout | undefined;
  const onChange = (path: string) => {
    if (!path.startsWith(dir)) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      state.snapshot = loadContent({ root });
      const content = await state.snapshot;
      report(context, content);
      for (const refresh of state.refreshers.values()) await refresh(content);
    }, 100);
  };
  for (const event of ['add', 'change', 'unlink']) watcher.on(event, onChange);
}

export function contentLoader(collection: CollectionName): Loader {
  return {
    name: 'claimtrail-content',
    schema: COLLECTION_SCHEMAS[collection],
    async load(context) {
      const root = fileURLToPath(context.config.root);
      state.snapshot ??= loadContent({ root });
      const content = await state.snapshot;
      if (content.problems.length && !context.watcher) {
        throw new ContentProblemsError(`Content has problems:\n${formatReport(content.problems)}`);
      }
      report(context, content);
      await fill(context, collection, content.entries[collection] as Map<string, ValidEntry>, root);
      if (context.watcher) {
        state.refreshers.set(collection, (fresh) => fill(context, collection, fresh.entries[collection] as Map<string, ValidEntry>, root));
        watch(context, root);
      }
    },
  };
}
