/**
 * `npm test` (tests/run-all.ts): a failing step never hides the others' results, a step
 * that needs a failed one is reported as not run, and the summary says which is which.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SUITE, runSteps, summary, type Step } from '../run-all.ts';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

const exitWith = (code: number, output = ''): Step['command'] =>
  [process.execPath, '-e', `process.stdout.write(${JSON.stringify(output)}); process.exit(${code})`];

/** The summary with the times taken out, which vary from run to run. */
const withoutTimes = (text: string) => text.replace(/\d+\.\d s(, )?/g, '').replace(/ +$/gm, '');

describe('runSteps', () => {
  test('runs every step after a failure, and skips only what needs the failed step', async () => {
    const logged: string[] = [];
    const outcomes = await runSteps([
      { name: 'validate', command: exitWith(0) },
      { name: 'check', command: exitWith(2) },
      { name: 'unit', command: exitWith(0) },
      { name: 'build', command: exitWith(1) },
      { name: 'e2e', command: exitWith(0), needs: 'build' },
    ], (line) => logged.push(line));
    expect(outcomes.map(({ step, result, detail }) => [step, result, detail])).toEqual([
      ['validate', 'passed', ''],
      ['check', 'failed', 'exit code 2'],
      ['unit', 'passed', ''],
      ['build', 'failed', 'exit code 1'],
      ['e2e', 'not run', 'needs build, which failed'],
    ]);
    // Four steps started; the fifth never did.
    expect(logged.filter((line) => line.includes('> '))).toHaveLength(4);
    expect(withoutTimes(summary(outcomes))).toMatchInlineSnapshot(`
      "
      Summary
        validate  passed
        check     failed   exit code 2
        unit      passed
        build     failed   exit code 1
        e2e       not run  needs build, which failed
      3 of 5 steps did not pass: check, build, e2e."
    `);
  });

  test('a step that passes after the one it needs passed runs', async () => {
    const outcomes = await runSteps([
      { name: 'build', command: exitWith(0) },
      { name: 'e2e', command: exitWith(0), needs: 'build' },
    ], () => {});
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['passed', 'passed']);
    expect(withoutTimes(summary(outcomes)).split('\n').at(-1)).toBe('All 2 steps passed.');
  });

  test('a command that cannot start is a failure, not a crash', async () => {
    const [outcome] = await runSteps([{ name: 'missing', command: ['/nonexistent/command'] }], () => {});
    expect(outcome?.result).toBe('failed');
    expect(outcome?.detail).toMatch(/^could not start: .*ENOENT/);
  });
});

describe('the suite', () => {
  test('is every step of the README, in order, and the browser tests need the build', () => {
    expect(SUITE.map((step) => step.name)).toEqual(['validate', 'check', 'unit', 'build', 'e2e']);
    expect(SUITE.find((step) => step.name === 'e2e')?.needs).toBe('build');
  });

  test('an unknown step name is refused before anything runs', () => {
    const result = spawnSync(process.execPath, ['tests/run-all.ts', 'unit', 'lint'], { cwd: PROJECT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Unknown step lint (steps: validate, check, unit, build, e2e)\n');
    expect(result.stdout).toBe('');
  });
});
