/**
 * The Content Security Policy, set once and sent two ways: a `<meta>` tag on every page
 * (works on any static host) and a `_headers` file for hosts that read one, which can also
 * forbid framing. No inline script or style anywhere; search needs only
 * 'wasm-unsafe-eval' to start Pagefind's WebAssembly, and fetches its index from 'self'.
 */
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

/** For the `<meta http-equiv>` tag, which cannot carry frame-ancestors. */
export const CONTENT_SECURITY_POLICY = serialize(DIRECTIVES);

/** For the `_headers` file: the same policy, plus what only a header can say. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': serialize({ ...DIRECTIVES, 'frame-ancestors': "'none'" }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
