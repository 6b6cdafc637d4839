/**
 * `npm run new` (src/cli/new.ts) as a contributor runs it, in copies of a small fixture content
 * tree (tests/unit/support/content-fixture.ts, plus a second topic):
 * with every flag the file validates; with flags left out `npm run validate` names exactly
 * the fields still to fill; a second run never touches the first file; without a terminal
 * and without flags it writes the template and never waits for input.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { localToday } from '../../src/cli/new/fields.ts';
import { writeFixture } from './support/content-fixture.ts';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * How long one CLI run may take before it counts as hanging (e.g. waiting for input that
 * never comes): long, since a busy two-core machine can keep a Node start waiting for
 * seconds. The tests' own timeouts (tests/vitest.config.ts) are longer still.
 */
const CHILD_TIMEOUT = 90_000;

/** The environment without anything that would point the CLIs somewhere else. */
const ENV = Object.fromEntries(Object.entries(process.env)
  .filter(([name]) => name !== 'CLAIMTRAIL_CONTENT' && name !== 'GITHUB_ACTIONS'));

const temporary: string[] = [];
let pristine: string;

/** A fresh copy of the fixture content and the SETUP entries (made once) in a new temporary folder. */
async function copyContent(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'claimtrail-new-'));
  temporary.push(root);
  const content = join(root, 'content');
  await cp(pristine, content, { recursive: true });
  return content;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error | undefined;
}

/**
 * Runs a CLI as `npm run` would, without a terminal. Standard input is a pipe, closed after
 * `input`; with `openInput` it stays open and empty, as a CI job's can, to prove nothing waits.
 */
function run(script: 'new' | 'validate', args: string[], options: { input?: string; openInput?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [`src/cli/${script}.ts`, ...args], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...ENV, NO_COLOR: '1', ...options.env },
      timeout: CHILD_TIMEOUT,
    }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout, stderr, error: error && status === null ? error : undefined });
    });
    if (!options.openInput) child.stdin?.end(options.input ?? '');
  });
}

const newFile = (content: string, args: string[], options?: { input?: string; openInput?: boolean }) =>
  run('new', [...args, '--content', content], options);
const validate = (content: string) => run('validate', ['--content', content]);

/** The file `npm run new` says it created. */
function createdPath(result: Run): string {
  const path = /^Created (.+)$/m.exec(result.stdout)?.[1];
  if (!path) throw new Error(`no "Created" line in:\n${result.stdout}\n${result.stderr}`);
  return path;
}

/** The fields validate reports in `file`, and whether every problem is a placeholder in it. */
function reported(result: Run, file: string): { fields: string[]; lines: string[] } {
  const lines = result.stderr.split('\n').filter((line) => /:\d+: /.test(line) || /\.md: /.test(line));
  const name = relative(PROJECT, file);
  return {
    fields: lines.map((line) => (line.startsWith(`${name}:`) && / is still a placeholder: "TODO/.test(line)
      ? /^[^:]+:\d+: ([^:]+): /.exec(line)?.[1] ?? line : `not a placeholder in the new file: ${line}`)).sort(),
    lines,
  };
}

async function frontmatter(path: string): Promise<Record<string, unknown>> {
  const split = splitFrontmatter(await readFile(path, 'utf8'));
  if (!split) throw new Error(`${path} has no frontmatter`);
  return parse(split.yaml) as Record<string, unknown>;
}

/** Entries the claim tests point at, made with the CLI itself so the test needs no seed ids. */
const SETUP: string[][] = [
  ['person', '--name', 'Islamic Emirate of Afghanistan', '--kind', 'organisation'],
  ['person', '--name', 'Zabihullah Mujahid', '--kind', 'person', '--role', 'Spokesman', '--affiliation', 'islamic-emirate-of-afghanistan'],
  ['outlet', '--name', 'TOLOnews', '--kind', 'broadcaster', '--homepage', 'https://tolonews.com', '--country', 'AF'],
  ['topic', '--title', 'Test topic', '--description', 'Claims made up for the tests of npm run new.'],
];

const CLAIM_FLAGS = [
  'claim',
  '--speaker', 'zabihullah-mujahid',
  '--claim', 'There is no fighting in Panjshir: "peace" has returned.',
  '--quote',
  '--date', '2022-05',
  '--outlet', 'tolonews',
  '--headline', 'Mujahid: No Fighting in Panjshir',
  '--published', '2022-05-10',
  '--status', 'unverified',
  '--summary', 'No independent source has been to Panjshir to confirm or refute it.',
  '--topic', 'test-topic',
];

