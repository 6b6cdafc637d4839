/**
 * Hostile and broken content, as it could arrive in a pull request. Each file in
 * tests/fixtures/hostile/ is added to a small valid content tree in a temporary folder
 * (tests/unit/support/content-fixture.ts) and run through the one validation pass, and the
 * test records:
 *
 * - the exact lines `npm run validate` prints for it (the first line of defence: the build
 *   fails on any of them, and the file never reaches a page);
 * - where the build's sanitizer applies (the second line, for a body that somehow got
 *   past validation), the HTML the same body becomes: the dangerous part gone, the text kept.
 *
 * Nothing here times the validator: the tests' timeouts stop one that stalls, and the size
 * cases prove it finishes on input that once took minutes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { loadContent, type LoadedContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { contentMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { writeFixture } from './support/content-fixture.ts';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(PROJECT, 'tests/fixtures/hostile');
const TODAY = '2026-11-21';

interface HostileCase {
  /** What the file tries. */
  name: string;
  /** The fixture in tests/fixtures/hostile/. */
  fixture: string;
  /** Where it is added, under content/. */
  file: string;
  /** Every line validate prints (the content tree it is added to is valid); none for harmless text. */
  problems: string[];
  /**
   * The fixture's body after the build's Markdown pipeline, when the danger is in the body;
   * null when it is in the frontmatter or the file name, where the sanitizer has no part.
   */
  rendered: string | null;
  /** What must not survive rendering. */
  dangerous?: RegExp;
  /** Text that must survive it. */
  kept?: string;
}

const BLOCKED = 'is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)';
const ALLOWED_TAGS = 'use Markdown, or one of: a, abbr, b, blockquote, br, code, del, details, em, i, ins, kbd, q, s, strong, sub, summary, sup';
const BIDI = 'delete it: it can make the text display differently from what it says';
const ALIAS = 'the frontmatter uses a YAML anchor or alias (&name, *name) (write every value out in full: content files use no YAML anchors or aliases)';

