/**
 * Places, the map and the timelines, on the built site: the map's marks link to the right
 * place pages and agree with the table beside them and with the content files; a place's
 * page gathers the claims about it and the places inside it; a year-only claim is drawn as
 * a span over its year; the new pages have no script and no axe violations, in light and
 * dark, at 360px.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import type { PlaceData } from '../../src/schemas/place.ts';
import { openPage, useBrowser, visit, type WatchedPage } from './support/pages.ts';
import { ROOT } from './support/paths.ts';
import { inject } from 'vitest';

const browser = useBrowser();
const siteUrl = inject('siteUrl');

interface Expected {
  places: Map<string, PlaceData>;
  /** Claim ids about each place: tagged with it or with a place inside it. */
  claimsAbout: Map<string, Set<string>>;
  claims: Map<string, { date: string; speaker: string; places: string[] }>;
}

let expected: Expected;
let tab: WatchedPage;

beforeAll(async () => {
  const { entries } = await loadContent({ root: ROOT });
  const places = new Map([...entries.places.values()].map((entry) => [entry.id, entry.data]));
  const claimsAbout = new Map([...places.keys()].map((id) => [id, new Set<string>()]));
  for (const claim of entries.claims.values()) {
    for (const tagged of claim.data.places) {
      for (let id: string | undefined = tagged; id; id = places.get(id)?.parent) claimsAbout.get(id)?.add(claim.id);
    }
  }
  const claims = new Map([...entries.claims.values()].map((entry) => [entry.id, { date: entry.data.date, speaker: entry.data.speaker, places: entry.data.places }]));
  expected = { places, claimsAbout, claims };
  tab = await openPage(browser());
});
afterAll(async () => {
  await tab?.close();
});

const idOf = (href: string | null) => /^\/places\/([a-z0-9-]+)\/$/.exec(href ?? '')?.[1];

describe('the map', () => {
  test.each(['/', '/places/'])('on %s, every mark links to its place page, and the table says the same count', async (path) => {
    const { page } = tab;
    await visit(page, `${siteUrl}${path}`);
    const figure = page.locator('figure').filter({ has: page.locator('svg.map') }).first();
    const marks = figure.locator('svg a');
    const count = await marks.count();
    expect(count).toBeGreaterThanOrEqual(8);
    const table = page.getByRole('table', { name: /claims about each place/i }).first();
    for (let index = 0; index < count; index++) {
      const mark = marks.nth(index);
      const href = await mark.getAttribute('href');
      const id = idOf(href);
      expect(id, String(href)).toBeDefined();
      const place = expected.places.get(id!);
      expect(place, id).toBeDefined();
      // Only places with a sourced point are drawn.
      expect(place?.point, id).toBeDefined();
      const claims = expected.claimsAbout.get(id!)?.size ?? 0;
      const title = await mark.locator('title').textContent();
      expect(title).toBe(`${place?.name}: ${claims} ${claims === 1 ? 'claim' : 'claims'}`);
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: place?.name ?? '', exact: true }) });
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([String(claims), 'yes']);
    }
    // Every row the table says is on the map has its mark, and no more.
    const onMap = await table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'yes', exact: true }) }).count();
    expect(onMap).toBe(count);
  });

  test('a larger count is a larger circle', async () => {
    const { page } = tab;
    await visit(page, `${siteUrl}/places/`);
    const marks = await page.locator('svg.map a').evaluateAll((links) => links.map((a) => ({
      count: Number(/: (\d+) claims?$/.exec(a.querySelector('title')?.textContent ?? '')?.[1]),
      r: Number(a.querySelector('circle')?.getAttribute('r')),
    })));
    for (const a of marks) for (const b of marks) if (a.count > b.count) expect(a.r).toBeGreaterThan(b.r);
  });

  test('clicking a mark opens that place’s page', async () => {
    const { page } = tab;
    await visit(page, `${siteUrl}/`);
    const mark = page.locator('svg.map a[href="/places/panjshir/"]');
    await mark.locator('circle').click();
    await page.waitForURL(`${siteUrl}/places/panjshir/`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Panjshir');
  });
});

