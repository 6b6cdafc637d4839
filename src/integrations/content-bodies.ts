/**
 * Tells the pages where the content loader writes the rendered bodies: a folder in this
 * build's `cacheDir` (src/lib/content/bodies.ts), as `import.meta.env.CLAIMTRAIL_BODIES`.
 */
import type { AstroIntegration } from 'astro';
import { bodiesDir } from '../lib/content/bodies.ts';

export function contentBodies(): AstroIntegration {
  return {
    name: 'claimtrail:content-bodies',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.CLAIMTRAIL_BODIES': JSON.stringify(bodiesDir(config.cacheDir)) } } });
      },
    },
  };
}
