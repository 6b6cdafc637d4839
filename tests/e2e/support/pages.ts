/** Helpers the browser tests share: one browser per file, pages that record CSP reports. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';
import { readContent, type Content } from './content.ts';

/** Starts Chromium once for the test file that calls it and closes it afterwards. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running yet');
    return browser;
  };
}

const CSP_MESSAGE = /Content Security Policy|Refused to/i;

export interface WatchedPage {
  page: Page;
  /** Console messages and page errors that report a blocked resource or a CSP violation. */
  violations: string[];
  /** Uncaught exceptions in the page. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context and page that collect CSP violations and uncaught errors. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  // Playwright waits 30 s for a page or an element by default; on a loaded machine a page
  // can take longer to load and run its script. The tests' own timeouts still apply.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    if (CSP_MESSAGE.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    errors.push(`${page.url()}: ${error.message}`);
    if (CSP_MESSAGE.test(error.message)) violations.push(`${page.url()}: ${error.message}`);
  });
  return { page, violations, errors, close: () => context.close() };
}

/** `page.goto` that insists on the status it expects (200 unless told). */
export async function visit(page: Page, url: string, status = 200): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${url}`);
  if (response.status() !== status) throw new Error(`${url} answered ${response.status()}, expected ${status}`);
}

/** Regular-expression-safe text, for `name: new RegExp(...)`. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Sites {
  /** The content of the real site and of the fixture site. */
  site: Content;
  fixture: Content;
  /** One tab, shared by the file's tests. */
  tab: WatchedPage;
  page: Page;
}

/**
 * What every browser test file starts with: the browser, both sites' addresses and content,
 * and one open tab. `ready` receives them before the first test; `done` runs before the tab
 * closes (to collect what it saw).
 */
export function useSites(ready: (sites: Sites) => void, done?: (sites: Sites) => void) {
  const browser = useBrowser();
  let sites: Sites | undefined;
  beforeAll(async () => {
    const [site, fixture] = await Promise.all([readContent('site'), readContent('fixture')]);
    const tab = await openPage(browser());
    sites = { site, fixture, tab, page: tab.page };
    ready(sites);
  });
  afterAll(async () => {
    if (!sites) return;
    done?.(sites);
    await sites.tab.close();
  });
  return { browser, siteUrl: inject('siteUrl'), fixtureUrl: inject('fixtureUrl') };
}
