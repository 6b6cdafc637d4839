/**
 * The sanitizer is the second line: content bodies go through `contentMarkdown()`
 * (src/lib/markdown/pipeline.ts, Astro's `markdown.processor`), which must neutralise
 * hostile HTML even though the validator would have rejected the file, and must keep
 * everything the validator allows, so a valid file is never silently altered.
 */
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkBody } from '../../src/lib/content/body-policy.ts';
import { RAW_HTML_TAGS } from '../../src/lib/content/html-policy.ts';
import { contentMarkdown } from '../../src/lib/markdown/pipeline.ts';

let renderer: MarkdownRenderer;
const render = async (markdown: string) => (await renderer.render(markdown)).code;

beforeAll(async () => {
  // The options astro.config.mjs gives the processor.
  renderer = await contentMarkdown().createRenderer({ syntaxHighlight: false });
});

describe('hostile input is neutralised', () => {
  test('script tags are removed with their content', async () => {
    const html = await render('Before.\n\n<script>alert(1)</script>\n\nInline <script>alert(2)</script> too.');
    expect(html).not.toMatch(/<script|alert/i);
    expect(html).toMatchInlineSnapshot(`
      "<p>Before.</p>

      <p>Inline  too.</p>"
    `);
  });

  test('event handlers are removed', async () => {
    const html = await render('<b onclick="alert(1)">b</b> <a href="https://x.org" onmouseover="alert(2)">a</a> <img src=x onerror="alert(3)">');
    expect(html).not.toMatch(/\bon[a-z]+=|alert/i);
    expect(html).toMatchInlineSnapshot(`"<p><b>b</b> <a href="https://x.org" rel="noopener noreferrer">a</a> </p>"`);
  });

  test('javascript:, data: and vbscript: links lose their href', async () => {
    const html = await render([
      '<a href="javascript:alert(1)">a</a>',
      '<a href="&#106;avascript:alert(2)">b</a>',
      '[c](javascript:alert(3))',
      '[d](<java\tscript:alert(4)>)',
      '<javascript:alert(5)>',
      '[e](data:text/html,x)',
      '[f](vbscript:msgbox)',
    ].join('\n\n'));
    expect(html).not.toMatch(/href="(?!https?:)/i);
    expect(html).not.toMatch(/href=/i);
    expect(html).toMatchInlineSnapshot(`
      "<p><a>a</a></p>
      <p><a>b</a></p>
      <p><a>c</a></p>
      <p><a>d</a></p>
      <p><a>javascript:alert(5)</a></p>
      <p><a>e</a></p>
      <p><a>f</a></p>"
    `);
  });

  test('iframes, objects, embeds, forms and style are removed', async () => {
    const html = await render([
      '<iframe src="https://www.example.org"></iframe>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<form action="https://x.org"><input name="q"></form>',
      '<style>body { display: none }</style>',
      '<b style="color:red">styled</b>',
    ].join('\n\n'));
    expect(html).not.toMatch(/<(iframe|object|embed|form|input|style)\b|style=/i);
    expect(html).toMatchInlineSnapshot(`
      "
      <p></p>


      <p><b>styled</b></p>"
    `);
  });

  test('comments and images are removed', async () => {
    const html = await render('Text.\n\n<!-- hidden -->\n\n![map](https://x.org/map.png) <img src="https://x.org/a.png">');
    expect(html).not.toMatch(/<!--|<img/i);
    expect(html).toMatchInlineSnapshot(`
      "<p>Text.</p>

      <p> </p>"
    `);
  });

  test('every one of these is also rejected by the validator', () => {
    for (const body of ['<script>x</script>', '<b onclick="x">b</b>', '<a href="javascript:x">a</a>', '[d](<java\tscript:x>)',
      '<javascript:alert(5)>', '<iframe></iframe>', '<style></style>', '<!-- x -->', '<img src="https://x.org/a.png">']) {
      expect(checkBody(body), body).not.toEqual([]);
    }
  });
});

describe('allowed markup survives', () => {
  test('abbreviations, superscripts and links, with rel on external links', async () => {
    const html = await render('The <abbr title="National Resistance Front">NRF</abbr> said x<sup>2</sup>; see [the report](https://www.example.org/report "Report") and [methodology](/methodology/).');
    expect(html).toMatchInlineSnapshot(`"<p>The <abbr title="National Resistance Front">NRF</abbr> said x<sup>2</sup>; see <a href="https://www.example.org/report" title="Report" rel="noopener noreferrer">the report</a> and <a href="/methodology/">methodology</a>.</p>"`);
  });

  test('Markdown itself', async () => {
    const html = await render('## A heading\n\n*em* **strong** `code` ~~del~~\n\n> quote\n\n- item\n\n1. one\n\n```\n<script>shown</script>\n```');
    expect(html).toMatchInlineSnapshot(`
      "<h2 id="user-content-a-heading">A heading</h2>
      <p><em>em</em> <strong>strong</strong> <code>code</code> <del>del</del></p>
      <blockquote>
      <p>quote</p>
      </blockquote>
      <ul>
      <li>item</li>
      </ul>
      <ol>
      <li>one</li>
      </ol>
      <pre><code>&#x3C;script>shown&#x3C;/script>
      </code></pre>"
    `);
  });

  test("headings get ids that cannot collide with the page's own, nor with each other or a footnote", async () => {
    const html = await render('## History heading\n\n## History heading\n\n## fn 1\n\nText.[^1]\n\n[^1]: A note.');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toMatchInlineSnapshot(`
      [
        "user-content-history-heading",
        "user-content-history-heading-1",
        "user-content-fn-1-1",
        "user-content-fnref-1",
        "user-content-footnote-label",
        "user-content-fn-1",
      ]
    `);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id?.startsWith('user-content-'))).toBe(true);
  });

  test('footnote links point at ids that exist', async () => {
    const html = await render('One.[^a] Two.[^b]\n\n[^a]: First.\n[^b]: Second.');
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]));
    const targets = [...html.matchAll(/ (?:href="#|aria-describedby=")([^"]+)"/g)].map((match) => match[1]);
    expect(targets).toHaveLength(6);
    for (const target of targets) expect(ids, target).toContain(target);
  });

  test('every tag the validator allows keeps every attribute the validator allows', async () => {
    const lost: string[] = [];
    for (const [tag, attributes] of Object.entries(RAW_HTML_TAGS)) {
      const value = (name: string) => (name === 'title' ? 'A title' : 'https://www.example.org/');
      const attrs = attributes.map((name) => ` ${name}="${value(name)}"`).join('');
      const source = tag === 'br' ? `one<br${attrs}>two` : `Some <${tag}${attrs}>text</${tag}> here.`;
      expect(checkBody(source), tag).toEqual([]);
      const html = await render(source);
      const element = new RegExp(`<${tag}(?: [^>]*)?>`).exec(html)?.[0];
      const kept = element !== undefined && attributes.every((name) => element.includes(` ${name}="${value(name)}"`))
        && (tag === 'br' || html.includes('text'));
      if (!kept) lost.push(`${tag}: ${source} -> ${html}`);
    }
    expect(lost).toEqual([]);
  });
});