/** A content copy with the SETUP entries in it (made once, in beforeAll). */
const contentWithSetup = () => copyContent();

/** `flags` without the flag `name` and its value. */
function without(flags: string[], ...names: string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < flags.length; index++) {
    const flag = flags[index] ?? '';
    if (!names.includes(flag)) {
      out.push(flag);
    } else if (flag !== '--quote' && flag !== '--reported') {
      index++;
    }
  }
  return out;
}

beforeAll(async () => {
  const fixture = await writeFixture({
    'topics/al-qaeda.md': { fields: { title: 'Al-Qaeda', description: 'Claims about al-Qaeda in Afghanistan.' } },
  });
  temporary.push(fixture.root);
  pristine = fixture.contentDir;
  for (const args of SETUP) {
    const result = await newFile(pristine, args);
    if (result.status !== 0 || result.stderr) throw new Error(`npm run new -- ${args.join(' ')} failed:\n${result.stderr}`);
  }
});

afterAll(async () => {
  await Promise.all(temporary.map((root) => rm(root, { recursive: true, force: true })));
});

describe.concurrent('(a) every flag given: a file that validates', () => {
  test.each([
    ['person', SETUP[1] ?? [], 'people/zabihullah-mujahid-2.md'],
    ['outlet', SETUP[2] ?? [], 'outlets/tolonews-2.md'],
    ['topic', SETUP[3] ?? [], 'topics/test-topic-2.md'],
    ['place', ['place', '--name', 'Afghanistan', '--kind', 'country'], 'places/afghanistan.md'],
  ])('%s', async (_, flags, expected) => {
    const content = await contentWithSetup();
    const result = await newFile(content, flags);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(createdPath(result)).toBe(join(content, expected));
    expect(result.stdout).not.toContain('TODO');
    const validated = await validate(content);
    expect(validated.stderr).toBe('');
    expect(validated.status).toBe(0);
  });

  test('the SETUP entries themselves are exactly what was given', async () => {
    const content = await contentWithSetup();
    expect(await frontmatter(join(content, 'people/zabihullah-mujahid.md'))).toEqual({
      name: 'Zabihullah Mujahid', kind: 'person', role: 'Spokesman', affiliation: 'islamic-emirate-of-afghanistan',
    });
    expect(await frontmatter(join(content, 'outlets/tolonews.md'))).toEqual({
      name: 'TOLOnews', kind: 'broadcaster', homepage: 'https://tolonews.com', country: 'AF',
    });
    expect(await frontmatter(join(content, 'topics/test-topic.md'))).toEqual({
      title: 'Test topic', description: 'Claims made up for the tests of npm run new.',
    });
  });

  test('a place in a place, with its other spellings', async () => {
    const content = await contentWithSetup();
    expect((await newFile(content, ['place', '--name', 'Afghanistan', '--kind', 'country'])).status).toBe(0);
    const result = await newFile(content, ['place', '--name', 'Panjshir', '--kind', 'province', '--parent', 'afghanistan',
      '--alias', 'Panjsher', '--alias', 'Panjshēr, Panjshayr']);
    expect(result.stderr).toBe('');
    const path = createdPath(result);
    expect(path).toBe(join(content, 'places/panjshir.md'));
    expect(await frontmatter(path)).toEqual({ name: 'Panjshir', kind: 'province', parent: 'afghanistan', aliases: ['Panjsher', 'Panjshēr', 'Panjshayr'] });
    expect((await validate(content)).status).toBe(0);
  });

  test('a district without --parent gets a TODO, and a parent that does not exist is refused', async () => {
    const content = await contentWithSetup();
    const left = await newFile(content, ['place', '--name', 'Abshar', '--kind', 'district']);
    expect(left.status).toBe(0);
    expect(left.stdout).toContain('Still to fill in (marked TODO): parent');
    const refused = await newFile(content, ['place', '--name', 'Abshar', '--kind', 'district', '--parent', 'panjsher']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^--parent: unknown place "panjsher"/);
  });

  test('claim', async () => {
    const content = await contentWithSetup();
    const result = await newFile(content, CLAIM_FLAGS);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const path = createdPath(result);
    // The speaker's surname and the claim's first words.
    expect(path).toBe(join(content, 'claims/mujahid-there-is-no-fighting-in-panjshir.md'));
    expect(await frontmatter(path)).toEqual({
      claim: 'There is no fighting in Panjshir: "peace" has returned.',
      quote: true,
      speaker: 'zabihullah-mujahid',
      date: '2022-05',
      appearances: [{ outlet: 'tolonews', headline: 'Mujahid: No Fighting in Panjshir', date: '2022-05-10' }],
      status: 'unverified',
      summary: 'No independent source has been to Panjshir to confirm or refute it.',
      topics: ['test-topic'],
      evidence: [],
      updates: [{ date: localToday(), to: 'unverified', note: 'First rating.' }],
    });
    const validated = await validate(content);
    expect(validated.stderr).toBe('');
    expect(validated.status).toBe(0);
  });

  test('--reported, --url, several topics, and the article dated like the claim', async () => {
    const content = await contentWithSetup();
    const flags = [...without(CLAIM_FLAGS, '--quote', '--published'), '--reported', '--url', 'https://tolonews.com/afghanistan-178000',
      '--topic', 'panjshir,al-qaeda'];
    const result = await newFile(content, flags);
    expect(result.status).toBe(0);
    const data = await frontmatter(createdPath(result));
    expect(data['quote']).toBe(false);
    expect(data['topics']).toEqual(['test-topic', 'panjshir', 'al-qaeda']);
    expect(data['appearances']).toEqual([{ outlet: 'tolonews', headline: 'Mujahid: No Fighting in Panjshir', date: '2022-05',
      url: 'https://tolonews.com/afghanistan-178000' }]);
    expect((await validate(content)).status).toBe(0);
  });
});

