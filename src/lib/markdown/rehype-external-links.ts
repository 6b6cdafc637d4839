/**
 * Marks links that leave the site with `rel="noopener noreferrer"`, so a linked page can
 * neither reach back into ours nor learn which claim a reader came from.
 */
import type { Element, Root, RootContent } from 'hast';

function visitLinks(node: Root | RootContent): void {
  if (node.type === 'element') {
    const href = node.properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href)) {
      (node as Element).properties['rel'] = ['noopener', 'noreferrer'];
    }
  }
  if ('children' in node) node.children.forEach(visitLinks);
}

export function rehypeExternalLinks() {
  return (tree: Root) => visitLinks(tree);
}
