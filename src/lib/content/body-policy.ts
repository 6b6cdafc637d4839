/**
 * Checks a content file's Markdown body on the tree the page would be made from: the same
 * parser and plugins as the renderer (`parseBody` in src/lib/markdown/body-tree.ts), against
 * the one allow-list the sanitizer keeps (src/lib/content/html-policy.ts). Whatever the
 * sanitizer would remove or change is reported here, with the line of the node, so the
 * sanitizer never silently alters a valid file. Code is text in that tree, so a `<script>`
 * in a code block or span is shown, not run, and nothing here has to guess where code is.
 *
 * Before anything is parsed, the body is held to the limits (limits.ts), so no file can
 * stall or crash the parser here or the renderer later.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { find, html } from 'property-information';
import { parseBody, sanitizeTree } from '../markdown/body-tree.ts';
import { DANGEROUS_TAGS, RAW_HTML_TAGS, SAFE_SCHEMES, droppedScheme, sanitizeSchema } from './html-policy.ts';
import { notTextInLine } from './invisible.ts';
import { checkBodyLimits, depthMessage, tooDeep } from './limits.ts';

export interface BodyFinding {
  /** Line within the body, 1-based. */
  line: number;
  message: string;
  hint?: string;
}

/** Findings in the order of the text: by line, then by where on the line. */
type Placed = BodyFinding & { offset: number };

const ALLOWED_TAG_LIST = Object.keys(RAW_HTML_TAGS).join(', ');
const NO_CODE = 'content cannot run code; remove it';

type HastNode = HastRoot | HastContent;

/**
 * Where raw HTML is in the body, and which elements Markdown made, from the tree before raw
 * HTML is parsed: an element of the final tree that starts inside raw HTML and is not one of
 * Markdown's was written as HTML.
 */
function origins(tree: HastRoot): { raw: [number, number][]; markdown: Set<string> } {
  const raw: [number, number][] = [];
  const markdown = new Set<string>();
  const stack: HastNode[] = [tree];
  while (stack.length) {
    const node = stack.pop() as HastNode;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'raw' && start !== undefined && end !== undefined) raw.push([start, end]);
    if (node.type === 'element' && start !== undefined) markdown.add(`${node.tagName}@${start}`);
    if ('children' in node) stack.push(...node.children);
  }
  return { raw: raw.sort((a, b) => a[0] - b[0]), markdown };
}

function inRanges(ranges: readonly [number, number][], offset: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const [start, end] = ranges[middle] as [number, number];
    if (offset < start) high = middle;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}

/** The attribute as written in HTML (`accesskey`, `aria-label`) for a hast property name. */
const attributeName = (property: string) => find(html, property).attribute;

/** Problems with one element written as raw HTML. */
function checkRawElement(element: Element, add: (message: string, hint?: string) => void): void {
  const { tagName } = element;
  if (DANGEROUS_TAGS.has(tagName)) {
    add(`<${tagName}> is not allowed: content cannot run code, embed pages or restyle the site`, 'remove it; describe or link to the material instead');
    return;
  }
  const allowed = RAW_HTML_TAGS[tagName];
  if (!allowed) {
    add(`<${tagName}> is not an allowed HTML tag`, `use Markdown, or one of: ${ALLOWED_TAG_LIST}`);
    return;
  }
  for (const [property, value] of Object.entries(element.properties)) {
    const name = attributeName(property);
    if (name.startsWith('on')) add(`event-handler attribute ${name} is not allowed`, NO_CODE);
    else if (name === 'style') add('style attributes are not allowed', 'remove it; the site styles content itself');
    else if (!allowed.includes(name)) {
      add(`attribute ${name} is not allowed on <${tagName}>`, allowed.length ? `allowed: ${allowed.join(', ')}` : `<${tagName}> takes no attributes`);
    } else if (name === 'href' || name === 'cite') {
      const scheme = droppedScheme(String(value), sanitizeSchema.protocols?.[name] ?? []);
      if (scheme !== undefined) add(...schemeProblem(scheme, 'URLs'));
    }
  }
}

