/**
 * Sharded builds (issue 15): a site too large for one machine's build is rendered by N
 * machines at once, each building one shard of the pages, and `npm run merge` puts the
 * shards together and indexes the whole site once.
 *
 * `npm run build -- --shard 2/3` sets `CLAIMTRAIL_SHARD=2/3`; every route with parameters
 * passes its static paths through `inShard`, which keeps the paths whose parameters hash to
 * this shard. Routes without parameters (the home page, the exports, the feed of all claims)
 * are built by every shard, and the merge checks that each shard wrote them the same bytes,
 * which also proves that every shard saw the same content.
 *
 * The split is by a hash of the parameters, not by position, so a claim stays in its shard
 * when others are added and each shard gets about the same share of every route.
 */

/** The environment variable `npm run build -- --shard k/N` sets for Astro's process. */
export const SHARD_VARIABLE = 'CLAIMTRAIL_SHARD';

export interface Shard {
  /** 1-based, as GitHub Actions' matrix and Playwright's `--shard` count. */
  index: number;
  count: number;
}

/** Parses `k/N` (1 <= k <= N); throws a message naming what would be right. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`shard "${text}" is not of the form k/N with 1 <= k <= N (for example 2/3)`);
  }
  return { index, count };
}

/** The shard this process builds, or undefined for a whole build. */
export function currentShard(env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  const text = env[SHARD_VARIABLE];
  return text ? parseShard(text) : undefined;
}

/** FNV-1a, 32 bits: fast, stable across Node versions and machines, evenly spread. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** The 1-based shard that builds the page with these route parameters, of `count`. */
export function shardOfParams(params: Record<string, string | undefined>, count: number): number {
  return (hash(JSON.stringify(params)) % count) + 1;
}

/** The static paths of a route that this process builds: all of them outside a sharded build. */
export function inShard<T extends { params: Record<string, string | undefined> }>(paths: T[], shard = currentShard()): T[] {
  if (!shard || shard.count === 1) return paths;
  return paths.filter(({ params }) => shardOfParams(params, shard.count) === shard.index);
}
