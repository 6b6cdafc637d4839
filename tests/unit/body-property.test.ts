/**
 * The property the gate rests on, tried on random Markdown and HTML: whatever body the
 * validator accepts, the build's renderer renders without an exception, and its sanitizer
 * changes nothing in it (the page is the same with the sanitizer as without), and the HTML
 * the build makes from the checked tree is Astro's, byte for byte. Bodies are
 * built from the pieces hostile input is made of: tags and attributes on and off the
 * allow-list, schemes, entities, comments, code, quotes, lists, emphasis, footnotes and
 * characters that are not text.
 */
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkBody, inspectBody } from '../../src/lib/content/body-policy.ts';
import { bodyHtml } from '../../src/lib/markdown/body-html.ts';
import { BEFORE_SANITIZING } from '../../src/lib/markdown/body-tree.ts';
import { contentMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { rehypeExternalLinks } from '../../src/lib/markdown/rehype-external-links.ts';

const TAGS = ['a', 'abbr', 'b', 'blockquote', 'br', 'code', 'details', 'summary', 'q', 'sup', 'img', 'script', 'style',
  'iframe', 'h2', 'p', 'table', 'td', 'div', 'svg', 'x-y'];
const ATTRIBUTES = ['href', 'title', 'cite', 'id', 'dir', 'style', 'onclick', 'accesskey', 'tabindex', 'class', 'src'];
const VALUES = ['https://example.org/a', 'javascript:alert(1)', 'JAVASCRIPT:x', 'java\tscript:x', '&#106;avascript:x',
  'mailto:a@b.org', '#history-heading', 'rating-heading', 'data:text/html,x', '/claims/x/', 'HTTPS://x.org', '&#x110000;'];

const tag = fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), fc.constantFrom(...VALUES)), { maxLength: 2 }),
  fc.constantFrom(' ', '/', '\n'))
  .map(([name, attributes, separator]) => `<${name}${attributes.map(([key, value]) => `${separator}${key}="${value}"`).join('')}>`);

const piece = fc.oneof(
  tag,
  fc.constantFrom(...TAGS).map((name) => `</${name}>`),
  fc.constantFrom('text', 'The NRF said so.', 'word', ' ', '\n', '\n\n', '    ', '\t', '{x}', 'import x from "y"',
    '*', '**', '_', '~~', '`', '```', '~~~', '[', ']', '(', ')', '![', '[^1]', '[^1]: note', '[x]: https://example.org',
    '> ', '- ', '1. ', '- [ ] ', '# ', '## History heading', '|', '| a | b |\n|---|---|\n| 1 | 2 |', '---',
    '<!--', '-->', '<?', '?>', '<!X', '<![CDATA[', ']]>', '&amp;', '&#x110000;', '&#0;', '&lt;', '\\', '<', '>',
    '\u200b', '\u00ad', '\u202e', '\u0000', '\u001b', 'é', 'کابل', '\u200c'),
  fc.constantFrom(...VALUES).map((value) => `[link](${value})`),
  fc.constantFrom(...VALUES).map((value) => `<${value}>`),
);

const body = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

let renderer: MarkdownRenderer;
let unsanitized: MarkdownRenderer;

beforeAll(async () => {
  renderer = await contentMarkdown().createRenderer({ syntaxHighlight: false });
  // The same pipeline without its sanitizer: on a body the validator accepts, the same page.
  unsanitized = await unified({ smartypants: false, rehypePlugins: [...BEFORE_SANITIZING, rehypeExternalLinks] })
    .createRenderer({ syntaxHighlight: false });
});

describe('whatever the validator accepts', () => {
  test('renders without an exception, and the sanitizer changes nothing in it', async () => {
    let accepted = 0;
    await fc.assert(fc.asyncProperty(body, async (markdown) => {
      const findings = checkBody(markdown);
      if (findings.length) return;
      accepted++;
      const html = (await renderer.render(markdown)).code;
      expect(html).toBe((await unsanitized.render(markdown)).code);
      // And the page the build makes from the checked tree is that same HTML.
      expect(bodyHtml(inspectBody(markdown).page!)).toBe(html);
    }), { numRuns: 600 });
    // The property says something only if many random bodies pass the gate.
    expect(accepted).toBeGreaterThan(100);
  }, 600_000);

  test('and a body it rejects is never left unexplained: every finding has a line and a message', () => {
    fc.assert(fc.property(body, (markdown) => {
      for (const finding of checkBody(markdown)) {
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.line).toBeLessThanOrEqual(markdown.split('\n').length);
        expect(finding.message.length).toBeGreaterThan(0);
      }
    }), { numRuns: 300 });
  }, 600_000);
});
