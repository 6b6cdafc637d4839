/**
 * `npm test`: every step of the suite, in order (validate, type-check, unit tests, build,
 * browser tests), each one run even when an earlier one failed, so that one failure never
 * hides the results of the others. It ends with a line per step and exits non-zero when
 * any step did not pass. The browser tests need the build: when the build fails they are
 * reported as not run, and why.
 *
 *   npm test                      every step
 *   npm test -- unit e2e          only the steps named (in the suite's order)
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Step {
  name: string;
  /** The command and its arguments, run without a shell. */
  command: [string, ...string[]];
  /** A step that must have passed first; otherwise this one is not run. */
  needs?: string;
}

export interface Outcome {
  step: string;
  result: 'passed' | 'failed' | 'not run';
  /** Why it failed or was not run; empty when it passed. */
  detail: string;
  /** How long it took, for the summary; undefined when not run. */
  ms?: number;
}

const npmRun = (script: string): Step['command'] => ['npm', 'run', '--silent', script];

export const SUITE: Step[] = [
  { name: 'validate', command: npmRun('validate') },
  { name: 'check', command: npmRun('check') },
  { name: 'unit', command: npmRun('test:unit') },
  { name: 'build', command: npmRun('build') },
  { name: 'e2e', command: npmRun('test:e2e'), needs: 'build' },
];

function runStep(step: Step): Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }> {
  const [command, ...args] = step.command;
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
}

/** Runs every step in turn, whatever the previous ones did, and says how each went. */
export async function runSteps(steps: Step[], log: (line: string) => void = console.log): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    const needed = step.needs === undefined ? undefined : outcomes.find((outcome) => outcome.step === step.needs);
    if (needed && needed.result !== 'passed') {
      outcomes.push({ step: step.name, result: 'not run', detail: `needs ${needed.step}, which ${needed.result === 'failed' ? 'failed' : 'did not run'}` });
      continue;
    }
    log(`\n> ${step.name}: ${step.command.join(' ')}\n`);
    const started = performance.now();
    const { code, signal, error } = await runStep(step);
    const ms = performance.now() - started;
    if (code === 0) {
      outcomes.push({ step: step.name, result: 'passed', detail: '', ms });
    } else {
      const detail = error ? `could not start: ${error.message}` : signal ? `stopped by ${signal}` : `exit code ${code}`;
      outcomes.push({ step: step.name, result: 'failed', detail, ms });
    }
  }
  return outcomes;
}

/** The closing summary: one aligned line per step, then the verdict. */
export function summary(outcomes: Outcome[]): string {
  const width = Math.max(...outcomes.map((outcome) => outcome.step.length));
  const lines = outcomes.map(({ step, result, detail, ms }) => {
    const time = ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`;
    return `  ${step.padEnd(width)}  ${result.padEnd(7)}  ${[time, detail].filter(Boolean).join(', ')}`.trimEnd();
  });
  const bad = outcomes.filter((outcome) => outcome.result !== 'passed');
  const verdict = bad.length === 0
    ? `All ${outcomes.length} steps passed.`
    : `${bad.length} of ${outcomes.length} steps did not pass: ${bad.map((outcome) => outcome.step).join(', ')}.`;
  return ['', 'Summary', ...lines, verdict].join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SUITE.some((step) => step.name === name));
  if (unknown.length) {
    console.error(`Unknown step ${unknown.join(', ')} (steps: ${SUITE.map((step) => step.name).join(', ')})`);
    process.exit(2);
  }
  const steps = wanted.length ? SUITE.filter((step) => wanted.includes(step.name)) : SUITE;
  const outcomes = await runSteps(steps);
  console.log(summary(outcomes));
  process.exitCode = outcomes.every((outcome) => outcome.result === 'passed') ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
