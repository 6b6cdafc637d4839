/**
 * Figures, typed links and forecasts on claims (src/schemas/figure.ts, link.ts,
 * forecast.ts and the link rules and notes in src/lib/content/rules.ts), each through the
 * real validation pass. The inline snapshots are the lines `npm run validate` prints.
 */
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { CLAIM_FILE, claimFields, loadClaim, loadFixture, type Fields } from './support/content-fixture.ts';

const MEASURE = { 'measures/nrf-share-of-panjshir.md': { fields: { title: 'Share of Panjshir held by the NRF', definition: 'The part of Panjshir the NRF says it controls.', unit: 'percent' } } };
const SIXTY = { claim: 'The NRF controls more than 60% of Panjshir.', quote: false };
const figure = (extra: Fields = {}) => ({ measure: 'nrf-share-of-panjshir', value: 60, qualifier: 'more-than', words: 'more than 60%', ...extra });
const TALIBAN = {
  'people/taliban.md': { fields: { name: 'Taliban', kind: 'organisation' } },
  'people/taliban-official.md': { fields: { name: 'A Taliban official', kind: 'unnamed', affiliation: 'taliban' } },
};

describe('figures', () => {
  test('a figure whose words are in the claim, for a known measure, is valid', async () => {
    const result = await loadFixture({ ...MEASURE, [CLAIM_FILE]: { fields: { ...SIXTY, figures: [figure({ asOf: '2022-04' })] } } });
    expect(result.lines).toEqual([]);
    expect(result.entries.claims.get('intense-fighting')?.data.figures[0]).toMatchObject({ value: 60, qualifier: 'more-than', asOf: '2022-04' });
  });

  test('words that are not in the claim', async () => {
    const result = await loadFixture({ ...MEASURE, [CLAIM_FILE]: { fields: { ...SIXTY, figures: [figure(), figure({ words: 'more than 70%' })] } } });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:26: figures[1].words: "more than 70%" is not in the claim (copy the words of the figure exactly as the claim has them)"`);
  });

  test('an unknown measure, an unknown qualifier and a number written as text', async () => {
    const result = await loadFixture({
      ...MEASURE,
      [CLAIM_FILE]: { fields: { ...SIXTY, figures: [figure({ measure: 'nrf-share-of-panjsher' }), figure({ qualifier: 'roughly' }), figure({ value: '60%' })] } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:19: figures[0].measure: unknown measure "nrf-share-of-panjsher" (did you mean "nrf-share-of-panjshir"?)
      content/claims/intense-fighting.md:25: figures[1].qualifier: "roughly" is not an allowed value (allowed: exactly, about, more-than, up-to, fewer-than)
      content/claims/intense-fighting.md:28: figures[2].value: must be a number, written without commas or units, not text "60%" (e.g. value: 10000)"
    `);
  });
});

describe('typed links', () => {
  const denial = (speaker: string) => ({ ...claimFields(), claim: 'The official denied it.', speaker, related: [{ claim: 'intense-fighting', type: 'denies' }] });

  test('a denial by the other side is valid', async () => {
    const result = await loadFixture({ ...TALIBAN, 'claims/denial.md': { fields: denial('taliban-official') } });
    expect(result.lines).toEqual([]);
  });

  test('an unknown type, and a denial by the speaker or their own side', async () => {
    const result = await loadFixture({
      'claims/denial.md': { fields: denial('national-resistance-front') },
      'claims/self-denial.md': { fields: denial('ali-maisam-nazary') },
      'claims/refutation.md': { fields: { ...claimFields(), related: [{ claim: 'intense-fighting', type: 'refutes' }] } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/denial.md:20: related[0].type: denies "intense-fighting", but both speakers are on the same side (national-resistance-front) (a denial comes from the other side; within one side use revises, contradicts or context)
      content/claims/refutation.md:20: related[0].type: "refutes" is not an allowed value (did you mean "revises"? allowed: repeats, revises, contradicts, denies, responds-to, context)
      content/claims/self-denial.md:20: related[0].type: denies "intense-fighting", which the same speaker made (a speaker who takes back a claim revises it: type: revises)"
    `);
  });

  test('revises is for the same speaker, contradicts for another', async () => {
    const result = await loadFixture({
      ...TALIBAN,
      'claims/taliban-says.md': { fields: { ...claimFields(), speaker: 'taliban', related: [{ claim: 'intense-fighting', type: 'revises' }] } },
      'claims/later.md': { fields: { ...claimFields(), related: [{ claim: 'intense-fighting', type: 'contradicts' }] } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/later.md:20: related[0].type: contradicts "intense-fighting", which the same speaker made (a speaker who changes figure or position revises their earlier claim: type: revises)
      content/claims/taliban-says.md:20: related[0].type: revises "intense-fighting", which another speaker (ali-maisam-nazary) made (revises joins two claims by the same speaker; for another speaker use contradicts or responds-to)"
    `);
  });

  test('a link written at both ends', async () => {
    const result = await loadFixture({
      'claims/denial.md': { fields: { ...claimFields(), related: [{ claim: 'intense-fighting', type: 'context' }] } },
      [CLAIM_FILE]: { fields: { related: [{ claim: 'denial', type: 'context' }] } },
    });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:19: related[0].claim: is also linked from "denial" (a link is written once and shown from both ends: remove one of the two)"`);
  });
});

describe('candidate revisions', () => {
  const later = (related?: unknown) => ({
    ...claimFields(), claim: 'The NRF controls more than half of Panjshir.', quote: false, date: '2022-06',
    appearances: [{ outlet: 'new-york-sun', headline: 'Another interview', date: '2022-06' }],
    figures: [figure({ value: 50, words: 'more than half' })],
    ...(related ? { related } : {}),
  });

  test('the same speaker gives a different figure for a measure: a note, not an error', async () => {
    const result = await loadFixture({ ...MEASURE, [CLAIM_FILE]: { fields: { ...SIXTY, figures: [figure()] } }, 'claims/later.md': { fields: later() } });
    expect(result.lines).toEqual([]);
    expect(result.entries.claims.size).toBe(2);
    expect(result.notes.map(formatProblem).join('\n')).toMatchInlineSnapshot(`"content/claims/later.md:19: figures[0]: note: gives "more than half" for nrf-share-of-panjshir, where "intense-fighting" (2022-05) gave "more than 60%" (if the speaker changed the figure, add related: - claim: intense-fighting, type: revises; otherwise say why in a link's note)"`);
  });

  test('a revises link, or a link with a note, answers it', async () => {
    for (const related of [[{ claim: 'intense-fighting', type: 'revises' }], [{ claim: 'intense-fighting', type: 'context', note: 'Different ways of counting.' }]]) {
      const result = await loadFixture({ ...MEASURE, [CLAIM_FILE]: { fields: { ...SIXTY, figures: [figure()] } }, 'claims/later.md': { fields: later(related) } });
      expect(result.lines).toEqual([]);
      expect(result.notes).toEqual([]);
    }
  });

  test('the same figure again is a repeat, not a revision', async () => {
    const result = await loadFixture({ ...MEASURE, [CLAIM_FILE]: { fields: { ...SIXTY, figures: [figure()] } },
      'claims/later.md': { fields: { ...later(), claim: SIXTY.claim, figures: [figure()] } } });
    expect(result.notes).toEqual([]);
  });
});

describe('forecasts and pledges', () => {
  const forecast = (extra: Fields = {}) => ({ kind: 'forecast', due: '2023-05', outcome: 'pending', ...extra });

  test('a pending forecast with a due date, a pledge with no deadline, an outcome with evidence', async () => {
    for (const value of [forecast(), forecast({ kind: 'pledge', due: undefined, noDeadline: true }),
      forecast({ outcome: 'did-not', evidence: [{ source: 'UN monitoring team', date: '2023-06', summary: 'It did not happen.' }] })]) {
      const result = await loadClaim({ forecast: value });
      expect(result.lines, JSON.stringify(value)).toEqual([]);
    }
  });

  test('no due date, a due date before the claim, an outcome without evidence, an unknown outcome', async () => {
    const result = await loadFixture({
      [CLAIM_FILE]: { fields: { forecast: forecast({ due: undefined, outcome: 'came-true' }) } },
      'claims/early.md': { fields: { ...claimFields(), forecast: forecast({ due: '2021', noDeadline: true }) } },
      'claims/unknown.md': { fields: { ...claimFields(), forecast: forecast({ outcome: 'overdue' }) } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/early.md:20: forecast.due: 2021 is before the claim was said (2022-05) (a forecast falls due after it is made)
      content/claims/early.md:22: forecast.noDeadline: is true but a due date is given (keep one: the due date, or noDeadline: true)
      content/claims/intense-fighting.md:18: forecast.due: is required: a forecast or pledge needs a due date (e.g. due: 2023-12, at the precision the words allow; or noDeadline: true when they set none)
      content/claims/intense-fighting.md:18: forecast.evidence: the outcome "came-true" needs evidence (add an item with source and summary, or keep outcome: pending)
      content/claims/unknown.md:21: forecast.outcome: "overdue" is not an allowed value (allowed: pending, came-true, did-not, partly, cannot-be-known)"
    `);
  });
});
