/**
 * The remark/rehype pipeline content bodies go through, set as Astro's
 * `markdown.processor`. Raw HTML is parsed here (Astro's own rehype-raw step runs after
 * user plugins, too late to sanitize), then sanitized with the same policy the validator
 * enforces, so the sanitizer is a second line that a valid file never trips.
 *
 * SmartyPants is off: it rewrites straight quotes and dashes, and a fact-checking site
 * must not alter the punctuation of quoted words. (It was also half of all Markdown time.)
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import { sanitizeSchema } from '../content/html-policy.ts';
import { BEFORE_SANITIZING } from './body-tree.ts';
import { rehypeExternalLinks } from './rehype-external-links.ts';

export function contentMarkdown() {
  return unified({
    smartypants: false,
    rehypePlugins: [...BEFORE_SANITIZING, [rehypeSanitize, sanitizeSchema], rehypeExternalLinks],
  });
}