describe.concurrent('(b) flags left out: validate names exactly the fields still to fill', () => {
  test.each([
    ['claim without --headline and --summary', without(CLAIM_FLAGS, '--headline', '--summary'),
      ['appearances[0].headline', 'summary']],
    ['claim without --status: the status and the first update', without(CLAIM_FLAGS, '--status'), ['status', 'updates[0].to']],
    ['claim without --quote or --reported', without(CLAIM_FLAGS, '--quote'), ['quote']],
    ['claim without --date: the claim date and the article date', without(CLAIM_FLAGS, '--date', '--published'),
      ['appearances[0].date', 'date']],
    ['claim without --speaker, --outlet and --topic', without(CLAIM_FLAGS, '--speaker', '--outlet', '--topic'),
      ['appearances[0].outlet', 'speaker', 'topics[0]']],
    ['claim rated disputed: the evidence it needs', [...without(CLAIM_FLAGS, '--status'), '--status', 'disputed'],
      ['evidence[0].source', 'evidence[0].summary']],
    ['claim with only --speaker', ['claim', '--speaker', 'zabihullah-mujahid'],
      ['appearances[0].date', 'appearances[0].headline', 'appearances[0].outlet', 'claim', 'date', 'quote', 'status',
        'summary', 'topics[0]', 'updates[0].to']],
    ['person without --kind', ['person', '--name', 'Ahmad Massoud Junior'], ['kind']],
    ['person without --name', ['person', '--kind', 'unnamed', '--role', 'A Taliban commander'], ['name']],
    ['outlet without --homepage', ['outlet', '--name', 'Amu TV', '--kind', 'online-news'], ['homepage']],
    ['outlet with only --country', ['outlet', '--country', 'GB'], ['homepage', 'kind', 'name']],
    ['topic without --description', ['topic', '--title', 'Drones'], ['description']],
  ])('%s', async (_, flags, fields) => {
    const content = await contentWithSetup();
    const result = await newFile(content, flags);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const path = createdPath(result);
    // The CLI lists them too, in the file's order.
    expect(/^Still to fill in \(marked TODO\): (.+)$/m.exec(result.stdout)?.[1]?.split(', ').sort()).toEqual(fields);
    const validated = await validate(content);
    expect(validated.status).toBe(1);
    expect(reported(validated, path).fields).toEqual(fields);
  });
});

describe.concurrent('(c) a second run never touches the first file', () => {
  test.each([
    ['claim', CLAIM_FLAGS],
    ['person', SETUP[1] ?? []],
    ['outlet', SETUP[2] ?? []],
    ['topic', SETUP[3] ?? []],
  ])('%s', async (_, flags) => {
    const content = await contentWithSetup();
    const first = createdPath(await newFile(content, flags));
    const before = await readFile(first);
    const second = await newFile(content, flags);
    expect(second.status).toBe(0);
    const path = createdPath(second);
    expect(path).not.toBe(first);
    expect(path).toMatch(/-\d\.md$/);
    expect((await readFile(first)).equals(before)).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(before.toString('utf8'));
  });

  test('an id taken in a subfolder, or by an .mdx file, is skipped too', async () => {
    const content = await copyContent();
    await mkdir(join(content, 'topics/archive'), { recursive: true });
    await writeFile(join(content, 'topics/archive/drones.md'), 'old');
    await writeFile(join(content, 'topics/drones-2.mdx'), 'old');
    const result = await newFile(content, ['topic', '--title', 'Drones', '--description', 'Claims about drone strikes.']);
    expect(createdPath(result)).toBe(join(content, 'topics/drones-3.md'));
    expect(await readFile(join(content, 'topics/archive/drones.md'), 'utf8')).toBe('old');
  });
});

