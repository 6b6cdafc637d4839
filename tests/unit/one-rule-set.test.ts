/**
 * One rule set (issue 9): `npm run new` checks the file it would write with validate's own
 * checks and cross-file rules (`newFileChecker`), so a rule added once binds both, and a file
 * written with every flag validates. Flags and answers come from the questions themselves,
 * for every kind `npm run new` writes: a collection added without answers here fails the test.
 */
import { describe, expect, test } from 'vitest';
import type { CollectionName } from '../../src/schemas/common.ts';
import { loadContent, newFileChecker, type NewFileCheck } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { RULES, type Rule } from '../../src/lib/content/rules.ts';
import { KINDS, QUESTIONS, buildFields, checkAnswers, renderFile, type Answers, type Kind, type Known } from '../../src/cli/new/fields.ts';
import { TODAY, writeFixture } from './support/content-fixture.ts';

/** An answer for every question of every kind, from ids the base fixture has; the answer QUIET_KEY names says "quiet". */
const EVERY_ANSWER: Record<Kind, Answers> = {
  claim: {
    speaker: 'ali-maisam-nazary', claim: 'The valley is quiet.', quote: true, date: '2022-05', outlet: 'new-york-sun',
    headline: 'A Quiet Valley', published: '2022-05-10', url: 'https://www.nysun.com/article/quiet', status: 'unverified',
    summary: 'No one else has reported on it.', topic: ['panjshir'],
  },
  person: { name: 'Quiet Valley Watch', kind: 'person', role: 'Spokesman', affiliation: 'national-resistance-front' },
  outlet: { name: 'The Quiet Valley Times', kind: 'newspaper', homepage: 'https://www.nysun.com', country: 'US' },
  topic: { title: 'Quiet valleys', description: 'Claims about valleys where no fighting is reported.' },
  measure: { title: 'Quiet valleys', definition: 'Valleys where no fighting was reported in the month the figure refers to.', unit: 'valleys' },
  place: { name: 'Quiet Valley', kind: 'district', parent: 'panjshir-province', alias: ['Quiet Vale', 'Qwiet Valley'] },
};

/** The text answer each kind's rule test looks at. */
const QUIET_KEY: Record<Kind, string> = { claim: 'claim', person: 'name', outlet: 'name', topic: 'title', measure: 'title', place: 'name' };

const KIND_NAMES = Object.keys(KINDS) as Kind[];

/** The places a new place can lie in: the base fixture has none. */
const PLACES = {
  'places/afghanistan.md': { fields: { name: 'Afghanistan', kind: 'country' } },
  'places/panjshir-province.md': { fields: { name: 'Panjshir', kind: 'province', parent: 'afghanistan' } },
};

/** The file a kind's every answer makes, written into a fresh copy of the base fixture. */
async function fixtureWith(kind: Kind) {
  const name = `${KINDS[kind]}/quiet-valley.md`;
  return writeFixture({ ...PLACES, [name]: { raw: renderFile(kind, buildFields(kind, EVERY_ANSWER[kind], TODAY)) } });
}

/** What `npm run new` knows, around a check: the ids only offer names, the check decides. */
function knownWith(check: NewFileCheck): Known {
  const ids = Object.fromEntries(Object.values(KINDS).map((collection) => [collection, new Set<string>()])) as Record<CollectionName, Set<string>>;
  return { ids, organisations: new Set<string>(), check };
}

describe('one rule set for validate and npm run new', () => {
  test('the test answers every question of every kind', () => {
    expect(Object.keys(EVERY_ANSWER).sort()).toEqual([...KIND_NAMES].sort());
    for (const kind of KIND_NAMES) {
      expect(Object.keys(EVERY_ANSWER[kind]).sort(), kind).toEqual(QUESTIONS[kind].map((question) => question.key).sort());
    }
  });

  test.each(KIND_NAMES)('a %s made from every answer passes validate, and new finds nothing in it', async (kind) => {
    const fixture = await fixtureWith(kind);
    const result = await loadContent({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.entries[KINDS[kind]].has('quiet-valley')).toBe(true);
    const check = await newFileChecker({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY });
    expect(checkAnswers(kind, EVERY_ANSWER[kind], knownWith(check), TODAY)).toEqual([]);
  });

  test.each(KIND_NAMES)('a rule added once is enforced by both, for a %s', async (kind) => {
    const key = QUIET_KEY[kind];
    const quietRule: Rule = ({ parsed }) => parsed.flatMap((entry) => {
      if (entry.collection !== KINDS[kind]) return [];
      const value = (entry.data as Record<string, unknown>)[key];
      return typeof value === 'string' && /quiet/i.test(value)
        ? [{ entry, path: [key], message: 'says "quiet"', hint: 'a rule added for this test' }] : [];
    });
    const rules = [...RULES, quietRule];
    const fixture = await fixtureWith(kind);
    const validated = await loadContent({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY, rules });
    expect(validated.problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`))
      .toEqual([`content/${KINDS[kind]}/quiet-valley.md: ${key}: says "quiet"`]);

    const check = await newFileChecker({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY, rules });
    expect(checkAnswers(kind, EVERY_ANSWER[kind], knownWith(check), TODAY)).toEqual([
      { field: key, key, message: 'says "quiet" (a rule added for this test)' },
    ]);
  });

  test('the message is the one validate prints, line and all', async () => {
    const quietRule: Rule = ({ parsed }) => parsed.flatMap((entry) => {
      const claim = (entry.data as Record<string, unknown>)['claim'];
      return typeof claim === 'string' && claim.includes('quiet')
        ? [{ entry, path: ['claim'], message: 'says "quiet"', hint: 'a rule added for this test' }] : [];
    });
    const fixture = await fixtureWith('claim');
    const validated = await loadContent({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY, rules: [...RULES, quietRule] });
    expect(validated.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/claims/quiet-valley.md:6: claim: says "quiet" (a rule added for this test)",
      ]
    `);
  });
});
