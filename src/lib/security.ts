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
