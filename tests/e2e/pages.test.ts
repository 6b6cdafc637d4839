/**
 * Every kind of page shows what its content files say: a claim's words, speaker, date at
 * its own precision, status, appearances, evidence by stance, history and topics; a
 * person's scorecard and claims by year; an outlet's articles; a topic's most-quoted
 * people; the status lists, the paginated list of all claims, the fixed pages and the 404.
 * Expected values come from the content files (through loadContent), never from the site.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ClaimData } from '../../src/schemas/claim.ts';
import { label, precision, RATING_SCALE, shownDate, shownWords, type Content, type Entry } from './support/content.ts';
import { useSites, visit } from './support/pages.ts';
import { ROOT } from './support/paths.ts';

const PAGE_SIZE = 50;
let site: Content;
let fixture: Content;
let page: Page;
const { siteUrl, fixtureUrl } = useSites((sites) => ({ site, fixture, page } = sites));


/** Text as a reader sees it: white space collapsed. */
const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const textOf = async (locator: Locator) => clean(await locator.innerText());

/** The claim links of a claim list, in order (each list item's first link is the claim). */
async function listedClaims(scope: Locator | Page): Promise<{ words: string; href: string | null }[]> {
  const links = scope.locator('.claim-list > li > a.words');
  return links.evaluateAll((nodes) => nodes.map((a) => ({ words: (a.textContent ?? '').replace(/\s+/g, ' ').trim(), href: a.getAttribute('href') })));
}

const expectedListing = (claims: Entry<ClaimData>[]) =>
  claims.map((claim) => ({ words: shownWords(claim.data), href: `/claims/${claim.id}/` }));

const STANCE_HEADINGS = { supports: 'Supports the claim', contradicts: 'Contradicts the claim', context: 'Context' } as const;

