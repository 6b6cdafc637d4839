/**
 * Gives every element of a content body that needs an id one that starts with
 * CONTENT_ID_PREFIX, which no id of the page around it has: a body heading reading
 * "History heading" becomes `user-content-history-heading`, never the page's own
 * `history-heading`. Footnotes keep working: remark-rehype already prefixes their ids and
 * links, and the one id it does not (`footnote-label`) is prefixed here with its references.
 * Headings are slugged as GitHub and Astro do, skipping ids already taken by footnotes.
 * Runs before the sanitizer, which keeps only ids with the prefix.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root, RootContent } from 'hast';
import { CONTENT_ID_PREFIX } from '../content/html-policy.ts';

const HEADING = /^h[1-6]$/;

const prefixed = (id: string) => (id.startsWith(CONTENT_ID_PREFIX) ? id : CONTENT_ID_PREFIX + id);

function elements(tree: Root): Element[] {
  const found: Element[] = [];
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length) {
    const node = stack.pop() as Root | RootContent;
    if (node.type === 'element') found.push(node);
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as RootContent);
  }
  return found;
}

function textOf(node: Element): string {
  let text = '';
  const stack: RootContent[] = [...node.children].reverse();
  while (stack.length) {
    const child = stack.pop() as RootContent;
    if (child.type === 'text') text += child.value;
    else if ('children' in child) stack.push(...[...child.children].reverse());
  }
  return text;
}

export function rehypeContentIds() {
  return (tree: Root) => {
    const all = elements(tree);
    const slugger = new GithubSlugger();
    const headings: Element[] = [];
    for (const element of all) {
      const { id, ariaDescribedBy } = element.properties;
      if (typeof id === 'string') {
        element.properties['id'] = prefixed(id);
        slugger.slug(prefixed(id).slice(CONTENT_ID_PREFIX.length));
      } else if (HEADING.test(element.tagName)) {
        headings.push(element);
      }
      if (Array.isArray(ariaDescribedBy)) element.properties['ariaDescribedBy'] = ariaDescribedBy.map((ref) => prefixed(String(ref)));
    }
    for (const heading of headings) heading.properties['id'] = CONTENT_ID_PREFIX + slugger.slug(textOf(heading));
  };
}