function schemeProblem(scheme: string, what: 'links' | 'URLs'): [string, string] {
  let decoded = scheme;
  try {
    decoded = decodeURIComponent(scheme);
  } catch {
    // Not percent-encoding after all: shown as written.
  }
  // Browsers ignore control characters and white space inside a scheme: "java\tscript:".
  const cleaned = decoded.toLowerCase().replace(/[\u0000-\u0020\u007f]/g, '');
  if (SAFE_SCHEMES.has(cleaned) && cleaned !== scheme) return [`"${scheme}:" must be written ${cleaned}:`, 'lower case, with no spaces'];
  return [`${cleaned || scheme}: ${what} are not allowed`, 'link with https://'];
}

/** The source text of a comment-like node: `<!--`, `<?...?>`, `<!X ...>` and CDATA all become comments. */
function commentProblem(source: string): [string, string] {
  return source.startsWith('<!--')
    ? ['HTML comments are removed from the page', 'put notes for reviewers in the pull request, or in the text']
    : [`"${source.slice(0, 2)}" starts markup that hides the text after it from the page`, 'write \\< for the character itself'];
}

function sameProperties(a: Element['properties'], b: Element['properties']): boolean {
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  return keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length
    && keys.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/** Same type, tag, properties and value, node by node: where the two trees first differ. */
function firstDifference(a: HastNode, b: HastNode | undefined): HastNode | undefined {
  const stack: [HastNode, HastNode | undefined][] = [[a, b]];
  while (stack.length) {
    const [left, right] = stack.pop() as [HastNode, HastNode | undefined];
    if (!right || left.type !== right.type) return left;
    if (left.type === 'element' && right.type === 'element'
      && (left.tagName !== right.tagName || !sameProperties(left.properties, right.properties))) return left;
    if ('value' in left && 'value' in right && left.value !== right.value) return left;
    const leftChildren = 'children' in left ? left.children : [];
    const rightChildren = 'children' in right ? right.children : [];
    if (leftChildren.length !== rightChildren.length) {
      const index = leftChildren.findIndex((child, i) => firstDifference(child, rightChildren[i]) !== undefined);
      return leftChildren[index] ?? left;
    }
    leftChildren.forEach((child, index) => stack.push([child, rightChildren[index]]));
  }
  return undefined;
}

function checkMarkdown(mdast: MdastRoot, comments: ReadonlySet<number>, add: (line: number | undefined, message: string, hint?: string) => void,
  setOffset: (offset: number) => void): void {
  const referenced = new Set<string>();
  const definitions: { identifier: string; label: string; line: number | undefined }[] = [];
  const stack: MdastNodes[] = [mdast];
  while (stack.length) {
    const node = stack.pop() as MdastNodes;
    const line = node.position?.start.line;
    setOffset(node.position?.start.offset ?? 0);
    if (node.type === 'image' || node.type === 'imageReference') {
      add(line, 'images are not shown in content', 'link to the image instead: [description](https://...)');
    } else if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      add(line, 'task-list checkboxes are not shown in content', 'write the item without [ ] or [x]');
    } else if (node.type === 'html' && /^<[!?]/.test(node.value) && !comments.has(node.position?.start.offset ?? -1)) {
      // An unclosed `<!X` or `<?` swallows the rest of the body without leaving a comment.
      add(line, ...commentProblem(node.value));
    } else if (node.type === 'footnoteReference') {
      referenced.add(node.identifier);
    } else if (node.type === 'footnoteDefinition') {
      const label = node.label ?? node.identifier;
      if (definitions.some((other) => other.identifier === node.identifier)) {
        add(line, `footnote [^${label}] is defined twice, and only the first is shown`, 'give each footnote its own label');
      } else {
        definitions.push({ identifier: node.identifier, label, line });
      }
    }
    if ('children' in node) stack.push(...(node.children as MdastNodes[]));
  }
  for (const definition of definitions) {
    if (!referenced.has(definition.identifier)) {
      add(definition.line, `footnote [^${definition.label}] is never referred to, so it is not shown`, `refer to it in the text with [^${definition.label}], or delete it`);
    }
  }
}

