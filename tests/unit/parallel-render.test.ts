/**
 * Large builds render Markdown bodies in worker threads. The HTML must be exactly what
 * the content pipeline makes in place, or pages would differ with
 * the size of the site.
 */
import { describe, expect, test } from 'vitest';
import { PARALLEL_THRESHOLD, renderInWorkers } from '../../src/lib/markdown/parallel.ts';
import { contentMarkdown } from '../../src/lib/markdown/pipeline.ts';

const BODIES = [
  'Plain *emphasis*, **strong**, `code` and a [link](https://www.example.org/a).',
  '| Province | Districts |\n| --- | --- |\n| Panjshir | 7 |\n\nA GFM table, ~~struck~~ and a bare https://www.example.org/b link.',
  'Raw HTML that is allowed: <abbr title="National Resistance Front">NRF</abbr> and x<sup>2</sup>.',
  'Raw HTML that is not: <script>alert(1)</script><b onclick="x()">bold</b> <a href="javascript:alert(2)">link</a>.',
  '## A heading\n\n> A quotation, "straight quotes" and -- dashes stay as written.\n\n1. one\n2. two',
  'متن فارسی: مقاومت در پنجشیر ادامه دارد.',
];

describe('rendering Markdown bodies in worker threads', () => {
  test('gives the same HTML as the configured processor rendering in place', async () => {
    const renderer = await contentMarkdown().createRenderer({ syntaxHighlight: false });
    const jobs = BODIES.map((body, index) => ({ id: `body-${index}`, body, fileURL: `file:///content/claims/body-${index}.md` }));
    const inWorkers = await renderInWorkers(jobs, { syntaxHighlight: false });
    expect(inWorkers.size).toBe(BODIES.length);
    for (const job of jobs) {
      const inPlace = await renderer.render(job.body, { frontmatter: {}, fileURL: new URL(job.fileURL) });
      expect(inWorkers.get(job.id)?.html, job.body).toBe(inPlace.code);
    }
    // The sanitizer runs in the workers too, and quotes are not rewritten.
    const hostile = inWorkers.get('body-3')?.html ?? '';
    expect(hostile).not.toMatch(/<script|onclick|javascript:/);
    expect(inWorkers.get('body-4')?.html).toContain('"straight quotes" and -- dashes');
  });

  test('spreads a large batch over the workers and returns every body once', async () => {
    const jobs = Array.from({ length: PARALLEL_THRESHOLD + 37 }, (_, index) => ({
      id: `claim-${index}`, body: `Claim number **${index}**.`, fileURL: `file:///content/claims/claim-${index}.md`,
    }));
    const rendered = await renderInWorkers(jobs, { syntaxHighlight: false });
    expect([...rendered.keys()].sort()).toEqual(jobs.map((job) => job.id).sort());
    expect(rendered.get('claim-412')?.html).toBe('<p>Claim number <strong>412</strong>.</p>');
  });
});
