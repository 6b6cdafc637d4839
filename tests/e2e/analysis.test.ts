/**
 * The analysis pages on the built site: a measure's chart and its table agree, mark for
 * row; the Panjshir page shows both NRF figures and the claim that bears on them; a typed
 * link reads right from both ends; an overdue forecast is marked; axe finds nothing on the
 * new pages in either colour scheme; and none of them carries a script. Expectations come from the content files, not the site's catalog.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { escapeRegExp, openPage, useSites, visit, type Sites } from './support/pages.ts';
import { isCertainlyBefore } from '../../src/schemas/date.ts';

let sites: Sites;
const { browser, siteUrl, fixtureUrl } = useSites((ready) => {
  sites = ready;
});

/** What the chart says: every mark's link and name. */
async function chartMarks(page: Page) {
  return page.locator('svg.chart-svg a').evaluateAll((links) =>
    links.map((link) => ({ href: link.getAttribute('href'), label: link.getAttribute('aria-label') })));
}

/** What the table says: every row's claim link and words. */
async function tableRows(page: Page) {
  return page.locator('table.figure-table tbody tr').evaluateAll((rows) => rows.map((row) => {
    const words = [...row.querySelectorAll('a')].find((a) => a.getAttribute('href')?.startsWith('/claims/'));
    return { href: words?.getAttribute('href') ?? null, words: words?.textContent?.replace(/[“”]/g, '') ?? '', value: row.querySelector('[data-value]')?.getAttribute('data-value') };
  }));
}

describe('measure pages', () => {
  test.each([['site', 'nrf-share-of-panjshir'], ['fixture', 'example-lorries-in-convoy']] as const)(
    'the chart and the table give the same figures (%s: %s)', async (which, measure) => {
      const { page } = sites;
      const content = which === 'site' ? sites.site : sites.fixture;
      await visit(page, `${which === 'site' ? siteUrl : fixtureUrl}/measures/${measure}/`);
      const expected = content.claims.flatMap((claim) => claim.data.figures
        .filter((figure) => figure.measure === measure)
        .map((figure) => ({ href: `/claims/${claim.id}/`, words: figure.words, value: String(figure.value) })));
      expect(expected.length).toBeGreaterThan(0);

      const marks = await chartMarks(page);
      const rows = await tableRows(page);
      expect(rows.map(({ href, words, value }) => ({ href, words, value })).sort((a, b) => a.words.localeCompare(b.words)))
        .toEqual([...expected].sort((a, b) => a.words.localeCompare(b.words)));
      // One mark per row, in the same order, each naming the same words.
      expect(marks.map((mark) => mark.href)).toEqual(rows.map((row) => row.href));
      marks.forEach((mark, index) => expect(mark.label).toContain(rows[index]?.words));
      // The chart is named by its caption and its marks are links a keyboard reaches.
      expect(await page.getByRole('group', { name: /every figure given/ }).count()).toBe(1);
      expect(await page.getByRole('table', { name: /the figures in the chart/ }).count()).toBe(1);
    });

  test('"more than" is drawn as an open bound and "about" as a band, never as a bare point', async () => {
    const { page } = sites;
    await visit(page, `${siteUrl}/measures/nrf-share-of-panjshir/`);
    const marks = page.locator('svg.chart-svg a');
    expect(await marks.count()).toBe(2);
    for (const mark of await marks.all()) {
      expect(await mark.locator('.arrow').count()).toBe(1);
      expect(await mark.locator('line.value.dashed').count()).toBe(1);
    }
    // A year is drawn as wide as a year: both marks span the same width.
    const widths = await page.locator('svg.chart-svg line.value').evaluateAll((lines) =>
      lines.map((line) => Number(line.getAttribute('x2')) - Number(line.getAttribute('x1'))));
    expect(widths[0]).toBeGreaterThan(100);
    expect(Math.abs((widths[0] ?? 0) - (widths[1] ?? 0))).toBeLessThan(2);

    await visit(page, `${siteUrl}/measures/foreign-terrorist-fighters/`);
    expect(await page.locator('svg.chart-svg a rect.band').count()).toBe(1);
    expect(await page.getByRole('cell', { name: '11,700 fighters to 14,300 fighters' }).count()).toBe(1);
  });

  test('the Panjshir page shows the 2021 and 2022 figures and the "didn\'t control before today" claim in one view', async () => {
    const { page } = sites;
    await visit(page, `${siteUrl}/measures/nrf-share-of-panjshir/`);
    for (const words of ['more than 60%', 'more than half']) {
      expect(await page.getByRole('link', { name: `“${words}”`, exact: true }).first().isVisible()).toBe(true);
    }
    const table = page.getByRole('table', { name: /the figures in the chart/ });
    expect(await table.getByRole('row', { name: /^2021 .*more than 60%/ }).count()).toBe(1);
    expect(await table.getByRole('row', { name: /^2022 .*more than half/ }).count()).toBe(1);
    const bearing = page.getByRole('region', { name: 'Claims that bear on these figures' });
    const claim = sites.site.claim('nazary-districts-we-didnt-control-before-today');
    expect(await bearing.getByRole('link', { name: `“${claim.data.claim}”` }).getAttribute('href')).toBe(`/claims/${claim.id}/`);
    expect(await bearing.innerText()).toMatch(/Revises the figure “more than 60%”/);
  });
});

