/**
 * Running a command and measuring it: its output line by line with arrival times, and the
 * memory and CPU time of its whole process tree, sampled from /proc every SAMPLE_MS.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { ANSI } from './format.ts';
import { ROOT } from './paths.ts';

export const SAMPLE_MS = 50;

export interface LogLine {
  /** Milliseconds after spawn when the line arrived. */
  t: number;
  stream: 'out' | 'err';
  text: string;
}

export interface ProcessSample {
  t: number;
  treeRss: number;
  nodeRss: number;
  processes: number;
  /** CPU seconds (user + system) used by the tree so far, exited processes included. */
  cpu: number;
}

export interface MemoryReport {
  /** Peak of the summed VmRSS of the build and all its descendants, sampled. */
  peakTreeRss: number;
  peakTreeAt: number;
  /** Peak VmRSS of the Node build process alone, sampled. */
  peakNodeRss: number;
  /** The kernel's own high-water mark (VmHWM) of the Node process, last read before exit. */
  nodeHwm: number;
  /** Peak VmRSS per descendant process name (e.g. the Pagefind binary). */
  peakByName: Record<string, number>;
  maxProcesses: number;
  samples: number;
  /** CPU time (user + system) of the tree, from the last sample of each process. */
  cpuSeconds: number;
  /** Every sample, every SAMPLE_MS. */
  timeline: ProcessSample[];
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The process and every descendant, through /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    found.push(next);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${next}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      const children = readProc(`/proc/${next}/task/${task}/children`);
      for (const child of children?.split(' ') ?? []) if (child.trim()) queue.push(Number(child));
    }
  }
  return found;
}

const statusField = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;

/** Samples the memory and CPU time of a process tree every SAMPLE_MS until stopped. */
function watchMemory(pid: number, started: number) {
  const report: MemoryReport = {
    peakTreeRss: 0, peakTreeAt: 0, peakNodeRss: 0, nodeHwm: 0, peakByName: {}, maxProcesses: 0, samples: 0, cpuSeconds: 0, timeline: [],
  };
  const cpuTicks = new Map<number, number>();
  const sample = () => {
    const t = performance.now() - started;
    let treeRss = 0;
    let nodeRss = 0;
    let processes = 0;
    for (const member of processTree(pid)) {
      const status = readProc(`/proc/${member}/status`);
      if (!status) continue;
      const rss = statusField(status, 'VmRSS');
      if (rss === 0 && member !== pid) continue; // a zombie or a kernel thread: nothing mapped
      processes++;
      treeRss += rss;
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?';
      // `npm run build` is a small Node script that runs Astro in a child Node process and
      // then Pagefind: "Node" is the largest Node process in the tree, which is Astro's.
      if (name === 'node' || member === pid) {
        nodeRss = Math.max(nodeRss, rss);
        report.peakNodeRss = Math.max(report.peakNodeRss, rss);
        report.nodeHwm = Math.max(report.nodeHwm, statusField(status, 'VmHWM'));
      } else {
        report.peakByName[name] = Math.max(report.peakByName[name] ?? 0, rss);
      }
      const stat = readProc(`/proc/${member}/stat`);
      const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields) cpuTicks.set(member, Number(fields[11]) + Number(fields[12]));
    }
    report.samples++;
    report.maxProcesses = Math.max(report.maxProcesses, processes);
    if (treeRss > report.peakTreeRss) {
      report.peakTreeRss = treeRss;
      report.peakTreeAt = t;
    }
    let ticks = 0;
    for (const value of cpuTicks.values()) ticks += value;
    report.timeline.push({ t: Math.round(t), treeRss, nodeRss, processes, cpu: ticks / CLOCK_TICKS });
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop(): MemoryReport {
      clearInterval(timer);
      report.cpuSeconds = [...cpuTicks.values()].reduce((a, b) => a + b, 0) / CLOCK_TICKS;
      return report;
    },
  };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  lines: LogLine[];
  memory: MemoryReport;
}

let running: { pid: number } | undefined;

/** Stops the command `run` is running, if any (when the benchmark itself is interrupted). */
export function killRunning(): void {
  if (!running) return;
  try {
    process.kill(running.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Runs a command, collecting its output line by line with arrival times, and its memory. */
export function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      reject(new Error(`could not start ${command}`));
      return;
    }
    running = { pid: child.pid };
    const memory = watchMemory(child.pid, started);
    const lines: LogLine[] = [];
    const collect = (stream: 'out' | 'err') => {
      let partial = '';
      return (chunk: Buffer) => {
        const t = performance.now() - started;
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop() ?? '';
        for (const text of parts) lines.push({ t, stream, text: text.replace(ANSI, '') });
      };
    };
    child.stdout.on('data', collect('out'));
    child.stderr.on('data', collect('err'));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      running = undefined;
      resolvePromise({ code, signal, wallMs, lines, memory: memory.stop() });
    });
  });
}

export const logText = (lines: LogLine[]) => lines.map((line) => `+${(line.t / 1000).toFixed(3)}s ${line.stream} ${line.text}`).join('\n');
