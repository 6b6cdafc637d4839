/**
 * The coverage tables in tests/coverage/ (one per seed article) against the content: every
 * attributed statement and every fact in the outlet's own voice is recorded, merged into a
 * named record, or skipped with a reason; nothing recorded is missing from its table, and
 * nothing in a table is missing from the content. Where the seed articles are at hand, each
 * row's words must be in its article.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { normaliseWords, readSourceTexts } from '../../src/lib/content/source-texts.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const tablesDir = join(root, 'tests/coverage');
const seedsDir = resolve(root, '../shared/seeds');
const haveSeeds = existsSync(join(seedsDir, 'README.md'));

const OUTCOMES = ['recorded', 'merged', 'skipped'] as const;
const KINDS = ['attributed', 'outlet'] as const;

interface Row {
  line: number;
  kind: string;
  speaker: string;
  words: string;
  outcome: string;
  record: string;
  note: string;
}

/** The rows of the table whose header starts `| # |`, with their line numbers. */
function readTable(file: string): Row[] {
  const lines = readFileSync(join(tablesDir, file), 'utf8').split('\n');
  const header = lines.findIndex((line) => line.startsWith('| # |'));
  const rows: Row[] = [];
  for (let index = header + 2; index < lines.length && lines[index]?.startsWith('|'); index++) {
    const cells = (lines[index] ?? '').split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim().replace(/\\\|/g, '|'));
    const [, kind = '', speaker = '', words = '', outcome = '', record = '', note = ''] = cells;
    rows.push({ line: index + 1, kind, speaker, words, outcome, record, note });
  }
  return rows;
}

const tables = readdirSync(tablesDir).filter((file) => file.endsWith('.md')).sort();
const loaded = loadContent({ root });

test('there is a table for each seed article', async () => {
  const { entries } = await loaded;
  const seedSources = [...entries.sources.keys()].filter((id) => tables.includes(`${id}.md`));
  expect(seedSources).toHaveLength(5);
  expect(tables).toHaveLength(5);
});

describe.each(tables)('%s', (file) => {
  const source = file.replace(/\.md$/, '');
  const rows = readTable(file);
  const where = (row: Row) => `${file}:${row.line}`;

  test('every row has a kind, a speaker, words and an outcome, and says what became of it', async () => {
    const { entries } = await loaded;
    expect(rows.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const row of rows) {
      if (!KINDS.includes(row.kind as (typeof KINDS)[number])) problems.push(`${where(row)}: kind "${row.kind}"`);
      if (!OUTCOMES.includes(row.outcome as (typeof OUTCOMES)[number])) problems.push(`${where(row)}: outcome "${row.outcome}"`);
      if (!entries.people.has(row.speaker)) problems.push(`${where(row)}: unknown speaker "${row.speaker}"`);
      if (!row.words) problems.push(`${where(row)}: no words`);
      if (row.outcome === 'skipped' && (row.record || !row.note)) problems.push(`${where(row)}: a skipped row gives a reason and no record`);
      if (row.outcome !== 'skipped' && !entries.claims.has(row.record)) problems.push(`${where(row)}: unknown record "${row.record}"`);
      if (row.outcome === 'merged' && !row.note) problems.push(`${where(row)}: a merged row says why`);
    }
    expect(problems).toEqual([]);
  });

  test('recorded rows are the claims that appear in this source, with their words and speaker', async () => {
    const { entries } = await loaded;
    const expected = [...entries.claims].flatMap(([id, { data }]) => data.appearances
      .filter((appearance) => appearance.source === source)
      .map((appearance) => `${id} | ${data.speaker} | ${normaliseWords(appearance.words ?? data.claim)}`));
    const recorded = rows.filter((row) => row.outcome === 'recorded')
      .map((row) => `${row.record} | ${row.speaker} | ${normaliseWords(row.words)}`);
    expect(recorded.sort()).toEqual(expected.sort());
  });

  test.skipIf(!haveSeeds)('every row\'s words are in the article, and the rows follow its order', () => {
    const { data } = { data: readFileSync(join(root, 'content/sources', file), 'utf8') };
    const title = /^title: (.*)$/m.exec(data)?.[1]?.replace(/^"|"$/g, '') ?? '';
    const text = readSourceTexts(seedsDir).get(normaliseWords(title));
    expect(text, `a seed article titled "${title}"`).toBeDefined();
    const positions = rows.map((row) => ({ row, at: text?.indexOf(normaliseWords(row.words)) ?? -1 }));
    expect(positions.filter(({ at }) => at < 0).map(({ row }) => `${where(row)}: ${row.words}`)).toEqual([]);
    const order = positions.map(({ at }) => at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('the counts under the table are the rows\'', () => {
    const text = readFileSync(join(tablesDir, file), 'utf8');
    for (const kind of KINDS) {
      const line = new RegExp(`^\\| ${kind} \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$`, 'm').exec(text);
      expect(line, `${file}: counts for ${kind}`).not.toBeNull();
      const counted = OUTCOMES.map((outcome) => rows.filter((row) => row.kind === kind && row.outcome === outcome).length);
      expect(line?.slice(1).map(Number)).toEqual(counted);
    }
  });
});
