/** The build's phases, timed from the arrival of its log lines (see README.md, "Build"). */
import type { LogLine } from './processes.ts';

export interface Phases {
  startup?: number | undefined;
  contentSync?: number | undefined;
  typesAndBuildInfo?: number | undefined;
  viteBundling?: number | undefined;
  pageRendering?: number | undefined;
  /** Of page rendering: from "generating static routes" to the first page written (getStaticPaths and more). */
  beforeFirstPage?: number | undefined;
  hooksBeforePagefind?: number | undefined;
  pagefind?: number | undefined;
  shutdown?: number | undefined;
  /** Everything that is not content sync, page rendering or Pagefind. */
  other?: number | undefined;
  astroRenderReportedMs?: number | undefined;
  pagefindReportedMs?: number | undefined;
  pagefindPages?: number | undefined;
  astroPagesBuilt?: number | undefined;
  astroTotalReportedMs?: number | undefined;
  /** Route lines by first path segment: count, summed (+ms) and the slowest. */
  routes: Record<string, { pages: number; sumMs: number; maxMs: number; slowest: string }>;
  missing: string[];
}

export const PHASE_LABELS: Partial<Record<keyof Phases, string>> = {
  startup: 'startup', contentSync: 'content sync', typesAndBuildInfo: 'types + build info', viteBundling: 'Vite bundling',
  pageRendering: 'page rendering', hooksBeforePagefind: 'hooks before Pagefind', pagefind: 'Pagefind', shutdown: 'shutdown',
};

const durationMs = (value: string, unit: string) => Number(value) * (unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);

export function phasesOf(lines: LogLine[], wallMs: number): Phases {
  const find = (pattern: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (pattern.test(lines[i]?.text ?? '')) return i;
    return -1;
  };
  const at = (index: number) => (index >= 0 ? lines[index]?.t : undefined);
  const missing: string[] = [];
  const need = (name: string, index: number) => {
    if (index < 0) missing.push(name);
    return index;
  };
  const syncStart = need('"[content] Syncing content"', find(/\[content\] Syncing content/));
  const syncEnd = need('"[content] Synced content"', find(/\[content\] Synced content/, Math.max(0, syncStart)));
  const bundleStart = need('"[build] Building static entrypoints"', find(/\[build\] Building \w+ entrypoints/));
  const renderStart = need('"generating static routes"', find(/generating static routes/));
  const firstRoute = find(/[├└]─ /, Math.max(0, renderStart));
  const renderEnd = need('"✓ Completed in" after the routes', renderStart < 0 ? -1 : find(/^(?:\d\d:\d\d:\d\d )?✓ Completed in/, renderStart));
  const pagefindLine = need('"[search] Indexed N pages in X ms"', find(/\[search\] Indexed \d+ pages in \d+ ms/));
  const builtLine = find(/\[build\] \d+ page\(s\) built in/);

  const phases: Phases = { routes: {}, missing };
  const renderReported = renderEnd >= 0 ? /Completed in ([\d.]+)(ms|s|m)/.exec(lines[renderEnd]?.text ?? '') : null;
  if (renderReported?.[1] && renderReported[2]) phases.astroRenderReportedMs = durationMs(renderReported[1], renderReported[2]);
  const pagefindReported = pagefindLine >= 0 ? /Indexed (\d+) pages in (\d+) ms/.exec(lines[pagefindLine]?.text ?? '') : null;
  if (pagefindReported?.[1] && pagefindReported[2]) {
    phases.pagefindPages = Number(pagefindReported[1]);
    phases.pagefindReportedMs = Number(pagefindReported[2]);
  }
  const built = builtLine >= 0 ? /(\d+) page\(s\) built in ([\d.]+)(ms|s|m)/.exec(lines[builtLine]?.text ?? '') : null;
  if (built?.[1] && built[2] && built[3]) {
    phases.astroPagesBuilt = Number(built[1]);
    phases.astroTotalReportedMs = durationMs(built[2], built[3]);
  }

  const tSyncStart = at(syncStart);
  const tSyncEnd = at(syncEnd);
  const tBundle = at(bundleStart);
  const tRender = at(renderStart);
  const tRenderEnd = at(renderEnd);
  const tPagefindEnd = at(pagefindLine);
  // The integration times Pagefind itself and logs when it is done; it started that long before.
  const tPagefindStart = tPagefindEnd !== undefined && phases.pagefindReportedMs !== undefined ? tPagefindEnd - phases.pagefindReportedMs : undefined;
  const span = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? Math.max(0, b - a) : undefined);
  phases.startup = tSyncStart;
  phases.contentSync = span(tSyncStart, tSyncEnd);
  phases.typesAndBuildInfo = span(tSyncEnd, tBundle);
  phases.viteBundling = span(tBundle, tRender);
  phases.pageRendering = span(tRender, tRenderEnd);
  phases.beforeFirstPage = span(tRender, at(firstRoute));
  phases.hooksBeforePagefind = span(tRenderEnd, tPagefindStart);
  phases.pagefind = span(tPagefindStart, tPagefindEnd);
  phases.shutdown = span(tPagefindEnd, wallMs);
  if (phases.contentSync !== undefined && phases.pageRendering !== undefined && phases.pagefind !== undefined) {
    phases.other = wallMs - phases.contentSync - phases.pageRendering - phases.pagefind;
  }

  if (renderStart >= 0) {
    for (let i = renderStart; i <= (renderEnd >= 0 ? renderEnd : lines.length - 1); i++) {
      const match = /[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/.exec(lines[i]?.text ?? '');
      if (!match?.[1] || !match[2] || !match[3]) continue;
      const path = match[1];
      const ms = durationMs(match[2], match[3]);
      const segments = path.split('/').filter(Boolean);
      const section = segments.length <= 1 ? `/${segments[0] ?? ''}` : segments[0] === 'claims' && segments[1] !== 'page' && segments.length === 3
        ? '/claims/<id>/' : `/${segments[0]}/${segments.length > 2 ? '…' : ''}`;
      const entry = (phases.routes[section] ??= { pages: 0, sumMs: 0, maxMs: 0, slowest: '' });
      entry.pages++;
      entry.sumMs += ms;
      if (ms > entry.maxMs) {
        entry.maxMs = ms;
        entry.slowest = path;
      }
    }
  }
  return phases;
}
