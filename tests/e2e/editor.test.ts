/**
 * The content editor at /admin/, in real Chromium, against decap-server on loopback
 * serving a temporary git copy of the fixture content (never content/ itself): a claim
 * made through the form passes `npm run validate` and renders on a site built from that
 * copy; editing a claim changes only what was edited; a date the validator would reject
 * is refused in the form.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_BACKEND_PATH, startLocalBackend, type LocalBackend } from '../../src/lib/editor/local-backend.ts';
import { openPage, useBrowser, visit } from './support/pages.ts';
import { DIST, FIXTURE_CONTENT, ROOT } from './support/paths.ts';
import { serve, type StaticServer } from './support/server.ts';

const browser = useBrowser();
let repo: string;
let backend: LocalBackend;
let site: StaticServer;
const errors: string[] = [];
const violations: string[] = [];

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Editor test', '-c', 'user.email=editor@example.org', ...args], { cwd: repo, encoding: 'utf8' });

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'claimtrail-editor-'));
  await cp(FIXTURE_CONTENT, join(repo, 'content'), { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'The fixture content');
  backend = await startLocalBackend({ repo });
  site = await serve(DIST, 0, { proxy: { prefix: LOCAL_BACKEND_PATH, target: backend.url } });
}, 120_000);

afterAll(async () => {
  await site?.close();
  await backend?.close();
  if (repo) await rm(repo, { recursive: true, force: true });
});

const TIMEOUT = { timeout: 60_000 };

/**
 * A fresh browser tab (so nobody is logged in yet) on the editor, logged in to the local
 * backend, at `route` (after the #). What it reports goes into `errors` and `violations`.
 */
async function openEditor(route: string, { ignoreErrors = false } = {}): Promise<{ page: Page; close(): Promise<void> }> {
  const tab = await openPage(browser());
  const { page } = tab;
  await page.goto(`${site.url}/admin/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Login' }).click(TIMEOUT);
  await page.getByRole('link', { name: 'Claims' }).first().waitFor(TIMEOUT);
  await page.goto(`${site.url}/admin/#/${route}`);
  return {
    page,
    close: async () => {
      if (!ignoreErrors) errors.push(...tab.errors);
      violations.push(...tab.violations);
      await tab.close();
    },
  };
}

/** Picks an option from a select or relation field, typing to search when asked. */
async function choose(page: Page, field: ReturnType<Page['getByLabel']>, option: string, search?: string): Promise<void> {
  await field.click();
  if (search) await field.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click(TIMEOUT);
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish' }).first().click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click(TIMEOUT);
}

async function waitForFile(folder: string, known: Set<string>): Promise<string> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    const added = (await readdir(folder)).filter((name) => !known.has(name));
    if (added[0]) return added[0];
  }
  throw new Error(`no new file in ${folder}`);
}

const node = join(ROOT, 'node_modules', '.bin', 'node');