// The fixtures share one valid claim's frontmatter (lines 1-17); the body starts on line 19.
const CASES: HostileCase[] = [
  {
    name: '<script>',
    fixture: 'script-tag.md',
    file: 'claims/hostile-script.md',
    problems: [`content/claims/hostile-script.md:21: <script> ${BLOCKED}`],
    rendered: '<p>The NRF said so.</p>\n\n<p>More text.</p>',
    dangerous: /<script|document\.cookie|evil\.example/,
    kept: 'More text.',
  },
  {
    name: '<iframe>',
    fixture: 'iframe.md',
    file: 'claims/hostile-iframe.md',
    problems: [`content/claims/hostile-iframe.md:21: <iframe> ${BLOCKED}`],
    rendered: '<p>The NRF said so.</p>\n',
    dangerous: /<iframe|evil\.example/,
    kept: 'The NRF said so.',
  },
  {
    name: '<style>',
    fixture: 'style-tag.md',
    file: 'claims/hostile-style.md',
    problems: [`content/claims/hostile-style.md:21: <style> ${BLOCKED}`],
    // The element goes with its contents, as <script> does.
    rendered: '<p>The NRF said so.</p>\n',
    dangerous: /<style/,
    kept: 'The NRF said so.',
  },
  {
    name: 'style= attribute',
    fixture: 'style-attribute.md',
    file: 'claims/hostile-style-attribute.md',
    problems: ['content/claims/hostile-style-attribute.md:19: style attributes are not allowed (remove it; the site styles content itself)'],
    rendered: '<p>The <b>NRF</b> said so.</p>',
    dangerous: /style=|position:fixed/,
    kept: '<b>NRF</b> said so',
  },
  {
    name: 'onclick, onmouseover and onerror handlers',
    fixture: 'event-handlers.md',
    file: 'claims/hostile-handlers.md',
    problems: [
      'content/claims/hostile-handlers.md:19: event-handler attribute onclick is not allowed (content cannot run code; remove it)',
      'content/claims/hostile-handlers.md:19: event-handler attribute onmouseover is not allowed (content cannot run code; remove it)',
      'content/claims/hostile-handlers.md:21: event-handler attribute onerror is not allowed (content cannot run code; remove it)',
    ],
    rendered: '<p>The <b>NRF</b> said so, in <a href="https://www.nysun.com/" rel="noopener noreferrer">the Sun</a>.</p>\n'
      + '<p><abbr title="National Resistance Front">NRF</abbr></p>',
    dangerous: /\bon[a-z]+=|alert/,
    kept: 'the Sun</a>',
  },
  {
    name: 'javascript: href in HTML',
    fixture: 'javascript-html-href.md',
    file: 'claims/hostile-js-href.md',
    problems: ['content/claims/hostile-js-href.md:19: javascript: URLs are not allowed (link with https://)'],
    rendered: '<p>Read <a>the report</a>.</p>',
    dangerous: /href|javascript/,
    kept: 'the report',
  },
  {
    name: 'javascript: in a Markdown link',
    fixture: 'javascript-markdown-link.md',
    file: 'claims/hostile-js-link.md',
    problems: ['content/claims/hostile-js-link.md:19: javascript: links are not allowed (link with https://)'],
    rendered: '<p>Read <a>the report</a>.</p>',
    dangerous: /href|javascript/,
    kept: 'the report',
  },
  {
    name: 'data: URL',
    fixture: 'data-url.md',
    file: 'claims/hostile-data-url.md',
    problems: ['content/claims/hostile-data-url.md:19: data: links are not allowed (link with https://)'],
    rendered: '<p>Read <a>the report</a>.</p>',
    dangerous: /href|data:/,
    kept: 'the report',
  },
  {
    name: 'entity-encoded javascript:, in HTML and in Markdown',
    fixture: 'entity-encoded-javascript.md',
    file: 'claims/hostile-entities.md',
    problems: [
      'content/claims/hostile-entities.md:19: javascript: URLs are not allowed (link with https://)',
      'content/claims/hostile-entities.md:21: javascript: links are not allowed (link with https://)',
    ],
    rendered: '<p>Read <a>the report</a>.</p>\n<p>Or <a>the summary</a>.</p>',
    dangerous: /href|javascript|&#/,
    kept: 'the summary',
  },
  {
    // Content is never compiled as MDX: these are lines of text, and shown as such.
    name: 'MDX import',
    fixture: 'mdx-import.md',
    file: 'claims/hostile-import.md',
    problems: [],
    // Plain Markdown: the line is a paragraph of text, never a module import.
    rendered: "<p>import fs from 'node:fs'</p>\n<p>The NRF said so.</p>",
    kept: 'The NRF said so.',
  },
  {
    name: 'MDX export',
    fixture: 'mdx-export.md',
    file: 'claims/hostile-export.md',
    problems: [],
    rendered: '<p>The NRF said so.</p>\n<p>export const stolen = process.env</p>',
    kept: 'The NRF said so.',
  },
  {
    name: '{expression}',
    fixture: 'mdx-expression.md',
    file: 'claims/hostile-expression.md',
    problems: [],
    rendered: '<p>The NRF said so {process.exit(1)}.</p>',
    kept: 'The NRF said so',
  },
  {
    name: 'an .mdx file in content/claims',
    fixture: 'mdx-file.mdx',
    file: 'claims/hostile-mdx.mdx',
    problems: ['content/claims/hostile-mdx.mdx:1: MDX is not allowed in contributed content (rename it to .md: claims, people, outlets, topics, measures and places are plain Markdown, never compiled as code)'],
    // Never read as content at all; were its body rendered, it would be text.
    rendered: "<p>import fs from 'node:fs'</p>\n<p>{fs.writeFileSync('pwned', 'x')}</p>",
    kept: 'writeFileSync',
  },
  {
    name: 'HTML comment',
    fixture: 'html-comment.md',
    file: 'claims/hostile-comment.md',
    problems: ['content/claims/hostile-comment.md:21: HTML comments are removed from the page (put notes for reviewers in the pull request, or in the text)'],
    rendered: '<p>The NRF said so.</p>\n',
    dangerous: /<!--|merge without reading/,
    kept: 'The NRF said so.',
  },
  {
    name: '<img> (with onerror)',
    fixture: 'img.md',
    file: 'claims/hostile-img.md',
    problems: [`content/claims/hostile-img.md:21: <img> is not an allowed HTML tag (${ALLOWED_TAGS})`],
    rendered: '<p>The NRF said so.</p>\n',
    dangerous: /<img|onerror|evil\.example/,
    kept: 'The NRF said so.',
  },
  {
    name: 'unknown tags',
    fixture: 'unknown-tag.md',
    file: 'claims/hostile-unknown-tag.md',
    problems: [
      `content/claims/hostile-unknown-tag.md:21: <marquee> is not an allowed HTML tag (${ALLOWED_TAGS})`,
      `content/claims/hostile-unknown-tag.md:21: <x-widget> is not an allowed HTML tag (${ALLOWED_TAGS})`,
    ],
    rendered: '<p>The NRF said so.</p>\n<p>Breaking w</p>',
    dangerous: /<marquee|<x-widget|data-x/,
    kept: 'Breaking w',
  },
  {
    name: 'http:// (not https) in a frontmatter url',
    fixture: 'http-url.md',
    file: 'claims/hostile-http.md',
    problems: ['content/claims/hostile-http.md:10: appearances[0].url: must be a full https:// link (e.g. https://www.example.org/article)'],
    rendered: null,
  },
  {
    // Nine lines that js-yaml reads in microseconds as shared references, but that expand to
    // 9^9 strings for anything walking the data: it took validate a minute before the check.
    name: 'YAML bomb: nested anchors and aliases',
    fixture: 'yaml-bomb.md',
    file: 'claims/hostile-yaml-bomb.md',
    problems: [`content/claims/hostile-yaml-bomb.md:18: ${ALIAS}`],
    rendered: null,
  },
  {
    name: 'an alias reusing one field as another',
    fixture: 'yaml-alias-field.md',
    file: 'claims/hostile-alias.md',
    problems: [`content/claims/hostile-alias.md:17: ${ALIAS}`],
    rendered: null,
  },
  {
    name: 'a file name with a shell command substitution',
    fixture: 'bad-file-name.md',
    file: 'claims/$(touch pwned).md',
    problems: ['content/claims/$(touch pwned).md: file name "$(touch pwned).md" is not a valid id (rename it to touch-pwned.md: lowercase letters, digits and hyphens)'],
    rendered: null,
  },
  {
    name: 'a file name with a shell command separator',
    fixture: 'bad-file-name.md',
    file: 'claims/a;b.md',
    problems: ['content/claims/a;b.md: file name "a;b.md" is not a valid id (rename it to a-b.md: lowercase letters, digits and hyphens)'],
    rendered: null,
  },
  {
    name: 'a file name with a space',
    fixture: 'bad-file-name.md',
    file: 'claims/my claim.md',
    problems: ['content/claims/my claim.md: file name "my claim.md" is not a valid id (rename it to my-claim.md: lowercase letters, digits and hyphens)'],
    rendered: null,
  },
  {
    // "took three districts ‮.enoN‬" displays as "took three districts None." in the diff.
    name: 'bidirectional override characters in the claim and the body',
    fixture: 'bidi-override.md',
    file: 'claims/hostile-bidi.md',
    problems: [
      `content/claims/hostile-bidi.md:2: claim: contains an invisible bidirectional control character (U+202E RIGHT-TO-LEFT OVERRIDE) at character 37 (${BIDI})`,
      `content/claims/hostile-bidi.md:19: contains an invisible bidirectional control character (U+2067 RIGHT-TO-LEFT ISOLATE) at column 14 (${BIDI})`,
    ],
    // The sanitizer keeps them: they are text to it. Validation is the only defence here.
    rendered: '<p>The NRF said \u2067so\u2069.</p>',
    kept: 'The NRF said',
  },
  {
    name: 'a duplicate id in a subfolder',
    fixture: 'duplicate-person.md',
    file: 'people/nrf/ali-maisam-nazary.md',
    problems: [
      'content/people/ali-maisam-nazary.md: id "ali-maisam-nazary" is also used by content/people/nrf/ali-maisam-nazary.md (ids are file names and must be unique within a collection; rename one)',
      'content/people/nrf/ali-maisam-nazary.md: id "ali-maisam-nazary" is also used by content/people/ali-maisam-nazary.md (ids are file names and must be unique within a collection; rename one)',
    ],
    rendered: null,
  },
];

