/**
 * The remark/rehype pipeline content bodies go through, set as Astro's
 * `markdown.processor`. Raw HTML is parsed here (Astro's own rehype-raw step runs after
 * user plugins, too late to sanitize), then sanitized with the same policy the validator
 * enforces, so the sanitizer is a second line that a valid file never trips.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { sanitizeSchema } from '../content/html-policy.ts';
import { rehypeExternalLinks } from './rehype-external-links.ts';

export const contentMarkdown = () =>
  unified({
    rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema], rehypeExternalLinks],
  });
