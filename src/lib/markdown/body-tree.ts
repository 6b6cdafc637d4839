/**
 * A content body as the renderer sees it before sanitizing, for the validator: the same
 * parser, plugins and options as Astro's Markdown renderer (remark-parse, remark-gfm,
 * remark-rehype as astro's createMarkdownProcessor sets them up), then this project's own
 * steps up to the sanitizer, which the renderer (pipeline.ts) runs from the same list.
 * Kept apart from pipeline.ts so `npm run validate` and `npm run new` do not load Astro's
 * renderer (and its syntax highlighters) just to read a tree.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified as processor } from 'unified';
import { sanitizeSchema } from '../content/html-policy.ts';
import { rehypeContentIds } from './rehype-content-ids.ts';

/** The rehype steps between Markdown and the sanitizer, in the renderer and the validator alike. */
export const BEFORE_SANITIZING = [rehypeRaw, rehypeContentIds];

/** What Astro's renderer passes remark-rehype (astro's createMarkdownProcessor). */
const TO_HAST = { allowDangerousHtml: true, passThrough: [] };

const markdownParser = processor().use(remarkParse).use(remarkGfm).freeze();
const toHast = processor().use(remarkRehype, TO_HAST).freeze();
const beforeSanitizing = processor().use(BEFORE_SANITIZING).freeze();
const sanitizer = processor().use(rehypeSanitize, sanitizeSchema).freeze();

/** A tree as the renderer's sanitizer leaves it: a new tree, the one given is not changed. */
export const sanitizeTree = (tree: HastRoot): HastRoot => sanitizer.runSync(tree) as HastRoot;

export interface BodyTrees {
  /** The Markdown syntax tree, with positions. */
  mdast: MdastRoot;
  /** The HTML tree before raw HTML is parsed: raw HTML is still in `raw` nodes. */
  withRaw: HastRoot;
  /** The HTML tree exactly as the renderer hands it to the sanitizer. */
  hast: HastRoot;
}

/**
 * A body parsed by the same parser, with the same plugins and options, as the renderer
 * (Astro's remark-parse, remark-gfm, remark-rehype, then this pipeline's steps up to the
 * sanitizer), for the validator to check the tree the page would be made from.
 */
export function parseBody(markdown: string): BodyTrees {
  const mdast = markdownParser.runSync(markdownParser.parse(markdown)) as MdastRoot;
  const withRaw = toHast.runSync(mdast) as HastRoot;
  // rehype-raw builds a new tree (hast-util-raw re-parses it into a fresh one), so the tree
  // before raw HTML is parsed stays whole without a copy; the id step then changes only the new one.
  const hast = beforeSanitizing.runSync(withRaw) as HastRoot;
  return { mdast, withRaw, hast };
}
