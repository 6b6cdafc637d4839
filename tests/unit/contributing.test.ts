/**
 * CONTRIBUTING.md cannot drift from the schemas: its templates, once their TODOs are
 * filled, validate cleanly; left as they are, validate reports only their TODOs; every
 * status of the rating scale is listed with its label and definition; its `npm run new`
 * examples run; and its review checklist is the pull request template's. The GitHub files
 * beside it are checked for what keeps a pull request from a stranger harmless.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isMap, isScalar, isSeq, parse, parseDocument, type Node } from 'yaml';
import type { CollectionName } from '../../src/schemas/common.ts';
import { RATING_SCALE } from '../../src/schemas/status.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatPath, formatProblem } from '../../src/lib/content/problems.ts';
import { writeFixture } from './support/content-fixture.ts';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2026-11-21';

let guide: string;
const temporary: string[] = [];

beforeAll(async () => {
  guide = await readFile(join(PROJECT, 'CONTRIBUTING.md'), 'utf8');
});

afterAll(async () => {
  await Promise.all(temporary.map((root) => rm(root, { recursive: true, force: true })));
});

async function tempRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'claimtrail-contributing-'));
  temporary.push(root);
  return root;
}

/** The section under a heading, up to the next heading of the same level or higher (not in code). */
function section(heading: string): string {
  const lines = guide.split('\n');
  const start = lines.indexOf(heading);
  if (start === -1) throw new Error(`CONTRIBUTING.md has no "${heading}"`);
  const level = /^#+/.exec(heading)?.[0].length ?? 1;
  let fenced = false;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) fenced = !fenced;
    const depth = /^(#+) /.exec(line)?.[1]?.length;
    if (!fenced && depth !== undefined && depth <= level) break;
    body.push(line);
  }
  return body.join('\n');
}

/** The fenced blocks of one language in `text`. */
function blocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1] ?? '');
}

const TEMPLATES: { heading: string; collection: CollectionName; id: string; values: Record<string, unknown> }[] = [
  {
    heading: '### Claim: `content/claims/<speaker-surname>-<first-words>.md`',
    collection: 'claims',
    id: 'mujahid-there-is-no-fighting-in-panjshir',
    values: {
      'claim': 'There is no fighting in Panjshir.',
      'quote': true,
      'speaker': 'zabihullah-mujahid',
      'date': '2022-05',
      'appearances[0].outlet': 'tolonews',
      'appearances[0].headline': 'Mujahid: No Fighting in Panjshir',
      'appearances[0].date': '2022-05-10',
      'summary': 'No independent source has been to Panjshir to confirm or refute it.',
      'topics[0]': 'panjshir',
      'updates[0].date': '2026-11-20',
    },
  },
  {
    heading: '### Person or organisation: `content/people/<name>.md`',
    collection: 'people',
    id: 'zabihullah-mujahid',
    values: { name: 'Zabihullah Mujahid', kind: 'person' },
  },
  {
    heading: '### Outlet: `content/outlets/<name>.md`',
    collection: 'outlets',
    id: 'tolonews',
    values: { name: 'TOLOnews', kind: 'broadcaster', homepage: 'https://tolonews.com' },
  },
  {
    heading: '### Topic: `content/topics/<name>.md`',
    collection: 'topics',
    id: 'panjshir',
    values: { title: 'Panjshir', description: 'Claims about fighting and control in the Panjshir Valley.' },
  },
  {
    heading: '### Place: `content/places/<name>.md`',
    collection: 'places',
    id: 'andarab',
    values: { name: 'Andarab', kind: 'district', parent: 'baghlan' },
  },
  {
    heading: '### Measure: `content/measures/<name>.md`',
    collection: 'measures',
    id: 'nrf-fighters',
    values: { title: 'NRF fighters', definition: 'Fighters under the command of the NRF.', unit: 'fighters' },
  },
];

/** The one ```markdown template under a heading. */
function template(heading: string): string {
  const found = blocks(section(heading), 'markdown');
  expect(found, heading).toHaveLength(1);
  return found[0] ?? '';
}

/** Every scalar in the YAML that reads TODO…, with its path. */
function placeholders(node: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (isScalar(node)) return typeof node.value === 'string' && /^TODO\b/.test(node.value) ? [path] : [];
  if (isMap(node)) return node.items.flatMap((pair) => placeholders(pair.value, [...path, String((pair.key as Node & { value: unknown }).value)]));
  if (isSeq(node)) return node.items.flatMap((item, index) => placeholders(item, [...path, index]));
  return [];
}

