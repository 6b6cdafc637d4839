/**
 * The rules a claim file must follow on its own (src/schemas/claim.ts and the helpers it
 * uses), each checked through the real validation pass with a valid and an invalid file.
 * The inline snapshots are the exact lines `npm run validate` prints.
 */
import { describe, expect, test } from 'vitest';
import { RATING_SCALE } from '../../src/schemas/status.ts';
import { claimFields, loadClaim } from './support/content-fixture.ts';

const appearance = (date: unknown, extra: Record<string, unknown> = {}) =>
  ({ outlet: 'new-york-sun', headline: 'A headline', date, ...extra });
const update = (date: string, to: string, extra: Record<string, unknown> = {}) =>
  ({ date, ...extra, to, note: 'A note.' });
const evidence = (stance: string, extra: Record<string, unknown> = {}) =>
  ({ stance, source: 'A source', summary: 'What it says.', ...extra });

test('the base claim is valid', async () => {
  const result = await loadClaim({});
  expect(result.lines).toEqual([]);
  expect(result.fileCount).toBe(5);
  expect([...result.entries.claims.keys()]).toEqual(['intense-fighting']);
});

describe('required fields', () => {
  test('every required field is named, with an example, at the top of the frontmatter', async () => {
    const missing = Object.fromEntries(
      ['claim', 'quote', 'speaker', 'date', 'appearances', 'status', 'summary', 'topics', 'updates']
        .map((field) => [field, undefined]),
    );
    const result = await loadClaim({ ...missing, evidence: [] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:2: claim: is required (e.g. claim: There is intense fighting right now throughout Panjshir.)
      content/claims/intense-fighting.md:2: quote: is required (e.g. quote: true)
      content/claims/intense-fighting.md:2: speaker: is required (e.g. speaker: ali-maisam-nazary)
      content/claims/intense-fighting.md:2: date: is required (e.g. date: 2022-05)
      content/claims/intense-fighting.md:2: appearances: is required
      content/claims/intense-fighting.md:2: status: is required (e.g. status: unverified; allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)
      content/claims/intense-fighting.md:2: summary: is required (e.g. summary: The NRF offered no evidence and no independent source has confirmed it.)
      content/claims/intense-fighting.md:2: topics: is required
      content/claims/intense-fighting.md:2: updates: is required"
    `);
    expect(result.entries.claims.size).toBe(0);
  });

  test('every optional field, filled in, is valid (the base claim leaves them all out)', async () => {
    const result = await loadClaim({
      appearances: [appearance('2022-05-10', {
        url: 'https://www.nysun.com/article/afghan-resistance',
        archived: 'https://web.archive.org/web/2022/https://www.nysun.com/article/afghan-resistance',
        author: 'Benny Avni',
      })],
      evidence: [evidence('context', { date: '2022-05', url: 'https://www.un.org/report' })],
      related: [],
      language: 'fa',
      original: 'در سراسر پنجشیر جنگ شدید جریان دارد.',
    });
    expect(result.lines).toEqual([]);
    expect(result.entries.claims.get('intense-fighting')?.data.evidence[0]?.date).toBe('2022-05');
  });

  test('required fields of list items are named at the item', async () => {
    expect((await loadClaim({ evidence: [evidence('context')] })).lines).toEqual([]);
    const result = await loadClaim({
      appearances: [{ outlet: 'new-york-sun', date: '2022-05-10' }],
      evidence: [{ source: 'A source' }],
      updates: [{ date: '2026-11-20', to: 'unverified' }],
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:7: appearances[0].headline: is required (e.g. headline: Afghan Resistance Says It Liberated Districts in North Panjshir Region)
      content/claims/intense-fighting.md:14: updates[0].note: is required (e.g. note: First rating.)
      content/claims/intense-fighting.md:17: evidence[0].stance: is required (e.g. stance: contradicts; allowed: supports, contradicts, context)
      content/claims/intense-fighting.md:17: evidence[0].summary: is required (e.g. summary: Denied that the NRF had taken the three districts.)"
    `);
  });

  test('lists that need an entry', async () => {
    const result = await loadClaim({ appearances: [], topics: [], updates: [] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:6: appearances: needs at least one appearance
      content/claims/intense-fighting.md:9: topics: needs at least one topic
      content/claims/intense-fighting.md:10: updates: needs at least one entry: the first rating"
    `);
  });

  test('empty text is not text', async () => {
    const result = await loadClaim({ claim: '   ', summary: '' });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:2: claim: is empty
      content/claims/intense-fighting.md:11: summary: is empty"
    `);
  });

  test('wrong types say what was written', async () => {
    const result = await loadClaim({ claim: 42, quote: 'yes', topics: 'panjshir', appearances: { outlet: 'x' }, summary: null });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:2: claim: must be text, not the number 42 (e.g. claim: There is intense fighting right now throughout Panjshir.)
      content/claims/intense-fighting.md:3: quote: must be true (the exact words) or false (reported speech), not text "yes" (e.g. quote: true)
      content/claims/intense-fighting.md:6: appearances: must be a list, not a group of fields
      content/claims/intense-fighting.md:9: summary: must be text, not nothing (null) (e.g. summary: The NRF offered no evidence and no independent source has confirmed it.)
      content/claims/intense-fighting.md:10: topics: must be a list, not text "panjshir""
    `);
  });
});

describe('allowed values', () => {
  test('every status on the rating scale is accepted with the evidence it needs', async () => {
    for (const { value, requires } of RATING_SCALE) {
      const result = await loadClaim({
        status: value,
        updates: [update('2026-11-20', value)],
        evidence: requires ? [evidence(requires)] : [],
      });
      expect(result.lines, value).toEqual([]);
    }
  });

  test('status: a typo gets the nearest value and the full list', async () => {
    const result = await loadClaim({ status: 'verifed', updates: [update('2026-11-20', 'verifed')] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:10: status: "verifed" is not an allowed value (did you mean "unverified"? allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)
      content/claims/intense-fighting.md:16: updates[0].to: "verifed" is not an allowed value (did you mean "unverified"? allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)"
    `);
  });

  test('status: a value nowhere near gets the list alone', async () => {
    const result = await loadClaim({ status: 'true' });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:10: status: "true" is not an allowed value (allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)"`);
  });

  test('evidence stance', async () => {
    for (const stance of ['supports', 'contradicts', 'context']) {
      expect((await loadClaim({ evidence: [evidence(stance)] })).lines, stance).toEqual([]);
    }
    const result = await loadClaim({ evidence: [evidence('support'), evidence('against')] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:19: evidence[0].stance: "support" is not an allowed value (did you mean "supports"? allowed: supports, contradicts, context)
      content/claims/intense-fighting.md:22: evidence[1].stance: "against" is not an allowed value (allowed: supports, contradicts, context)"
    `);
  });

  test('quote is true or false', async () => {
    expect((await loadClaim({ quote: false })).lines).toEqual([]);
    expect((await loadClaim({ quote: 'yes' })).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:3: quote: must be true (the exact words) or false (reported speech), not text "yes" (e.g. quote: true)"`);
  });
});

describe('dates', () => {
  test('a day, a month or a year, as text or as a bare year', async () => {
    for (const date of ['2022-05-10', '2022-05', '2022', 2022, '2024-02-29']) {
      const result = await loadClaim({ date, appearances: [appearance(date)] });
      expect(result.lines, String(date)).toEqual([]);
    }
  });

  test('a month that does not exist', async () => {
    expect((await loadClaim({ date: '2022-13' })).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:5: date: "2022-13" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022)"`);
  });

  test('a day that does not exist', async () => {
    const result = await loadClaim({ appearances: [appearance('2022-02-30'), appearance('2023-02-29')] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:9: appearances[0].date: "2022-02-30" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022)
      content/claims/intense-fighting.md:12: appearances[1].date: "2023-02-29" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022)"
    `);
  });

  test('other ways of writing a date', async () => {
    const result = await loadClaim({
      date: '10/05/2022',
      appearances: [appearance('2022-5'), appearance('22-05-10'), appearance(true)],
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:5: date: "10/05/2022" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022)
      content/claims/intense-fighting.md:9: appearances[0].date: "2022-5" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022)
      content/claims/intense-fighting.md:12: appearances[1].date: "22-05-10" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022)
      content/claims/intense-fighting.md:15: appearances[2].date: must be a date (write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022), not true (e.g. date: 2022-12-06)"
    `);
  });

  test('update dates are full dates', async () => {
    const result = await loadClaim({ updates: [update('2026-11', 'unverified')] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:15: updates[0].date: must be a full date (write YYYY-MM-DD, e.g. 2026-11-21)"`);
  });
});

describe('links', () => {
  test('https links are accepted', async () => {
    const result = await loadClaim({
      appearances: [appearance('2022-05-10', { url: 'https://www.nysun.com/article/x', archived: 'https://web.archive.org/web/2022/x' })],
      evidence: [evidence('context', { url: 'https://www.un.org/report' })],
    });
    expect(result.lines).toEqual([]);
  });

  test('only full https links', async () => {
    const result = await loadClaim({
      appearances: [appearance('2022-05-10', { url: 'http://www.nysun.com/article', archived: 'javascript:alert(1)' })],
      evidence: [evidence('context', { url: 'www.un.org/report' }), evidence('context', { url: 'https://localhost/x' })],
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:10: appearances[0].url: must be a full https:// link (e.g. https://www.example.org/article)
      content/claims/intense-fighting.md:11: appearances[0].archived: must be a full https:// link (e.g. https://www.example.org/article)
      content/claims/intense-fighting.md:24: evidence[0].url: must be a full https:// link (e.g. https://www.example.org/article)
      content/claims/intense-fighting.md:28: evidence[1].url: must be a full https:// link (e.g. https://www.example.org/article)"
    `);
  });
});

describe('quotation marks', () => {
  test('a quote is written without the marks around it', async () => {
    const curly = await loadClaim({ claim: '“There is fighting.”' });
    expect(curly.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:2: claim: is wrapped in quotation marks (leave them out: the page marks quotes itself)"`);
    for (const claim of ['"There is fighting."', "'There is fighting.'", '«There is fighting.»', '‘There is fighting.’']) {
      expect((await loadClaim({ claim })).lines, claim).toEqual(curly.lines);
    }
  });

  test('marks inside a quote, and reported speech in marks, are fine', async () => {
    expect((await loadClaim({ claim: 'The so-called "liberation" of three districts.' })).lines).toEqual([]);
    expect((await loadClaim({ claim: '"There is fighting."', quote: false })).lines).toEqual([]);
  });
});

describe('language and original', () => {
  test('given together they are valid', async () => {
    expect((await loadClaim({ language: 'fa', original: 'در سراسر پنجشیر جنگ شدید جریان دارد.' })).lines).toEqual([]);
    expect((await loadClaim({ language: 'ps-AF', original: 'په ټول پنجشیر کې جګړه روانه ده.' })).lines).toEqual([]);
  });

  test('one without the other', async () => {
    expect((await loadClaim({ language: 'fa' })).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:2: original: is required when language is given (the claim in its original script)"`);
    expect((await loadClaim({ original: 'جنگ' })).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:2: language: is required when original is given (e.g. language: fa for Dari, ps for Pashto)"`);
  });

  test('a language tag that is not one', async () => {
    expect((await loadClaim({ language: 'Dari!', original: 'جنگ' })).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:18: language: must be a language tag (e.g. fa for Dari, ps for Pashto, ar for Arabic)"`);
  });
});

describe('lists', () => {
  test('a topic listed twice', async () => {
    const result = await loadClaim({ topics: ['panjshir', 'panjshir'] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:14: topics[1]: lists "panjshir" twice"`);
  });

  test('ids have the shape of file names', async () => {
    const result = await loadClaim({ speaker: 'Ali Maisam Nazary', topics: ['Panjshir'] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:4: speaker: must be an id from content/people/: lowercase letters, digits and hyphens
      content/claims/intense-fighting.md:4: speaker: unknown person "Ali Maisam Nazary" (did you mean "ali-maisam-nazary"?)
      content/claims/intense-fighting.md:13: topics[0]: must be an id from content/topics/: lowercase letters, digits and hyphens
      content/claims/intense-fighting.md:13: topics[0]: unknown topic "Panjshir" (did you mean "panjshir"?)"
    `);
  });
});

describe('unknown fields', () => {
  test('a typo gets the field it was meant to be', async () => {
    const result = await loadClaim({ summary: undefined, sumary: 'No independent source.' });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:2: summary: is required (e.g. summary: The NRF offered no evidence and no independent source has confirmed it.)
      content/claims/intense-fighting.md:17: sumary: is not a field this file can have (did you mean "summary"?)"
    `);
  });

  test('in a list item too', async () => {
    const result = await loadClaim({ appearances: [appearance('2022-05-10', { headlin: 'x', 'url ': 'https://x.org' })] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:10: appearances[0].headlin: is not a field this file can have (did you mean "headline"?)
      content/claims/intense-fighting.md:11: appearances[0].url : is not a field this file can have (did you mean "url"?)"
    `);
  });

  test('a field like nothing known gets the list of fields', async () => {
    expect((await loadClaim({ verdict: 'false' })).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:18: verdict: is not a field this file can have (fields: claim, quote, speaker, date, appearances, status, summary, topics, places, evidence, updates, related, figures, forecast, language, original)"`);
  });
});

describe('summary', () => {
  test('at most 320 characters', async () => {
    expect((await loadClaim({ summary: `${'x'.repeat(319)}.` })).lines).toEqual([]);
    expect((await loadClaim({ summary: `${'x'.repeat(320)}.` })).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:11: summary: is 321 characters long, more than one sentence should be (at most 320 characters)"`);
  });
});

describe('appearances', () => {
  test('at or after the claim, at the precision both are written', async () => {
    const result = await loadClaim({
      date: '2022-05',
      appearances: [appearance('2022-05-01'), appearance('2022-05'), appearance('2022'), appearance('2022-06')],
    });
    expect(result.lines).toEqual([]);
  });

  test('not before the claim was said', async () => {
    const result = await loadClaim({ date: '2022-05-10', appearances: [appearance('2022-05-09'), appearance('2022-04')] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:9: appearances[0].date: 2022-05-09 is before the claim was said (2022-05-10) (an article cannot report a claim before it was made; check both dates)
      content/claims/intense-fighting.md:12: appearances[1].date: 2022-04 is before the claim was said (2022-05-10) (an article cannot report a claim before it was made; check both dates)"
    `);
  });

  test('appearances are listed oldest first, each after the one above it', async () => {
    const result = await loadClaim({ date: '2022', appearances: [appearance('2022-05-10'), appearance('2022-07'), appearance('2022-06')] });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toContain('appearances[2].date: 2022-06 is before the appearance listed above it (2022-07)');
  });

  test('the first appearance is the oldest', async () => {
    const result = await loadClaim({ date: '2022', appearances: [appearance('2022-06-02'), appearance('2022-06-01'), appearance('2022-05')] });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:12: appearances[1].date: 2022-06-01 is before the appearance listed above it (2022-06-02) (list appearances oldest first; the first is the first appearance)
      content/claims/intense-fighting.md:15: appearances[2].date: 2022-05 is before the appearance listed above it (2022-06-01) (list appearances oldest first; the first is the first appearance)"
    `);
  });
});

describe('updates', () => {
  const rated = (updates: unknown[], status = 'disputed') =>
    loadClaim({ status, evidence: [evidence('contradicts')], updates });

  test('a log that starts at the first rating and ends at the status', async () => {
    const result = await rated([
      update('2026-11-01', 'unverified'),
      update('2026-11-01', 'disputed', { from: 'unverified' }),
      update('2026-11-20', 'contradicted'),
      update('2026-11-21', 'disputed', { from: 'contradicted' }),
    ]);
    expect(result.lines).toEqual([]);
  });

  test('the latest update ends at the status', async () => {
    const result = await rated([update('2026-11-01', 'unverified')]);
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:16: updates[0].to: the latest update ends at "unverified" but status is "disputed" (add an update with from: unverified and to: disputed, or correct status)"`);
  });

  test('each from is where the entry before ended', async () => {
    const result = await rated([update('2026-11-01', 'unverified'), update('2026-11-02', 'disputed', { from: 'corroborated' })]);
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:19: updates[1].from: is "corroborated" but the entry before ends at "unverified" (from: unverified)"`);
  });

  test('oldest first', async () => {
    const result = await rated([update('2026-11-02', 'unverified'), update('2026-11-01', 'disputed', { from: 'unverified' })]);
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:18: updates[1].date: 2026-11-01 is earlier than the entry before (2026-11-02) (keep the log oldest first)"`);
  });

  test('not before the claim was said', async () => {
    const result = await loadClaim({ date: '2022-05', updates: [update('2022-04-30', 'unverified')] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:15: updates[0].date: 2022-04-30 is before the claim was said (2022-05)"`);
  });

  test('values from the rating scale', async () => {
    const result = await loadClaim({ updates: [update('2026-11-20', 'unverified', { from: 'new' })] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:16: updates[0].from: "new" is not an allowed value (allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)"`);
  });
});

describe('evidence the status needs', () => {
  const withStatus = (status: string, items: unknown[]) =>
    loadClaim({ status, updates: [update('2026-11-20', status)], evidence: items });

  test('corroborated needs evidence that supports it', async () => {
    expect((await withStatus('corroborated', [evidence('context'), evidence('supports')])).lines).toEqual([]);
    expect((await withStatus('corroborated', [evidence('context'), evidence('contradicts')])).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:18: evidence: a claim rated "corroborated" needs evidence that supports it (add an evidence item with stance: supports)"`);
  });

  test('partly corroborated needs evidence that supports it, even when there is no evidence field', async () => {
    expect((await withStatus('partly-corroborated', [evidence('supports')])).lines).toEqual([]);
    const result = await loadClaim({ status: 'partly-corroborated', updates: [update('2026-11-20', 'partly-corroborated')] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:2: evidence: a claim rated "partly-corroborated" needs evidence that supports it (add an evidence item with stance: supports)"`);
  });

  test('disputed needs evidence that contradicts it', async () => {
    expect((await withStatus('disputed', [evidence('contradicts')])).lines).toEqual([]);
    expect((await withStatus('disputed', [evidence('supports')])).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:18: evidence: a claim rated "disputed" needs evidence that contradicts it (add an evidence item with stance: contradicts)"`);
  });

  test('contradicted needs evidence that contradicts it', async () => {
    expect((await withStatus('contradicted', [evidence('contradicts')])).lines).toEqual([]);
    expect((await withStatus('contradicted', [evidence('context')])).report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:18: evidence: a claim rated "contradicted" needs evidence that contradicts it (add an evidence item with stance: contradicts)"`);
  });

  test('unverified and not checkable need none', async () => {
    expect((await withStatus('unverified', [])).lines).toEqual([]);
    expect((await withStatus('not-checkable', [])).lines).toEqual([]);
  });
});

describe('placeholders', () => {
  test('TODO values are reported by field name, once', async () => {
    const result = await loadClaim({
      summary: 'TODO',
      speaker: 'TODO',
      topics: ['TODO: pick a topic'],
      appearances: [appearance('2022-05-10', { headline: 'TODO headline' })],
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:4: speaker: is still a placeholder: "TODO" (fill it in)
      content/claims/intense-fighting.md:8: appearances[0].headline: is still a placeholder: "TODO headline" (fill it in)
      content/claims/intense-fighting.md:11: summary: is still a placeholder: "TODO" (fill it in)
      content/claims/intense-fighting.md:13: topics[0]: is still a placeholder: "TODO: pick a topic" (fill it in)"
    `);
    expect(result.entries.claims.size).toBe(0);
  });

  test('words that only start like TODO are not placeholders', async () => {
    const result = await loadClaim({ summary: 'TODOS is not a word; todo in lower case is prose.' });
    expect(result.lines).toEqual([]);
  });
});

test('claimFields() returns a fresh copy each time', () => {
  const fields = claimFields();
  fields['status'] = 'changed';
  expect(claimFields()['status']).toBe('unverified');
});
