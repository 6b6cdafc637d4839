/**
 * What a content file's Markdown body may contain as raw HTML, shared by the validator
 * (which rejects anything else, naming file and line) and the build's sanitizer (the
 * second line of defence). Because the validator's list is a subset of what the sanitizer
 * keeps, the sanitizer never silently drops a contributor's text from a valid file.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/** Tags a contributor may write as raw HTML, with the attributes each may carry. */
export const RAW_HTML_TAGS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  abbr: ['title'],
  b: [],
  blockquote: ['cite'],
  br: [],
  code: [],
  del: ['cite'],
  details: [],
  em: [],
  i: [],
  ins: ['cite'],
  kbd: [],
  q: ['cite'],
  s: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
};

/** Tags that run code, load other documents or restyle the page: named in the error. */
export const DANGEROUS_TAGS = new Set([
  'applet', 'base', 'embed', 'form', 'frame', 'frameset', 'iframe', 'link', 'math', 'meta',
  'noscript', 'object', 'script', 'style', 'svg', 'template',
]);

/** Link schemes allowed in content; anything else (`javascript:`, `data:`) is rejected. */
export const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Images and form controls have no place in a claim's analysis; links do the job. */
const NOT_RENDERED = new Set(['img', 'picture', 'source', 'input']);

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Every tag and attribute the validator allows is kept, whatever the default schema
  // lists (it has no <abbr>), so a valid file is never altered by the sanitizer.
  tagNames: [...new Set([...(defaultSchema.tagNames ?? []), ...Object.keys(RAW_HTML_TAGS)])]
    .filter((tag) => !NOT_RENDERED.has(tag)),
  attributes: {
    ...defaultSchema.attributes,
    ...Object.fromEntries(Object.entries(RAW_HTML_TAGS).map(([tag, attributes]) =>
      [tag, [...(defaultSchema.attributes?.[tag] ?? []), ...attributes]])),
  },
  protocols: { ...defaultSchema.protocols, href: [...SAFE_SCHEMES], cite: ['http', 'https'] },
  // These elements go with their contents: a style sheet or script shown as text is noise.
  strip: ['script', 'style', 'noscript', 'template'],
};