describe('place pages', () => {
  test('a province lists the claims about it and about its districts, and links its districts', async () => {
    const { page } = tab;
    await visit(page, `${siteUrl}/places/panjshir/`);
    const about = expected.claimsAbout.get('panjshir')!;
    const claims = page.getByRole('region', { name: /^Claims/ });
    const links = await claims.locator('ul.claim-list a.words').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const listed = new Set(links.flatMap((href) => /^\/claims\/([^/]+)\/$/.exec(href ?? '')?.[1] ?? []));
    expect(listed).toEqual(about);
    // The district's claim is here though it is not tagged with Panjshir itself.
    expect([...about].some((id) => !expected.claims.get(id)?.places.includes('panjshir'))).toBe(true);
    const inside = page.getByRole('region', { name: 'Places inside it' });
    expect(await inside.getByRole('link', { name: 'Hisa Awal', exact: true }).getAttribute('href')).toBe('/places/hisa-awal/');
    expect(await page.getByRole('img', { name: /^Locator map: Panjshir, marked at Bāzārak/ }).count()).toBe(1);
    expect(await page.getByText(/Also written: .*Panjsher/).count()).toBe(1);
  });

  test('a district without a sourced point says so, and its locator marks its province', async () => {
    const { page } = tab;
    await visit(page, `${siteUrl}/places/hisa-awal/`);
    expect(await page.getByRole('img', { name: /Hisa Awal has no sourced point; the mark is Panjshir/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Panjshir', exact: true }).first().getAttribute('href')).toBe('/places/panjshir/');
  });

  test('every place has a page and a feed with its claims', async () => {
    const { page } = tab;
    for (const [id, place] of expected.places) {
      await visit(page, `${siteUrl}/places/${id}/`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(place.name);
    }
    const response = await page.request.get(`${siteUrl}/places/panjshir/rss.xml`);
    expect(response.status()).toBe(200);
    const items = (await response.text()).match(/<item>/g) ?? [];
    expect(items.length).toBe(Math.min(expected.claimsAbout.get('panjshir')!.size, 50));
  });
});

describe('timelines', () => {
  test('a year-only claim is a bar over its whole year, from one 1 January to the next', async () => {
    const { page } = tab;
    const yearOnly = [...expected.claims].find(([, claim]) => claim.speaker === 'ali-maisam-nazary' && /^\d{4}$/.test(claim.date));
    expect(yearOnly).toBeDefined();
    await visit(page, `${siteUrl}/people/ali-maisam-nazary/`);
    const timeline = page.locator('figure.timeline svg');
    const bar = timeline.locator(`a[href="/claims/${yearOnly![0]}/"] rect`);
    const [x, width] = await Promise.all([bar.getAttribute('x'), bar.getAttribute('width')]);
    // The axis labels each 1 January with its year, at the tick.
    const tickAt = async (year: number) => Number(await timeline.locator('.tl-label').filter({ hasText: new RegExp(`^${year}$`) }).getAttribute('x'));
    const year = Number(yearOnly![1].date);
    expect(Number(x)).toBeCloseTo(await tickAt(year), 0);
    expect(Number(x) + Number(width)).toBeCloseTo(await tickAt(year + 1), 0);
    // Its name says the date as written, and the status in words.
    expect(await timeline.locator(`a[href="/claims/${yearOnly![0]}/"] title`).textContent()).toMatch(new RegExp(`^${yearOnly![1].date}, [A-Z][a-z -]+: `));
  });

  test('every bar links to a claim in the list below it, and the fall of Kabul is marked', async () => {
    const { page } = tab;
    for (const path of ['/people/ali-maisam-nazary/', '/topics/panjshir/', '/places/panjshir/']) {
      await visit(page, `${siteUrl}${path}`);
      const bars = await page.locator('figure.timeline svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(bars.length, path).toBeGreaterThan(0);
      const listed = await page.getByRole('region', { name: /^Claims/ }).locator('a[href^="/claims/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of bars) expect(listed, `${path}: ${href}`).toContain(href);
      expect(await page.locator('figure.timeline figcaption').innerText()).toContain('Fall of Kabul, 15 August 2021');
    }
  });
});

describe('search', () => {
  const FINAL = /^(\d+ results? for|No results|\d+ results?, filtered|Search could not load)/;
  const finished = async () => {
    const status = tab.page.getByRole('status');
    await status.filter({ hasText: FINAL }).waitFor({ timeout: 30_000 });
    return (await status.innerText()).trim();
  };
  const shown = () => tab.page.getByRole('list', { name: 'Search results' }).getByRole('listitem').locator('a.result-title')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

  test('the place filter keeps the claims about that place and the places inside it', async () => {
    const { page } = tab;
    await visit(page, `${siteUrl}/search/?q=nrf&type=claim`);
    await finished();
    await page.getByRole('combobox', { name: 'Place' }).selectOption('panjshir');
    await page.waitForURL(/place=panjshir/);
    const text = await finished();
    const found = await shown();
    expect(found.length).toBeGreaterThan(0);
    expect(Number(/^(\d+) result/.exec(text)?.[1])).toBeGreaterThanOrEqual(found.length);
    const about = expected.claimsAbout.get('panjshir')!;
    for (const path of found) expect(about, path).toContain(/^\/claims\/([^/]+)\/$/.exec(path)?.[1]);
  });

  test('another spelling of a place finds its page', async () => {
    const { page } = tab;
    await visit(page, `${siteUrl}/search/?q=${encodeURIComponent('Hesa-ye Awal')}`);
    await finished();
    expect(await shown()).toContain('/places/hisa-awal/');
  });
});

describe.each(['light', 'dark'] as const)('the new pages at 360px, %s', (colorScheme) => {
  let small: WatchedPage;
  beforeAll(async () => {
    small = await openPage(browser(), { colorScheme, viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await small?.close();
  });

  test('no script, nothing wider than the window, and no axe violations', async () => {
    const failures: string[] = [];
    for (const path of ['/', '/places/', '/places/panjshir/', '/places/hisa-awal/', '/places/dushanbe/', '/people/ali-maisam-nazary/', '/topics/panjshir/']) {
      await visit(small.page, `${siteUrl}${path}`);
      expect(await small.page.locator('script').count(), path).toBe(0);
      const { scrollWidth, clientWidth } = await small.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
      const results = await new AxeBuilder({ page: small.page }).setLegacyMode(true).analyze();
      if (results.violations.length) failures.push(`${path}: ${results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`).join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(small.violations).toEqual([]);
  }, 300_000);
});