/** The template with each TODO replaced by the test's value; the comments are kept. */
function fill(text: string, values: Record<string, unknown>): string {
  const split = splitFrontmatter(text);
  if (!split) throw new Error('the template has no frontmatter');
  const document = parseDocument(split.yaml);
  expect(document.errors).toEqual([]);
  const paths = placeholders(document.contents);
  // Every TODO has a value here, and every value here has a TODO: the two lists agree.
  expect(paths.map(formatPath).sort()).toEqual(Object.keys(values).sort());
  for (const path of paths) document.setIn(path, values[formatPath(path)]);
  return `---\n${document.toString()}---\n${split.body}`;
}

async function writeTree(files: Record<string, string>): Promise<string> {
  const root = await tempRoot();
  for (const [file, text] of Object.entries(files)) {
    const path = join(root, 'content', file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return root;
}

const validate = async (root: string) =>
  (await loadContent({ root, contentDir: join(root, 'content'), today: TODAY })).problems.map(formatProblem);

describe('the templates', () => {
  test('filled in, the templates make a content tree that validates', async () => {
    const files = Object.fromEntries(TEMPLATES.map(({ heading, collection, id, values }) =>
      [`${collection}/${id}.md`, fill(template(heading), values)]));
    // The place template's parent, and its parent.
    files['places/baghlan.md'] = '---\nname: Baghlan\nkind: province\nparent: afghanistan\n---\n';
    files['places/afghanistan.md'] = '---\nname: Afghanistan\nkind: country\n---\n';
    const root = await writeTree(files);
    expect(await validate(root)).toEqual([]);
    const content = await loadContent({ root, contentDir: join(root, 'content'), today: TODAY });
    expect([...content.entries.claims.keys()]).toEqual(['mujahid-there-is-no-fighting-in-panjshir']);
    expect(content.entries.claims.get('mujahid-there-is-no-fighting-in-panjshir')?.data).toMatchObject({
      quote: true, status: 'unverified', evidence: [], updates: [{ date: '2026-11-20', to: 'unverified', note: 'First rating.' }],
    });
  });

  test('as they are, validate reports their TODOs and nothing else', async () => {
    const files = Object.fromEntries(TEMPLATES.map(({ heading, collection, id }) => [`${collection}/${id}.md`, template(heading)]));
    const root = await writeTree(files);
    const problems = await validate(root);
    const expected = TEMPLATES.flatMap(({ collection, id, values }) =>
      Object.keys(values).map((field) => `content/${collection}/${id}.md ${field}`));
    const found = problems.map((line) => {
      const match = /^(\S+):\d+: (\S+): is still a placeholder: "TODO/.exec(line);
      return match ? `${match[1]} ${match[2]}` : `not a placeholder: ${line}`;
    });
    expect(found.sort()).toEqual(expected.sort());
  });

  test('every field the templates mention as optional is a field of that kind of file', async () => {
    // The commented lines, uncommented, still validate (with example values).
    const optional = (heading: string) => template(heading).split('\n')
      .filter((line) => /^# [a-z]+: /.test(line) && !/^# [a-z]+: (?:TODO|A |One |Its |The |Optional)/.test(line))
      .map((line) => line.slice(2));
    const person = optional(TEMPLATES[1]?.heading ?? '');
    expect(person.map((line) => line.split(':')[0])).toEqual(['role', 'affiliation', 'aliases', 'url']);
    const outlet = optional(TEMPLATES[2]?.heading ?? '');
    expect(outlet.map((line) => line.split(':')[0])).toEqual(['country']);
    const root = await writeTree({
      'people/national-resistance-front.md': '---\nname: NRF\nkind: organisation\n---\n',
      'people/ali-maisam-nazary.md': `---\nname: Ali Maisam Nazary\nkind: person\n${person.join('\n').replace('https://...', 'https://www.example.org/nazary')}\n---\n`,
      'outlets/new-york-sun.md': `---\nname: The New York Sun\nkind: newspaper\nhomepage: https://www.nysun.com\n${outlet.join('\n')}\n---\n`,
    });
    expect(await validate(root)).toEqual([]);
  });
});

describe('the rating scale', () => {
  test.each(RATING_SCALE.map((rating) => [rating.value, rating]))('%s is listed with its label and definition', (_, rating) => {
    const table = section('## The rating scale');
    const row = table.split('\n').find((line) => line.startsWith(`| \`${rating.value}\` |`));
    expect(row, rating.value).toBeDefined();
    expect(row).toContain(`| ${rating.label} |`);
    expect(row).toContain(`| ${rating.definition} |`);
    expect(row).toMatch(rating.requires ? new RegExp(`\\| ${rating.requires} it \\|$`) : /\| \(none\) \|$/);
  });

  test('and nothing else', () => {
    const table = section('## The rating scale').split('\n').filter((line) => line.startsWith('|'));
    const rows = table.slice(table.findIndex((line) => line.startsWith('|---')) + 1);
    expect(rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1])).toEqual(RATING_SCALE.map((rating) => rating.value));
  });
});

describe('the rest of the guide', () => {
  test('links the methodology page', () => {
    expect(guide).toContain('(https://claimtrail.org/methodology/)');
    expect(guide).toContain('`/methodology/`');
  });

  test('its `npm run new` examples run, and what they write validates', async () => {
    // The fixture tree, plus the ids the examples name that it lacks.
    const { root, contentDir: content } = await writeFixture({
      'topics/battlefield-claims.md': { fields: { title: 'Battlefield claims', description: 'Claims about who holds what ground.' } },
      'people/taliban.md': { fields: { name: 'Taliban', kind: 'organisation' } },
      'places/afghanistan.md': { fields: { name: 'Afghanistan', kind: 'country' } },
      'places/panjshir.md': { fields: { name: 'Panjshir', kind: 'province', parent: 'afghanistan' } },
    });
    const commands = blocks(guide, 'sh').flatMap((block) => block.split('\n')).filter((line) => /^npm run new -- \S+ --/.test(line));
    expect(commands.length).toBeGreaterThanOrEqual(4);
    const written: string[] = [];
    for (const command of commands) {
      const args = [...command.slice('npm run new -- '.length).matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)]
        .map((match) => match[1] ?? match[2] ?? match[3] ?? '');
      const result = spawnSync(process.execPath, ['src/cli/new.ts', ...args, '--content', content], {
        cwd: PROJECT, encoding: 'utf8', timeout: 90_000,
      });
      expect(result.stderr, command).toBe('');
      expect(result.status, command).toBe(0);
      written.push(/^Created (.+)$/m.exec(result.stdout)?.[1] ?? '');
    }
    expect(written.filter((path) => path === ''), 'commands that printed no "Created" line').toEqual([]);
    // The whole tree validates: the fixture was valid, so any problem is in a written file.
    expect((await loadContent({ root, contentDir: content })).problems.map(formatProblem)).toEqual([]);
  });

  test('its review checklist is the pull request template\'s', async () => {
    const pullRequest = await readFile(join(PROJECT, '.github/pull_request_template.md'), 'utf8');
    const checklist = pullRequest.split('\n').filter((line) => line.startsWith('- [ ] ')).map((line) => line.slice(6));
    const review = section('## What review checks').replace(/\n {2}/g, ' ').split('\n')
      .filter((line) => line.startsWith('- ')).map((line) => line.slice(2));
    expect(checklist.length).toBeGreaterThanOrEqual(8);
    expect(review).toEqual(checklist);
  });
});

