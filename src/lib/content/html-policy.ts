/**
 * The one allow-list for what a content body may become on a page, shared by the validator
 * (src/lib/content/body-policy.ts, which reports anything outside it with its line) and the
 * build's sanitizer (src/lib/markdown/pipeline.ts, the second line of defence). The
 * sanitizer keeps exactly what this file lists and nothing of rehype-sanitize's permissive
 * default (no `dir`, `accesskey`, `tabindex`, raw ids...), and a property test checks that
 * it changes nothing in a body the validator accepts.
 */
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

/**
 * Every id the content pipeline gives an element (headings, footnotes) starts with this, and
 * no id of the page around the body does, so the two can never collide.
 */
export const CONTENT_ID_PREFIX = 'user-content-';
const CONTENT_ID = new RegExp(`^${CONTENT_ID_PREFIX}`);

type PropertyDefinition = string | [string, ...(string | RegExp)[]];

/**
 * What Markdown itself (CommonMark and GitHub's tables, strikethrough and footnotes) turns
 * into, with the hast property names it sets. Images and task-list checkboxes are not here:
 * the validator refuses them by name.
 */
const MARKDOWN_ELEMENTS: Readonly<Record<string, readonly PropertyDefinition[]>> = {
  p: [], blockquote: [], ul: [], ol: ['start'], li: [['id', CONTENT_ID]], hr: [], br: [],
  pre: [], code: [['className', /^language-./]], em: [], strong: [], del: [], sup: [],
  a: ['href', 'title', ['id', CONTENT_ID], ['ariaDescribedBy', CONTENT_ID], 'dataFootnoteRef',
    'dataFootnoteBackref', 'ariaLabel', ['className', 'data-footnote-backref']],
  table: [], thead: [], tbody: [], tr: [], th: [['align', 'left', 'center', 'right']], td: [['align', 'left', 'center', 'right']],
  section: ['dataFootnotes', ['className', 'footnotes']],
  ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => [tag, [['id', CONTENT_ID], ['className', 'sr-only']]])),
};

/** Raw HTML attribute names as hast names them (`cite`, `href`, `title` are the same). */
const rawAttributes = (tag: string): PropertyDefinition[] => [...(RAW_HTML_TAGS[tag] ?? [])];

export const sanitizeSchema: SanitizeSchema = {
  tagNames: [...new Set([...Object.keys(MARKDOWN_ELEMENTS), ...Object.keys(RAW_HTML_TAGS)])],
  attributes: Object.fromEntries([...new Set([...Object.keys(MARKDOWN_ELEMENTS), ...Object.keys(RAW_HTML_TAGS)])]
    .map((tag) => [tag, [...(MARKDOWN_ELEMENTS[tag] ?? []), ...rawAttributes(tag)]])),
  protocols: { href: [...SAFE_SCHEMES], cite: ['http', 'https'] },
  // Ids are given by the pipeline itself, already prefixed (see CONTENT_ID_PREFIX); the
  // allow-list above keeps no other, so nothing is renamed here.
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
  // These elements go with their contents: a style sheet or script shown as text is noise.
  strip: ['script', 'style', 'noscript', 'template'],
};

/**
 * The scheme of a URL the sanitizer would drop, or undefined when it keeps it. Same test as
 * hast-util-sanitize's: a scheme is whatever comes before the first ":" that precedes any
 * "/", "?" or "#", compared as written (so "HTTPS:" is dropped too).
 */
export function droppedScheme(url: string, allowed: readonly string[] = [...SAFE_SCHEMES]): string | undefined {
  const colon = url.indexOf(':');
  const stop = Math.min(...['?', '#', '/'].map((mark) => url.indexOf(mark)).filter((index) => index !== -1), Infinity);
  if (colon === -1 || colon > stop) return undefined;
  const scheme = url.slice(0, colon);
  return allowed.includes(scheme) ? undefined : scheme;
}