const temporary: string[] = [];
let renderer: MarkdownRenderer;

/** A fresh valid content tree in a temporary project root. */
async function copyContent(): Promise<string> {
  const { root } = await writeFixture();
  temporary.push(root);
  return root;
}

async function addFile(root: string, file: string, text: string): Promise<void> {
  const path = join(root, 'content', file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

const load = (root: string) => loadContent({ root, contentDir: join(root, 'content'), today: TODAY });

/** The problems as printed. */
function newLines(content: LoadedContent, root: string): string[] {
  return content.problems.map((problem) => formatProblem(problem).replaceAll(root, '<tmp>'));
}

const render = async (markdown: string) => (await renderer.render(markdown)).code;

beforeAll(async () => {
  // The options astro.config.mjs gives the processor.
  renderer = await contentMarkdown().createRenderer({ syntaxHighlight: false });
  // The tree each file is added to has no problems of its own.
  const root = await copyContent();
  expect(newLines(await load(root), root)).toEqual([]);
});

afterAll(async () => {
  await Promise.all(temporary.map((root) => rm(root, { recursive: true, force: true })));
});

describe('hostile content files', () => {
  test.each(CASES)('$name', async ({ fixture, file, problems, rendered, dangerous, kept }) => {
    const root = await copyContent();
    const text = await readFile(join(FIXTURES, fixture), 'utf8');
    await addFile(root, file, text);

    const content = await load(root);
    expect(newLines(content, root)).toEqual(problems);

    // A file with a problem never becomes an entry, so no page is built from it.
    const [collection = '', ...rest] = file.split('/');
    const id = rest.join('/').replace(/^.*\//, '').replace(/\.mdx?$/, '');
    const entries = content.entries[collection as keyof LoadedContent['entries']] as Map<string, unknown>;
    expect(entries.has(id)).toBe(problems.length === 0);

    if (rendered === null) return;
    const html = await render(splitFrontmatter(text)?.body ?? '');
    expect(html).toBe(rendered);
    if (dangerous) expect(html).not.toMatch(dangerous);
    if (kept) expect(html).toContain(kept);
  });

  test('every fixture is used', async () => {
    const { readdir } = await import('node:fs/promises');
    const fixtures = (await readdir(FIXTURES)).sort();
    expect(fixtures).toEqual([...new Set(CASES.map((hostile) => hostile.fixture))].sort());
  });
});

describe('file names never reach a shell', () => {
  test('npm run validate on "$(touch pwned).md" and "a;b.md" reports them and runs nothing', async () => {
    const root = await copyContent();
    const text = await readFile(join(FIXTURES, 'bad-file-name.md'), 'utf8');
    await addFile(root, 'claims/$(touch pwned).md', text);
    await addFile(root, 'claims/a;b.md', text);
    await addFile(root, 'claims/`touch pwned2`.md', text);
    const result = spawnSync(process.execPath, [join(PROJECT, 'src/cli/validate.ts'), '--content', 'content'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: 'true' },
      timeout: 90_000,
    });
    expect(result.status).toBe(1);
    const ours = result.stderr.split('\n').filter((line) => line.includes('file name'));
    expect(ours).toEqual([
      'content/claims/`touch pwned2`.md: file name "`touch pwned2`.md" is not a valid id (rename it to touch-pwned2.md: lowercase letters, digits and hyphens)',
      'content/claims/$(touch pwned).md: file name "$(touch pwned).md" is not a valid id (rename it to touch-pwned.md: lowercase letters, digits and hyphens)',
      'content/claims/a;b.md: file name "a;b.md" is not a valid id (rename it to a-b.md: lowercase letters, digits and hyphens)',
    ]);
    // The GitHub annotation escapes the name as data, too.
    expect(result.stdout).toContain('::error file=content/claims/$(touch pwned).md::file name "$(touch pwned).md" is not a valid id');
    for (const dir of [root, join(root, 'content'), join(root, 'content/claims'), PROJECT]) {
      expect(existsSync(join(dir, 'pwned')), dir).toBe(false);
      expect(existsSync(join(dir, 'pwned2')), dir).toBe(false);
    }
  });
});

describe('size', () => {
  const frontmatter = async () => {
    const text = await readFile(join(FIXTURES, 'bad-file-name.md'), 'utf8');
    return text.slice(0, text.indexOf('\n---\n') + 5);
  };

  test('a long claim within the limits is read whole, and a late <script> is found on its line', async () => {
    const root = await copyContent();
    const paragraph = 'The resistance said it had taken three districts, and the Taliban denied it. '.repeat(6);
    const body = Array.from({ length: 190 }, (_, index) => `Paragraph ${index + 1}. ${paragraph}`).join('\n\n');
    const text = `${await frontmatter()}\n${body}\n\n<script>alert(1)</script>\n`;
    expect(text.length).toBeGreaterThan(90_000);
    await addFile(root, 'claims/hostile-huge.md', text);
    const scriptLine = text.split('\n').indexOf('<script>alert(1)</script>') + 1;
    expect(newLines(await load(root), root)).toEqual([`content/claims/hostile-huge.md:${scriptLine}: <script> ${BLOCKED}`]);
    expect(scriptLine).toBe(399);

    const html = await render(`${body}\n\n<script>alert(1)</script>\n`);
    expect(html).not.toMatch(/<script|alert/);
    expect(html).toContain('<p>Paragraph 190. The resistance said');
  });

  test('a problem on every line of a long body is found on each line', async () => {
    const root = await copyContent();
    const lines = 5_000;
    await addFile(root, 'claims/hostile-many.md', `${await frontmatter()}\n${'<u>x</u>\n'.repeat(lines)}`);
    const found = newLines(await load(root), root);
    expect(found).toHaveLength(lines);
    expect(found.at(0)).toBe(`content/claims/hostile-many.md:19: <u> is not an allowed HTML tag (${ALLOWED_TAGS})`);
    expect(found.at(-1)).toMatch(new RegExp(`^content/claims/hostile-many\\.md:${18 + lines}: <u> is not`));
  });

  test('a frontmatter of 2,000 unknown fields is reported field by field', async () => {
    // Before each map's keys were indexed, finding the line of every unknown field took minutes.
    const root = await copyContent();
    const fields = Array.from({ length: 2_000 }, (_, index) => `field${index}: x`).join('\n');
    const text = (await frontmatter()).replace(/\n---\n$/, `\n${fields}\n---\n`);
    await addFile(root, 'claims/hostile-fields.md', text);
    const found = newLines(await load(root), root);
    expect(found).toHaveLength(2_000);
    expect(found.at(-1)).toMatch(/^content\/claims\/hostile-fields\.md:2016: field1999: is not a field this file can have/);
  });
});
