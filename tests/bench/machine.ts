/** The machine and the source the benchmark ran on, for the report's header and results.json. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './paths.ts';

export function machine() {
  const git = (gitArgs: string[]) => {
    try {
      return execFileSync('git', gitArgs, { cwd: ROOT }).toString().trim();
    } catch {
      return 'unknown';
    }
  };
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  const buildNode = (() => {
    try {
      return execFileSync(join(BIN, 'node'), ['--version']).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  return {
    harnessNode: process.version,
    buildNode,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemory: os.totalmem(),
    freeMemory: os.freemem(),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    astro: version('astro'),
    pagefind: version('pagefind'),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedFiles: git(['status', '--porcelain']).split('\n').filter(Boolean).length,
  };
}
