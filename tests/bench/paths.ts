/** Where the benchmark works: everything it writes is under .bench/ (gitignored). */
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH = join(ROOT, '.bench');
export const BIN = join(ROOT, 'node_modules/.bin');
/** Astro's and Vite's caches for the benchmark's builds, emptied before each one. */
export const CACHE = join(BENCH, 'cache');
/** The project's own config with only the cache folders moved (see build.ts, writeConfigWrapper). */
export const CONFIG_WRAPPER = join(BENCH, 'astro.config.bench.mjs');