/** What checking a body found, and the tree its page is made from when it found nothing. */
export interface InspectedBody {
  findings: BodyFinding[];
  /**
   * The tree exactly as the renderer's sanitizer leaves it, set when there are no findings:
   * the page is made from this tree (`bodyHtml` in src/lib/markdown/body-html.ts), so a body
   * is parsed once, for its check and its page alike.
   */
  page?: HastRoot;
}

/** The problems the body has, with their lines: none means it may be published as written. */
export const checkBody = (body: string): BodyFinding[] => inspectBody(body).findings;

export function inspectBody(body: string): InspectedBody {
  const findings: Placed[] = [];
  let offset = 0;
  const add = (line: number | undefined, message: string, hint?: string) =>
    findings.push(hint ? { line: line ?? 1, offset, message, hint } : { line: line ?? 1, offset, message });
  const done = (): InspectedBody => ({ findings: findings.sort((a, b) => a.line - b.line || a.offset - b.offset).map(({ offset: _, ...finding }) => finding) });

  // Checked on the text as written: in code, too, they can disguise what it says.
  body.split('\n').forEach((line, index) => {
    const found = notTextInLine(line);
    offset = -1;
    if (found) add(index + 1, `${found.message} at column ${found.column}`, found.hint);
  });

  const limits = checkBodyLimits(body);
  for (const limit of limits) add(limit.line, limit.message, limit.hint);
  if (limits.length) return done();

  const { mdast, withRaw, hast } = parseBody(body);
  const deep = tooDeep<MdastNodes>(mdast) ?? tooDeep<HastNode>(hast);
  if (deep) {
    const { message, hint } = depthMessage(deep.depth);
    add(deep.node.position?.start.line, message, hint);
    return done();
  }

  const { raw, markdown } = origins(withRaw);
  const comments = new Set<number>();
  const stack: HastNode[] = [hast];
  while (stack.length) {
    const node = stack.pop() as HastNode;
    const start = node.position?.start;
    const line = start?.line;
    offset = start?.offset ?? 0;
    if (node.type === 'comment') {
      if (start?.offset !== undefined) comments.add(start.offset);
      add(line, ...commentProblem(start?.offset === undefined ? '<!--' : body.slice(start.offset, start.offset + 4)));
    } else if (node.type === 'doctype') {
      add(line, '<!doctype> is removed from the page', 'delete it');
    } else if (node.type === 'element') {
      const fromRaw = start?.offset !== undefined && inRanges(raw, start.offset) && !markdown.has(`${node.tagName}@${start.offset}`);
      if (fromRaw) {
        checkRawElement(node, (message, hint) => add(line, message, hint));
      } else if (node.tagName === 'a' && typeof node.properties['href'] === 'string') {
        const scheme = droppedScheme(node.properties['href']);
        if (scheme !== undefined) add(line, ...schemeProblem(scheme, 'links'));
      }
    }
    if ('children' in node) stack.push(...node.children);
  }
  checkMarkdown(mdast, comments, add, (at) => { offset = at; });

  // Anything else the sanitizer would change (this list and the allow-list getting out of
  // step) is still reported, at the first node that differs.
  if (findings.length) return done();
  const page = sanitizeTree(hast);
  const changed = firstDifference(hast, page);
  if (!changed) return { findings: [], page };
  offset = changed.position?.start.offset ?? 0;
  add(changed.position?.start.line, 'contains markup the site would change or remove', `use Markdown, or one of: ${ALLOWED_TAG_LIST}`);
  return done();
}
