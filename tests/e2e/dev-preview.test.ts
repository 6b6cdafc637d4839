/**
 * The preview contributors use, `astro dev`, on a copy of the fixture content: its pages
 * look like the built site's (the same styles, no CSP errors in the console), and a file
 * broken while it runs shows its problem in the browser (file:line: field: what is wrong)
 * where its page was, never an HTTP 500 or a stack trace; fixed, the page is back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser, visit } from './support/pages.ts';
import { FIXTURE_CONTENT, ROOT } from './support/paths.ts';

const CLAIM = 'example-convoy-reached-town';
/** Waiting for the dev server on a busy machine: it can take a minute to start. */
const PATIENCE_MS = 240_000;

let server: ChildProcess | undefined;
let output = '';
let origin = '';
let content = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls until `check` passes; keeps the last failure to report it. */
async function eventually<T>(check: () => Promise<T>, what: string): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`${what}: ${last instanceof Error ? last.message : String(last)}\n--- astro dev said:\n${output.slice(-3000)}`);
}

beforeAll(async () => {
  content = await mkdtemp(join(tmpdir(), 'claimtrail-dev-'));
  await cp(FIXTURE_CONTENT, content, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // As `npm run dev` runs it: Node 22 for Astro, and none of vitest's variables (with
  // NODE_ENV=test, Vite would not serve in development mode).
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
  Object.assign(env, { CLAIMTRAIL_CONTENT: content, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}` });
  server = spawn(join(ROOT, 'node_modules', '.bin', 'astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], { cwd: ROOT, env });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await eventually(async () => {
    const response = await fetch(`${origin}/claims/${CLAIM}/`);
    if (response.status !== 200) throw new Error(`answered ${response.status}`);
  }, 'astro dev did not serve the claim');
}, PATIENCE_MS + 60_000);

afterAll(async () => {
  server?.kill();
  await rm(content, { recursive: true, force: true });
});

describe('the dev preview (astro dev)', () => {
  const browser = useBrowser();

  test('styles its pages like the built site, with no CSP errors in the console', async () => {
    const dev = await openPage(browser());
    const built = await openPage(browser());
    // Runs in the page: only its argument and globals are there.
    const styleOf = (element: Element) => {
      const style = getComputedStyle(element);
      return { color: style.color, background: style.backgroundColor, font: style.fontFamily, display: style.display, position: style.position };
    };
    try {
      for (const path of [`/claims/${CLAIM}/`, '/people/', '/']) {
        await visit(dev.page, `${origin}${path}`);
        await visit(built.page, `${inject('fixtureUrl')}${path}`);
        for (const selector of ['body', '.site-header', '.skip-link', 'h1', 'main a']) {
          const [inDev, inBuild] = await Promise.all([dev.page, built.page].map((page) => page.locator(selector).first().evaluate(styleOf)));
          expect(inDev, `${path} ${selector}`).toEqual(inBuild);
        }
      }
      expect(dev.violations).toEqual([]);
      expect(dev.errors).toEqual([]);
    } finally {
      await Promise.all([dev.close(), built.close()]);
    }
  });

  test('shows a broken file’s problem where its page was, and the page once it is fixed', async () => {
    const file = join(content, 'claims', `${CLAIM}.md`);
    const original = await readFile(file, 'utf8');
    const line = original.split('\n').findIndex((text) => text.startsWith('status:')) + 1;
    expect(line).toBeGreaterThan(1);
    const { page, violations, close } = await openPage(browser());
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url() === `${origin}/claims/${CLAIM}/`) statuses.push(response.status());
    });
    try {
      await writeFile(file, original.replace(/^status: .*$/m, 'status: bogus'));
      await eventually(async () => {
        await page.goto(`${origin}/claims/${CLAIM}/`);
        await page.getByRole('heading', { name: `This page is left out: content/claims/${CLAIM}.md has problems` }).waitFor({ timeout: 2000 });
      }, 'the problem was not shown');
      const problem = page.getByRole('listitem').filter({ hasText: `${CLAIM}.md:${line}: status: "bogus" is not an allowed value` });
      await expect(problem.count()).resolves.toBe(1);
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/\bat .+:\d+:\d+\)?$|Error:|Stack trace/m);

      await writeFile(file, original);
      await eventually(async () => {
        await page.goto(`${origin}/claims/${CLAIM}/`);
        await page.getByRole('heading', { level: 1, name: /northern convoy/ }).waitFor({ timeout: 2000 });
      }, 'the fixed page did not come back');
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
      expect(violations).toEqual([]);
    } finally {
      await writeFile(file, original);
      await close();
    }
  });

  test('shows each saved edit: a field, the body, a new file and a deleted one', async () => {
    // The preview updates only the entries whose files changed, and reuses its catalog
    // until the content changes: every kind of change must still reach the page.
    const file = join(content, 'claims', `${CLAIM}.md`);
    const original = await readFile(file, 'utf8');
    const added = join(content, 'topics', 'example-added-topic.md');
    const { page, violations, close } = await openPage(browser());
    const shows = (path: string, text: string, what: string) => eventually(async () => {
      await page.goto(`${origin}${path}`);
      await page.getByText(text).first().waitFor({ timeout: 2000 });
    }, what);
    try {
      await writeFile(file, original.replace(/^summary: .*$/m, 'summary: A summary edited while the preview runs.'));
      await shows(`/claims/${CLAIM}/`, 'A summary edited while the preview runs.', 'the edited field was not shown');
      await writeFile(file, `${original.trimEnd()}\n\nA paragraph added to the body while the preview runs.\n`);
      await shows(`/claims/${CLAIM}/`, 'A paragraph added to the body while the preview runs.', 'the edited body was not shown');
      await expect(page.getByText('A summary edited while the preview runs.').count()).resolves.toBe(0);

      await writeFile(added, '---\ntitle: A topic added while the preview runs\ndescription: Added by the test.\n---\n');
      await shows('/topics/', 'A topic added while the preview runs', 'the new file was not shown');
      await rm(added);
      await eventually(async () => {
        await page.goto(`${origin}/topics/`);
        expect(await page.getByText('A topic added while the preview runs').count()).toBe(0);
      }, 'the deleted file was still shown');
      expect(violations).toEqual([]);
    } finally {
      await writeFile(file, original);
      await rm(added, { force: true });
      await close();
    }
  });
});