describe('the content editor', () => {
  test('creates a claim through the form: it validates and renders on the built site', async () => {
    const claims = join(repo, 'content', 'claims');
    const before = new Set(await readdir(claims));
    const { page, close } = await openEditor('collections/claims/new');
    try {
      const words = 'The convoy of flour lorries reached the valley in May.';
      await page.getByLabel('Claim', { exact: true }).fill(words, TIMEOUT);
      await choose(page, page.getByLabel('Speaker', { exact: true }), 'Example Person', 'Example');
      await page.getByLabel('Date', { exact: true }).first().fill('2022-05');
      await page.getByRole('button', { name: 'Add appearances' }).click();
      await choose(page, page.getByLabel('Outlet', { exact: true }), 'Example Gazette', 'Gazette');
      await page.getByLabel('Headline', { exact: true }).fill('Convoy: the lorries arrive');
      await page.getByLabel('Date', { exact: true }).nth(1).fill('2022-05');
      await choose(page, page.getByLabel('Status', { exact: true }), 'Unverified');
      await page.getByLabel('Summary', { exact: true }).fill('No independent source reported on the convoy.');
      await choose(page, page.getByLabel('Topics', { exact: true }), 'Roads and passes', 'Roads');
      await page.getByRole('button', { name: 'Add updates' }).click();
      await page.getByLabel('Date', { exact: true }).last().fill('2026-11-21');
      await choose(page, page.getByLabel('To', { exact: true }), 'Unverified');
      await page.getByLabel('Note', { exact: true }).fill('First rating.');
      await publish(page);

      const name = await waitForFile(claims, before);
      const id = name.replace(/\.md$/, '');
      expect(id).toMatch(/^example-person-the-convoy-of-flour-lorries/);
      const text = await readFile(join(claims, name), 'utf8');
      expect(text).toBe([
        '---',
        `claim: ${words}`,
        'quote: false',
        'speaker: example-person',
        'date: 2022-05',
        'appearances:',
        '  - outlet: example-gazette',
        '    headline: "Convoy: the lorries arrive"',
        '    date: 2022-05',
        'status: unverified',
        'summary: No independent source reported on the convoy.',
        'topics: [example-roads]',
        'updates:',
        '  - date: 2026-11-21',
        '    to: unverified',
        '    note: First rating.',
        '---',
        '',
      ].join('\n'));

      const validate = spawnSync(node, ['src/cli/validate.ts', '--content', join(repo, 'content')], { cwd: ROOT, encoding: 'utf8' });
      expect(validate.stderr + validate.stdout).toMatch(/content files are valid/);
      expect(validate.status).toBe(0);

      const out = join(repo, 'site');
      const build = spawnSync(node, ['src/cli/build.ts', '--outDir', out], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CLAIMTRAIL_CONTENT: join(repo, 'content'), ASTRO_TELEMETRY_DISABLED: '1' },
      });
      expect(build.status, build.stderr).toBe(0);
      const built = await serve(out);
      try {
        await visit(page, `${built.url}/claims/${id}/`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(words);
        expect(await page.locator('main').innerText()).toContain('Said in May 2022');
      } finally {
        await built.close();
      }
    } finally {
      await close();
    }
  }, 600_000);

  test('editing a claim changes only what was edited', async () => {
    git('add', '.');
    git('commit', '-q', '--allow-empty', '-m', 'The claim made in the editor');
    const { page, close } = await openEditor('collections/claims/entries/example-salang-road-reopens');
    try {
      const summary = page.getByLabel('Summary', { exact: true });
      await expect.poll(() => summary.inputValue(), TIMEOUT).toContain('A prediction');
      await summary.fill('A prediction about the spring, which nothing known now can confirm or refute.');
      await publish(page);
      await expect.poll(() => git('diff', '--name-only'), TIMEOUT).toBe('content/claims/example-salang-road-reopens.md\n');
      const diff = git('diff', '-U0').split('\n').filter((line) => /^[-+](?![-+])/.test(line));
      expect(diff).toEqual([
        '-summary: A prediction about the future, which no fact available now can confirm or refute.',
        '+summary: A prediction about the spring, which nothing known now can confirm or refute.',
      ]);
    } finally {
      await close();
    }
  }, 300_000);

  test.each(['May 2022', '2022-13', '2022-5'])('a date the validator would reject, "%s", is refused in the form with its hint', async (wrong) => {
    const claims = join(repo, 'content', 'claims');
    const before = await readdir(claims);
    // Decap reports a refused save as an uncaught rejection; only CSP violations count here.
    const { page, close } = await openEditor('collections/claims/new', { ignoreErrors: true });
    try {
      await page.getByLabel('Claim', { exact: true }).fill('A claim with a wrong date.', TIMEOUT);
      // The pattern's message, shown on the field only when its value is wrong.
      const dateError = page.getByText('write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022');
      await page.getByLabel('Date', { exact: true }).first().fill(wrong);
      await publish(page);
      await expect.poll(() => dateError.count(), TIMEOUT).toBe(1);
      expect(await readdir(claims)).toEqual(before);
    } finally {
      await close();
    }
  }, 300_000);

  test('the editor ran without errors or Content Security Policy violations', () => {
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
  });
});
