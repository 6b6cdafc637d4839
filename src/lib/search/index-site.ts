/**
 * Builds the Pagefind search index for a built site with Pagefind's Node API, and fails
 * loudly if Pagefind reports any error.
 *
 * Only the pages that carry `data-pagefind-body` are indexed: every claim, and the first
 * page of each person, outlet and topic. The glob leaves out every list page, so Pagefind
 * does not even read them.
 */
import { join } from 'node:path';
import { INDEXED_PAGES } from './fields.ts';

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
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    check('write the index', written.errors);
    return added.page_count;
  } finally {
    await close();
  }
}
