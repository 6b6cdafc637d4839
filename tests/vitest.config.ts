/**
 * Two projects: `unit` (no build needed) and `e2e` (real Chromium against the built site
 * in dist/; `npm test` builds first). Run one with `vitest --project unit`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      {
        extends: true,
        // Generous: some tests start node processes, and the machine may be busy with builds.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser, one server: the files share them and run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
