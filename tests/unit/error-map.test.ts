/**
 * `describeIssue` (src/lib/content/error-map.ts): each kind of zod issue turned into the
 * field, message and hint a contributor reads. Run on the real schemas, without files.
 */
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { didYouMean, nearest } from '../../src/lib/content/closest.ts';
import { describeIssue } from '../../src/lib/content/error-map.ts';
import { formatPath } from '../../src/lib/content/problems.ts';
import { claimSchema } from '../../src/schemas/claim.ts';
import { topicSchema } from '../../src/schemas/topic.ts';
import { claimFields } from './support/content-fixture.ts';

/** Every problem for `data`, one `field: message (hint)` line each. */
function describe_(schema: z.core.$ZodType, data: unknown): string {
  const result = z.safeParse(schema, data, { reportInput: true });
  if (result.success) return '';
  return result.error.issues
    .flatMap((issue) => describeIssue(issue, schema))
    .map(({ path, message, hint }) => `${formatPath(path)}: ${message}${hint ? ` (${hint})` : ''}`)
    .join('\n');
}

const claim = (fields: Record<string, unknown>) => describe_(claimSchema, { ...claimFields(), ...fields });

test('a valid claim has nothing to describe', () => {
  expect(claim({})).toBe('');
});

describe('wrong types', () => {
  test('each kind of value is named the way a contributor wrote it', () => {
    expect(describe_(topicSchema, { title: 7, description: true })).toMatchInlineSnapshot(`
      "title: must be text, not the number 7 (e.g. title: Foreign fighters)
      description: must be text, not true (e.g. description: Claims about fighters from abroad operating in Afghanistan.)"
    `);
    expect(describe_(topicSchema, { title: ['a'], description: { a: 1 } })).toMatchInlineSnapshot(`
      "title: must be text, not a list (e.g. title: Foreign fighters)
      description: must be text, not a group of fields (e.g. description: Claims about fighters from abroad operating in Afghanistan.)"
    `);
    expect(describe_(topicSchema, { title: null, description: 1.5 })).toMatchInlineSnapshot(`
      "title: must be text, not nothing (null) (e.g. title: Foreign fighters)
      description: must be text, not the number 1.5 (e.g. description: Claims about fighters from abroad operating in Afghanistan.)"
    `);
  });

  test('a list where a list is expected', () => {
    expect(claim({ topics: 'panjshir', updates: 3 })).toMatchInlineSnapshot(`
      "topics: must be a list, not text "panjshir"
      updates: must be a list, not the number 3"
    `);
  });

  test("the schema's own wording is kept", () => {
    expect(claim({ quote: 'true' })).toMatchInlineSnapshot(`"quote: must be true (the exact words) or false (reported speech), not text "true" (e.g. quote: true)"`);
  });

  test('the whole frontmatter of the wrong type', () => {
    expect(describe_(topicSchema, 'just text')).toMatchInlineSnapshot(`": must be a group of fields, not text "just text""`);
  });
});

describe('allowed values', () => {
  test('a near miss, a far miss and a missing value', () => {
    expect(claim({ status: 'Unverified' })).toMatchInlineSnapshot(`"status: "Unverified" is not an allowed value (did you mean "unverified"? allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)"`);
    expect(claim({ status: 'pending' })).toMatchInlineSnapshot(`"status: "pending" is not an allowed value (allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)"`);
    expect(claim({ status: undefined })).toMatchInlineSnapshot(`"status: is required (e.g. status: unverified; allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)"`);
  });
});

describe('unknown keys', () => {
  test('each key is its own problem', () => {
    expect(claim({ titel: 'x', sumary: 'y' })).toMatchInlineSnapshot(`
      "titel: is not a field this file can have (fields: claim, quote, speaker, date, appearances, status, summary, topics, places, evidence, updates, related, figures, forecast, language, original)
      sumary: is not a field this file can have (did you mean "summary"?)"
    `);
  });

  test('nested keys are checked against the nested fields', () => {
    expect(claim({ updates: [{ date: '2026-11-20', to: 'unverified', note: 'n', notes: 'x' }] })).toMatchInlineSnapshot(`"updates[0].notes: is not a field this file can have (did you mean "note"?)"`);
  });
});

describe('sizes', () => {
  test('lists and text that are too short or too long', () => {
    expect(claim({ topics: [], summary: 'x'.repeat(400), claim: '' })).toMatchInlineSnapshot(`
      "claim: is empty
      summary: is 400 characters long, more than one sentence should be (at most 320 characters)
      topics: needs at least one topic"
    `);
  });
});

describe('suggestions', () => {
  test('did you mean, by edits or by a shared word', () => {
    expect(didYouMean('ali-maisam-nazari', ['ali-maisam-nazary', 'national-resistance-front'])).toBe('did you mean "ali-maisam-nazary"?');
    expect(didYouMean('milley', ['mark-milley', 'lloyd-austin'])).toBe('did you mean "mark-milley"?');
    expect(didYouMean('zabihullah', ['mark-milley', 'lloyd-austin'])).toBeUndefined();
  });

  test('nearest always answers, closest first', () => {
    expect(nearest('taliban', ['panjshir', 'kabul', 'taliban-takeover', 'herat'], 2)).toEqual(['kabul', 'herat']);
  });
});