async function checkClaimPage(base: string, content: Content, claim: Entry<ClaimData>) {
  const { data } = claim;
  const speaker = content.person(data.speaker);
  await visit(page, `${base}/claims/${claim.id}/`);
  const article = page.getByRole('article');

  // The words, and whether they are verbatim.
  const h1 = page.getByRole('heading', { level: 1 });
  expect(await h1.count()).toBe(1);
  expect(await textOf(h1)).toBe(shownWords(data));
  expect(await article.getByText(data.quote ? 'Quote, verbatim' : 'Claim, as reported', { exact: true }).count()).toBe(1);

  // Who said it, linked to their page, and when, at the precision the file gives.
  const attribution = article.locator('.attribution');
  const speakerLink = attribution.getByRole('link', { name: speaker.data.name, exact: true });
  expect(await speakerLink.getAttribute('href')).toBe(`/people/${speaker.id}/`);
  const said = attribution.locator('time');
  expect(await said.getAttribute('datetime')).toBe(data.date);
  expect(await textOf(said)).toBe(shownDate(data.date));
  expect(await textOf(attribution)).toContain(`Said ${precision(data.date) === 'day' ? 'on' : 'in'} ${shownDate(data.date)}.`);
  if (precision(data.date) === 'year') {
    // A year-only date never gains a month or a day.
    expect(await textOf(said)).toMatch(/^\d{4}$/);
  }
  const lastUpdate = data.updates.at(-1)?.date as string;
  expect(await textOf(article.getByText(/^Last updated/))).toBe(`Last updated ${shownDate(lastUpdate)}.`);

  // The rating, its one-sentence reason and its definition.
  const rating = RATING_SCALE.find((r) => r.value === data.status);
  const verdict = page.getByRole('region', { name: `Rating: ${label(data.status)}` });
  expect(await verdict.count()).toBe(1);
  expect(await verdict.getByRole('link', { name: label(data.status), exact: true }).getAttribute('href')).toBe(`/status/${data.status}/`);
  expect(await textOf(verdict)).toContain(data.summary);
  expect(await textOf(verdict)).toContain(rating?.definition);

  // Every appearance, in order, with outlet, headline and date.
  const appearances = page.getByRole('region', { name: 'Where it appeared' }).getByRole('listitem');
  expect(await appearances.count()).toBe(data.appearances.length);
  for (const [index, appearance] of data.appearances.entries()) {
    const item = appearances.nth(index);
    const outlet = content.outlet(appearance.outlet);
    expect(await item.getByRole('link', { name: outlet.data.name, exact: true }).getAttribute('href')).toBe(`/outlets/${outlet.id}/`);
    const text = await textOf(item);
    expect(text).toContain(appearance.headline);
    expect(text).toContain(shownDate(appearance.date));
    expect(await item.locator('time').getAttribute('datetime')).toBe(appearance.date);
    if (appearance.url) {
      expect(await item.getByRole('link', { name: appearance.headline, exact: true }).getAttribute('href')).toBe(appearance.url);
    }
    if (appearance.author) expect(text).toContain(`by ${appearance.author}`);
  }

  // Evidence, grouped by stance, each group with its own heading and count.
  const evidence = page.getByRole('region', { name: 'Evidence', exact: true });
  for (const stance of ['supports', 'contradicts', 'context'] as const) {
    const items = data.evidence.filter((item) => item.stance === stance);
    const group = evidence.getByRole('region', { name: `${STANCE_HEADINGS[stance]} (${items.length})`, exact: true });
    const heading = evidence.getByRole('heading', { name: new RegExp(`^${STANCE_HEADINGS[stance]} \\(`) });
    if (items.length === 0) {
      expect(await heading.count(), `no ${stance} heading on ${claim.id}`).toBe(0);
      continue;
    }
    expect(await group.count(), `${stance} group on ${claim.id}`).toBe(1);
    const listed = group.getByRole('listitem');
    expect(await listed.count()).toBe(items.length);
    for (const [index, item] of items.entries()) {
      const text = await textOf(listed.nth(index));
      expect(text).toContain(item.source);
      expect(text).toContain(item.summary);
      if (item.date) expect(text).toContain(shownDate(item.date));
    }
  }
  if (data.evidence.length === 0) expect(await textOf(evidence)).toContain('No evidence is recorded yet');

  // The status history, oldest first.
  const history = page.getByRole('region', { name: 'Status history' }).getByRole('listitem');
  expect(await history.count()).toBe(data.updates.length);
  for (const [index, update] of data.updates.entries()) {
    const text = await textOf(history.nth(index));
    const change = update.from ? `${label(update.from)} to ${label(update.to)}` : `Rated ${label(update.to)}`;
    expect(text).toBe(`${shownDate(update.date)}: ${change}. ${update.note}`);
  }

  // Topics, in the file's order, linked.
  const topics = page.getByRole('region', { name: 'Topics', exact: true }).getByRole('link');
  expect(await topics.allInnerTexts()).toEqual(data.topics.map((id) => content.topic(id).data.title));
  expect(await topics.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(data.topics.map((id) => `/topics/${id}/`));

  // The original words, marked with their language and direction.
  const original = page.locator('blockquote.original');
  if (data.original && data.language) {
    expect(await original.getAttribute('lang')).toBe(data.language);
    expect(await original.getAttribute('dir')).toBe(['fa', 'ps', 'ar', 'ur'].includes(data.language) ? 'rtl' : 'ltr');
    expect(await textOf(original)).toBe(data.original);
  } else {
    expect(await original.count()).toBe(0);
  }
}

/** A sample of the site's claims that covers every status, precision and shape of record. */
function sampleClaims(content: Content): Entry<ClaimData>[] {
  const picks = new Map<string, Entry<ClaimData>>();
  const add = (claim: Entry<ClaimData> | undefined) => claim && picks.set(claim.id, claim);
  for (const rating of RATING_SCALE) add(content.newestFirst.find((c) => c.data.status === rating.value));
  for (const p of ['year', 'month', 'day']) add(content.newestFirst.find((c) => precision(c.data.date) === p));
  add(content.newestFirst.find((c) => c.data.quote));
  add(content.newestFirst.find((c) => !c.data.quote));
  add(content.newestFirst.find((c) => c.data.evidence.length === 0));
  add(content.newestFirst.find((c) => c.data.language));
  const most = (score: (c: Entry<ClaimData>) => number) => [...content.claims].sort((a, b) => score(b) - score(a))[0];
  add(most((c) => c.data.appearances.length));
  add(most((c) => new Set(c.data.evidence.map((e) => e.stance)).size * 100 + c.data.evidence.length));
  add(most((c) => c.data.updates.length));
  add(most((c) => c.data.topics.length));
  return [...picks.values()];
}

describe('claim pages', () => {
  test('a sample of the site’s claims shows every field of its file', async () => {
    const sample = sampleClaims(site);
    expect(sample.length).toBeGreaterThan(5);
    for (const claim of sample) await checkClaimPage(siteUrl, site, claim);
  });

  test('every claim page of the site shows its words, speaker, date at its precision, status, appearances and citation', async () => {
    const wrong: string[] = [];
    for (const claim of site.claims) {
      const { data } = claim;
      await visit(page, `${siteUrl}/claims/${claim.id}/`);
      const shown = await page.evaluate(() => {
        const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const time = document.querySelector('.attribution time');
        return {
          h1: text(document.querySelector('h1')),
          speaker: text(document.querySelector('.attribution a')),
          datetime: time?.getAttribute('datetime'),
          date: text(time),
          status: text(document.querySelector('#rating-heading .status')),
          appearances: document.querySelectorAll('.sources > li').length,
          history: document.querySelectorAll('.history > li').length,
          citation: text(document.querySelector('.citation')),
        };
      });
      const expected = {
        h1: shownWords(data),
        speaker: site.person(data.speaker).data.name,
        datetime: data.date,
        date: shownDate(data.date),
        status: label(data.status),
        appearances: data.appearances.length,
        history: data.updates.length,
      };
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
        if (shown[key] !== expected[key]) wrong.push(`${claim.id}: ${key} is ${JSON.stringify(shown[key])}, expected ${JSON.stringify(expected[key])}`);
      }
      // The citation carries the words whole, in quotation marks only when they are verbatim.
      const words = data.claim.replace(/\s+/g, ' ').trim();
      if (!shown.citation.includes(words)) wrong.push(`${claim.id}: the citation shortens the words: ${shown.citation}`);
      if (shown.citation.includes(`“${words}”`) !== data.quote) {
        wrong.push(`${claim.id}: the citation ${data.quote ? 'does not quote the verbatim words' : 'puts reported words in quotation marks'}: ${shown.citation}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('every fixture claim shows every field of its file', async () => {
    expect(fixture.claims.map((c) => c.id).sort()).toEqual([
      'example-convoy-reached-town', 'example-fighters-left-valley', 'example-official-denies-convoy-size', 'example-salang-road-reopens',
    ]);
    for (const claim of fixture.claims) await checkClaimPage(fixtureUrl, fixture, claim);
  });

  test('a year-only date shows as the year and nothing more', async () => {
    const claim = fixture.claim('example-fighters-left-valley');
    expect(claim.data.date).toBe('2021');
    await visit(page, `${fixtureUrl}/claims/${claim.id}/`);
    const time = page.locator('.attribution time');
    expect(await time.getAttribute('datetime')).toBe('2021');
    expect(await textOf(time)).toBe('2021');
    expect(await textOf(page.locator('.attribution'))).toMatch(/Said in 2021\.$/);
    // Nowhere on the page is a day or month made up for it.
    expect(await page.getByRole('article').innerText()).not.toMatch(/\b\d{1,2} \w+ 2021\b|\b(January|December) 2021\b/);
  });

  test('the original words carry their language and right-to-left direction', async () => {
    for (const [id, lang, name] of [['example-salang-road-reopens', 'fa', 'Persian'], ['example-fighters-left-valley', 'ps', 'Pashto']] as const) {
      await visit(page, `${fixtureUrl}/claims/${id}/`);
      const figure = page.getByRole('figure');
      expect(await textOf(figure.locator('figcaption'))).toBe(`As first said, in ${name}`);
      const quote = figure.locator('blockquote');
      expect(await quote.getAttribute('lang')).toBe(lang);
      expect(await quote.getAttribute('dir')).toBe('rtl');
      expect(await textOf(quote)).toBe(fixture.claim(id).data.original);
      // The browser really lays it out right to left.
      expect(await quote.evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    }
  });
});

describe('navigation', () => {
  test('from a claim to its speaker, an outlet, a topic, and from the topic to a claim', async () => {
    const claim = fixture.claim('example-convoy-reached-town');
    const start = `${fixtureUrl}/claims/${claim.id}/`;
    await visit(page, start);

    await page.locator('.attribution').getByRole('link', { name: 'Example Person', exact: true }).click();
    await page.waitForURL(`${fixtureUrl}/people/example-person/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Example Person');

    await visit(page, start);
    await page.getByRole('region', { name: 'Where it appeared' }).getByRole('link', { name: 'Example Broadcast', exact: true }).click();
    await page.waitForURL(`${fixtureUrl}/outlets/example-broadcast/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Example Broadcast');

    await visit(page, start);
    await page.getByRole('region', { name: 'Topics', exact: true }).getByRole('link', { name: 'Roads and passes' }).click();
    await page.waitForURL(`${fixtureUrl}/topics/example-roads/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Roads and passes');

    const other = fixture.claim('example-salang-road-reopens');
    await page.getByRole('link', { name: shownWords(other.data), exact: true }).click();
    await page.waitForURL(`${fixtureUrl}/claims/${other.id}/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(shownWords(other.data));

    // And from a list back to a claim on the real site.
    await visit(page, `${siteUrl}/claims/`);
    const first = site.newestFirst[0] as Entry<ClaimData>;
    await page.getByRole('link', { name: shownWords(first.data), exact: true }).first().click();
    await page.waitForURL(`${siteUrl}/claims/${first.id}/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(shownWords(first.data));
  });
});

/** label -> count, read from a scorecard table. */
async function scorecard(table: Locator): Promise<Record<string, number>> {
  const rows = table.locator('tbody').getByRole('row');
  const result: Record<string, number> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    result[await textOf(row.getByRole('rowheader'))] = Number(await textOf(row.getByRole('cell').first()));
  }
  return result;
}

function countsByLabel(claims: Entry<ClaimData>[]): Record<string, number> {
  return Object.fromEntries(RATING_SCALE.map((r) => [r.label, claims.filter((c) => c.data.status === r.value).length]));
}

describe('person pages', () => {
  test('the most-quoted person: scorecard equals the counts by status, claims grouped by year, newest first', async () => {
    const [personId] = [...site.people.keys()].sort((a, b) => site.claimsBy(b).length - site.claimsBy(a).length);
    const person = site.person(personId as string);
    const claims = site.claimsBy(person.id);
    await visit(page, `${siteUrl}/people/${person.id}/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(person.data.name);
    if (person.data.role) expect(await textOf(page.locator('main dl'))).toContain(person.data.role);

    const table = page.getByRole('table', { name: `How ${person.data.name}’s claims are rated` });
    expect(await scorecard(table)).toEqual(countsByLabel(claims));

    const firstPage = claims.slice(0, PAGE_SIZE);
    const list = page.getByRole('region', { name: new RegExp(`^Claims \\(${claims.length}\\b`) });
    expect(await list.count()).toBe(1);
    const years = [...new Set(firstPage.map((c) => c.data.date.slice(0, 4)))];
    expect(years).toEqual([...years].sort().reverse());
    expect(await list.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(years);
    for (const year of years) {
      const group = list.getByRole('region', { name: year, exact: true });
      expect(await listedClaims(group)).toEqual(expectedListing(firstPage.filter((c) => c.data.date.startsWith(year))));
      for (const datetime of await group.locator('time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')))) {
        expect(datetime?.slice(0, 4)).toBe(year);
      }
    }
    // The speaker is not repeated on their own page.
    expect(await list.getByRole('link', { name: person.data.name, exact: true }).count()).toBe(0);

    if (claims.length > PAGE_SIZE) {
      await page.getByRole('navigation', { name: `Pages of ${person.data.name}` }).getByRole('link', { name: 'Next' }).click();
      await page.waitForURL(`${siteUrl}/people/${person.id}/page/2/`);
      expect(await listedClaims(page)).toEqual(expectedListing(claims.slice(PAGE_SIZE, 2 * PAGE_SIZE)));
    }
  });

  test('an organisation lists who speaks for it; an unnamed source is described as such', async () => {
    await visit(page, `${fixtureUrl}/people/example-organisation/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Example Organisation');
    expect(await page.locator('main header').textContent()).toContain('Organisation');
    const members = page.getByRole('region', { name: 'Speaking for Example Organisation' });
    expect(await members.getByRole('link').allInnerTexts()).toEqual(['Example Person', 'An unnamed example official']);
    expect(await scorecard(page.getByRole('table', { name: 'How Example Organisation’s claims are rated' })))
      .toEqual(countsByLabel(fixture.claimsBy('example-organisation')));

    await visit(page, `${fixtureUrl}/people/example-unnamed-official/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('An unnamed example official');
    expect(await page.locator('main header').textContent()).toContain('Unnamed source');
    expect(await listedClaims(page)).toEqual(expectedListing(fixture.claimsBy('example-unnamed-official')));
  });
});

interface ExpectedArticle {
  headline: string;
  date: string;
}

function articlesOf(content: Content, outletId: string): ExpectedArticle[] {
  const seen = new Map<string, ExpectedArticle>();
  for (const claim of content.claims) {
    for (const a of claim.data.appearances) {
      if (a.outlet === outletId) seen.set(`${a.headline}\n${a.date}`, { headline: a.headline, date: a.date });
    }
  }
  return [...seen.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.headline.localeCompare(b.headline)));
}

async function articleRows(table: Locator): Promise<ExpectedArticle[]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => ({
    headline: (row.querySelector('cite')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    date: row.querySelector('time')?.getAttribute('datetime') ?? '',
  })));
}

describe('outlet pages', () => {
  test('an outlet lists its latest articles, all of them on its articles page, and its claims', async () => {
    const [outletId] = [...site.outlets.keys()].sort((a, b) => articlesOf(site, b).length - articlesOf(site, a).length);
    const outlet = site.outlet(outletId as string);
    const articles = articlesOf(site, outlet.id);
    const claims = site.newestFirst.filter((c) => c.data.appearances.some((a) => a.outlet === outlet.id));
    await visit(page, `${siteUrl}/outlets/${outlet.id}/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(outlet.data.name);
    const section = page.getByRole('region', { name: `Articles (${articles.length})` });
    expect(await articleRows(section.getByRole('table'))).toEqual(articles.slice(0, 10));
    expect(await page.getByRole('region', { name: new RegExp(`^Claims that appeared here \\(${claims.length}\\b`) }).count()).toBe(1);
    expect(await listedClaims(page)).toEqual(expectedListing(claims.slice(0, PAGE_SIZE)));
    expect(await page.getByRole('link', { name: new URL(outlet.data.homepage).hostname }).getAttribute('href')).toBe(outlet.data.homepage);

    if (articles.length > 10) {
      await section.getByRole('link', { name: `All ${articles.length} articles` }).click();
      await page.waitForURL(`${siteUrl}/outlets/${outlet.id}/articles/`);
    } else {
      await visit(page, `${siteUrl}/outlets/${outlet.id}/articles/`);
    }
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(`Articles in ${outlet.data.name}`);
    expect(await articleRows(page.getByRole('table'))).toEqual(articles.slice(0, PAGE_SIZE));
  });

  test('the fixture outlet shows each article once, with its author and link', async () => {
    await visit(page, `${fixtureUrl}/outlets/example-gazette/articles/`);
    const table = page.getByRole('table');
    expect(await articleRows(table)).toEqual(articlesOf(fixture, 'example-gazette'));
    const convoy = table.getByRole('row', { name: /Convoy reaches town/ });
    expect(await textOf(convoy)).toContain('by A. Reporter');
    expect(await convoy.getByRole('link', { name: 'Convoy reaches town, officials say' }).getAttribute('href'))
      .toBe('https://gazette.example.org/2023/05/convoy');
  });
});

describe('topic and status pages', () => {
  test('a topic lists the people it quotes most, most claims first', async () => {
    const [topicId] = [...site.topics.keys()].sort((a, b) =>
      site.claims.filter((c) => c.data.topics.includes(b)).length - site.claims.filter((c) => c.data.topics.includes(a)).length);
    const topic = site.topic(topicId as string);
    const claims = site.newestFirst.filter((c) => c.data.topics.includes(topic.id));
    const counts = new Map<string, number>();
    for (const claim of claims) counts.set(claim.data.speaker, (counts.get(claim.data.speaker) ?? 0) + 1);
    const expected = [...counts].map(([id, count]) => ({ name: site.person(id).data.name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, 10)
      .map(({ name, count }) => `${name} (${count} ${count === 1 ? 'claim' : 'claims'})`);

    await visit(page, `${siteUrl}/topics/${topic.id}/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(topic.data.title);
    expect(await textOf(page.locator('main'))).toContain(topic.data.description);
    const quoted = page.getByRole('region', { name: 'Quoted most' }).getByRole('listitem');
    expect((await quoted.allInnerTexts()).map(clean)).toEqual(expected);
    expect(await scorecard(page.getByRole('table', { name: 'How these claims are rated' }))).toEqual(countsByLabel(claims));
    expect(await listedClaims(page)).toEqual(expectedListing(claims.slice(0, PAGE_SIZE)));
  });

  test('each status page lists exactly the claims with that status', async () => {
    for (const [base, content] of [[siteUrl, site], [fixtureUrl, fixture]] as const) {
      for (const rating of RATING_SCALE) {
        const claims = content.newestFirst.filter((c) => c.data.status === rating.value);
        await visit(page, `${base}/status/${rating.value}/`);
        expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(`${rating.label} claims`);
        expect(await textOf(page.locator('main .lede'))).toContain(rating.definition);
        expect(await page.getByRole('region', { name: new RegExp(`^Claims \\(${claims.length}\\b`) }).count()).toBe(1);
        expect(await listedClaims(page)).toEqual(expectedListing(claims.slice(0, PAGE_SIZE)));
        if (claims.length === 0) expect(await textOf(page.locator('main'))).toContain('No claims yet.');
        // Every listed claim shows this status's label.
        const badges = await page.locator('.claim-list .status').allInnerTexts();
        expect(new Set(badges.map(clean))).toEqual(new Set(claims.length ? [rating.label] : []));
      }
    }
  });
});

describe('the list of all claims', () => {
  test('newest first, 50 to a page; Next and Previous work; page 2 starts with the 51st claim', async () => {
    const all = site.newestFirst;
    await visit(page, `${siteUrl}/claims/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('All claims');
    expect(await listedClaims(page)).toEqual(expectedListing(all.slice(0, PAGE_SIZE)));
    expect(await scorecard(page.getByRole('table', { name: 'Claims by status' }))).toEqual(countsByLabel(all));
    const pages = page.getByRole('navigation', { name: 'Pages of All claims' });
    if (all.length <= PAGE_SIZE) {
      expect(await pages.count()).toBe(0);
      await visit(page, `${siteUrl}/claims/page/2/`, 404);
      return;
    }
    expect(await pages.getByRole('link', { name: 'Previous' }).count()).toBe(0);
    await pages.getByRole('link', { name: 'Next' }).click();
    await page.waitForURL(`${siteUrl}/claims/page/2/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(`All claims`);
    const second = await listedClaims(page);
    expect(second[0]).toEqual(expectedListing([all[PAGE_SIZE] as Entry<ClaimData>])[0]);
    expect(second).toEqual(expectedListing(all.slice(PAGE_SIZE, 2 * PAGE_SIZE)));
    const first = PAGE_SIZE + 1;
    expect(await page.getByRole('region', { name: `Claims (${all.length}; ${first} to ${first + second.length - 1} shown)` }).count()).toBe(1);
    expect(await textOf(page.getByRole('navigation', { name: 'Pages of All claims' }).locator('[aria-current="page"]'))).toBe('Page 2');
    await page.getByRole('navigation', { name: 'Pages of All claims' }).getByRole('link', { name: 'Previous' }).click();
    await page.waitForURL(`${siteUrl}/claims/`);
    expect(await listedClaims(page)).toEqual(expectedListing(all.slice(0, PAGE_SIZE)));
  });

  test('a short list has no second page', async () => {
    expect(fixture.claims.length).toBeLessThanOrEqual(PAGE_SIZE);
    await visit(page, `${fixtureUrl}/claims/`);
    expect(await listedClaims(page)).toEqual(expectedListing(fixture.newestFirst));
    // The month-only May 2023 claim comes after 2 May 2023, the year-only 2021 claim last.
    expect(fixture.newestFirst.map((c) => c.id)).toEqual([
      'example-convoy-reached-town', 'example-official-denies-convoy-size', 'example-salang-road-reopens', 'example-fighters-left-valley',
    ]);
    expect(await page.getByRole('navigation', { name: 'Pages of All claims' }).count()).toBe(0);
    await visit(page, `${fixtureUrl}/claims/page/2/`, 404);
  });
});

async function mdxTitle(file: string): Promise<string> {
  const source = await readFile(join(ROOT, 'src/pages', file), 'utf8');
  const title = /^title:\s*(.+)$/m.exec(source)?.[1];
  if (!title) throw new Error(`no title in ${file}`);
  return title.trim();
}

describe('fixed pages', () => {
  test('methodology shows every status label with its definition', async () => {
    await visit(page, `${siteUrl}/methodology/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(await mdxTitle('methodology.mdx'));
    for (const rating of RATING_SCALE) {
      const term = page.locator(`#status-${rating.value}`);
      expect(await textOf(term)).toBe(rating.label);
      const definition = page.locator(`#status-${rating.value} + dd`);
      expect(await textOf(definition)).toContain(rating.definition);
      expect(await definition.getByRole('link', { name: `All ${rating.label.toLowerCase()} claims` }).getAttribute('href')).toBe(`/status/${rating.value}/`);
    }
    // The scale's section is a heading that links land on, its text only the words.
    const scale = page.getByRole('heading', { level: 2, name: 'The rating scale', exact: true });
    expect(await scale.getAttribute('id')).toBe('rating-scale');
    expect(await page.locator('#rating-scale').count()).toBe(1);
    const headings = await page.getByRole('main').getByRole('heading').allTextContents();
    expect(headings.filter((text) => /[[\]{}#]/.test(text))).toEqual([]);
  });

  test('about says what the site is and links to the lists', async () => {
    await visit(page, `${siteUrl}/about/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(await mdxTitle('about.mdx'));
    for (const [name, href] of [['claims', '/claims/'], ['people', '/people/'], ['outlets', '/outlets/'], ['topics', '/topics/'], ['search', '/search/']] as const) {
      expect(await page.getByRole('main').getByRole('link', { name, exact: true }).getAttribute('href')).toBe(href);
    }
  });

  test('data documents exactly the fields of claims.json and the columns of claims.csv', async () => {
    const json = (await (await fetch(`${siteUrl}/claims.json`)).json()) as { claims: Record<string, unknown>[] };
    const csv = await (await fetch(`${siteUrl}/claims.csv`)).text();
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]?.split(',');
    await visit(page, `${siteUrl}/data/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(await mdxTitle('data.mdx'));
    const fields = page.getByRole('table', { name: 'Fields of each claim in claims.json' }).locator('tbody code');
    expect(await fields.allInnerTexts()).toEqual(Object.keys(json.claims[0] ?? {}));
    const columns = page.getByRole('table', { name: 'Columns of claims.csv' }).locator('tbody code');
    expect(await columns.allInnerTexts()).toEqual(header);
    expect(await page.getByRole('main').getByRole('link', { name: '/claims.json' }).getAttribute('href')).toBe('/claims.json');
  });

  test('a missing page answers 404 with a page that helps', async () => {
    await visit(page, `${siteUrl}/claims/no-such-claim/`, 404);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('We could not find that page');
    const main = page.getByRole('main');
    for (const name of ['All claims', 'People and organisations', 'Outlets', 'Topics', 'The front page']) {
      expect(await main.getByRole('link', { name, exact: true }).count()).toBe(1);
    }
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    await main.getByRole('searchbox', { name: 'Search for a claim, a person or a place' }).fill('Panjshir');
    await main.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(`${siteUrl}/search/?q=Panjshir`);
    await visit(page, `${siteUrl}/no/such/page.html`, 404);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('We could not find that page');
  });

  test('the front page counts what the content holds and links the latest claims', async () => {
    await visit(page, `${siteUrl}/`);
    const lede = await textOf(page.locator('main .lede'));
    expect(lede).toContain(`tracks ${site.claims.length} public claims from ${site.people.size} people and organisations, as reported by ${site.outlets.size} outlets`);
    const latest = page.getByRole('region', { name: 'Latest claims' });
    expect(await listedClaims(latest)).toEqual(expectedListing(site.newestFirst.slice(0, 8)));
    expect(await scorecard(page.getByRole('table', { name: 'Every claim, by verification status' }))).toEqual(countsByLabel(site.claims));
  });
});
