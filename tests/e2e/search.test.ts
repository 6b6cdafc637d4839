/**
 * Search (issue 4): Pagefind in real Chromium, through the page's own form. A rare word
 * finds its claim first; filters narrow; no match is announced; the URL carries the whole
 * state and back/forward restore it; the header box leads here; results show the words
 * with the match marked, speaker, date and status; the keyboard reaches everything;
 * without JavaScript the page says so; Persian and Pashto originals are found. And no
 * page breaks the Content Security Policy or loads a script it should not.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import type { ClaimData } from '../../src/schemas/claim.ts';
import { label, RATING_SCALE, shownDate, type Content, type Entry } from './support/content.ts';
import { htmlFiles, readHtml } from './support/html.ts';
import { escapeRegExp, openPage, useSites, visit, type WatchedPage } from './support/pages.ts';
import { DIST, FIXTURE_SITE } from './support/paths.ts';

let site: Content;
let fixture: Content;
let tab: WatchedPage;
let page: Page;
/** Every CSP report from every page this file opens. */
const violations: string[] = [];

const { browser, siteUrl, fixtureUrl } = useSites(
  (sites) => ({ site, fixture, tab, page } = sites),
  // Reported here as well as in the last test, so a violation is never silently lost.
  (sites) => violations.push(...sites.tab.violations),
);
afterAll(() => {
  expect(violations).toEqual([]);
});

const FINAL = /^(\d+ results? for|No results|\d+ results?, filtered|Search could not load)/;

/** Waits for the live region to announce a finished search, and returns what it says. */
async function announced(p: Page = page): Promise<string> {
  const status = p.getByRole('status');
  await status.filter({ hasText: FINAL }).waitFor();
  return (await status.innerText()).trim();
}

const countIn = (text: string) => Number(/^(\d+) results?/.exec(text)?.[1] ?? (text.startsWith('No results') ? 0 : NaN));

const results = (p: Page = page) => p.getByRole('list', { name: 'Search results' }).getByRole('listitem');

interface Shown {
  href: string;
  title: string;
  marks: string[];
  meta: string;
  status: string;
}

