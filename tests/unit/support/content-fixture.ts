/**
 * A minimal valid content tree in a fresh temporary folder, with any file's fields or body
 * overridden, run through the real validation pass (`loadContent`) with a fixed today.
 *
 *   const result = await loadFixture({ [OUTLET_FILE]: { fields: { kind: 'paper' } } });
 *   expect(result.report).toMatchInlineSnapshot(...);
 *
 * The base tree is one claim and the person, organisation, side, outlet, source and topic it needs, and
 * is valid (a test checks that). Temporary folders are removed when the test finishes.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { stringify } from 'yaml';
import { loadContent, type LoadedContent } from '../../../src/lib/content/load.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';

/** The fixed "today" every fixture is validated against. */
export const TODAY = '2026-11-21';

export const CLAIM_FILE = 'claims/intense-fighting.md';
export const CLAIM_ID = 'intense-fighting';
export const SPEAKER_FILE = 'people/ali-maisam-nazary.md';
export const ORGANISATION_FILE = 'people/national-resistance-front.md';
export const OUTLET_FILE = 'outlets/new-york-sun.md';
export const SOURCE_FILE = 'sources/nysun-liberated-districts.md';
export const SOURCE_ID = 'nysun-liberated-districts';
export const SIDE_FILE = 'sides/national-resistance-front.md';
/** An independent originator of evidence (no side) and another party's spokesman. */
export const MONITOR_FILE = 'people/un-monitoring-team.md';
export const OFFICIAL_FILE = 'people/taliban-official.md';
export const OTHER_SIDE_FILE = 'sides/taliban.md';
export const TOPIC_FILE = 'topics/panjshir.md';

export type Fields = Record<string, unknown>;

/** A valid claim's fields; a fresh copy each call, safe to change. */
export function claimFields(): Fields {
  return {
    claim: 'There is intense fighting right now throughout Panjshir.',
    quote: true,
    speaker: 'ali-maisam-nazary',
    date: '2022-05',
    appearances: [{ source: 'nysun-liberated-districts' }],
    status: 'unverified',
    summary: 'No independent source reported on the fighting.',
    topics: ['panjshir'],
    updates: [{ date: '2026-11-20', to: 'unverified', note: 'First rating.' }],
  };
}

const BASE: Record<string, { fields: Fields; body: string }> = {
  [CLAIM_FILE]: { fields: claimFields(), body: 'Some *context*.\n' },
  [SPEAKER_FILE]: {
    fields: {
      name: 'Ali Maisam Nazary',
      kind: 'person',
      roles: [{ title: 'Head of foreign relations', seen: ['2022'] }],
      affiliation: 'national-resistance-front',
      aliases: ['Ali Nazary'],
    },
    body: 'Head of foreign relations of the National Resistance Front.\n',
  },
  [ORGANISATION_FILE]: {
    fields: { name: 'National Resistance Front of Afghanistan', kind: 'organisation', aliases: ['NRF'], side: 'national-resistance-front' },
    body: 'An armed opposition group.\n',
  },
  [OUTLET_FILE]: {
    fields: { name: 'The New York Sun', kind: 'newspaper', homepage: 'https://www.nysun.com', country: 'US' },
    body: '',
  },
  [SOURCE_FILE]: {
    fields: {
      kind: 'news-report',
      publisher: 'new-york-sun',
      title: 'Afghan Resistance Says It Liberated Districts',
      published: '2022-05-10',
      language: 'en',
    },
    body: '',
  },
  [SIDE_FILE]: {
    fields: { name: 'National Resistance Front (NRF)', party: true },
    body: '',
  },
  [MONITOR_FILE]: {
    fields: { name: 'UN Security Council monitoring team', kind: 'organisation' },
    body: '',
  },
  [OFFICIAL_FILE]: {
    fields: { name: 'A Taliban official', kind: 'unnamed', side: 'taliban' },
    body: '',
  },
  [OTHER_SIDE_FILE]: {
    fields: { name: 'Taliban', party: true },
    body: '',
  },
  [TOPIC_FILE]: {
    fields: { title: 'Panjshir', description: 'Claims about fighting and control in the Panjshir Valley.' },
    body: '',
  },
};

/**
 * How to change one file, by its path under content/:
 * - `fields` are merged over the base file's fields (or are the whole frontmatter of a new
 *   file); a field set to `undefined` is left out;
 * - `body` replaces the Markdown body;
 * - `raw` is written as the file's exact text, for broken frontmatter and other files;
 * - `null` leaves the base file out.
 */
export type FileOverride = { fields?: Fields; body?: string } | { raw: string } | null;

/** The text of a content file with these fields and body, serialized by `yaml`. */
export function contentFile(fields: Fields, body = ''): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return `---\n${stringify(defined, { lineWidth: 0 })}---\n${body ? `\n${body}` : ''}`;
}

export interface Fixture {
  /** The temporary project root; content is in `<root>/content`. */
  root: string;
  contentDir: string;
  /** Removes the folder (also done when the test finishes). */
  remove(): Promise<void>;
}

/** Writes the base tree with `overrides` applied into a new temporary folder. */
export async function writeFixture(overrides: Record<string, FileOverride> = {}): Promise<Fixture> {
  const root = await mkdtemp(join(tmpdir(), 'claimtrail-test-'));
  const contentDir = join(root, 'content');
  const remove = () => rm(root, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    // Outside a test (in a beforeAll hook): the caller removes it.
  }
  const names = new Set([...Object.keys(BASE), ...Object.keys(overrides)]);
  for (const name of names) {
    const override = overrides[name];
    if (override === null) continue;
    const base = BASE[name];
    let text: string;
    if (override && 'raw' in override) {
      text = override.raw;
    } else {
      const fields = { ...base?.fields, ...override?.fields };
      text = contentFile(fields, override?.body ?? base?.body ?? '');
    }
    const path = join(contentDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return { root, contentDir, remove };
}

export interface FixtureResult extends LoadedContent {
  /** Every problem as `npm run validate` prints it, with the temporary folder as `<tmp>`. */
  lines: string[];
  /** The lines joined, for inline snapshots (a string snapshot shows quotes unescaped). */
  report: string;
}

/** Runs the validation pass on a fixture folder, as of `TODAY`. */
export async function validate(fixture: Fixture): Promise<FixtureResult> {
  const content = await loadContent({ root: fixture.root, contentDir: fixture.contentDir, today: TODAY });
  const lines = content.problems.map((problem) => formatProblem(problem).replaceAll(fixture.root, '<tmp>'));
  return { ...content, lines, report: lines.join('\n') };
}

/** Writes the base tree with `overrides` applied, validates it and returns the result. */
export async function loadFixture(overrides: Record<string, FileOverride> = {}): Promise<FixtureResult> {
  return validate(await writeFixture(overrides));
}

/** Validates the base tree with the claim's fields changed: the common case. */
export function loadClaim(fields: Fields, body?: string): Promise<FixtureResult> {
  return loadFixture({ [CLAIM_FILE]: body === undefined ? { fields } : { fields, body } });
}
