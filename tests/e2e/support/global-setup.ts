/**
 * Global setup for the e2e project: makes sure Chromium is there, that the site in dist/ is
 * built from the sources as they are now (rebuilt when any source file is newer than it, so a
 * stale dist/ is never tested), builds the fixture site from tests/e2e/fixtures/content/ into
 * tests/.tmp/fixture-site/, and serves both. Test files read the two addresses with
 * `inject('siteUrl')` and `inject('fixtureUrl')`.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser.ts';
import { serve } from './server.ts';
import { staleDist } from './stale.ts';
import { DIST, FIXTURE_CONTENT, FIXTURE_SITE, ROOT } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    fixtureUrl: string;
  }
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  console.log(`[e2e setup] $ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function canInstallPackages(): { sudo: boolean } | undefined {
  const hasAptGet = ['/usr/bin/apt-get', '/bin/apt-get'].some((path) => existsSync(path));
  if (!hasAptGet) return undefined;
  if (process.getuid?.() === 0) return { sudo: false };
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return sudo.status === 0 ? { sudo: true } : undefined;
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const install = canInstallPackages();
  const command = 'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium';
  if (!install) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. Install Debian's package with:\n\n` +
        `  ${command}\n\nor set CHROMIUM_PATH to an installed Chromium.`,
    );
  }
  console.log(`[e2e setup] Chromium is missing at ${CHROMIUM_PATH}; installing Debian's chromium package.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptGet = (args: string[]) =>
    install.sudo ? run('sudo', ['-n', 'apt-get', ...args], { env }) : run('apt-get', args, { env });
  const updated = aptGet(['update']);
  if (updated !== 0) throw new Error(`apt-get update failed (exit ${updated}); run: ${command}`);
  const installed = aptGet(['install', '-y', '--no-install-recommends', 'chromium']);
  if (installed !== 0) throw new Error(`Installing chromium failed (exit ${installed}); run: ${command}`);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The chromium package is installed but ${CHROMIUM_PATH} does not exist; set CHROMIUM_PATH to the Chromium binary.`);
  }
  console.log(`[e2e setup] Installed Chromium at ${CHROMIUM_PATH}.`);
}

/** Node 22 for Astro: the project's own, whatever Node runs vitest. */
function node22(): string {
  const local = join(ROOT, 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

/** `npm run build`'s script: Astro, then the Pagefind index. */
function siteBuild(extraArgs: string[], env: NodeJS.ProcessEnv, what: string): void {
  const status = run(node22(), [join(ROOT, 'src', 'cli', 'build.ts'), ...extraArgs], { env });
  if (status !== 0) throw new Error(`Building ${what} failed (exit ${status}); see the output above.`);
}

export default async function setup({ provide }: TestProject) {
  ensureChromium();

  const stale = staleDist();
  if (stale) {
    console.log(`[e2e setup] ${stale}: building the site.`);
    siteBuild([], process.env, 'the site');
  }

  // The fixture site is small and always rebuilt, so it never lags behind its content.
  await rm(FIXTURE_SITE, { recursive: true, force: true });
  siteBuild(['--outDir', FIXTURE_SITE], { ...process.env, CLAIMTRAIL_CONTENT: FIXTURE_CONTENT }, 'the fixture site');
  if (!existsSync(join(FIXTURE_SITE, 'index.html'))) throw new Error(`The fixture build wrote no ${FIXTURE_SITE}/index.html`);

  const site = await serve(DIST);
  const fixture = await serve(FIXTURE_SITE);
  provide('siteUrl', site.url);
  provide('fixtureUrl', fixture.url);

  return async () => {
    await Promise.all([site.close(), fixture.close()]);
  };
}
