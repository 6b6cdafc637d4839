/**
 * The rules that need more than one file or the calendar (src/lib/content/rules.ts and the
 * id checks in load.ts), each with a valid and an invalid content tree.
 */
import { describe, expect, test } from 'vitest';
import { todayAnywhere } from '../../src/lib/content/load.ts';
import {
  CLAIM_FILE,
  CLAIM_ID,
  ORGANISATION_FILE,
  SPEAKER_FILE,
  TODAY,
  claimFields,
  loadClaim,
  loadFixture,
} from './support/content-fixture.ts';

const appearance = (outlet: string, date = '2022-05-10') => ({ outlet, headline: 'A headline', date });
const link = (claim: string, type = 'context') => ({ claim, type });

describe('ids resolve', () => {
  test('ids that name existing files are valid, in any subfolder', async () => {
    const result = await loadFixture({
      'claims/2022/denial.md': { fields: { ...claimFields(), related: [link(CLAIM_ID)] } },
      'people/taliban/zabihullah-mujahid.md': { fields: { name: 'Zabihullah Mujahid', kind: 'person' } },
    });
    expect(result.lines).toEqual([]);
    expect([...result.entries.claims.keys()].sort()).toEqual(['denial', CLAIM_ID]);
  });

  test('speaker: a typo gets the id it was meant to be', async () => {
    const result = await loadClaim({ speaker: 'ali-maisam-nazari' });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:4: speaker: unknown person "ali-maisam-nazari" (did you mean "ali-maisam-nazary"?)"`);
  });

  test('speaker: a shared word is enough for a suggestion', async () => {
    const result = await loadClaim({ speaker: 'nazary' });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:4: speaker: unknown person "nazary" (did you mean "ali-maisam-nazary"?)"`);
  });

  test('speaker: nothing close lists the closest ids and the file to add', async () => {
    const result = await loadClaim({ speaker: 'zabihullah-mujahid' });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:4: speaker: unknown person "zabihullah-mujahid" (closest known: ali-maisam-nazary, national-resistance-front; or add content/people/zabihullah-mujahid.md)"`);
  });

  test('outlet of a later appearance', async () => {
    const result = await loadClaim({ appearances: [appearance('new-york-sun'), appearance('ny-sun', '2022-05-11')] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:10: appearances[1].outlet: unknown outlet "ny-sun" (did you mean "new-york-sun"?)"`);
  });

  test('topics', async () => {
    const result = await loadClaim({ topics: ['panjshir', 'panjshr', 'foreign-fighters'] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:14: topics[1]: unknown topic "panjshr" (did you mean "panjshir"?)
      content/claims/intense-fighting.md:15: topics[2]: unknown topic "foreign-fighters" (closest known: panjshir; or add content/topics/foreign-fighters.md)"
    `);
  });

  test('related claims', async () => {
    const result = await loadClaim({ related: [link('intense-fightng'), link('taliban-denial')] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:19: related[0].claim: unknown claim "intense-fightng" (did you mean "intense-fighting"?)
      content/claims/intense-fighting.md:21: related[1].claim: unknown claim "taliban-denial" (closest known: intense-fighting; or add content/claims/taliban-denial.md)"
    `);
  });

  test('affiliation', async () => {
    const result = await loadFixture({ [SPEAKER_FILE]: { fields: { affiliation: 'national-resistance-front-of-afghanistan' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/people/ali-maisam-nazary.md:5: affiliation: unknown person "national-resistance-front-of-afghanistan" (did you mean "national-resistance-front"?)"`);
  });

  test('an id in another collection does not count', async () => {
    // There is a topic "panjshir" but no person of that name.
    const result = await loadClaim({ speaker: 'panjshir' });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:4: speaker: unknown person "panjshir" (closest known: ali-maisam-nazary, national-resistance-front; or add content/people/panjshir.md)"`);
  });

  test('a file that has an id but fails its schema still counts as existing', async () => {
    // One broken file must not make every claim that names it fail too.
    const result = await loadFixture({ [SPEAKER_FILE]: { fields: { kind: 'politician' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/people/ali-maisam-nazary.md:3: kind: "politician" is not an allowed value (allowed: person, organisation, unnamed)"`);
  });
});

describe('affiliations are organisations', () => {
  test('an organisation is a valid affiliation', async () => {
    expect((await loadFixture()).lines).toEqual([]);
  });

  test('a person is not', async () => {
    const result = await loadFixture({ [ORGANISATION_FILE]: { fields: { kind: 'person' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/people/ali-maisam-nazary.md:5: affiliation: "national-resistance-front" is a person, not an organisation (an affiliation points at a people entry with kind: organisation)"`);
  });

  test('an unnamed speaker is not', async () => {
    const result = await loadFixture({ [ORGANISATION_FILE]: { fields: { kind: 'unnamed' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/people/ali-maisam-nazary.md:5: affiliation: "national-resistance-front" is an unnamed speaker, not an organisation (an affiliation points at a people entry with kind: organisation)"`);
  });

  test('reported even when the file has other problems', async () => {
    const result = await loadFixture({
      [ORGANISATION_FILE]: { fields: { kind: 'person' } },
      [SPEAKER_FILE]: { fields: { role: '' } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/people/ali-maisam-nazary.md:4: role: is empty
      content/people/ali-maisam-nazary.md:5: affiliation: "national-resistance-front" is a person, not an organisation (an affiliation points at a people entry with kind: organisation)"
    `);
  });
});

describe('related claims', () => {
  test('a claim is not related to itself', async () => {
    const result = await loadClaim({ related: [link(CLAIM_ID)] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:19: related[0].claim: is this claim itself (a link joins two different claims)"`);
  });

  test('each related claim is listed once', async () => {
    const result = await loadFixture({
      'claims/denial.md': { fields: claimFields() },
      [CLAIM_FILE]: { fields: { related: [link('denial'), link('denial', 'repeats')] } },
    });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:21: related[1].claim: links "denial" twice (one link per pair of claims: keep the type that says most)"`);
  });

  test('reported even when the file has other problems', async () => {
    const result = await loadClaim({ related: [link(CLAIM_ID)], status: 'checked' });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:10: status: "checked" is not an allowed value (allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)
      content/claims/intense-fighting.md:19: related[0].claim: is this claim itself (a link joins two different claims)"
    `);
  });

  test('a plain id, the old way of writing a link, says how to write one', async () => {
    const result = await loadClaim({ related: ['denial'] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:19: related[0]: must be a link, written as claim: <the other claim's id> and type: <what this claim does to it>, not text "denial""`);
  });
});

describe('ids are unique', () => {
  test('the same file name in two subfolders of one collection', async () => {
    const result = await loadFixture({ 'claims/2022/intense-fighting.md': { fields: claimFields() } });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/2022/intense-fighting.md: id "intense-fighting" is also used by content/claims/intense-fighting.md (ids are file names and must be unique within a collection; rename one)
      content/claims/intense-fighting.md: id "intense-fighting" is also used by content/claims/2022/intense-fighting.md (ids are file names and must be unique within a collection; rename one)"
    `);
    expect(result.entries.claims.size).toBe(0);
  });

  test('the same file name in two collections is fine', async () => {
    const result = await loadFixture({ 'people/panjshir.md': { fields: { name: 'Panjshir Province', kind: 'organisation' } } });
    expect(result.lines).toEqual([]);
  });
});

describe('no future dates', () => {
  test('today, this month and this year are not in the future', async () => {
    const result = await loadClaim({
      date: '2026',
      appearances: [appearance('new-york-sun', '2026-11')],
      evidence: [{ stance: 'context', source: 'A source', summary: 'What it says.', date: TODAY }],
      updates: [{ date: TODAY, to: 'unverified', note: 'First rating.' }],
    });
    expect(result.lines).toEqual([]);
  });

  test('every date of a claim is checked', async () => {
    const result = await loadClaim({
      date: '2026-11-22',
      appearances: [appearance('new-york-sun', '2027')],
      evidence: [{ stance: 'context', source: 'A source', summary: 'What it says.', date: '2026-12' }],
      updates: [{ date: '2026-11-22', to: 'unverified', note: 'First rating.' }],
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:5: date: 2026-11-22 is in the future (today is 2026-11-21)
      content/claims/intense-fighting.md:9: appearances[0].date: 2027 is in the future (today is 2026-11-21)
      content/claims/intense-fighting.md:15: updates[0].date: 2026-11-22 is in the future (today is 2026-11-21)
      content/claims/intense-fighting.md:22: evidence[0].date: 2026-12 is in the future (today is 2026-11-21)"
    `);
  });

  test('reported even when the file has other problems', async () => {
    const result = await loadClaim({ date: 2030, summary: '' });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:5: date: 2030 is in the future (today is 2026-11-21)
      content/claims/intense-fighting.md:9: appearances[0].date: 2022-05-10 is before the claim was said (2030) (an article cannot report a claim before it was made; check both dates)
      content/claims/intense-fighting.md:11: summary: is empty
      content/claims/intense-fighting.md:15: updates[0].date: 2026-11-20 is before the claim was said (2030)"
    `);
  });

  test('today is the first day anywhere on Earth', () => {
    // 11:00 UTC on 20 November is already 21 November at UTC+14.
    expect(todayAnywhere(Date.UTC(2026, 10, 20, 11))).toBe('2026-11-21');
    expect(todayAnywhere(Date.UTC(2026, 10, 20, 9))).toBe('2026-11-20');
  });
});
