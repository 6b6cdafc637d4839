/**
 * The method, enforced (src/lib/content/method.ts): each rule of the methodology page with
 * a content tree that follows it and one that breaks it. The inline snapshots are the exact
 * lines `npm run validate` prints: file, line, field, and the rule's wording.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isLaterEvidence, noCircularRatings } from '../../src/lib/content/method.ts';
import type { ValidEntry } from '../../src/lib/content/collections.ts';
import type { RuleContext } from '../../src/lib/content/rules.ts';
import { sideOf, standingOf } from '../../src/lib/independence.ts';
import type { PersonData } from '../../src/schemas/person.ts';
import type { SideData } from '../../src/schemas/side.ts';
import { CLAIM_FILE, CLAIM_ID, SOURCE_ID, claimFields, loadClaim, loadFixture } from './support/content-fixture.ts';

const CLAIM_WORDS = 'There is intense fighting right now throughout Panjshir.';

/** An evidence item read in the base source. */
const item = (stance: string, originator: string, extra: Record<string, unknown> = {}) =>
  ({ stance, source: SOURCE_ID, originator, words: 'A finding.', summary: 'What it says.', ...extra });

/** The base claim rated `status`, with its log ending there. */
const rated = (status: string, evidence: unknown[], extra: Record<string, unknown> = {}) =>
  loadClaim({ status, evidence, updates: [{ date: '2026-11-20', to: status, note: 'Rated.' }], ...extra });

describe('who can support or contradict a claim', () => {
  test('an independent originator can corroborate; another party can dispute', async () => {
    expect((await rated('corroborated', [item('supports', 'un-monitoring-team')])).lines).toEqual([]);
    expect((await rated('contradicted', [item('contradicts', 'un-monitoring-team')])).lines).toEqual([]);
    expect((await rated('disputed', [item('contradicts', 'taliban-official')])).lines).toEqual([]);
  });

  test('a corroboration by the speaker\'s own side is rejected', async () => {
    const result = await rated('corroborated', [item('supports', 'national-resistance-front')]);
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:8: status: a claim rated "corroborated" needs a supporting item whose originator is independent of the speaker's side (National Resistance Front (NRF)) (independent: not the speaker, not the speaker's side, not another party to the conflict; add such evidence or rate it unverified)
      content/claims/intense-fighting.md:17: evidence[0].stance: is "supports" but National Resistance Front of Afghanistan is on the speaker's own side (National Resistance Front (NRF)): such evidence can only be context (set stance: context; only an originator independent of the speaker's side can support or contradict a claim)"
    `);
  });

  test('the speaker cannot corroborate or contradict themself', async () => {
    const result = await rated('partly-corroborated', [item('supports', 'ali-maisam-nazary'), item('context', 'un-monitoring-team')]);
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:8: status: a claim rated "partly-corroborated" needs a supporting item whose originator is independent of the speaker's side (National Resistance Front (NRF)) (independent: not the speaker, not the speaker's side, not another party to the conflict; add such evidence or rate it unverified)
      content/claims/intense-fighting.md:17: evidence[0].stance: is "supports" but Ali Maisam Nazary is the speaker: such evidence can only be context (set stance: context; only an originator independent of the speaker's side can support or contradict a claim)"
    `);
  });

  test('another party cannot corroborate or contradict, only dispute', async () => {
    const corroborated = await rated('corroborated', [item('supports', 'taliban-official')]);
    expect(corroborated.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:8: status: a claim rated "corroborated" needs a supporting item whose originator is independent of the speaker's side (National Resistance Front (NRF)) (independent: not the speaker, not the speaker's side, not another party to the conflict; add such evidence or rate it unverified)"`);
    const contradicted = await rated('contradicted', [item('contradicts', 'taliban-official')]);
    expect(contradicted.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:8: status: a claim rated "contradicted" needs a contradicting item whose originator is independent of the speaker's side (National Resistance Front (NRF)) (a denial by another party to the conflict makes a claim disputed, not contradicted)"`);
  });

  test('a disputed claim whose only contradiction comes from the speaker\'s side is rejected', async () => {
    const result = await rated('disputed', [item('contradicts', 'national-resistance-front')]);
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:8: status: a claim rated "disputed" needs a contradicting item from a party to the conflict other than the speaker's side (National Resistance Front (NRF)) (a denial by the speaker's own side does not dispute a claim; without another party's denial, rate it unverified)
      content/claims/intense-fighting.md:17: evidence[0].stance: is "contradicts" but National Resistance Front of Afghanistan is on the speaker's own side (National Resistance Front (NRF)): such evidence can only be context (set stance: context; only an originator independent of the speaker's side can support or contradict a claim)"
    `);
  });

  test('a rating whose only evidence is the claim\'s own sentence is rejected', async () => {
    const result = await rated('partly-corroborated', [
      item('supports', 'un-monitoring-team', { words: `Nazary said: ${CLAIM_WORDS}` }),
    ]);
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:8: status: a claim rated "partly-corroborated" needs a supporting item whose originator is independent of the speaker's side (National Resistance Front (NRF)) (independent: not the speaker, not the speaker's side, not another party to the conflict; add such evidence or rate it unverified)
      content/claims/intense-fighting.md:17: evidence[0].stance: is "supports" but its words are the claim's own sentence in nysun-liberated-districts: it can only be context (a claim cannot be its own evidence; find the report or finding it refers to and cite that)"
    `);
  });
});

