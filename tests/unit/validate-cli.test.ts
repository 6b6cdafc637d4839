/**
 * `npm run validate` (src/cli/validate.ts) as a contributor and CI run it: the exit code,
 * one line per problem, GitHub annotations on Actions, and no file ever written.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CLAIM_FILE, OUTLET_FILE, writeFixture, type Fixture } from './support/content-fixture.ts';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI from the project root on a fixture, as `npm run validate -- --content DIR`. */
function runCli(fixture: Fixture, env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env)
    .filter(([name]) => name !== 'GITHUB_ACTIONS' && name !== 'CLAIMTRAIL_CONTENT'));
  const result = spawnSync(process.execPath, ['src/cli/validate.ts', '--content', fixture.contentDir], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...base, NO_COLOR: '1', ...env },
  });
  // File names are printed relative to the project root; the fixture lives elsewhere.
  const normalise = (text: string) => text
    .replaceAll(relative(PROJECT, fixture.root), '<tmp>')
    .replaceAll(fixture.root, '<tmp>')
    .replace(/\(\d+ ms\)/, '(N ms)');
  return { status: result.status, stdout: normalise(result.stdout), stderr: normalise(result.stderr) };
}

/** Every file under `dir` with a hash of its bytes and its modification time. */
async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const dirent of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(dirent.parentPath, dirent.name);
    const info = await stat(path);
    if (dirent.isFile()) {
      tree[relative(dir, path)] = `${createHash('sha256').update(await readFile(path)).digest('hex')} ${info.mtimeMs}`;
    } else {
      tree[`${relative(dir, path)}/`] = 'folder';
    }
  }
  return tree;
}

const BROKEN = {
  [CLAIM_FILE]: { fields: { status: 'verifed', speaker: 'ali-maisam-nazari' }, body: 'Text <script>alert(1)</script>\n' },
  [OUTLET_FILE]: { fields: { homepage: 'http://www.nysun.com' } },
};

describe('npm run validate', () => {
  test('valid content: exit 0 and the count of files', async () => {
    const result = runCli(await writeFixture());
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchInlineSnapshot(`
      "5 content files are valid (N ms)
      "
    `);
    expect(result.status).toBe(0);
  });

  test('content with problems: exit 1 and one line per problem on stderr', async () => {
    const result = runCli(await writeFixture(BROKEN));
    expect(result.stderr).toMatchInlineSnapshot(`
      "<tmp>/content/claims/intense-fighting.md:4: speaker: unknown person "ali-maisam-nazari" (did you mean "ali-maisam-nazary"?)
      <tmp>/content/claims/intense-fighting.md:10: status: "verifed" is not an allowed value (did you mean "unverified"? allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)
      <tmp>/content/claims/intense-fighting.md:20: <script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)
      <tmp>/content/outlets/new-york-sun.md:4: homepage: must be a full https:// link (e.g. https://www.example.org/article)

      4 problems in 2 files
      "
    `);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(1);
  });

  test('on GitHub Actions: annotations too', async () => {
    const result = runCli(await writeFixture(BROKEN), { GITHUB_ACTIONS: 'true' });
    expect(result.stdout).toMatchInlineSnapshot(`
      "::error file=<tmp>/content/claims/intense-fighting.md,line=4,title=speaker::unknown person "ali-maisam-nazari" (did you mean "ali-maisam-nazary"?)
      ::error file=<tmp>/content/claims/intense-fighting.md,line=10,title=status::"verifed" is not an allowed value (did you mean "unverified"? allowed: corroborated, partly-corroborated, unverified, disputed, contradicted, not-checkable)
      ::error file=<tmp>/content/claims/intense-fighting.md,line=20::<script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)
      ::error file=<tmp>/content/outlets/new-york-sun.md,line=4,title=homepage::must be a full https:// link (e.g. https://www.example.org/article)
      "
    `);
    expect(result.stderr).toBe(runCli(await writeFixture(BROKEN)).stderr);
    expect(result.status).toBe(1);
  });

  test('a content folder that does not exist is a problem, not a crash', async () => {
    const fixture = await writeFixture();
    const result = runCli({ ...fixture, contentDir: join(fixture.root, 'missing') });
    expect(result.stderr).toMatchInlineSnapshot(`
      "<tmp>/missing/: does not exist (content lives in content/claims/, content/people/, content/outlets/, content/topics/, content/measures/ and content/places/)

      1 problem in 1 file
      "
    `);
    expect(result.status).toBe(1);
  });

  test('never modifies, creates or deletes a file', async () => {
    for (const overrides of [{}, BROKEN]) {
      const fixture = await writeFixture(overrides);
      const before = await snapshotTree(fixture.root);
      runCli(fixture, { GITHUB_ACTIONS: 'true' });
      expect(await snapshotTree(fixture.root)).toEqual(before);
      expect(Object.keys(before).length).toBeGreaterThan(5);
    }
  });
});