describe('typed links', () => {
  test('a denial is "Denies" at the end that wrote it and "Denied by" at the other', async () => {
    const { page } = sites;
    const denial = sites.site.claims.find((claim) => claim.data.related.some((link) => link.type === 'denies'));
    if (!denial) throw new Error('no claim in content/ denies another');
    const link = denial.data.related.find((item) => item.type === 'denies');
    const denied = sites.site.claim(link?.claim ?? '');

    await visit(page, `${siteUrl}/claims/${denial.id}/`);
    const denies = page.getByRole('region', { name: 'Denies', exact: true });
    expect(await denies.getByRole('link', { name: new RegExp(escapeRegExp(denied.data.claim.slice(0, 40))) }).getAttribute('href')).toBe(`/claims/${denied.id}/`);

    await visit(page, `${siteUrl}/claims/${denied.id}/`);
    const deniedBy = page.getByRole('region', { name: 'Denied by', exact: true });
    expect(await deniedBy.getByRole('link', { name: new RegExp(escapeRegExp(denial.data.claim.slice(0, 40))) }).getAttribute('href')).toBe(`/claims/${denial.id}/`);
    expect(await page.getByRole('region', { name: 'Denies', exact: true }).count()).toBe(0);
  });

  test('a link\'s note is shown at both ends (fixture)', async () => {
    const { page } = sites;
    const from = sites.fixture.claim('example-official-denies-convoy-size');
    const note = from.data.related[0]?.note ?? '';
    expect(note).not.toBe('');
    await visit(page, `${fixtureUrl}/claims/${from.id}/`);
    expect(await page.getByRole('region', { name: 'Contradicts', exact: true }).innerText()).toContain(note);
    await visit(page, `${fixtureUrl}/claims/example-convoy-reached-town/`);
    expect(await page.getByRole('region', { name: 'Contradicted by', exact: true }).innerText()).toContain(note);
  });
});

