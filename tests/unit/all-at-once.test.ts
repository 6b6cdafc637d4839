/**
 * One run reports every problem in every file, never just the first, sorted by file and
 * line: a contributor fixes everything in one go instead of one error per push.
 */
import { expect, test } from 'vitest';
import type { Problem } from '../../src/lib/content/problems.ts';
import {
  CLAIM_FILE,
  OUTLET_FILE,
  SPEAKER_FILE,
  claimFields,
  contentFile,
  loadFixture,
} from './support/content-fixture.ts';

test('every problem in every file, in one run, sorted by file then line', async () => {
  const result = await loadFixture({
    // Schema errors, unknown ids, a consistency rule, a future date and a body problem.
    [CLAIM_FILE]: {
      fields: {
        speaker: 'ali-maisam-nazari',
        date: '2027-01',
        status: 'verified',
        topics: ['panjshir', 'taliban-takeover'],
        related: [{ claim: 'intense-fighting', type: 'context' }],
        verdict: 'false',
      },
      body: 'Context.\n\n<script>alert(1)</script>\n',
    },
    [SPEAKER_FILE]: { fields: { kind: 'politican', affiliation: 'nrf' } },
    [OUTLET_FILE]: { fields: { homepage: 'http://www.nysun.com', country: 'USA' } },
    'claims/Taliban Denial.md': { fields: { ...claimFields(), summary: 'TODO', outlet: 'new-york-sun' } },
    'claims/draft.mdx': { raw: contentFile(claimFields()) },
    'topics/kabul.md': { raw: '---\ntitle: Kabul\n description: x\n---\n' },
  });

  expect(result.report).toMatchInlineSnapshot(`
    "content/claims/draft.mdx:1: MDX is not allowed in contributed content (rename it to .md: claims, people, outlets, topics, measures and places are plain Markdown, never compiled as code)
    content/claims/intense-fighting.md:4: speaker: unknown person "ali-maisam-nazari" (did you mean "ali-maisam-nazary"?)
    content/claims/intense-fighting.md:5: date: 2027-01 is in the future (today is 2026-11-21)
    content/claims/intense-fighting.md:9: appearances[0].date: 2022-05-10 is before the claim was said (2027-01) (an article cannot report a claim before it was made; check both dates)
    content/claims/intense-fighting.md:10: status: "verified" is not an allowed value (did you mean "unverified"? allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)
    content/claims/intense-fighting.md:14: topics[1]: unknown topic "taliban-takeover" (closest known: panjshir, kabul; or add content/topics/taliban-takeover.md)
    content/claims/intense-fighting.md:20: related[0].claim: is this claim itself (a link joins two different claims)
    content/claims/intense-fighting.md:22: verdict: is not a field this file can have (fields: claim, quote, speaker, date, appearances, status, summary, topics, places, evidence, updates, related, figures, forecast, language, original)
    content/claims/intense-fighting.md:27: <script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)
    content/claims/Taliban Denial.md: file name "Taliban Denial.md" is not a valid id (rename it to taliban-denial.md: lowercase letters, digits and hyphens)
    content/claims/Taliban Denial.md:11: summary: is still a placeholder: "TODO" (fill it in)
    content/claims/Taliban Denial.md:18: outlet: is not a field this file can have (fields: claim, quote, speaker, date, appearances, status, summary, topics, places, evidence, updates, related, figures, forecast, language, original)
    content/outlets/new-york-sun.md:4: homepage: must be a full https:// link (e.g. https://www.example.org/article)
    content/outlets/new-york-sun.md:5: country: "USA" is not a country code (write the two-letter ISO 3166 code in capitals, e.g. US, GB or AE)
    content/people/ali-maisam-nazary.md:3: kind: "politican" is not an allowed value (allowed: person, organisation, unnamed)
    content/people/ali-maisam-nazary.md:5: affiliation: unknown person "nrf" (closest known: ali-maisam-nazary, national-resistance-front; or add content/people/nrf.md)
    content/topics/kabul.md:3: the frontmatter is not valid YAML: bad indentation of a mapping entry (a value containing ": " or starting with a quote mark must be in quotes, e.g. headline: "Afghan Resistance: A Report")"
  `);

  // Sorted by file, then by line within a file.
  const order = (a: Problem, b: Problem) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
  expect([...result.problems].sort(order)).toEqual(result.problems);

  // The claim has schema errors and still gets its unknown-id errors.
  const claimProblems = result.problems.filter((problem) => problem.file === `content/${CLAIM_FILE}`);
  expect(claimProblems.map((problem) => problem.field)).toEqual(
    expect.arrayContaining(['status', 'verdict', 'speaker', 'topics[1]', 'date', 'related[0].claim']),
  );
  expect(claimProblems.find((problem) => problem.field === 'speaker')?.message).toBe('unknown person "ali-maisam-nazari"');

  // No file with a problem is handed to the site; the untouched topic is.
  expect(result.entries.claims.size).toBe(0);
  expect(result.entries.people.size).toBe(1);
  expect(result.entries.outlets.size).toBe(0);
  expect([...result.entries.topics.keys()]).toEqual(['panjshir']);
});

test('a file that is fixed no longer appears, and the others are unchanged', async () => {
  const broken = { kind: 'politican', affiliation: 'nrf' };
  const before = await loadFixture({ [SPEAKER_FILE]: { fields: broken }, [OUTLET_FILE]: { fields: { country: 'USA' } } });
  const after = await loadFixture({ [OUTLET_FILE]: { fields: { country: 'USA' } } });
  expect(before.lines.filter((line) => line.startsWith(`content/${SPEAKER_FILE}`))).toHaveLength(2);
  expect(after.lines).toEqual(before.lines.filter((line) => !line.startsWith(`content/${SPEAKER_FILE}`)));
});
