/**
 * Two projects: `unit` (no build needed) and `e2e` (browser and integration tests: real
 * Chromium against the built site in dist/, and full `astro build` runs; `npm test` builds
 * first). Run one with `vitest --project unit`.
 *
 * Timeouts are sized for a loaded two-core machine, where several builds may run beside the
 * suite: a test that starts a Node process can wait seconds for a core before it even runs.
 * They are there to stop a test that hangs, never to judge speed (no test asserts a time).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // axe on every kind of page in two colour schemes takes minutes when the cores are shared.
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // `expect.poll` waits for a page to settle (results arrive in batches); its default
          // second is too short when the machine is loaded.
          expect: { poll: { timeout: 60_000, interval: 100 } },
          // One browser, one server: the files share them and run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
