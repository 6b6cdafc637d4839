/**
 * Checks a content file's Markdown body for what must never reach the site: MDX syntax
 * (contributed content is plain Markdown and is never compiled as code), unsafe raw HTML
 * and unsafe link schemes. It reads the text without parsing Markdown, so it stays fast
 * at ten thousand files; code blocks and code spans are masked first, because code is
 * shown as text and is safe whatever it contains.
 */
import { DANGEROUS_TAGS, RAW_HTML_TAGS, SAFE_SCHEMES } from './html-policy.ts';
import { BIDI_HINT, bidiControlMessage } from './invisible.ts';

export interface BodyFinding {
  /** Line within the body, 1-based. */
  line: number;
  message: string;
  hint?: string;
}

const ALLOWED_TAG_LIST = Object.keys(RAW_HTML_TAGS).join(', ');

/** Replaces fenced code blocks and inline code spans with spaces, keeping line breaks. */
export function maskCode(body: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  const lines = body.split('\n');
  let fence: string | null = null;
  const masked = lines.map((line) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null && opener?.[1]) {
      fence = opener[1];
      return blank(line);
    }
    if (fence !== null) {
      const closer = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (closer?.[1] && closer[1][0] === fence[0] && closer[1].length >= fence.length) fence = null;
      return blank(line);
    }
    return line;
  });
  return masked.join('\n').replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, blank);
}

/** Decodes the character references a URL might hide its scheme behind (`&#106;avascript:`). */
function decodeReferences(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
}

/** The URL's scheme if it has one that is not allowed, as the browser would read it. */
function unsafeScheme(url: string): string | undefined {
  // Browsers ignore control characters and white space inside a scheme: "java\tscript:".
  const cleaned = decodeReferences(url).replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme && !SAFE_SCHEMES.has(scheme) ? scheme : undefined;
}

const MDX_MODULE = /^(import|export)\s+(?:[{*]|default\b|const\b|let\b|var\b|function\b|class\b|async\b|type\b|["']|[\w$]+\s*(?:,|from\b))/;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
// A destination in <...> may contain spaces and tabs ("<java\tscript:...>"), so it is read whole.
const LINK_DESTINATION = /\]\(\s*(?:<([^>\n]*)>|([^\s)]+))/g;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(?:<([^>\n]*)>|(\S+))/gm;
/** A CommonMark autolink, `<scheme:...>`, which becomes a link with that scheme. */
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/g;
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background']);

export function checkBody(body: string): BodyFinding[] {
  const findings: BodyFinding[] = [];
  const text = maskCode(body);
  // The line of an offset: 1 + the line breaks before it, found by binary search, so a
  // body with a problem on each of its many lines is still checked in linear time.
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
  const lineAt = (index: number) => {
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((breaks[middle] ?? Infinity) < index) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
  const add = (index: number, message: string, hint?: string) =>
    findings.push(hint ? { line: lineAt(index), message, hint } : { line: lineAt(index), message });

  // Checked on the text as written: in code, too, they can disguise what it says.
  body.split('\n').forEach((line, index) => {
    const message = bidiControlMessage(line);
    if (message) findings.push({ line: index + 1, message, hint: BIDI_HINT });
  });

  let offset = 0;
  for (const line of text.split('\n')) {
    if (MDX_MODULE.test(line)) {
      add(offset, `MDX ${line.startsWith('import') ? 'import' : 'export'} is not allowed in content`,
        'claims, people, outlets and topics are plain Markdown and never run code; remove the line');
    }
    offset += line.length + 1;
  }

  for (const match of text.matchAll(/(?<!\\)\{/g)) {
    add(match.index, '"{" starts an MDX expression, which content cannot run', 'write \\{ for the character itself');
  }

  for (const match of text.matchAll(/<!--/g)) {
    add(match.index, 'HTML comments are removed from the page',
      'put notes for reviewers in the pull request, or in the text');
  }

  for (const match of text.matchAll(/!\[[^\]]*\]\(/g)) {
    add(match.index, 'images are not shown in content', 'link to the image instead: [description](https://...)');
  }

  for (const match of text.matchAll(TAG)) {
    const [, closing, rawName = '', attributes = ''] = match;
    const name = rawName.toLowerCase();
    // `<vbscript:msgbox>` is an autolink, not a tag: the link checks below report it.
    if (name.includes(':') && !attributes && new RegExp(`^${AUTOLINK.source}$`).test(match[0])) continue;
    if (closing && (DANGEROUS_TAGS.has(name) || !RAW_HTML_TAGS[name])) continue;
    if (DANGEROUS_TAGS.has(name)) {
      add(match.index, `<${name}> is not allowed: content cannot run code, embed pages or restyle the site`,
        'remove it; describe or link to the material instead');
      continue;
    }
    const allowedAttributes = RAW_HTML_TAGS[name];
    if (!allowedAttributes) {
      add(match.index, `<${name}> is not an allowed HTML tag`, `use Markdown, or one of: ${ALLOWED_TAG_LIST}`);
      continue;
    }
    if (closing) continue;
    for (const attribute of attributes.matchAll(ATTRIBUTE)) {
      const attributeName = (attribute[1] ?? '').toLowerCase();
      const value = (attribute[2] ?? '').replace(/^["']|["']$/g, '');
      if (attributeName.startsWith('on')) {
        add(match.index, `event-handler attribute ${attributeName} is not allowed`, 'content cannot run code; remove it');
      } else if (attributeName === 'style') {
        add(match.index, 'style attributes are not allowed', 'remove it; the site styles content itself');
      } else if (URL_ATTRIBUTES.has(attributeName) && unsafeScheme(value)) {
        add(match.index, `${unsafeScheme(value)}: URLs are not allowed`, 'link with https://');
      } else if (!allowedAttributes.includes(attributeName)) {
        add(match.index, `attribute ${attributeName} is not allowed on <${name}>`,
          allowedAttributes.length ? `allowed: ${allowedAttributes.join(', ')}` : `<${name}> takes no attributes`);
      }
    }
  }

  const checked = new Set<number>();
  for (const pattern of [LINK_DESTINATION, LINK_DEFINITION, AUTOLINK]) {
    for (const match of text.matchAll(pattern)) {
      const url = match[1] ?? match[2] ?? '';
      // `[x](<javascript:...>)` is both a destination and an autolink: check each URL once.
      const start = match.index + match[0].lastIndexOf(url);
      if (checked.has(start)) continue;
      checked.add(start);
      const scheme = unsafeScheme(url);
      if (scheme) add(match.index, `${scheme}: links are not allowed`, 'link with https://');
    }
  }

  return findings.sort((a, b) => a.line - b.line);
}