describe('forecasts', () => {
  const today = new Date().toISOString().slice(0, 10);

  test('pending forecasts past their due date are marked overdue, on the list and the claim page', async () => {
    const { page } = sites;
    const forecasts = sites.site.claims.filter((claim) => claim.data.forecast);
    const overdue = forecasts.filter(({ data: { forecast } }) => forecast?.outcome === 'pending' && forecast.due && isCertainlyBefore(forecast.due, today));
    expect(overdue.length).toBeGreaterThan(0);

    await visit(page, `${siteUrl}/forecasts/`);
    const items = page.locator('.forecast-list > li');
    expect(await items.count()).toBe(forecasts.length);
    expect(await page.locator('.forecast-list > li', { hasText: 'Overdue' }).count()).toBe(overdue.length);
    for (const claim of overdue) {
      const item = page.locator('.forecast-list > li', { has: page.locator(`a[href="/claims/${claim.id}/"]`) });
      expect(await item.innerText()).toMatch(/Pending\s+Overdue/);
    }
    // Due dates in order, those with no deadline last.
    const dues = await items.evaluateAll((lis) => lis.map((li) => li.querySelector('.forecast-line time')?.getAttribute('datetime') ?? '~'));
    expect(dues).toEqual([...dues].sort());

    const [first] = overdue;
    await visit(page, `${siteUrl}/claims/${first?.id}/`);
    const section = page.getByRole('region', { name: 'Due date and outcome' });
    expect(await section.innerText()).toMatch(/due .*Pending\s+Overdue/s);
  });

  test('an outcome other than pending shows its evidence on the claim page', async () => {
    const { page } = sites;
    const settled = sites.site.claims.find((claim) => claim.data.forecast && claim.data.forecast.outcome !== 'pending');
    if (!settled?.data.forecast) throw new Error('no settled forecast in content/');
    await visit(page, `${siteUrl}/claims/${settled.id}/`);
    const section = page.getByRole('region', { name: 'Due date and outcome' });
    for (const item of settled.data.forecast.evidence) expect(await section.innerText()).toContain(item.summary);
    expect(await section.innerText()).not.toContain('Overdue');
  });
});

describe('person pages', () => {
  test('list the figures a person gave by measure, and their changed positions oldest first', async () => {
    const { page } = sites;
    await visit(page, `${siteUrl}/people/ali-maisam-nazary/`);
    const figures = page.getByRole('region', { name: 'Figures given, by measure' });
    expect(await figures.getByRole('heading', { name: 'Share of Panjshir held by the NRF' }).count()).toBe(1);
    const changes = page.getByRole('region', { name: 'Changed positions' });
    const text = await changes.innerText();
    expect(text).toMatch(/more than 60% to more than 50%/);
  });
});

test('the analysis pages carry no script', async () => {
  const { page } = sites;
  for (const url of [`${siteUrl}/measures/`, `${siteUrl}/measures/nrf-share-of-panjshir/`, `${siteUrl}/forecasts/`,
    `${siteUrl}/claims/taliban-official-denies-nrf-liberated-districts/`, `${siteUrl}/people/ali-maisam-nazary/`]) {
    const scripts: string[] = [];
    const onRequest = (request: { resourceType(): string; url(): string }) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    };
    page.on('request', onRequest);
    await visit(page, url);
    page.off('request', onRequest);
    const executable = await page.locator('script:not([type="application/ld+json"])').count();
    expect({ url, scripts, executable }).toEqual({ url, scripts: [], executable: 0 });
  }
});

describe.each(['light', 'dark'] as const)('axe-core on the analysis pages, %s colour scheme', (colorScheme) => {
  test.each([
    ['measures', '/measures/'],
    ['measure with a chart, two sides', '/measures/nrf-share-of-panjshir/'],
    ['measure with a band', '/measures/foreign-terrorist-fighters/'],
    ['forecasts', '/forecasts/'],
    ['claim with a denial and a link note', '/claims/taliban-official-denies-nrf-liberated-districts/'],
    ['claim with figures, revised and denied', '/claims/nazary-nrf-controls-more-than-60-percent-panjshir/'],
    ['claim with an overdue forecast', '/claims/nazary-hopeful-to-reach-phase-two-in-a-year/'],
    ['person with figures and changed positions', '/people/ali-maisam-nazary/'],
    ['measure (fixture)', 'fixture:/measures/example-lorries-in-convoy/'],
  ])('%s', async (_, path) => {
    const tab = await openPage(browser(), { colorScheme });
    try {
      await visit(tab.page, path.startsWith('fixture:') ? `${fixtureUrl}${path.slice('fixture:'.length)}` : `${siteUrl}${path}`);
      expect(await axeViolations(tab.page)).toBe('');
      expect(tab.violations).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
