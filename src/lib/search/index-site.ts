/**
 * Builds the Pagefind search index as the last step of `astro build`, with Pagefind's
 * Node API, and fails the build if Pagefind reports any error. Only the pages that carry
 * `data-pagefind-body` are indexed: claims, and the first page of each person, outlet and
 * topic; the glob skips every list page so Pagefind does not even parse them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Claim pages and entity pages are one folder deep; list pages live deeper or elsewhere. */
export const INDEXED_PAGES = '{claims,people,outlets,topics}/*/index.html';

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind failed to ${step}:\n${errors.join('\n')}`);
}

export function pagefind(): AstroIntegration {
  return {
    name: 'claimtrail:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await createIndex();
          check('start', errors);
          if (!index) throw new Error('Pagefind failed to start: no index was created');
          const added = await index.addDirectory({ path: site, glob: INDEXED_PAGES });
          check('index the site', added.errors);
          if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${site}`);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          check('write the index', written.errors);
          logger.info(`Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await close();
        }
      },
    },
  };
}
