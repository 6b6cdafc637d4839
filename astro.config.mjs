// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { editor } from './src/integrations/editor.ts';
import { contentBodies } from './src/integrations/content-bodies.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { contentMarkdown } from './src/lib/markdown/pipeline.ts';
import { ASTRO_CSP } from './src/lib/security.ts';
import { SITE } from './src/site.config.ts';

export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  build: {
    // Each page waits on its own file write; rendering 16 at a time keeps the one
    // rendering thread busy while earlier pages are written (a third faster at 10,000).
    concurrency: 16,
    format: 'directory',
    // External stylesheets only: the Content Security Policy allows no inline styles.
    inlineStylesheets: 'never',
  },
  // The Content Security Policy as a <meta> tag on every built page (src/lib/security.ts).
  security: { csp: ASTRO_CSP },
  markdown: {
    // Content bodies run through remark/rehype with sanitizing (see the pipeline).
    processor: contentMarkdown(),
    syntaxHighlight: false,
  },
  integrations: [
    // Where the content loader keeps the rendered bodies, for the catalog (src/lib/content/bodies.ts).
    contentBodies(),
    // MDX is only for pages maintainers write (methodology, about), with a plain pipeline.
    mdx({ processor: unified() }),
    // The content editor at /admin/ is not a page of the site.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/admin/') }),
    // The content editor's scripts, copied from node_modules (and its local backend in dev).
    editor(),
    // `_headers` for hosts that read it: the CSP of src/lib/security.ts, plus frame-ancestors.
    securityHeaders(),
  ],
  vite: {
    // Never inline scripts or assets into pages: the CSP allows only files from 'self'.
    build: { assetsInlineLimit: 0 },
    // Built sites and the benchmark's generated trees are not sources: watching their
    // hundreds of thousands of files exhausts the system's file watchers (ENOSPC).
    server: { watch: { ignored: ['**/dist/**', '**/.bench/**'] } },
  },
});