describe('the GitHub files', () => {
  test('CI runs on pull_request with a read-only token, no secrets, and no event data in a shell', async () => {
    const text = await readFile(join(PROJECT, '.github/workflows/ci.yml'), 'utf8');
    const workflow = parse(text) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
    };
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.on['push']).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const code = text.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
    expect(code).not.toMatch(/pull_request_target|secrets\.|workflow_run|github\.event/);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    for (const step of steps) if (step.run) expect(step.run, step.run).not.toContain('${{');
    const runs = steps.map((step) => step.run ?? step.uses ?? '').join('\n');
    expect(runs).toMatch(/actions\/checkout@v\d+\n[\s\S]*actions\/setup-node@v\d+/);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22);
    expect(runs).toContain('apt-get install -y --no-install-recommends ca-certificates git chromium');
    expect(runs).toMatch(/npm install --no-audit --no-fund\nnpm run validate\nnpm test$/);
  });

  test('the site\'s "Report a correction" link opens the labelled correction form with the claim filled in', async () => {
    const form = parse(await readFile(join(PROJECT, '.github/ISSUE_TEMPLATE/correction.yml'), 'utf8')) as {
      title: string; labels: string[]; body: { type: string; id?: string; validations?: { required: boolean } }[];
    };
    const { correctionUrl } = await import('../../src/lib/links.ts');
    const link = new URL(correctionUrl('some-claim'));
    expect(link.searchParams.get('template')).toBe('correction.yml');
    expect(form.labels).toEqual(['correction']);
    expect(link.searchParams.get('title')?.startsWith(form.title)).toBe(true);
    expect(link.searchParams.get('claim')).toBe('https://claimtrail.org/claims/some-claim/');
    expect(form.body.filter((field) => field.id).map((field) => [field.id, field.validations?.required]))
      .toEqual([['claim', true], ['problem', true], ['source', true]]);
    const config = parse(await readFile(join(PROJECT, '.github/ISSUE_TEMPLATE/config.yml'), 'utf8')) as { blank_issues_enabled: boolean };
    // Other reports (a missing claim, a site problem) still open as blank issues.
    expect(config.blank_issues_enabled).toBe(true);
  });
});
