/**
 * Reading the built HTML without a browser: the list of pages, and their tags and
 * attributes. The site's HTML is generated (attributes always quoted, `<` escaped in
 * text and in JSON-LD), so a tag scanner is exact enough and fast over every page.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** True for tags after `<body>`. */
  inBody: boolean;
}

/** Every .html file under `root`, as paths relative to it with forward slashes. */
export async function htmlFiles(root: string): Promise<string[]> {
  const files = await readdir(root, { recursive: true });
  return files.filter((file) => file.endsWith('.html')).map((file) => file.split('\\').join('/')).sort();
}

export function readHtml(root: string, file: string): Promise<string> {
  return readFile(join(root, file), 'utf8');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}

const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The start tags of a page, in order, with decoded attribute values. */
export function tags(html: string): Tag[] {
  // Script and style contents are not markup.
  const markup = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
  const bodyStart = markup.search(/<body[\s>]/i);
  const found: Tag[] = [];
  for (const match of markup.matchAll(TAG)) {
    const attrs = new Map<string, string>();
    for (const attr of (match[2] ?? '').matchAll(ATTR)) {
      attrs.set((attr[1] as string).toLowerCase(), decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? ''));
    }
    found.push({ name: (match[1] as string).toLowerCase(), attrs, inBody: bodyStart >= 0 && (match.index ?? 0) > bodyStart });
  }
  return found;
}

/** The URL path a built file is served at: `claims/x/index.html` -> `/claims/x/`. */
export function pathOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}
