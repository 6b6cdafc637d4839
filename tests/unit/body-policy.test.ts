/**
 * The body policy (src/lib/content/body-policy.ts): what a Markdown body may not contain,
 * with the exact message for each, and what it may, which must pass untouched. The checks
 * run on the parsed tree, so code is text wherever it is and MDX syntax is plain prose.
 */
import { describe, expect, test } from 'vitest';
import { checkBody } from '../../src/lib/content/body-policy.ts';
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
    // (<frame> never becomes an element outside a frameset, so it is not on the page at all.)
    for (const tag of ['object', 'embed', 'svg', 'math', 'form', 'base', 'meta', 'link', 'template', 'noscript']) {
      expect(check(`<${tag}>`), tag).toBe(`1: <${tag}> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)`);
    }
  });

  test('style tag', () => {
    expect(check('<style>\nbody { display: none }\n</style>')).toMatchInlineSnapshot(`"1: <style> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)"`);
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
    expect(check('![x](javascript:alert(1))')).toMatchInlineSnapshot(`"1: images are not shown in content (link to the image instead: [description](https://...))"`);
  });

  test('a tab inside an angle-bracket destination', () => {
    // Browsers drop the tab and run "javascript:"; CommonMark allows it inside <...>.
    expect(check('[x](<java\tscript:alert(1)>)')).toMatchInlineSnapshot(`"1: javascript: links are not allowed (link with https://)"`);
  });

  test('autolinks', () => {
    expect(check('<javascript:alert(1)>')).toMatchInlineSnapshot(`"1: javascript: links are not allowed (link with https://)"`);
    expect(check('See <vbscript:msgbox> and <data:text/html,x>.')).toMatchInlineSnapshot(`
      "1: vbscript: links are not allowed (link with https://)
      1: data: links are not allowed (link with https://)"
    `);
  });

  test('link definitions: reported where the link is', () => {
    expect(check('[x][1]\n\n[1]: javascript:alert(1)')).toMatchInlineSnapshot(`"1: javascript: links are not allowed (link with https://)"`);
    expect(check('Text.\n\n[x][1]\n\n  [1]: <data:text/html,x> "title"')).toMatchInlineSnapshot(`"3: data: links are not allowed (link with https://)"`);
  });

  test('a scheme the sanitizer would drop because of its case', () => {
    expect(check('[x](HTTPS://www.example.org)')).toMatchInlineSnapshot(`"1: "HTTPS:" must be written https: (lower case, with no spaces)"`);
  });

  test('markup that hides text: <?...?>, <!X ...>, CDATA, and an unclosed <!X', () => {
    expect(check('Text <?php echo 1 ?> more.')).toMatchInlineSnapshot(`"1: "<?" starts markup that hides the text after it from the page (write \\< for the character itself)"`);
    expect(check('Text <![CDATA[ hidden ]]> more.')).toMatchInlineSnapshot(`"1: "<!" starts markup that hides the text after it from the page (write \\< for the character itself)"`);
    expect(check('Text.\n\n<!X hidden\n\nand everything after it')).toMatchInlineSnapshot(`"3: "<!" starts markup that hides the text after it from the page (write \\< for the character itself)"`);
  });

  test('attributes without a space before them (<h2/id=...>)', () => {
    // Not a tag to CommonMark: shown as text, so nothing reaches the page as markup.
    expect(check('<h2/id=rating-heading>Rating: Corroborated</h2>')).toBe('');
    expect(check('<b/accesskey=x>b</b> <abbr/tabindex=1 title=x>y</abbr>')).toMatchInlineSnapshot(`""`);
  });

  test('markup between backticks a paragraph apart is markup', () => {
    expect(check('A stray ` here.\n\n<b onclick="x">b</b> and ` there.')).toMatchInlineSnapshot(`"3: event-handler attribute onclick is not allowed (content cannot run code; remove it)"`);
  });

  test('tables, headings and lists written as HTML', () => {
    expect(check('<table><tr><td>Rating: Corroborated</td></tr></table>')).toMatchInlineSnapshot(`
      "1: <table> is not an allowed HTML tag (use Markdown, or one of: a, abbr, b, blockquote, br, code, del, details, em, i, ins, kbd, q, s, strong, sub, summary, sup)
      1: <tr> is not an allowed HTML tag (use Markdown, or one of: a, abbr, b, blockquote, br, code, del, details, em, i, ins, kbd, q, s, strong, sub, summary, sup)
      1: <td> is not an allowed HTML tag (use Markdown, or one of: a, abbr, b, blockquote, br, code, del, details, em, i, ins, kbd, q, s, strong, sub, summary, sup)"
    `);
    expect(check('<h2 id="rating-heading">Rating</h2>')).toMatchInlineSnapshot(`"1: <h2> is not an allowed HTML tag (use Markdown, or one of: a, abbr, b, blockquote, br, code, del, details, em, i, ins, kbd, q, s, strong, sub, summary, sup)"`);
  });

  test('reference-style images, task lists and footnotes that would vanish', () => {
    expect(check('![map][m]\n\n[m]: https://www.example.org/map.png')).toMatchInlineSnapshot(`"1: images are not shown in content (link to the image instead: [description](https://...))"`);
    expect(check('- [ ] to do\n- [x] done')).toMatchInlineSnapshot(`
      "1: task-list checkboxes are not shown in content (write the item without [ ] or [x])
      2: task-list checkboxes are not shown in content (write the item without [ ] or [x])"
    `);
    expect(check('Text.\n\n[^a]: never referred to')).toMatchInlineSnapshot(`"3: footnote [^a] is never referred to, so it is not shown (refer to it in the text with [^a], or delete it)"`);
    expect(check('Text.[^a]\n\n[^a]: one\n[^a]: two')).toMatchInlineSnapshot(`"3: footnote [^a] is defined twice, and only the first is shown (give each footnote its own label)"`);
  });

  test('a character reference beyond Unicode is text, not a crash', () => {
    expect(check('[x](&#x110000;) and &#1114112; and <a href="&#x110000;">y</a>')).toBe('');
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
    expect(check('<script>x</script>\n\nText <b onclick="x">b</b>\n\n```\n<iframe>\n```\n<!-- c -->')).toMatchInlineSnapshot(`
      "1: <script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)
      3: event-handler attribute onclick is not allowed (content cannot run code; remove it)
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
    ['braces in prose: content is never compiled as MDX', 'The set {a, b} and {process.exit(1)} are text.'],
    ['import and export lines: text, never modules', "import fs from 'node:fs'\n\nexport const stolen = process.env"],
    ['an indented code block with HTML', 'Code:\n\n    <script>alert(1)</script>\n    <iframe src="x">'],
    ['a table, strikethrough and footnotes in Markdown', '| a | b |\n|:-|-:|\n| 1 | ~~2~~ |\n\nText.[^1]\n\n[^1]: A note.'],
    ['a heading that reads like the page\'s own', '## History heading\n\n## Rating heading'],
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

describe('code is text', () => {
  test('an unclosed fence runs to the end, so what follows is code', () => {
    expect(checkBody('```\n<script>')).toEqual([]);
  });

  test('a shorter fence does not close a longer one', () => {
    expect(checkBody('````\n```\n<script>\n````\n<iframe>').map((finding) => finding.line)).toEqual([5]);
  });
});
