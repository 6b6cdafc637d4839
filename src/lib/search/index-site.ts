/**
 * Builds the Pagefind search index for a built site with Pagefind's Node API, and fails
 * loudly if Pagefind reports any error.
 *
 * Only the pages that carry `data-pagefind-body` are indexed: every claim, and the first
 * page of each person, outlet, topic and place. The glob leaves out every list page, so Pagefind
 * does not even read them.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEXED_PAGES } from './fields.ts';

/**
 * Pagefind also writes its ready-made search interfaces and a highlighter, 0.5 MB the site
 * never loads: /search/ drives pagefind.js with its own script. They are removed so the
 * host stores and serves only what a reader can fetch.
 */
export const UNUSED_PAGEFIND_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css',
  'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

function check(step: string, errors: readonly string[]): void {
  if (errors.length) throw new Error(`Pagefind failed to ${step}:\n${errors.join('\n')}`);
}

/** Indexes `site` (a built output folder) into `site/pagefind/`; returns the page count. */
export async function indexSite(site: string): Promise<number> {
  const { createIndex, close } = await import('pagefind');
  try {
    const { index, errors } = await createIndex();
    check('start', errors);
    if (!index) throw new Error('Pagefind failed to start: no index was created');
    const added = await index.addDirectory({ path: site, glob: INDEXED_PAGES });
    check('index the site', added.errors);
    if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${site}`);
    const outputPath = join(site, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    check('write the index', written.errors);
    await Promise.all(UNUSED_PAGEFIND_FILES.map((name) => rm(join(outputPath, name), { force: true })));
    return added.page_count;
  } finally {
    await close();
  }
}
