/**
 * Every problem points at the line to fix: the line of the offending key (list items too),
 * the nearest existing parent for a missing field, the right line of the body.
 * The claim is written out by hand here so that each line number can be read off.
 */
import { describe, expect, test } from 'vitest';
import { CLAIM_FILE, loadFixture, type FileOverride } from './support/content-fixture.ts';

const CLAIM = [
  /*  1 */ '---',
  /*  2 */ '# Comments and blank lines count as lines too.',
  /*  3 */ 'claim: There is intense fighting right now throughout Panjshir.',
  /*  4 */ 'quote: true',
  /*  5 */ 'speaker: ali-maisam-nazary',
  /*  6 */ 'date: 2022-05',
  /*  7 */ '',
  /*  8 */ 'appearances:',
  /*  9 */ '  - source: nysun-liberated-districts',
  /* 10 */ '    quote: true',
  /* 11 */ '    locator: second paragraph',
  /* 12 */ '  - source: nysun-second-report',
  /* 13 */ '    words: Intense fighting throughout Panjshir, he said.',
  /* 14 */ '    quote: false',
  /* 15 */ 'status: unverified',
  /* 16 */ 'summary: >',
  /* 17 */ '  No independent source',
  /* 18 */ '  reported on the fighting.',
  /* 19 */ 'topics: [panjshir]',
  /* 20 */ 'updates:',
  /* 21 */ '  - date: 2026-11-20',
  /* 22 */ '    to: unverified',
  /* 23 */ '    note: First rating.',
  /* 24 */ '---',
  /* 25 */ '',
  /* 26 */ 'Some context.',
];

/** The claim with some of its lines replaced (`null` removes a line, an array adds lines). */
function claimWith(changes: Record<number, string | string[] | null> = {}, eol = '\n'): string {
  return CLAIM.flatMap((line, index) => {
    const change = changes[index + 1];
    return change === undefined ? [line] : change === null ? [] : change;
  }).join(eol);
}

/** Two more sources: the second appearance's, and one older than the first. */
const source = (title: string, published: string): FileOverride =>
  ({ fields: { kind: 'news-report', publisher: 'new-york-sun', title, published, language: 'en' } });

const load = (text: string) => loadFixture({
  [CLAIM_FILE]: { raw: text },
  'sources/nysun-second-report.md': source('Second report', '2022-05-11'),
  'sources/nysun-older-report.md': source('An older report', '2022-05-09'),
});

test('the hand-written claim is valid', async () => {
  expect((await load(claimWith())).lines).toEqual([]);
});

describe('fields', () => {
  test('a top-level key', async () => {
    expect((await load(claimWith({ 15: 'status: verified' }))).lines[0]).toMatch(/^content\/claims\/intense-fighting\.md:15: status: /);
  });

  test('a key in the second list item', async () => {
    const result = await load(claimWith({ 14: '    quote: maybe' }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:14: appearances[1].quote: must be true (the exact words) or false (reported speech), not text "maybe""`);
  });

  test('a key after a value that spans lines', async () => {
    const result = await load(claimWith({ 19: 'topics: [panjshir, panjshir]' }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:19: topics[1]: lists "panjshir" twice"`);
  });

  test('an item of a list written on one line', async () => {
    const result = await load(claimWith({ 19: 'topics: [panjshir, panjshr]' }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:19: topics[1]: unknown topic "panjshr" (did you mean "panjshir"?)"`);
  });

  test('an id in the second list item, from the cross-file rules', async () => {
    const result = await load(claimWith({ 12: '  - source: nysun-second-reportt' }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:12: appearances[1].source: unknown source "nysun-second-reportt" (did you mean "nysun-second-report" or "nysun-older-report" or "nysun-liberated-districts"?)"`);
  });

  test('a consistency rule across two list items', async () => {
    const result = await load(claimWith({ 12: '  - source: nysun-older-report' }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:12: appearances[1].source: "nysun-older-report" is dated 2022-05-09, before the appearance listed above it (2022-05-10) (list appearances oldest first; the first is the first appearance)"`);
  });

  test('a list written as one-line groups', async () => {
    const result = await load(claimWith({ 20: ['updates:'], 21: '  - { date: 2026-11-20, to: unverified, note: First. }', 22: '  - { date: 2026-11-21, from: unverified, to: disputed, note: Second. }', 23: null }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:22: updates[1].to: the latest update ends at "disputed" but status is "unverified" (add an update with from: disputed and to: unverified, or correct status)"`);
  });
});

describe('missing fields', () => {
  test('a missing key in a list item points at the item', async () => {
    const result = await load(claimWith({ 12: '  - words: Intense fighting throughout Panjshir, he said.', 13: null }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:12: appearances[1].source: is required (e.g. source: nysun-resistance-liberated-districts-north-panjshir)"`);
  });

  test('a missing top-level key points at the first line of the frontmatter', async () => {
    const result = await load(claimWith({ 5: null }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:2: speaker: is required (e.g. speaker: ali-maisam-nazary)"`);
  });

  test('an empty list points at its key', async () => {
    const result = await load(claimWith({ 19: 'topics: []' }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:19: topics: needs at least one topic"`);
  });
});

describe('body', () => {
  test('body problems are counted from the top of the file', async () => {
    const result = await load(claimWith({
      26: [
        /* 26 */ 'Some context.',
        /* 27 */ '',
        /* 28 */ '```html',
        /* 29 */ '<script>shown as code, fine</script>',
        /* 30 */ '```',
        /* 31 */ '',
        /* 32 */ 'A <script>alert(1)</script> here,',
        /* 33 */ 'and [a link](javascript:alert(1)) there.',
      ],
    }));
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:32: <script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)
      content/claims/intense-fighting.md:33: javascript: links are not allowed (link with https://)"
    `);
  });

  test('Windows line endings do not shift lines', async () => {
    const result = await load(claimWith({ 14: '    quote: maybe', 26: ['Some context.', '', '<iframe src="https://x.org"></iframe>'] }, '\r\n'));
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:14: appearances[1].quote: must be true (the exact words) or false (reported speech), not text "maybe"
      content/claims/intense-fighting.md:28: <iframe> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)"
    `);
  });

  test('a body right after the closing line starts on that next line', async () => {
    const result = await load(claimWith({ 25: '<!-- first body line -->' }));
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:25: HTML comments are removed from the page (put notes for reviewers in the pull request, or in the text)"`);
  });
});
