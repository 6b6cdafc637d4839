/**
 * Accessibility: axe-core finds nothing on any kind of page, in the light and the dark
 * colour scheme; the skip link is the first Tab stop and moves focus to the main content;
 * every page has one h1; nothing scrolls sideways at 320px; a printed claim leaves out
 * the header, footer and more claims from the speaker.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readContent, type Content } from './support/content.ts';
import { openPage, useBrowser, visit, type WatchedPage } from './support/pages.ts';

const browser = useBrowser();
const siteUrl = inject('siteUrl');
const fixtureUrl = inject('fixtureUrl');

interface PageType {
  name: string;
  url: string;
  /** Waits until the page has finished what it does after loading (search results). */
  ready?: (page: Page) => Promise<void>;
}

const searchReady = async (page: Page) => {
  await page.getByRole('status').filter({ hasText: /\d+ results?\b/ }).waitFor();
};

/** One page of every kind, chosen from the content so the pages exist. */
function pageTypes(site: Content): PageType[] {
  const bySpeaker = (kind: string) => [...site.people.values()]
    .filter((p) => p.data.kind === kind && site.claimsBy(p.id).length > 0)
    .sort((a, b) => site.claimsBy(b.id).length - site.claimsBy(a.id).length)[0];
  const withEvidence = [...site.claims].sort((a, b) => b.data.evidence.length - a.data.evidence.length)[0];
  const outlet = [...site.outlets.keys()][0];
  const topic = [...site.topics.keys()][0];
  const types: (PageType | undefined)[] = [
    { name: 'home', url: `${siteUrl}/` },
    { name: 'all claims', url: `${siteUrl}/claims/` },
    site.claims.length > 50 ? { name: 'all claims, page 2', url: `${siteUrl}/claims/page/2/` } : undefined,
    withEvidence ? { name: 'claim with evidence', url: `${siteUrl}/claims/${withEvidence.id}/` } : undefined,
    { name: 'claim with every stance and several appearances', url: `${fixtureUrl}/claims/example-convoy-reached-town/` },
    { name: 'claim with Persian original', url: `${fixtureUrl}/claims/example-salang-road-reopens/` },
    { name: 'claim with Pashto original', url: `${fixtureUrl}/claims/example-fighters-left-valley/` },
    { name: 'people', url: `${siteUrl}/people/` },
    ...(['person', 'organisation', 'unnamed'] as const).map((kind) => {
      const person = bySpeaker(kind);
      return person ? { name: `${kind} page`, url: `${siteUrl}/people/${person.id}/` } : undefined;
    }),
    { name: 'organisation page (fixture)', url: `${fixtureUrl}/people/example-organisation/` },
    { name: 'outlets', url: `${siteUrl}/outlets/` },
    outlet ? { name: 'outlet', url: `${siteUrl}/outlets/${outlet}/` } : undefined,
    outlet ? { name: 'outlet articles', url: `${siteUrl}/outlets/${outlet}/articles/` } : undefined,
    { name: 'topics', url: `${siteUrl}/topics/` },
    topic ? { name: 'topic', url: `${siteUrl}/topics/${topic}/` } : undefined,
    { name: 'status', url: `${siteUrl}/status/disputed/` },
    { name: 'empty status (fixture)', url: `${fixtureUrl}/status/corroborated/` },
    { name: 'methodology', url: `${siteUrl}/methodology/` },
    { name: 'about', url: `${siteUrl}/about/` },
    { name: 'data', url: `${siteUrl}/data/` },
    { name: 'search, empty', url: `${siteUrl}/search/` },
    { name: 'search with results and a filter', url: `${siteUrl}/search/?q=panjshir&status=disputed`, ready: searchReady },
    { name: 'search with results (fixture, Persian)', url: `${fixtureUrl}/search/?q=${encodeURIComponent('سالنگ')}`, ready: searchReady },
    { name: '404', url: `${siteUrl}/no-such-page/` },
  ];
  return types.filter((type): type is PageType => Boolean(type));
}

let pages: PageType[];
beforeAll(async () => {
  pages = pageTypes(await readContent('site'));
});

async function open(tab: WatchedPage, type: PageType) {
  await visit(tab.page, type.url, type.name === '404' ? 404 : 200);
  await type.ready?.(tab.page);
}

function describeViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string {
  return results.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
    .join('\n');
}

