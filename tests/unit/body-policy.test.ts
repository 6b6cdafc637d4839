/**
 * The body policy (src/lib/content/body-policy.ts): what a Markdown body may not contain,
 * with the exact message for each, and what it may, which must pass untouched.
 */
import { describe, expect, test } from 'vitest';
import { checkBody, maskCode } from '../../src/lib/content/body-policy.ts';
import { RAW_HTML_TAGS } from '../../src/lib/content/html-policy.ts';

/** Findings as the lines the validator prints, with body lines. */
const check = (body: string) =>
  checkBody(body).map(({ line, message, hint }) => `${line}: ${message}${hint ? ` (${hint})` : ''}`).join('\n');

describe('rejected', () => {
  test('script', () => {
    expect(check('Text <script>alert(1)</script>')).toMatchInlineSnapshot(`"1: <script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)"`);
    expect(check('<SCRIPT SRC="https://x.org/a.js"></SCRIPT>')).toBe(check('<script>'));
    expect(check('<script\n>alert(1)</script>')).toBe(check('<script>'));
  });

  test('iframe, object, embed, svg, form and the other dangerous tags', () => {
    expect(check('<iframe src="https://www.example.org"></iframe>')).toMatchInlineSnapshot(`"1: <iframe> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)"`);
    for (const tag of ['object', 'embed', 'svg', 'math', 'form', 'base', 'meta', 'link', 'template', 'noscript', 'frame']) {
      expect(check(`<${tag}>`), tag).toBe(`1: <${tag}> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)`);
    }
  });

  test('style tag', () => {
    expect(check('<style>\nbody { display: none }\n</style>')).toMatchInlineSnapshot(`
      "1: <style> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)
      2: "{" starts an MDX expression, which content cannot run (write \\{ for the character itself)"
    `);
  });

  test('style attribute', () => {
    expect(check('<b style="color: red">red</b>')).toMatchInlineSnapshot(`"1: style attributes are not allowed (remove it; the site styles content itself)"`);
  });

  test('event handlers, however they are written', () => {
    expect(check('<abbr title="x" onclick="alert(1)">x</abbr>')).toMatchInlineSnapshot(`"1: event-handler attribute onclick is not allowed (content cannot run code; remove it)"`);
    expect(check('<a href="https://x.org" ONMOUSEOVER=alert(1)>x</a>')).toMatchInlineSnapshot(`"1: event-handler attribute onmouseover is not allowed (content cannot run code; remove it)"`);
    expect(check("<b onfocus='x'>b</b>")).toMatchInlineSnapshot(`"1: event-handler attribute onfocus is not allowed (content cannot run code; remove it)"`);
  });

  test('javascript:, data: and vbscript: in href', () => {
    expect(check('<a href="javascript:alert(1)">x</a>')).toMatchInlineSnapshot(`"1: javascript: URLs are not allowed (link with https://)"`);
    expect(check('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>')).toMatchInlineSnapshot(`"1: data: URLs are not allowed (link with https://)"`);
    expect(check('<a href=vbscript:msgbox(1)>x</a>')).toMatchInlineSnapshot(`"1: vbscript: URLs are not allowed (link with https://)"`);
    expect(check('<q cite="javascript:alert(1)">q</q>')).toBe(check('<a href="javascript:alert(1)">x</a>'));
  });

  test('a scheme hidden behind character references, white space or case', () => {
    const expected = check('<a href="javascript:alert(1)">x</a>');
    for (const href of ['&#106;avascript:alert(1)', '&#x6A;avascript:alert(1)', '&#0000106avascript:alert(1)',
      'java\tscript:alert(1)', 'java&#9;script:alert(1)', 'java&Tab;script:alert(1)', ' JavaScript:alert(1)',
      'javascript&colon;alert(1)']) {
      expect(check(`<a href="${href}">x</a>`), href).toBe(expected);
    }
  });

  test('javascript:, data: and vbscript: in Markdown links', () => {
    expect(check('[x](javascript:alert(1))')).toMatchInlineSnapshot(`"1: javascript: links are not allowed (link with https://)"`);
    expect(check('[x](data:text/html,<b>x</b>)')).toMatchInlineSnapshot(`"1: data: links are not allowed (link with https://)"`);
    expect(check('[x](vbscript:msgbox "title")')).toMatchInlineSnapshot(`"1: vbscript: links are not allowed (link with https://)"`);
    expect(check('[x](<javascript:alert(1)>)')).toBe(check('[x](javascript:alert(1))'));
    expect(check('[x](&#106;avascript:alert(1))')).toBe(check('[x](javascript:alert(1))'));
    expect(check('![x](javascript:alert(1))').split('\n')).toContain('1: javascript: links are not allowed (link with https://)');
  });

  test('a tab inside an angle-bracket destination', () => {
    // Browsers drop the tab and run "javascript:"; CommonMark allows it inside <...>.
    expect(check('[x](<java\tscript:alert(1)>)').split('\n')).toContain('1: javascript: links are not allowed (link with https://)');
  });

  test('autolinks', () => {
    expect(check('<javascript:alert(1)>')).toMatchInlineSnapshot(`"1: javascript: links are not allowed (link with https://)"`);
    expect(check('See <vbscript:msgbox> and <data:text/html,x>.')).toMatchInlineSnapshot(`
      "1: vbscript: links are not allowed (link with https://)
      1: data: links are not allowed (link with https://)"
    `);
  });

  test('link definitions', () => {
    expect(check('[x][1]\n\n[1]: javascript:alert(1)')).toMatchInlineSnapshot(`"3: javascript: links are not allowed (link with https://)"`);
    expect(check('[x][1]\n\n  [1]: <data:text/html,x> "title"')).toMatchInlineSnapshot(`"3: data: links are not allowed (link with https://)"`);
    expect(check('[1]: <java\tscript:alert(1)>').split('\n')).toContain('1: javascript: links are not allowed (link with https://)');
  });

  test('MDX import and export', () => {
    expect(check('import Chart from "../components/Chart.astro"')).toMatchInlineSnapshot(`"1: MDX import is not allowed in content (claims, people, outlets and topics are plain Markdown and never run code; remove the line)"`);
    expect(check("import * as x from 'y'")).toMatchInlineSnapshot(`"1: MDX import is not allowed in content (claims, people, outlets and topics are plain Markdown and never run code; remove the line)"`);
    expect(check('export const meta = 1')).toMatchInlineSnapshot(`"1: MDX export is not allowed in content (claims, people, outlets and topics are plain Markdown and never run code; remove the line)"`);
    expect(check('export default function Layout() {}').split('\n')[0]).toBe(check('export const meta = 1'));
  });

  test('MDX expressions', () => {
    expect(check('The total is {1 + 1}.')).toMatchInlineSnapshot(`"1: "{" starts an MDX expression, which content cannot run (write \\{ for the character itself)"`);
    expect(check('Two {a} and {b}.').split('\n')).toHaveLength(2);
  });

  test('HTML comments', () => {
    expect(check('Text.\n\n<!-- a note for reviewers -->')).toMatchInlineSnapshot(`"3: HTML comments are removed from the page (put notes for reviewers in the pull request, or in the text)"`);
  });

  test('images, in Markdown and in HTML', () => {
    expect(check('![A map of Panjshir](https://www.example.org/map.png)')).toMatchInlineSnapshot(`"1: images are not shown in content (link to the image instead: [description](https://...))"`);
    expect(check('<img src="https://www.example.org/map.png" alt="map">')).toMatchInlineSnapshot(`"1: <img> is not an allowed HTML tag (use Markdown, or one of: a, abbr, b, blockquote, br, code, del, details, em, i, ins, kbd, q, s, strong, sub, summary, sup)"`);
  });

  test('tags that are not on the list', () => {
    expect(check('<div>x</div>')).toMatchInlineSnapshot(`"1: <div> is not an allowed HTML tag (use Markdown, or one of: a, abbr, b, blockquote, br, code, del, details, em, i, ins, kbd, q, s, strong, sub, summary, sup)"`);
    expect(check('<marquee>x</marquee> <my-widget></my-widget>').split('\n')).toHaveLength(2);
  });

  test('attributes that are not on the list', () => {
    expect(check('<abbr class="x" title="y">z</abbr>')).toMatchInlineSnapshot(`"1: attribute class is not allowed on <abbr> (allowed: title)"`);
    expect(check('<a href="https://x.org" target="_blank">x</a>')).toMatchInlineSnapshot(`"1: attribute target is not allowed on <a> (allowed: href, title)"`);
    expect(check('<br id="x">')).toMatchInlineSnapshot(`"1: attribute id is not allowed on <br> (<br> takes no attributes)"`);
  });

  test('every problem on its own body line', () => {
    expect(check('<script>\n\nText {x}\n\n```\n<iframe>\n```\n<!-- c -->')).toMatchInlineSnapshot(`
      "1: <script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)
      3: "{" starts an MDX expression, which content cannot run (write \\{ for the character itself)
      8: HTML comments are removed from the page (put notes for reviewers in the pull request, or in the text)"
    `);
  });
});

