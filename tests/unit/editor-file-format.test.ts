/**
 * The editor writes files as contributors do: every file in content/ read and written back
 * unchanged is byte for byte the same; a change to one field changes only its line; a new
 * file has the contributors' style and validates.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readEntry, SOURCE_KEY, writeEntry } from '../../src/lib/editor/file-format.ts';
import { splitFrontmatter, parseYaml } from '../../src/lib/content/frontmatter.ts';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '../../src/lib/content/collections.ts';

const CONTENT = fileURLToPath(new URL('../../content', import.meta.url));

async function contentFiles(): Promise<{ collection: string; file: string; raw: string }[]> {
  const files = await Promise.all(COLLECTION_NAMES.map(async (collection) => {
    const names = (await readdir(join(CONTENT, collection), { recursive: true })).filter((name) => name.endsWith('.md'));
    return Promise.all(names.map(async (name) => ({ collection, file: `${collection}/${name}`, raw: await readFile(join(CONTENT, collection, name), 'utf8') })));
  }));
  return files.flat();
}

/** The lines of `b` that are not in `a`, and those of `a` not in `b`, in order. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const left = a.split('\n');
  const right = b.split('\n');
  let start = 0;
  while (start < left.length && left[start] === right[start]) start++;
  let endLeft = left.length;
  let endRight = right.length;
  while (endLeft > start && endRight > start && left[endLeft - 1] === right[endRight - 1]) {
    endLeft--;
    endRight--;
  }
  return { removed: left.slice(start, endLeft), added: right.slice(start, endRight) };
}

const files = await contentFiles();

describe('every content file', () => {
  test.each(files.map((entry) => [entry.file, entry] as const))('%s reads and writes back unchanged', (_, { raw }) => {
    expect(writeEntry(readEntry(raw))).toBe(raw);
  });

  test.each(files.map((entry) => [entry.file, entry] as const))('%s: one changed field changes one line', (_, { raw }) => {
    const data = readEntry(raw);
    const key = Object.keys(data).find((name) => typeof data[name] === 'string' && name !== 'body' && name !== SOURCE_KEY && !(data[name] as string).includes('\n')) as string;
    const written = writeEntry({ ...data, [key]: 'A changed value: with a colon' });
    const { removed, added } = changedLines(raw, written);
    expect(removed).toHaveLength(1);
    expect(added).toEqual([`${key}: "A changed value: with a colon"`]);
  });

  test.each(files.filter((entry) => entry.collection === 'claims').map((entry) => [entry.file, entry] as const))(
    '%s: an added evidence item adds only its lines, in the same style as the others',
    (_, { raw }) => {
      const data = readEntry(raw);
      const evidence = [...((data['evidence'] as unknown[]) ?? []), { stance: 'context', source: 'A reporter', date: '2023', summary: 'Says so.', url: '' }];
      const written = writeEntry({ ...data, evidence }, { dateKeys: new Set(['date']) });
      const { removed, added } = changedLines(raw, written);
      const hadEvidence = Array.isArray(data['evidence']) && (data['evidence'] as unknown[]).length > 0;
      if (hadEvidence) expect(removed).toEqual([]);
      expect(added.join('\n')).toContain('  - stance: context\n    source: A reporter\n    date: 2023\n    summary: Says so.');
      const split = splitFrontmatter(written);
      const parsed = split && parseYaml(split.yaml);
      expect(parsed && parsed.ok && (parsed.data as { evidence: unknown[] }).evidence.at(-1)).toEqual({ stance: 'context', source: 'A reporter', date: 2023, summary: 'Says so.' });
    },
  );
});

test('the Markdown below the fields is kept as typed, after one blank line', () => {
  const raw = '---\ntitle: Roads\ndescription: Claims about roads.\n---\n\nFirst paragraph.\n';
  expect(readEntry(raw)['body']).toBe('First paragraph.\n');
  expect(writeEntry({ ...readEntry(raw), body: 'First paragraph.\n\nSecond.' })).toBe(
    '---\ntitle: Roads\ndescription: Claims about roads.\n---\n\nFirst paragraph.\n\nSecond.\n',
  );
  expect(writeEntry({ ...readEntry(raw), body: '' })).toBe('---\ntitle: Roads\ndescription: Claims about roads.\n---\n');
});

test('a new claim is written in the contributors\' style, fields in the schema\'s order', () => {
  const order = Object.keys((COLLECTION_SCHEMAS.claims as unknown as { shape: Record<string, unknown> }).shape);
  const written = writeEntry({
    // The form hands fields over in any order, with empty optional ones.
    status: 'unverified',
    claim: 'The road through the Salang Pass is open again.',
    quote: true,
    speaker: 'example-person',
    date: '2022-05',
    appearances: [{ outlet: 'example-gazette', headline: 'Salang: the road reopens', date: '2022', url: '', author: '' }],
    summary: 'No independent source reported on the road.',
    topics: ['example-roads', 'example-fighting'],
    evidence: [],
    updates: [{ date: '2026-11-21', to: 'unverified', note: 'First rating.', from: '' }],
    related: [],
    // A group of fields the form showed but nobody filled in.
    forecast: { kind: '', due: '', outcome: '', evidence: [] },
    language: '',
    body: 'Context in my own words.',
  }, { order, dateKeys: new Set(['date']) });
  expect(written).toMatchInlineSnapshot(`
    "---
    claim: The road through the Salang Pass is open again.
    quote: true
    speaker: example-person
    date: 2022-05
    appearances:
      - outlet: example-gazette
        headline: "Salang: the road reopens"
        date: 2022
    status: unverified
    summary: No independent source reported on the road.
    topics: [example-roads, example-fighting]
    updates:
      - date: 2026-11-21
        to: unverified
        note: First rating.
    ---

    Context in my own words.
    "
  `);
});
