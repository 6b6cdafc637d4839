/**
 * The HTML of a content body's page, made from the tree its check left (`inspectBody` in
 * src/lib/content/body-policy.ts), so each body is parsed once for its check and its page.
 *
 * What Astro's Markdown renderer would do after the sanitizer, done here on that tree:
 * mark external links (this project's last rehype step), then serialize it as
 * rehype-stringify does (`allowDangerousHtml`, as Astro sets it). Astro's own steps after
 * user plugins change nothing in a tree the validator accepted: its image steps find no
 * images (images are refused), its heading-id step finds every heading with an id, and its
 * raw-HTML step finds no raw HTML (already parsed before the sanitizer). A unit test holds
 * this HTML to Astro's renderer's, byte for byte, on random bodies and on all content.
 */
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { rehypeExternalLinks } from './rehype-external-links.ts';

const markExternalLinks = rehypeExternalLinks();

/** The page's HTML from a body's checked tree. The tree is changed (links marked). */
export function bodyHtml(page: Root): string {
  markExternalLinks(page);
  return toHtml(page, { allowDangerousHtml: true });
}
