/**
 * Proof that MDX in contributed content never runs: canaries that would write a file the
 * moment they were compiled as MDX are put in a copy of the fixture content
 * (tests/e2e/fixtures/content/), and `astro build` must refuse them, naming each file and
 * line, without either canary file ever appearing. A full build, so it lives with the
 * browser and integration tests, not the unit tests.
 *
 * The build runs in a temporary copy of the project (its own `.astro/` and Vite caches, so
 * it cannot disturb builds in the working tree), reading content from CLAIMTRAIL_CONTENT.
 * A control compiles the same payload with MDX directly, to show the canary is live.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_CONTENT } from './support/paths.ts';
import { copyProject } from './support/project-copy.ts';

const CLAIM_FRONTMATTER = `---
claim: The canary sang.
quote: false
speaker: example-person
date: 2022-05
appearances:
  - source: example-gazette-convoy-reaches-town
    quote: false
    locator: page 2
status: unverified
summary: No independent source has heard it.
topics: [example-fighting]
updates:
  - date: 2026-11-20
    to: unverified
    note: First rating.
---
`;

/** An MDX body that writes `<dir>/canary-written` when exported and `<dir>/canary-expression` when rendered. */
const mdxPayload = (dir: string) => [
  `export const x = (await import('node:fs')).writeFileSync(${JSON.stringify(join(dir, 'canary-written'))}, 'x')`,
  '',
  `{process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(join(dir, 'canary-expression'))}, 'x')}`,
  '',
].join('\n');

/** A Markdown body that imports fs and writes `<dir>/canary2` in an expression. */
const importPayload = (dir: string) => [
  "import fs from 'node:fs'",
  '',
  `{fs.writeFileSync(${JSON.stringify(join(dir, 'canary2'))}, 'x')}`,
  '',
].join('\n');

const CANARIES = ['canary-written', 'canary-expression', 'canary2'];

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'claimtrail-canary-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('MDX in content never executes', () => {
  test('the canary payload is live: compiled as MDX, it writes its files', async () => {
    const control = join(root, 'control');
    await mkdir(control);
    const { evaluate } = await import('@mdx-js/mdx');
    const runtime = { Fragment: Symbol('Fragment'), jsx: () => null, jsxs: () => null };
    const module = await evaluate(mdxPayload(control), { ...runtime, baseUrl: pathToFileURL(`${control}/`) });
    module.default({});
    expect((await readdir(control)).sort()).toEqual(['canary-expression', 'canary-written']);
  });

  test('astro build refuses an .mdx claim; a .md claim with MDX in it is only text; neither runs', async () => {
    const project = await copyProject(root);
    const content = join(root, 'content');
    await cp(FIXTURE_CONTENT, content, { recursive: true });
    await writeFile(join(content, 'claims/canary.mdx'), `${CLAIM_FRONTMATTER}\n${mdxPayload(root)}`);
    await writeFile(join(content, 'claims/canary-import.md'), `${CLAIM_FRONTMATTER}\n${importPayload(root)}`);
    const out = join(root, 'out');

    const result = spawnSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, CLAIMTRAIL_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      // Inside the test's own timeout (tests/vitest.config.ts), so a hung build is reported.
      timeout: 170_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;

    expect(result.error).toBeUndefined();
    expect(result.status, output).not.toBe(0);
    expect(output).toContain('content/claims/canary.mdx:1: MDX is not allowed in contributed content (rename it to .md: claims, people, outlets, topics, sources, sides, measures and places are plain Markdown, never compiled as code)');
    // Content is never compiled as MDX: its import line and braces are text, so not a problem.
    expect(output).not.toContain('canary-import.md');
    for (const canary of CANARIES) expect(existsSync(join(root, canary)), canary).toBe(false);
    // Nothing was built from it.
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
