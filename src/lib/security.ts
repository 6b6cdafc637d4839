/**
 * The Content Security Policy, set once and sent two ways: Astro's own `security.csp`
 * writes it as a `<meta>` tag on every built page (works on any static host; Astro leaves
 * it out of `astro dev`, whose server injects inline styles and scripts), and a `_headers`
 * file for hosts that read one, which can also forbid framing. No inline script or style
 * anywhere; search needs only 'wasm-unsafe-eval' to start Pagefind's WebAssembly, and
 * fetches its index from 'self'.
 */
import type { AstroUserConfig } from 'astro';

type CspDirective = NonNullable<Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>['directives']>[number];

const DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-src': "'none'",
};

const serialize = (directives: Record<string, string>) =>
  Object.entries(directives).map(([name, value]) => `${name} ${value}`).join('; ');

const sources = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);

/** The same policy as Astro's `security.csp` option (astro.config.mjs). */
export const ASTRO_CSP: Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined> = {
  directives: Object.entries(DIRECTIVES)
    .filter(([name]) => name !== 'script-src' && name !== 'style-src')
    .map(([name, value]) => `${name} ${value}` as CspDirective),
  scriptDirective: { resources: sources(DIRECTIVES['script-src']) },
  styleDirective: { resources: sources(DIRECTIVES['style-src']) },
};

/** For the `_headers` file: the same policy, plus what only a header can say. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': serialize({ ...DIRECTIVES, 'frame-ancestors': "'none'" }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * The content editor at /admin/ (Decap CMS) has a policy of its own, which allows what it
 * needs and nothing more: its scripts from the site itself (copied from node_modules at
 * build time, no CDN), with 'unsafe-eval' because Decap checks its configuration with
 * Ajv, which compiles its checks with `new Function` (decaporg/decap-cms#2138); inline styles, which its components (emotion) insert at run time;
 * GitHub's API, where it reads files and opens pull requests, and GitHub avatars; blob:
 * and data: images for previews of what it shows. `npm run cms` serves the local backend
 * from the page's own origin, so 'self' covers it.
 */
const EDITOR_DIRECTIVES: Record<string, string> = {
  ...DIRECTIVES,
  'script-src': "'self' 'unsafe-eval'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob: https://avatars.githubusercontent.com",
  'connect-src': "'self' https://api.github.com",
  'form-action': "'none'",
};

export const EDITOR_CONTENT_SECURITY_POLICY = serialize(EDITOR_DIRECTIVES);

/** The editor's headers: its own policy, and no search engine indexes it. */
export const EDITOR_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': serialize({ ...EDITOR_DIRECTIVES, 'frame-ancestors': "'none'" }),
  'X-Robots-Tag': 'noindex',
};