describe.each(['light', 'dark'] as const)('axe-core, %s colour scheme', (colorScheme) => {
  let tab: WatchedPage;
  beforeAll(async () => {
    tab = await openPage(browser(), { colorScheme });
  });
  afterAll(async () => {
    await tab?.close();
  });

  test('no violations on any kind of page', async () => {
    const failures: string[] = [];
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const type of pages) {
      await open(tab, type);
      // The scheme really is the one asked for.
      expect(await tab.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      // Legacy mode runs axe in the page itself (the pages have no frames), twice as fast
      // as the default, which opens a second page for every run.
      const results = await new AxeBuilder({ page: tab.page }).setLegacyMode(true).analyze();
      expect(results.passes.length, `axe ran no rules on ${type.url}`).toBeGreaterThan(10);
      if (results.violations.length) failures.push(`${type.name} (${type.url}):\n${describeViolations(results)}`);
    }
    expect(failures.join('\n\n')).toBe('');
    expect(tab.violations).toEqual([]);
    // Every kind of page in one test, so its timeout covers them all: on a loaded machine
    // axe can take seconds a page. The timeout only stops a hang.
  }, 15 * 60_000);
});

describe('keyboard, structure and small screens', () => {
  let tab: WatchedPage;
  beforeAll(async () => {
    tab = await openPage(browser(), { viewport: { width: 320, height: 640 } });
  });
  afterAll(async () => {
    await tab?.close();
  });

  test('the skip link is the first Tab stop and moves focus to the main content', async () => {
    const { page } = tab;
    for (const url of [`${siteUrl}/`, `${fixtureUrl}/claims/example-convoy-reached-town/`, `${siteUrl}/search/`]) {
      await visit(page, url);
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      expect(await focused.getAttribute('href')).toBe('#main');
      expect(await focused.innerText()).toBe('Skip to content');
      // It is visible while focused, so sighted keyboard users see where they are.
      expect(await focused.isVisible()).toBe(true);
      const box = await focused.boundingBox();
      expect(box && box.y >= 0).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
      // The next Tab goes into the content, not back to the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    }
  });

  test('every page has exactly one h1 and nothing scrolls sideways at 320px', async () => {
    const { page } = tab;
    const problems: string[] = [];
    for (const type of pages) {
      await open(tab, type);
      const h1s = await page.getByRole('heading', { level: 1 }).count();
      if (h1s !== 1) problems.push(`${type.name}: ${h1s} h1 elements`);
      const overflow = await page.evaluate(() => {
        const root = document.scrollingElement as HTMLElement;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && getComputedStyle(el).position !== 'absolute')
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`);
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
      });
      if (overflow.scrollWidth > overflow.clientWidth) {
        problems.push(`${type.name}: ${overflow.scrollWidth}px wide in a ${overflow.clientWidth}px window (${overflow.wide.join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('decorative glyphs are not read out: status badges are named by their word, breadcrumbs have no slashes', async () => {
    const { page } = tab;
    await visit(page, `${fixtureUrl}/claims/example-convoy-reached-town/`);
    // The badge shows a glyph before the word, but its accessible name is the word alone.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.verdict .status') as Element, '::before').content)).not.toBe('none');
    expect(await page.getByRole('link', { name: 'Partly corroborated', exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Rating: Partly corroborated', exact: true }).count()).toBe(1);
    const breadcrumb = await page.getByRole('navigation', { name: 'Breadcrumb' }).ariaSnapshot();
    expect(breadcrumb).not.toMatch(/text: \//);
    expect(breadcrumb).toContain('link "Example Person"');
  });

  test('a printed claim leaves out the header, footer, related claims and editing links', async () => {
    const { page } = tab;
    await page.setViewportSize({ width: 1024, height: 800 });
    await visit(page, `${fixtureUrl}/claims/example-convoy-reached-town/`);
    const header = page.getByRole('banner');
    const footer = page.getByRole('contentinfo');
    const related = page.getByRole('region', { name: 'More from Example Person' });
    const improve = page.getByRole('region', { name: 'Improve this record' });
    const citation = page.getByRole('region', { name: 'Cite this claim' });
    for (const part of [header, footer, related, improve, citation]) expect(await part.isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    for (const part of [header, footer, related, improve]) expect(await part.isVisible()).toBe(false);
    // What a reader needs on paper stays: the words, the rating, the sources and the citation.
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Where it appeared' }).isVisible()).toBe(true);
    expect(await citation.isVisible()).toBe(true);
    // External sources print their address.
    const after = await page.getByRole('link', { name: 'Convoy reaches town, officials say' })
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://gazette.example.org/2023/05/convoy');
    await page.emulateMedia({ media: 'screen' });
    expect(await header.isVisible()).toBe(true);
    expect(tab.violations).toEqual([]);
  });
});
