/**
 * Writes `_headers` into the build output as the last step of `astro build`: the security
 * headers from `src/lib/security.ts` for every path (`/*`), then the content editor's own
 * for `/admin/*` (a later block overrides an earlier one on Netlify), in the format Netlify
 * and Cloudflare Pages read. The same policy reaches every page as a `<meta>` tag too
 * (src/layouts/Base.astro), so a host without `_headers` still enforces the CSP; the file
 * adds what only a header can say, such as `frame-ancestors`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { EDITOR_HEADERS, SECURITY_HEADERS } from '../lib/security.ts';

/** A `_headers` block: the path, then one indented `Name: value` line per header. */
export function headersFile(headers: Record<string, string> = SECURITY_HEADERS, path = '/*'): string {
  for (const [name, value] of Object.entries(headers)) {
    // A line break would end the header and start another: never from data, but checked.
    if (/[\r\n:]/.test(name) || /[\r\n]/.test(value)) throw new Error(`header ${JSON.stringify(name)} cannot be written to _headers`);
  }
  return [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
}

/** Every block the site needs: all pages, then the editor's. */
export const siteHeadersFile = () => `${headersFile()}\n${headersFile(EDITOR_HEADERS, '/admin/*')}`;

export function securityHeaders(): AstroIntegration {
  return {
    name: 'claimtrail:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const path = join(fileURLToPath(dir), '_headers');
        // A `_headers` from public/ is kept, and the site-wide block follows it.
        const existing = await readFile(path, 'utf8').catch(() => '');
        if (existing) logger.warn('public/_headers exists; the security headers are added after its rules');
        await writeFile(path, existing ? `${existing.trimEnd()}\n\n${siteHeadersFile()}` : siteHeadersFile());
        logger.info(`Wrote _headers with ${Object.keys(SECURITY_HEADERS).join(', ')}`);
      },
    },
  };
}
