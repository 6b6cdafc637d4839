/**
 * Bodies are parsed once: the validation pass checks each body and makes its page's HTML
 * from the same tree, in worker threads for a large set. That HTML must be exactly what
 * Astro's Markdown renderer, configured with the content pipeline, makes of the same body,
 * and a worker must give what checking in place gives, or pages would differ with the
 * size of the site.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, test } from 'vitest';
import { PARALLEL_THRESHOLD, checkBodies, checkOneBody, type BodyCache } from '../../src/lib/content/body-checks.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { contentMarkdown } from '../../src/lib/markdown/pipeline.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const BODIES = [
  'Plain *emphasis*, **strong**, `code` and a [link](https://www.example.org/a).',
  '| Province | Districts |\n| --- | --- |\n| Panjshir | 7 |\n\nA GFM table, ~~struck~~ and a bare https://www.example.org/b link.',
  'Raw HTML that is allowed: <abbr title="National Resistance Front">NRF</abbr> and x<sup>2</sup>.',
  '## A heading\n\n> A quotation, "straight quotes" and -- dashes stay as written.\n\n1. one\n2. two\n\n## A heading',
  'A note.[^1] And [a reference][ref].\n\n[^1]: The note, with <q>a quote</q>.\n\n[ref]: https://www.example.org/ref "Title"',
  '<details><summary>More</summary>\n\nHidden *text* &amp; entities &copy; &#x27;.\n\n</details>',
  'متن فارسی: مقاومت در پنجشیر ادامه دارد.',
  '',
];
const REJECTED = 'Raw HTML that is not: <script>alert(1)</script><b onclick="x()">bold</b> <a href="javascript:alert(2)">link</a>.';

let renderer: MarkdownRenderer;
const astroHtml = async (body: string) => (await renderer.render(body)).code;

beforeAll(async () => {
  renderer = await contentMarkdown().createRenderer({ syntaxHighlight: false });
});

describe('a body checked and rendered from one parse', () => {
  test('has the HTML that Astro renders from it with the content pipeline', async () => {
    for (const body of BODIES) {
      const checked = checkOneBody(body, true);
      expect(checked.findings, body).toEqual([]);
      expect(checked.html, body).toBe(await astroHtml(body));
    }
    expect(checkOneBody(BODIES[0]!, true).html).toContain('rel="noopener noreferrer"');
  });

  test('for every body in content/, too', async () => {
    let compared = 0;
    for (const collection of await readdir(join(ROOT, 'content'))) {
      const dir = join(ROOT, 'content', collection);
      for (const name of (await readdir(dir)).filter((file) => file.endsWith('.md'))) {
        const body = splitFrontmatter(await readFile(join(dir, name), 'utf8'))?.body ?? '';
        const checked = checkOneBody(body, true);
        expect(checked.findings, name).toEqual([]);
        expect(checked.html, name).toBe(await astroHtml(body));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 300_000);

  test('has no HTML when the body has findings, and only findings when HTML is not asked for', () => {
    const rejected = checkOneBody(REJECTED, true);
    expect(rejected.findings.length).toBeGreaterThan(0);
    expect(rejected.html).toBeUndefined();
    expect(checkOneBody(BODIES[0]!, false)).toEqual({ findings: [], cpuMilliseconds: expect.any(Number) });
  });
});

describe('checking many bodies', () => {
  const jobs = [...BODIES, REJECTED].map((body, index) => ({ key: `content/claims/body-${index}.md`, body }));
  const withoutTime = (results: Map<string, { cpuMilliseconds: number }>) =>
    new Map([...results].map(([key, { cpuMilliseconds: _, ...result }]) => [key, result]));

  test('gives the same findings and HTML in worker threads as in place', async () => {
    const inWorkers = await checkBodies(jobs, { html: true, workers: true });
    const inPlace = await checkBodies(jobs, { html: true, workers: false });
    expect(inWorkers.size).toBe(jobs.length);
    expect(withoutTime(inWorkers)).toEqual(withoutTime(inPlace));
    expect(inWorkers.get(jobs.at(-1)!.key)?.findings.map((finding) => finding.message)).toContain('<script> is not allowed: content cannot run code, embed pages or restyle the site');
  }, 120_000);

  test('spreads a large batch over the workers and returns every body once', async () => {
    const many = Array.from({ length: PARALLEL_THRESHOLD + 37 }, (_, index) => ({ key: `claim-${index}`, body: `Claim number **${index}**.` }));
    const checked = await checkBodies(many, { html: true });
    expect([...checked.keys()].sort()).toEqual(many.map((job) => job.key).sort());
    expect(checked.get('claim-412')?.html).toBe('<p>Claim number <strong>412</strong>.</p>');
  }, 120_000);

  test('with a cache, checks again only the bodies that changed, and forgets those gone', async () => {
    const cache: BodyCache = new Map();
    const first = await checkBodies(jobs, { html: true, cache });
    expect(cache.size).toBe(new Set(jobs.map((job) => job.body)).size);
    const edited = [{ key: jobs[0]!.key, body: 'An edited body.' }, ...jobs.slice(1, 3)];
    const second = await checkBodies(edited, { html: true, cache });
    expect(second.get(jobs[1]!.key)).toBe(first.get(jobs[1]!.key));
    expect(second.get(jobs[0]!.key)?.html).toBe('<p>An edited body.</p>');
    expect(cache.size).toBe(3);
    // A validate pass (no HTML) never takes a result made without it for one with it.
    expect((await checkBodies(edited, { html: false, cache })).get(jobs[1]!.key)?.html).toBeUndefined();
  });
});
