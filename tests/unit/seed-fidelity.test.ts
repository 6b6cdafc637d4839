/**
 * The one unit test that reads the editorial content (content/); every other test uses
 * fixtures. It guards the first real content, written from the five seed articles in
 * ../shared/seeds/, against drift: the content validates (so every id it names exists),
 * every claim that cites a seed article quotes it word for word, and the seed set stays
 * big and varied enough for the site's lists, pages and filters.
 *
 * "Word for word" allows only differences of white space and of quotation-mark style
 * (straight or curly, single or double); any other change to a claim's words fails.
 * Without the seed folder (e.g. outside the monorepo) the fidelity checks are skipped
 * and the counts still run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { STATUS_VALUES } from '../../src/schemas/status.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const seedsDir = resolve(root, '../shared/seeds');
const haveSeeds = existsSync(join(seedsDir, 'README.md'));

/** White space collapsed; curly and straight quotation marks made the same. */
function normalise(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

interface SeedArticle {
  file: string;
  /** The outlet as the README names it, e.g. "The New York Sun". */
  outletName: string;
  headline: string;
  text: string;
}

/** The seed articles, each with its headline (first line) and outlet (README table). */
function readSeeds(): SeedArticle[] {
  const readme = readFileSync(join(seedsDir, 'README.md'), 'utf8');
  const outletByFile = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // | file | outlet | headline | when |
    const [, file, outlet] = cells;
    if (file?.endsWith('.txt') && outlet) outletByFile.set(file, outlet);
  }
  return readdirSync(seedsDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(seedsDir, file), 'utf8');
      const outletName = outletByFile.get(file);
      if (!outletName) throw new Error(`${file} is not in the table of ${seedsDir}/README.md`);
      return { file, outletName, headline: text.split('\n', 1)[0] ?? '', text };
    });
}

const loaded = loadContent({ root });

test('the content validates with no problems', async () => {
  const { problems } = await loaded;
  expect(problems.map(formatProblem)).toEqual([]);
});

describe('seed content counts', () => {
  test('has enough claims, people, outlets and topics', async () => {
    const { entries } = await loaded;
    expect(entries.claims.size).toBeGreaterThanOrEqual(50);
    expect(entries.people.size).toBeGreaterThanOrEqual(10);
    expect(entries.outlets.size).toBeGreaterThanOrEqual(4);
    expect(entries.topics.size).toBeGreaterThanOrEqual(8);
  });

  // The ratings follow the enforced method, not a quota: after the re-rating of issue 11 no
  // seed claim is contradicted and one is corroborated. The fixture site exercises the rest.
  test('uses at least five statuses of the rating scale', async () => {
    const { entries } = await loaded;
    const used = new Set([...entries.claims.values()].map(({ data }) => data.status));
    expect(used.size, `statuses used: ${[...used].join(', ')}`).toBeGreaterThanOrEqual(5);
    expect(STATUS_VALUES).toEqual(expect.arrayContaining([...used]));
  });
});

describe('fidelity to the seed articles', () => {
  const skipReason = `skipped: no seed articles at ${seedsDir}`;
  const seeds = haveSeeds ? readSeeds() : [];

  test.skipIf(!haveSeeds)(`every seed article's outlet has an outlet record${haveSeeds ? '' : ` (${skipReason})`}`, async () => {
    const { entries } = await loaded;
    const names = [...entries.outlets.values()].map(({ data }) => data.name);
    const unknown = seeds
      .filter((seed) => !names.some((name) => seed.outletName.startsWith(name)))
      .map((seed) => `${seed.file}: ${seed.outletName}`);
    expect(unknown).toEqual([]);
  });

  test.skipIf(!haveSeeds)(`each appearance's words are verbatim in its own article${haveSeeds ? '' : ` (${skipReason})`}`, async () => {
    const { entries } = await loaded;
    // The seed each source record is: the seed article whose headline is the source's title.
    const seedOf = (sourceId: string) => {
      const title = entries.sources.get(sourceId)?.data.title;
      return title === undefined ? undefined : seeds.find((seed) => normalise(seed.headline) === normalise(title));
    };
    const failures: string[] = [];
    let checked = 0;
    for (const [id, { data }] of entries.claims) {
      data.appearances.forEach((appearance, index) => {
        const seed = seedOf(appearance.source);
        if (!seed) return;
        checked++;
        const words = appearance.words ?? data.claim;
        if (!normalise(seed.text).includes(normalise(words))) {
          failures.push(`${id}: appearances[${index}] words are not verbatim in ${seed.file} (${appearance.source}): "${words}"`);
        }
      });
    }
    expect(failures).toEqual([]);
    // A mistyped title would silently drop appearances from the check above.
    expect(checked, 'appearances matched to a seed article by title').toBeGreaterThanOrEqual(80);
    expect(new Set(seeds.map((seed) => seed.file)).size, 'every seed article has a source record')
      .toBe(seeds.filter((seed) => [...entries.sources.values()].some(({ data }) => normalise(data.title) === normalise(seed.headline))).length);
  });
});