describe.concurrent('(d) no terminal and no flags: the template, at once', () => {
  test.each([
    ['claim', ['appearances[0].date', 'appearances[0].headline', 'appearances[0].outlet', 'claim', 'date', 'quote', 'speaker',
      'status', 'summary', 'topics[0]', 'updates[0].to']],
    ['person', ['kind', 'name']],
    ['outlet', ['homepage', 'kind', 'name']],
    ['topic', ['description', 'title']],
    ['place', ['kind', 'name', 'parent']],
  ])('%s', async (kind, fields) => {
    const content = await copyContent();
    // stdin is a pipe that stays open and empty: no terminal, and nothing will ever come.
    // Had it waited for input, it would have been killed (an error) instead of exiting.
    const result = await newFile(content, [kind], { openInput: true });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No terminal to ask at');
    const path = createdPath(result);
    expect(path).toBe(join(content, `${{ claim: 'claims', person: 'people', outlet: 'outlets', topic: 'topics', place: 'places' }[kind]}/new-${kind}.md`));
    const validated = await validate(content);
    expect(validated.status).toBe(1);
    expect(reported(validated, path).fields).toEqual(fields);
  });
});

describe.concurrent('answers are data, never code or YAML', () => {
  test('YAML-looking and shell-looking values are written as text, exactly', async () => {
    const content = await copyContent();
    const name = '$(touch pwned); `touch pwned2` | rm -rf ~ #: - [x] {y} &a *a !!js/function "q" \'s\'';
    const result = await newFile(content, ['person', '--name', name, '--kind', 'person', '--role=---\nrole: injected\n---']);
    expect(result.status).toBe(0);
    const path = createdPath(result);
    expect(path).toBe(join(content, 'people/touch-pwned-touch-pwned2-rm-rf-x-y-a-a-js-function-q-s.md'));
    expect(await frontmatter(path)).toEqual({ name, kind: 'person', role: '---\nrole: injected\n---' });
    expect((await validate(content)).status).toBe(0);
    for (const dir of [PROJECT, content, join(content, 'people')]) {
      expect(existsSync(join(dir, 'pwned'))).toBe(false);
      expect(existsSync(join(dir, 'pwned2'))).toBe(false);
    }
  });

  test('no shell anywhere in the CLI, and only the build and cms scripts start processes', async () => {
    const files = (await readdir(join(PROJECT, 'src/cli'), { recursive: true })).filter((file) => file.endsWith('.ts'));
    expect(files).toContain('new.ts');
    for (const file of files) {
      const source = await readFile(join(PROJECT, 'src/cli', file), 'utf8');
      expect(source, file).not.toMatch(/\bexec(Sync)?\(|shell:/);
      // `npm run build` runs Astro, and `npm run cms` the dev server, as child processes, with
      // an argument list and no shell; nothing a contributor wrote (a file name, a field) is
      // among their arguments. (`npm run cms` starts decap-server the same way, from src/lib/editor/.)
      if (file !== 'build.ts' && file !== 'cms.ts') expect(source, file).not.toMatch(/child_process/);
    }
  });
});

describe.concurrent('mistakes in flags', () => {
  test('wrong values are named by flag, with what would be right, and nothing is written', async () => {
    const content = await contentWithSetup();
    const before = (await readdir(content, { recursive: true })).sort();
    const result = await newFile(content, ['claim', '--speaker', 'zabihullah-mujahed', '--status', 'verifed', '--date', '2022-13',
      '--topic', 'test-topic,test-topic', '--outlet', 'Tolo News']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    // The same words validate uses: `npm run new` checks the file it would write with validate's checks.
    expect(result.stderr).toBe([
      '--speaker: unknown person "zabihullah-mujahed" (did you mean "zabihullah-mujahid"?)',
      '--date: "2022-13" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022)',
      '--outlet: must be an id from content/outlets/: lowercase letters, digits and hyphens',
      '--outlet: unknown outlet "Tolo News" (did you mean "tolonews"?)',
      '--status: "verifed" is not an allowed value (did you mean "unverified"? allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)',
      '--topic: lists "test-topic" twice',
      'Nothing was written.',
      '',
    ].join('\n'));
    expect((await readdir(content, { recursive: true })).sort()).toEqual(before);
  });

  test('rules across fields: quotation marks around a quote, an article before the claim, an affiliation that is a person', async () => {
    const content = await contentWithSetup();
    const quoted = await newFile(content, [...without(CLAIM_FLAGS, '--claim'), '--claim', '“No fighting.”']);
    expect(quoted.stderr).toBe('--claim: is wrapped in quotation marks (leave them out: the page marks quotes itself)\nNothing was written.\n');
    const early = await newFile(content, [...without(CLAIM_FLAGS, '--published'), '--published', '2022-04']);
    expect(early.stderr).toBe('--published: 2022-04 is before the claim was said (2022-05) (an article cannot report a claim before it was made; check both dates)\nNothing was written.\n');
    const affiliated = await newFile(content, ['person', '--name', 'X', '--kind', 'person', '--affiliation', 'zabihullah-mujahid']);
    expect(affiliated.stderr).toBe('--affiliation: "zabihullah-mujahid" is a person, not an organisation (an affiliation points at a people entry with kind: organisation)\nNothing was written.\n');
    expect([quoted.status, early.status, affiliated.status]).toEqual([1, 1, 1]);
  });

  test('a flag of another kind, an unknown flag, and no kind at all', async () => {
    const content = await copyContent();
    expect((await newFile(content, ['topic', '--title', 'X', '--speaker', 'y'])).stderr).toMatch(/^--speaker: not a field of a topic \(a topic takes --title --description\)/);
    expect((await newFile(content, ['claim', '--headlin', 'X'])).stderr).toMatch(/^Unknown option '--headlin'/);
    const none = await newFile(content, []);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/^What should it start\? Write claim, person, outlet or topic/);
    expect((await run('new', ['--help'])).stdout).toMatch(/^Start a new content file:/);
  });
});

describe('where it writes', () => {
  test('CLAIMTRAIL_CONTENT, as the build and validate read it', async () => {
    const content = await copyContent();
    const result = await run('new', ['topic', '--title', 'Drones', '--description', 'Claims about drones.'], { env: { CLAIMTRAIL_CONTENT: content } });
    expect(result.status).toBe(0);
    expect(createdPath(result)).toBe(join(content, 'topics/drones.md'));
  });
});

describe.concurrent('at a prompt', () => {
  test('answers are checked as they are given, and a wrong one is asked again', async () => {
    const content = await contentWithSetup();
    const answers = [
      'zabihullah-mujahed', // a typo: asked again
      'zabihullah-mujahid',
      'There is no fighting in Panjshir.',
      'y',
      '2022-05-40', // not a date
      '2022-05',
      'tolonews',
      'Mujahid: No Fighting in Panjshir',
      '2022-04', // before the claim
      '', // the same date as the claim
      'http://tolonews.com', // not https
      '',
      '9', // not on the scale
      '3',
      '', // summary left for later
      'test-topic, panjshir',
    ];
    const result = await newFile(content, ['claim', '--interactive'], { input: `${answers.join('\n')}\n` });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('unknown person "zabihullah-mujahed" (did you mean "zabihullah-mujahid"?');
    expect(result.stdout).toContain('"2022-05-40" is not a date');
    expect(result.stdout).toContain('2022-04 is before the claim was said (2022-05)');
    expect(result.stdout).toContain('must be a full https:// link');
    expect(result.stdout).toContain('choose 1 to 6, or write the value');
    expect(result.stdout).toContain('3. unverified: No independent evidence yet confirms or refutes the claim.');
    const path = createdPath(result);
    expect(await frontmatter(path)).toEqual({
      claim: 'There is no fighting in Panjshir.',
      quote: true,
      speaker: 'zabihullah-mujahid',
      date: '2022-05',
      appearances: [{ outlet: 'tolonews', headline: 'Mujahid: No Fighting in Panjshir', date: '2022-05' }],
      status: 'unverified',
      summary: 'TODO: one sentence saying why the claim has this status',
      topics: ['test-topic', 'panjshir'],
      evidence: [],
      updates: [{ date: localToday(), to: 'unverified', note: 'First rating.' }],
    });
    expect(reported(await validate(content), path).fields).toEqual(['summary']);
  });

  test('the end of input leaves the remaining fields as TODO', async () => {
    const content = await copyContent();
    const result = await newFile(content, ['topic', '-i'], { input: 'Drones\n' });
    expect(result.status).toBe(0);
    expect(await frontmatter(createdPath(result))).toEqual({
      title: 'Drones',
      description: 'TODO: one or two sentences saying what claims the topic gathers',
    });
  });
});