async function shownResults(p: Page = page): Promise<Shown[]> {
  return results(p).evaluateAll((items) => items.map((item) => {
    const link = item.querySelector('a.result-title') as HTMLAnchorElement;
    return {
      href: new URL(link.href).pathname,
      title: (link.textContent ?? '').trim(),
      marks: [...link.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      meta: (item.querySelector('.result-meta')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      status: (item.querySelector('.result-meta .status')?.textContent ?? '').trim(),
    };
  }));
}

const WORD = /[\p{L}][\p{L}'’-]*[\p{L}]/gu;
const words = (text: string) => (text.match(WORD) ?? []).map((w) => w.toLowerCase());

/**
 * A word of one claim's own text that no other content file contains, not even as the
 * start of a longer word, and that the page frame never says.
 */
function distinctiveWord(content: Content): { claim: Entry<ClaimData>; word: string } {
  const others = (id: string) => [
    ...content.claims.filter((c) => c.id !== id).map((c) => c.source.toLowerCase()),
    ...[...content.people.values(), ...content.outlets.values(), ...content.topics.values(), ...content.places.values()].map((e) => e.source.toLowerCase()),
    ...RATING_SCALE.map((r) => `${r.label} ${r.definition}`.toLowerCase()),
  ];
  for (const claim of content.newestFirst) {
    const corpus = others(claim.id);
    const candidates = [...new Set(words(claim.data.claim))].filter((w) => w.length >= 7 && /^\p{L}+$/u.test(w)).sort((a, b) => b.length - a.length);
    for (const word of candidates) {
      // Pagefind's stemmer can cut more than a suffix (specialized, special), so compare the first six letters.
      const stem = word.slice(0, 6);
      if (!corpus.some((text) => text.includes(stem))) return { claim, word };
    }
  }
  throw new Error('no claim has a word of its own');
}

/** The text Pagefind indexes for a claim page, as far as the content files say it. */
function claimPageText(content: Content, claim: Entry<ClaimData>): string {
  const speaker = content.person(claim.data.speaker);
  const affiliation = speaker.data.affiliation ? content.person(speaker.data.affiliation).data.name : '';
  return [
    claim.source, speaker.data.name, speaker.data.role ?? '', affiliation,
    ...claim.data.appearances.map((a) => content.outlet(a.outlet).data.name),
    ...claim.data.topics.map((t) => content.topic(t).data.title),
  ].join('\n').toLowerCase();
}

async function search(base: string, query: string) {
  await visit(page, `${base}/search/?q=${encodeURIComponent(query)}`);
  return announced();
}

describe('finding claims', () => {
  test('a word only one claim uses finds that claim first, with the word marked', async () => {
    const { claim, word } = distinctiveWord(site);
    const text = await search(siteUrl, word);
    expect(countIn(text)).toBeGreaterThanOrEqual(1);
    const [first] = await shownResults();
    expect(first?.href).toBe(`/claims/${claim.id}/`);
    // The claim's own words, with the match highlighted.
    expect(first?.title).toContain(claim.data.claim);
    const bare = (marks: string[] | undefined) => (marks ?? []).map((m) => m.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
    expect(bare(first?.marks)).toContain(word);
    // Speaker, date and status beside it.
    expect(first?.meta).toContain(site.person(claim.data.speaker).data.name);
    expect(first?.meta).toContain(shownDate(claim.data.date));
    expect(first?.status).toBe(label(claim.data.status));
    // The excerpt highlights it too, with nothing but text and <mark> inside.
    const excerpt = results().first().locator('.result-excerpt');
    // (Pagefind marks a whole token, so a mark may carry the punctuation after the word.)
    expect(bare(await excerpt.locator('mark').allInnerTexts())).toContain(word);
    expect(await excerpt.evaluate((node) => [...node.querySelectorAll('*')].every((el) => el.tagName === 'MARK'))).toBe(true);
    // The result leads to the claim.
    await results().first().getByRole('link').click();
    await page.waitForURL(`${siteUrl}/claims/${claim.id}/`);
  });

  test('the count is announced in the live region and matches the results, more on request', async () => {
    const text = await search(siteUrl, 'taliban');
    const status = page.getByRole('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    const total = countIn(text);
    expect(text).toBe(`${total} results for “taliban”.`);
    // Results come ten at a time: each one is a small fetch, made in one parallel round.
    expect(total).toBeGreaterThan(10);
    expect(await results().count()).toBe(10);
    const more = page.getByRole('button', { name: 'Show more results' });
    await more.click();
    await expect.poll(() => results().count()).toBe(Math.min(20, total));
    // Focus moves to the first new result, so keyboard users continue where they were.
    const focusedIndex = await page.evaluate(() => {
      const li = document.activeElement?.closest('li');
      return li ? [...(li.parentElement?.children ?? [])].indexOf(li) : -1;
    });
    expect(focusedIndex).toBe(10);
    const shown = await shownResults();
    expect(new Set(shown.map((r) => r.href)).size).toBe(shown.length);
  });

  test('a filter narrows the results to claims with that status, then that speaker', async () => {
    const all = countIn(await search(siteUrl, 'taliban'));
    await page.getByRole('combobox', { name: 'Status' }).selectOption('disputed');
    await page.waitForURL(/status=disputed/);
    const disputed = countIn(await announced());
    expect(disputed).toBeGreaterThan(0);
    expect(disputed).toBeLessThan(all);
    expect(await page.getByRole('status').innerText()).toContain('filtered');
    expect(new Set((await shownResults()).map((r) => r.status))).toEqual(new Set(['Disputed']));
    const expected = site.claims.filter((c) => c.data.status === 'disputed' && claimPageText(site, c).includes('taliban'));
    expect(disputed).toBe(expected.length);

    const speaker = site.person(expected[0]?.data.speaker as string);
    await page.getByRole('combobox', { name: 'Speaker' }).selectOption(speaker.id);
    await page.waitForURL(new RegExp(`speaker=${speaker.id}`));
    const narrowed = countIn(await announced());
    expect(narrowed).toBe(expected.filter((c) => c.data.speaker === speaker.id).length);
    expect(narrowed).toBeLessThanOrEqual(disputed);
    for (const result of await shownResults()) expect(result.meta).toContain(speaker.data.name);
  });

  test('a query with no match says so in the live region', async () => {
    const text = await search(siteUrl, 'xylophonequartz');
    expect(text).toBe('No results for “xylophonequartz”. Try other words.');
    expect(await results().count()).toBe(0);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('corroborated');
    const filtered = await announced();
    expect(filtered).toBe('No results for “xylophonequartz” with these filters. Try other words, or clear the filters.');
  });

  test('order by newest puts the latest-said claims first', async () => {
    await visit(page, `${siteUrl}/search/?q=panjshir&type=claim&sort=newest`);
    await announced();
    expect(await page.getByRole('combobox', { name: 'Order' }).inputValue()).toBe('newest');
    const dates = (await shownResults()).map((r) => site.claim(r.href.split('/')[2] as string).data.date);
    expect(dates.length).toBeGreaterThan(1);
    // By the date said, compared as written, as every list on the site orders claims.
    for (let i = 1; i < dates.length; i++) expect(dates[i - 1] as string >= (dates[i] as string), dates.join(' ')).toBe(true);
  });
});

describe('state in the URL', () => {
  test('q and status in the URL fill the form and show only matching claims; filters update the URL; Back restores', async () => {
    await visit(page, `${siteUrl}/search/?q=panjshir&status=disputed`);
    const first = await announced();
    expect(await page.getByRole('searchbox', { name: 'Words to find' }).inputValue()).toBe('panjshir');
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('disputed');
    const disputed = await shownResults();
    const expected = site.claims.filter((c) => c.data.status === 'disputed' && claimPageText(site, c).includes('panjshir'));
    expect(countIn(first)).toBe(expected.length);
    expect(new Set(disputed.map((r) => r.href))).toEqual(new Set(expected.map((c) => `/claims/${c.id}/`)));
    expect(new Set(disputed.map((r) => r.status))).toEqual(new Set(['Disputed']));
    expect(await page.title()).toContain('panjshir');

    await page.getByRole('combobox', { name: 'Status' }).selectOption('unverified');
    await page.waitForURL(`${siteUrl}/search/?q=panjshir&status=unverified`);
    await announced();
    const unverified = await shownResults();
    expect(unverified.length).toBeGreaterThan(0);
    expect(new Set(unverified.map((r) => r.status))).toEqual(new Set(['Unverified']));

    // Back and Forward are history moves within the page: the form and results follow.
    await page.goBack();
    await page.waitForURL(`${siteUrl}/search/?q=panjshir&status=disputed`);
    await expect.poll(() => shownResults()).toEqual(disputed);
    expect(await announced()).toBe(first);
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('disputed');
    expect(await page.getByRole('searchbox', { name: 'Words to find' }).inputValue()).toBe('panjshir');

    await page.goForward();
    await page.waitForURL(`${siteUrl}/search/?q=panjshir&status=unverified`);
    await expect.poll(() => shownResults()).toEqual(unverified);
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('unverified');

    // Clearing empties the form, the URL and the results.
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.waitForURL(`${siteUrl}/search/`);
    await expect.poll(() => results().count()).toBe(0);
    expect(await page.getByRole('searchbox', { name: 'Words to find' }).inputValue()).toBe('');
  });

  test('the header search box works from a claim page', async () => {
    const claim = site.newestFirst[0] as Entry<ClaimData>;
    await visit(page, `${siteUrl}/claims/${claim.id}/`);
    const box = page.getByRole('search', { name: 'Site' }).getByRole('searchbox', { name: 'Search claims, people and outlets' });
    await box.fill('Panjshir');
    await box.press('Enter');
    await page.waitForURL(`${siteUrl}/search/?q=Panjshir`);
    const text = await announced();
    expect(countIn(text)).toBeGreaterThan(0);
    expect(await page.getByRole('searchbox', { name: 'Words to find' }).inputValue()).toBe('Panjshir');
    expect((await shownResults()).some((r) => r.marks.some((m) => m.toLowerCase() === 'panjshir'))).toBe(true);
  });
});

describe('keyboard and no JavaScript', () => {
  test('keyboard only: type, Enter, then Tab reaches the filters and then the first result', async () => {
    await visit(page, `${siteUrl}/search/`);
    await page.getByRole('searchbox', { name: 'Words to find' }).focus();
    await page.keyboard.type('panjshir');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${siteUrl}/search/?q=panjshir`);
    await announced();
    const firstResult = (await shownResults())[0]?.href;
    const visited: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? `${el.tagName.toLowerCase()}#${el.id}${el instanceof HTMLAnchorElement ? ` ${new URL(el.href).pathname}` : ''}` : '';
      });
      visited.push(focused);
      if (focused === `a# ${firstResult}`) break;
    }
    const at = (needle: string) => visited.findIndex((v) => v.startsWith(needle));
    expect(at('select#filter-status'), visited.join(', ')).toBeGreaterThan(-1);
    expect(at('select#filter-speaker')).toBeGreaterThan(at('select#filter-status'));
    const result = visited.indexOf(`a# ${firstResult}`);
    expect(result, visited.join(', ')).toBeGreaterThan(at('select#filter-year'));
    // The first result opens with Enter.
    await page.keyboard.press('Enter');
    await page.waitForURL(`${siteUrl}${firstResult}`);
  });

  test('without JavaScript the page says search needs it and links to the browsable lists', async () => {
    const noScript = await openPage(browser(), { javaScriptEnabled: false });
    try {
      await visit(noScript.page, `${siteUrl}/search/?q=panjshir`);
      // (Playwright's text locators skip <noscript>, so the notice is found by its class.)
      const notice = noScript.page.getByRole('main').locator('.notice');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.innerText()).toMatch(/^Search needs JavaScript/);
      for (const [name, href] of [['all claims', '/claims/'], ['people', '/people/'], ['outlets', '/outlets/'], ['topics', '/topics/'], ['disputed', '/status/disputed/']] as const) {
        const link = noScript.page.getByRole('main').getByRole('link', { name, exact: true });
        expect(await link.getAttribute('href')).toBe(href);
      }
      // The filters, which need the script, stay hidden; nothing pretends to search.
      expect(await noScript.page.getByRole('group', { name: 'Narrow the results' }).isVisible()).toBe(false);
      expect(await noScript.page.getByRole('status').innerText()).toBe('');
      await noScript.page.getByRole('main').getByRole('link', { name: 'all claims', exact: true }).click();
      await noScript.page.waitForURL(`${siteUrl}/claims/`);
      expect(await noScript.page.getByRole('heading', { level: 1 }).innerText()).toBe('All claims');
    } finally {
      violations.push(...noScript.violations);
      await noScript.close();
    }
  });
});

describe('Persian and Pashto', () => {
  test.each([
    ['a Persian word', 'بهاری', 'example-salang-road-reopens'],
    ['a Pashto word', 'جنګیالي', 'example-fighters-left-valley'],
  ])('%s that appears only in an original finds that claim', async (_, word, id) => {
    const claim = fixture.claim(id);
    // The word really is only in the original.
    expect(claim.data.original).toContain(word);
    expect(claim.data.claim).not.toContain(word);
    expect(fixture.claims.filter((c) => c.source.includes(word)).map((c) => c.id)).toEqual([id]);
    const text = await search(fixtureUrl, word);
    expect(text).toBe(`1 result for “${word}”.`);
    const [result] = await shownResults();
    expect(result?.href).toBe(`/claims/${id}/`);
    expect(result?.title).toContain(claim.data.claim);
    expect(await results().first().locator('.result-excerpt mark').allInnerTexts()).toContain(word);
  });
});

describe('Content Security Policy and scripts', () => {
  /** One page of each kind, on both sites. */
  function pagesToVisit(): string[] {
    const claim = site.newestFirst[0] as Entry<ClaimData>;
    const person = [...site.people.keys()][0];
    const outlet = [...site.outlets.keys()][0];
    const topic = [...site.topics.keys()][0];
    return [
      `${siteUrl}/`, `${siteUrl}/claims/`, `${siteUrl}/claims/${claim.id}/`, `${siteUrl}/people/`, `${siteUrl}/people/${person}/`,
      `${siteUrl}/outlets/`, `${siteUrl}/outlets/${outlet}/`, `${siteUrl}/outlets/${outlet}/articles/`, `${siteUrl}/topics/`,
      `${siteUrl}/topics/${topic}/`, `${siteUrl}/status/unverified/`, `${siteUrl}/methodology/`, `${siteUrl}/about/`, `${siteUrl}/data/`,
      `${fixtureUrl}/claims/example-salang-road-reopens/`, `${fixtureUrl}/claims/example-convoy-reached-town/`,
    ];
  }

  test('no page but /search/ requests a script, and none reports a CSP violation', async () => {
    const watched = await openPage(browser());
    const scripts: string[] = [];
    watched.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(`${watched.page.url()} -> ${request.url()}`);
    });
    try {
      for (const url of pagesToVisit()) await visit(watched.page, url);
      await visit(watched.page, `${siteUrl}/missing-page/`, 404);
      expect(scripts).toEqual([]);
      // The search page loads its own script and Pagefind's, all from the site itself.
      await visit(watched.page, `${siteUrl}/search/?q=panjshir`);
      await announced(watched.page);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toMatch(new RegExp(` -> ${escapeRegExp(siteUrl)}/`));
      expect(watched.violations).toEqual([]);
      expect(watched.errors).toEqual([]);
    } finally {
      violations.push(...watched.violations);
      await watched.close();
    }
  });

  test('the index ships only files a search can fetch: every script and stylesheet Pagefind left is one the search page loads', async () => {
    const watched = await openPage(browser());
    const fetched = new Set<string>();
    watched.page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/pagefind/')) fetched.add(path.slice('/pagefind/'.length));
    });
    try {
      await visit(watched.page, `${siteUrl}/search/?q=panjshir`);
      await announced(watched.page);
      const left = (await readdir(join(DIST, 'pagefind'))).filter((name) => /\.(js|css)$/.test(name));
      expect(left.length).toBeGreaterThan(0);
      expect(left.filter((name) => !fetched.has(name))).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  test('the CSP is really enforced: an inline script in a page would be refused', async () => {
    // A control for the check above: inject what the policy forbids and see it reported.
    const watched = await openPage(browser());
    try {
      await visit(watched.page, `${siteUrl}/about/`);
      await watched.page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.append(script);
      });
      await expect.poll(() => watched.violations.length).toBeGreaterThan(0);
      expect(await watched.page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    } finally {
      await watched.close();
    }
  });

  test('no built page but /search/ and /admin/ has a <script src> or an inline script other than JSON-LD', async () => {
    for (const root of [DIST, FIXTURE_SITE]) {
      const offending: string[] = [];
      const scripts = { 'search/index.html': 0, 'admin/index.html': 0 } as Record<string, number>;
      for (const file of await htmlFiles(root)) {
        const html = await readHtml(root, file);
        for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
          const attributes = match[1] ?? '';
          const isData = /\btype="application\/ld\+json"/.test(attributes);
          if (file in scripts && /\bsrc="\/[^"]+"/.test(attributes) && !(match[2] ?? '').trim()) {
            scripts[file] = (scripts[file] ?? 0) + 1;
            continue;
          }
          if (isData && !/\bsrc=/.test(attributes)) continue;
          offending.push(`${file}: <script${attributes}>${(match[2] ?? '').slice(0, 60)}`);
        }
        // Nor inline event handlers or javascript: links, which the CSP would block anyway.
        if (/\son[a-z]+="/i.test(html.replace(/<script\b[\s\S]*?<\/script>/gi, ''))) offending.push(`${file}: an inline event handler`);
        if (/href="javascript:/i.test(html)) offending.push(`${file}: a javascript: link`);
        // Nor a preload of a script, which would ship its bytes all the same.
        if (!(file in scripts) && /<link\b[^>]*rel="modulepreload"/i.test(html)) offending.push(`${file}: a modulepreload`);
      }
      expect(offending).toEqual([]);
      expect(scripts).toEqual({ 'search/index.html': 1, 'admin/index.html': 1 });
    }
  });

  test('the content editor\'s scripts are served from the site itself, under /admin/ only', async () => {
    const html = await readHtml(DIST, 'admin/index.html');
    const [, src] = /<script\b[^>]*\bsrc="([^"]+)"/.exec(html) ?? [];
    expect(src).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    // The module it loads names Decap's script by a path on this site, never a CDN.
    const module = await readFile(join(DIST, src as string), 'utf8');
    expect(module).toContain('decap-cms.js');
    expect(module).not.toMatch(/https?:\/\/(?:unpkg|cdn|esm\.sh|jsdelivr)/);
    expect(existsSync(join(DIST, 'admin', 'decap-cms.js'))).toBe(true);
    // No other page loads a file from /admin/.
    for (const file of await htmlFiles(DIST)) {
      if (file === 'admin/index.html') continue;
      expect(await readHtml(DIST, file), file).not.toMatch(/src="\/admin\//);
    }
  });

  test('searching reported no CSP violations and no errors', () => {
    expect([...violations, ...tab.violations]).toEqual([]);
    expect(tab.errors).toEqual([]);
  });
});
