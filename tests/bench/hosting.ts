/**
 * Where the built site can be hosted: each common static host's published limits, set
 * against the files and bytes the benchmark measured, with the claim count at which each
 * limit is reached. Growth is taken as linear through the two largest sizes measured (files
 * and bytes grow by a fixed amount per claim, on top of a fixed part), or in proportion to
 * claims when only one size was built.
 *
 * Each limit names where it is published; a host whose limits are not published is not
 * listed rather than guessed.
 */
import type { SizeResult } from './build.ts';
import { count, mb, table } from './format.ts';

/** A limit as hosts write it: 1 GB, 25 MiB. */
const size = (bytes: number) => (bytes % MiB === 0 ? `${bytes / MiB} MiB` : bytes >= 1e9 ? `${bytes / 1e9} GB` : mb(bytes));

const MiB = 1024 * 1024;

export interface HostLimit {
  host: string;
  /** Most files one deployment may hold. */
  files?: number;
  /** Most bytes the published site may hold. */
  bytes?: number;
  /** Largest single file. */
  fileBytes?: number;
  source: string;
}

export const HOST_LIMITS: readonly HostLimit[] = [
  { host: 'GitHub Pages', bytes: 1000 * 1000 * 1000, source: 'docs.github.com, "GitHub Pages limits": published sites may be no larger than 1 GB; deployments time out after 10 minutes' },
  { host: 'Cloudflare Pages (Free)', files: 20_000, fileBytes: 25 * MiB, source: 'developers.cloudflare.com, Pages limits: 20,000 files per site on the Free plan, 25 MiB per file' },
  { host: 'Cloudflare Pages (paid)', files: 100_000, fileBytes: 25 * MiB, source: 'Cloudflare changelog, 23 January 2026: 100,000 files per site on paid plans' },
  { host: 'GitLab Pages (GitLab.com)', files: 200_000, bytes: 1000 * 1000 * 1000, source: 'GitLab: 1 GB and 200,000 files per Pages site on GitLab.com' },
];

interface Growth { fixed: number; perClaim: number }

/** A line through the two largest sizes (or through zero with one size). */
function growth(results: readonly SizeResult[], value: (result: SizeResult) => number | undefined): Growth | undefined {
  const measured = results.filter((result) => value(result) !== undefined);
  const large = measured.at(-1);
  if (!large) return undefined;
  const small = measured.at(-2);
  const y1 = value(large) as number;
  if (!small || small.size === large.size) return { fixed: 0, perClaim: y1 / large.size };
  const perClaim = (y1 - (value(small) as number)) / (large.size - small.size);
  return { fixed: y1 - perClaim * large.size, perClaim };
}

/** The claim count at which `limit` is reached, or undefined when growth never reaches it. */
function claimsAt(limit: number, line: Growth | undefined): number | undefined {
  if (!line || line.perClaim <= 0) return undefined;
  return Math.max(0, Math.floor((limit - line.fixed) / line.perClaim));
}

export interface HostingRow {
  host: string;
  limit: string;
  /** The claim count where the first of this host's limits is reached. */
  reachedAt: number | undefined;
  /** Which limit that is. */
  by: string;
  source: string;
}

export function hosting(results: readonly SizeResult[]): HostingRow[] {
  const files = growth(results, (r) => r.dist?.files);
  const bytes = growth(results, (r) => r.dist?.bytes);
  const largestFile = growth(results, (r) => r.dist?.largestFile.bytes);
  return HOST_LIMITS.map((limit) => {
    const reached: [number | undefined, string][] = [
      [limit.files === undefined ? undefined : claimsAt(limit.files, files), `${count(limit.files)} files`],
      [limit.bytes === undefined ? undefined : claimsAt(limit.bytes, bytes), `${size(limit.bytes ?? 0)} in all`],
      [limit.fileBytes === undefined ? undefined : claimsAt(limit.fileBytes, largestFile), `${size(limit.fileBytes ?? 0)} for one file`],
    ];
    const first = reached.filter((entry): entry is [number, string] => entry[0] !== undefined).sort((a, b) => a[0] - b[0])[0];
    const described = [limit.files && `${count(limit.files)} files`, limit.bytes && size(limit.bytes), limit.fileBytes && `${size(limit.fileBytes)} a file`].filter(Boolean).join(', ');
    return { host: limit.host, limit: described, reachedAt: first?.[0], by: first?.[1] ?? 'not reached', source: limit.source };
  });
}

export function hostingReport(results: readonly SizeResult[]): string {
  const built = results.filter((result) => result.dist);
  if (!built.length) return '  no site was measured';
  const measuredRows = built.map((r) => [count(r.size), count(r.dist?.files), mb(r.dist?.bytes), `${r.dist?.largestFile.path} ${mb(r.dist?.largestFile.bytes)}`]);
  const rows = hosting(results).map((row) => [row.host, row.limit, row.reachedAt === undefined ? 'never' : `about ${count(row.reachedAt)}`, row.by]);
  return [
    table([['claims', 'files', 'bytes', 'largest file'], ...measuredRows], 'rrrl'),
    '',
    table([['host', 'limit', 'claims where reached', 'first limit reached'], ...rows], 'llrl'),
    '',
    ...HOST_LIMITS.map((limit) => `  ${limit.host}: ${limit.source}`),
  ].join('\n');
}