describe('accepted', () => {
  test.each([
    ['an abbreviation with a title', '<abbr title="National Resistance Front">NRF</abbr>'],
    ['superscript and subscript', 'x<sup>2</sup> and H<sub>2</sub>O'],
    ['a quote with an https source', '<q cite="https://www.example.org">words</q>'],
    ['details', '<details><summary>More</summary>\n\nHidden text.\n\n</details>'],
    ['a line break', 'one<br>two<br/>three'],
    ['an HTML link', '<a href="https://www.example.org" title="Example">link</a>'],
    ['a mailto link', '<a href="mailto:tips@example.org">tips</a> or [mail](mailto:tips@example.org)'],
    ['a relative link', '[methodology](/methodology/) and [a claim](../other-claim/)'],
    ['an https link', '[the report](https://www.example.org/report "The report")'],
    ['an https autolink', '<https://www.example.org/report>'],
    ['a link definition', '[the report][1]\n\n[1]: https://www.example.org/report'],
    ['a code span with HTML, braces and imports', "Write `<script>alert(1)</script>`, `{x}` or `import x from 'y'`."],
    ['a longer code span', 'Use ``a ` b <iframe>`` here.'],
    ['a fenced code block', "```\n<script>alert(1)</script>\n{ x: 1 }\nimport x from 'y'\nexport const a = 1\n<!-- c -->\n```"],
    ['a tilde fence', '~~~js\nexport default {}\n~~~'],
    ['escaped braces', 'A set \\{a, b\\} in prose.'],
    ['prose that starts with Export or Import', 'Export of opium rose.\nImport duties fell.\nimport of goods from Iran rose.\nexport from Kabul stopped.'],
    ['comparison signs', 'a < b and c > d, 5 <3'],
    ['a less-than before a word', 'fewer than 3 <b>bold</b>'],
    ['an email autolink', '<tips@example.org>'],
  ])('%s', (_, body) => {
    expect(checkBody(body)).toEqual([]);
  });

  test('every allowed tag with every allowed attribute', () => {
    for (const [tag, attributes] of Object.entries(RAW_HTML_TAGS)) {
      const attrs = attributes.map((name) => ` ${name}="${name === 'title' ? 'A title' : 'https://www.example.org/'}"`).join('');
      expect(checkBody(`<${tag}${attrs}>text</${tag}>`), tag).toEqual([]);
    }
  });
});

describe('code is masked', () => {
  test('code keeps its line breaks and loses its text', () => {
    expect(maskCode('a `<b>` c\n```\n<x>\n```\nd')).toBe('a       c\n   \n   \n   \nd');
  });

  test('an unclosed fence masks to the end, so nothing after it is checked', () => {
    // CommonMark treats an unclosed fence as running to the end of the document.
    expect(checkBody('```\n<script>')).toEqual([]);
  });

  test('a shorter fence does not close a longer one', () => {
    expect(checkBody('````\n```\n<script>\n````\n<iframe>').map((finding) => finding.line)).toEqual([5]);
  });
});
