/**
 * One rule set (issue 9): `npm run new` checks the file it would write with validate's own
 * checks and cross-file rules (`newFileChecker`), so a rule added once binds both, and a file
 * written with every flag validates. Flags and answers come from the questions themselves.
 */
import { describe, expect, test } from 'vitest';
import { loadContent, newFileChecker } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { RULES, type Rule } from '../../src/lib/content/rules.ts';
import { QUESTIONS, buildFields, checkAnswers, renderFile, type Answers } from '../../src/cli/new/fields.ts';
import { TODAY, writeFixture } from './support/content-fixture.ts';

/** An answer for every question of a claim, from ids the base fixture has. */
const EVERY_ANSWER: Answers = {
  speaker: 'ali-maisam-nazary', claim: 'The valley is quiet.', quote: true, date: '2022-05', outlet: 'new-york-sun',
  headline: 'A Quiet Valley', published: '2022-05-10', url: 'https://www.nysun.com/article/quiet', status: 'unverified',
  summary: 'No one else has reported on it.', topic: ['panjshir'],
};

describe('one rule set for validate and npm run new', () => {
  test('the test answers every question a claim asks', () => {
    expect(Object.keys(EVERY_ANSWER).sort()).toEqual(QUESTIONS.claim.map((question) => question.key).sort());
  });

  test('a claim made from every answer passes validate, and new finds nothing in it', async () => {
    const fixture = await writeFixture({ 'claims/quiet-valley.md': { raw: renderFile('claim', buildFields('claim', EVERY_ANSWER, TODAY)) } });
    const result = await loadContent({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.entries.claims.has('quiet-valley')).toBe(true);
    const check = await newFileChecker({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY });
    const known = { ids: { claims: new Set<string>(), people: new Set<string>(), outlets: new Set<string>(), topics: new Set<string>() }, organisations: new Set<string>(), check };
    expect(checkAnswers('claim', EVERY_ANSWER, known, TODAY)).toEqual([]);
  });

  test('a rule added once is enforced by both', async () => {
    const quietRule: Rule = ({ parsed }) => parsed.flatMap((entry) => {
      const claim = (entry.data as Record<string, unknown>)['claim'];
      return typeof claim === 'string' && claim.includes('quiet')
        ? [{ entry, path: ['claim'], message: 'says "quiet"', hint: 'a rule added for this test' }] : [];
    });
    const rules = [...RULES, quietRule];
    const fixture = await writeFixture({ 'claims/quiet-valley.md': { raw: renderFile('claim', buildFields('claim', EVERY_ANSWER, TODAY)) } });
    const validated = await loadContent({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY, rules });
    expect(validated.problems.map(formatProblem).map((line) => line.replace(fixture.root, '<tmp>'))).toMatchInlineSnapshot(`
      [
        "content/claims/quiet-valley.md:6: claim: says "quiet" (a rule added for this test)",
      ]
    `);

    const check = await newFileChecker({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY, rules });
    const known = { ids: { claims: new Set<string>(), people: new Set<string>(), outlets: new Set<string>(), topics: new Set<string>() }, organisations: new Set<string>(), check };
    expect(checkAnswers('claim', { ...EVERY_ANSWER, claim: 'Quiet? The valley is quiet now.' }, known, TODAY)).toMatchInlineSnapshot(`
      [
        {
          "field": "claim",
          "key": "claim",
          "message": "says "quiet" (a rule added for this test)",
        },
      ]
    `);
  });
});