describe('circles of claims', () => {
  /** A Taliban denial recorded as a claim of its own, rated on `evidence`. */
  const denial = (status: string, evidence: unknown[]) => ({
    fields: {
      ...claimFields(),
      claim: 'A Taliban official denied the claim.',
      quote: false,
      speaker: 'taliban-official',
      status,
      evidence,
      updates: [{ date: '2026-11-20', to: status, note: 'Rated.' }],
    },
  });

  test('two claims rated on each other are a circle, reported at each', async () => {
    const result = await loadFixture({
      [CLAIM_FILE]: { fields: { status: 'disputed', evidence: [item('contradicts', 'taliban-official', { claim: 'denial', words: 'A Taliban official denied the claim.' })],
        updates: [{ date: '2026-11-20', to: 'disputed', note: 'Rated.' }] } },
      'claims/denial.md': denial('disputed', [item('contradicts', 'ali-maisam-nazary', { claim: CLAIM_ID, words: CLAIM_WORDS })]),
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/denial.md:22: evidence[0].claim: makes a circle of ratings: denial rests on intense-fighting rests on denial (a claim cannot be rated on a claim whose rating rests on it; rate one on independent evidence and make the other context)
      content/claims/intense-fighting.md:22: evidence[0].claim: makes a circle of ratings: intense-fighting rests on denial rests on intense-fighting (a claim cannot be rated on a claim whose rating rests on it; rate one on independent evidence and make the other context)"
    `);
  });

  test('one side of the pair as context breaks the circle', async () => {
    const result = await loadFixture({
      [CLAIM_FILE]: { fields: { status: 'disputed', evidence: [item('contradicts', 'taliban-official', { claim: 'denial', words: 'A Taliban official denied the claim.' })],
        updates: [{ date: '2026-11-20', to: 'disputed', note: 'Rated.' }] } },
      'claims/denial.md': denial('unverified', [item('context', 'ali-maisam-nazary', { claim: CLAIM_ID, words: CLAIM_WORDS })]),
    });
    expect(result.lines).toEqual([]);
  });

  test('evidence that quotes a recorded claim must name it, and name it rightly', async () => {
    const unnamed = await loadFixture({
      [CLAIM_FILE]: { fields: { status: 'disputed', evidence: [item('contradicts', 'taliban-official', { words: 'A Taliban official denied the claim.' })],
        updates: [{ date: '2026-11-20', to: 'disputed', note: 'Rated.' }] } },
      'claims/denial.md': denial('unverified', []),
    });
    expect(unnamed.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:17: evidence[0]: quotes the recorded claim "denial" without naming it (add claim: denial, so a rating cannot rest on a circle of claims)"`);
    const wrong = await loadFixture({
      [CLAIM_FILE]: { fields: { evidence: [item('context', 'un-monitoring-team', { claim: 'denial' })] } },
      'claims/denial.md': denial('unverified', []),
    });
    expect(wrong.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:22: evidence[0].claim: claim "denial" was said by A Taliban official, not by the originator, UN Security Council monitoring team (originator: taliban-official)"`);
    expect((await loadClaim({ evidence: [item('context', 'ali-maisam-nazary', { claim: CLAIM_ID })] })).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:22: evidence[0].claim: is this claim itself (a claim cannot be its own evidence; name another recorded claim or leave claim out)"`);
  });
});

/**
 * `count` disputed claims, each contradicted by the next (a chain), and the last by the
 * first when `closed`: the rule on its own, as the validation pass calls it.
 */
function chainOfClaims(count: number, closed: boolean): RuleContext {
  const id = (n: number) => `claim-${n}`;
  const entries = Array.from({ length: count }, (_, n) => ({
    collection: 'claims', id: id(n), file: `content/claims/${id(n)}.md`, body: '',
    data: { ...claimFields(), status: 'disputed',
      evidence: n + 1 < count || closed ? [item('contradicts', 'taliban-official', { claim: id((n + 1) % count) })] : [] },
  })) as unknown as ValidEntry[];
  return { entries, parsed: [], ids: {} as RuleContext['ids'], today: '2026-11-21' };
}

describe('circles of claims, at scale', () => {
  test('a circle of three is reported at each claim with the way round', () => {
    const problems = noCircularRatings(chainOfClaims(3, true));
    expect(problems.map((problem) => `${(problem.entry as ValidEntry).id}: ${problem.message}`)).toEqual([
      'claim-0: makes a circle of ratings: claim-0 rests on claim-1 rests on claim-2 rests on claim-0',
      'claim-1: makes a circle of ratings: claim-1 rests on claim-2 rests on claim-0 rests on claim-1',
      'claim-2: makes a circle of ratings: claim-2 rests on claim-0 rests on claim-1 rests on claim-2',
    ]);
  });

  test('a chain of 100,000 claims is no circle; closed, it is one, named at each claim without the whole way', () => {
    // Searching from every claim along the whole chain would take 10^10 steps: this test
    // would not finish. Circles are found once for the graph.
    expect(noCircularRatings(chainOfClaims(100_000, false))).toEqual([]);
    const problems = noCircularRatings(chainOfClaims(100_000, true));
    expect(problems).toHaveLength(100_000);
    expect(problems[5]?.message).toBe('makes a circle of ratings through 100000 claims, claim-5 rests on claim-6 and, through others, claim-6 on claim-5');
  });
});

describe('later evidence', () => {
  test('more than six months after the claim, it says why it bears on it, or is context', async () => {
    const later = item('supports', 'un-monitoring-team', { date: '2023-06' });
    expect((await rated('corroborated', [later])).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:17: evidence[0].bearing: is missing: the evidence is dated 2023-06, more than six months after the claim (2022-05) (say in bearing: why it bears on the claim as it was said, or make it context)"`);
    expect((await rated('corroborated', [{ ...later, bearing: 'It describes the fighting of May 2022.' }])).lines).toEqual([]);
    expect((await rated('unverified', [{ ...later, stance: 'context' }])).lines).toEqual([]);
  });

  test('six months is counted from the last day the claim\'s date can mean', () => {
    expect(isLaterEvidence('2022-11', '2022-05')).toBe(false);
    expect(isLaterEvidence('2022-12-15', '2022-05')).toBe(true);
    expect(isLaterEvidence('2023', '2022')).toBe(false);
    expect(isLaterEvidence('2024-01-29', '2022')).toBe(true);
  });
});

describe('words in their own source', () => {
  let texts: string;
  const previous = process.env['CLAIMTRAIL_SOURCE_TEXTS'];

  beforeAll(async () => {
    texts = await mkdtemp(join(tmpdir(), 'claimtrail-texts-'));
    await writeFile(join(texts, 'article.txt'), [
      'Afghan Resistance Says It Liberated Districts',
      '',
      `“${CLAIM_WORDS.replace('Panjshir', 'Panjshir')}” the NRF’s head of foreign relations told the Sun. A finding.`,
    ].join('\n'));
    process.env['CLAIMTRAIL_SOURCE_TEXTS'] = texts;
  });

  afterAll(async () => {
    if (previous === undefined) delete process.env['CLAIMTRAIL_SOURCE_TEXTS'];
    else process.env['CLAIMTRAIL_SOURCE_TEXTS'] = previous;
    await rm(texts, { recursive: true, force: true });
  });

  test('words found in the source pass, with white space and quotation marks made the same', async () => {
    expect((await loadClaim({ evidence: [item('context', 'un-monitoring-team')] })).lines).toEqual([]);
  });

  test('an appearance whose words are not in its source is rejected', async () => {
    const result = await loadClaim({ claim: 'There is fighting throughout Panjshir.' });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:7: appearances[0].source: the claim's words are not in "nysun-liberated-districts" word for word (if this source words the claim differently, give the appearance its own words: and quote:)"`);
    const own = await loadClaim({ appearances: [{ source: SOURCE_ID, words: 'Intense fighting, he said.', quote: false }] });
    expect(own.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:8: appearances[0].words: are not in "nysun-liberated-districts" word for word (copy them exactly; only white space and the style of quotation marks may differ)"`);
  });

  test('evidence words not in their source are rejected', async () => {
    const result = await loadClaim({ evidence: [item('context', 'un-monitoring-team', { words: 'A different finding.' })] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:20: evidence[0].words: are not in "nysun-liberated-districts" word for word (copy them exactly; only white space and the style of quotation marks may differ)"`);
  });
});

describe('sources come after the claim', () => {
  test('a source dated before the claim was said', async () => {
    const result = await loadClaim({ date: '2022-06' });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:7: appearances[0].source: "nysun-liberated-districts" is dated 2022-05-10, before the claim was said (2022-06) (a source cannot report a claim before it was made; check both dates)"`);
  });

  test('an update date is an update date: a claim may come before it', async () => {
    const result = await loadFixture({
      'sources/nysun-liberated-districts.md': { fields: { kind: 'news-report', publisher: 'new-york-sun', title: 'Afghan Resistance Says It Liberated Districts',
        published: undefined, updated: '2022-12-06', language: 'en' } },
    });
    expect(result.lines).toEqual([]);
  });
});

describe('standing, computed from the records', () => {
  const people = new Map<string, PersonData>([
    ['nrf', { name: 'NRF', kind: 'organisation', roles: [], aliases: [], side: 'nrf' }],
    ['nazary', { name: 'Nazary', kind: 'person', roles: [], aliases: [], affiliation: 'nrf' }],
    ['ahmadi', { name: 'Ahmadi', kind: 'person', roles: [], aliases: [], affiliation: 'nrf' }],
    ['official', { name: 'Official', kind: 'unnamed', roles: [], aliases: [], side: 'taliban' }],
    ['un', { name: 'UN', kind: 'organisation', roles: [], aliases: [], side: 'un' }],
    ['analyst', { name: 'Analyst', kind: 'person', roles: [], aliases: [] }],
  ]);
  const sides = new Map<string, SideData>([
    ['nrf', { name: 'NRF', party: true }], ['taliban', { name: 'Taliban', party: true }], ['un', { name: 'UN', party: false }],
  ]);
  const lookup = { people, sides };

  test('a side comes from the entry or its organisation', () => {
    expect(['nazary', 'official', 'un', 'analyst'].map((id) => sideOf(id, lookup))).toEqual(['nrf', 'taliban', 'un', undefined]);
  });

  test('each originator\'s standing to a speaker', () => {
    expect(['nazary', 'ahmadi', 'nrf', 'official', 'un', 'analyst'].map((id) => standingOf(id, 'nazary', lookup)))
      .toEqual(['speaker', 'own-side', 'own-side', 'other-party', 'independent', 'independent']);
    expect(standingOf('un', 'un', lookup)).toBe('speaker');
    expect(standingOf('analyst', 'un', lookup)).toBe('independent');
  });
});
