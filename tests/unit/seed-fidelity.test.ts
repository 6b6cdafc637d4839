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

  test('uses every status on the rating scale at least twice', async () => {
    const { entries } = await loaded;
    const counts = Object.fromEntries(STATUS_VALUES.map((status) => [status, 0]));
    for (const { data } of entries.claims.values()) counts[data.status] = (counts[data.status] ?? 0) + 1;
    const tooFew = Object.entries(counts).filter(([, count]) => count < 2).map(([status, count]) => `${status}: ${count}`);
    expect(tooFew, 'statuses used fewer than twice').toEqual([]);
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

  test.skipIf(!haveSeeds)(`claims citing a seed article quote it verbatim${haveSeeds ? '' : ` (${skipReason})`}`, async () => {
    const { entries } = await loaded;
    // The outlet id for each seed: the outlet record whose name the README's outlet starts with.
    const outlets = [...entries.outlets].map(([id, { data }]) => ({ id, name: data.name }))
      .sort((a, b) => b.name.length - a.name.length);
    const seedFor = (outlet: string, headline: string) =>
      seeds.find((seed) =>
        normalise(seed.headline) === normalise(headline) &&
        outlets.find(({ name }) => seed.outletName.startsWith(name))?.id === outlet);

    const failures: string[] = [];
    let checked = 0;
    for (const [id, { data }] of entries.claims) {
      const cited = data.appearances.flatMap(({ outlet, headline }) => seedFor(outlet, headline) ?? []);
      if (cited.length === 0) continue;
      checked++;
      const words = normalise(data.claim);
      if (!cited.some((seed) => normalise(seed.text).includes(words))) {
        failures.push(`${id}: claim text is not verbatim in ${cited.map((seed) => seed.file).join(' or ')}: "${data.claim}"`);
      }
    }
    expect(failures).toEqual([]);
    // A mistyped headline or outlet would silently drop a claim from the check above.
    expect(checked, 'claims matched to a seed article by headline and outlet').toBeGreaterThanOrEqual(50);
  });
});
