/**
 * What machines read: ClaimReview JSON-LD on every claim page, the RSS feeds, the JSON
 * and CSV exports, canonical and Open Graph tags, and the sitemap. Feeds and sitemaps are
 * parsed by Chromium's XML parser, so a malformed document fails.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ClaimData } from '../../src/schemas/claim.ts';
import { label, RATING_SCALE, type Content, type Entry } from './support/content.ts';
import { htmlFiles, pathOf, readHtml, tags } from './support/html.ts';
import { useSites } from './support/pages.ts';
import { DIST, FIXTURE_SITE } from './support/paths.ts';

const ORIGIN = 'https://claimtrail.org';
let site: Content;
let fixture: Content;
let page: Page;
const { siteUrl, fixtureUrl } = useSites((sites) => ({ site, fixture, page } = sites));


const SITES = () => [
  { name: 'site', url: siteUrl, root: DIST, content: site },
  { name: 'fixture', url: fixtureUrl, root: FIXTURE_SITE, content: fixture },
];

// --- ClaimReview -------------------------------------------------------------------------

interface Thing {
  '@type'?: string;
  [key: string]: unknown;
}

function jsonLd(html: string): Thing[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string) as Thing);
}

function checkClaimReview(content: Content, claim: Entry<ClaimData>, html: string) {
  const { data } = claim;
  const blocks = jsonLd(html);
  expect(blocks).toHaveLength(1);
  const review = blocks[0] as Thing;
  const canonical = tags(html).find((t) => t.name === 'link' && t.attrs.get('rel') === 'canonical')?.attrs.get('href');
  expect(review['@context']).toBe('https://schema.org');
  expect(review['@type']).toBe('ClaimReview');
  expect(review['claimReviewed']).toBe(data.claim);
  expect(canonical).toBe(`${ORIGIN}/claims/${claim.id}/`);
  expect(review['url']).toBe(canonical);
  expect(review['author']).toMatchObject({ '@type': 'Organization', name: 'Claimtrail' });
  // Reviewed on the day of the first rating, a full date.
  expect(review['datePublished']).toBe(data.updates[0]?.date);
  expect(review['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const rating = RATING_SCALE.find((r) => r.value === data.status);
  const reviewRating = review['reviewRating'] as Thing;
  expect(reviewRating['@type']).toBe('Rating');
  expect(reviewRating['alternateName']).toBe(label(data.status));
  if (rating?.reviewRating === null) {
    expect(reviewRating).not.toHaveProperty('ratingValue');
    expect(reviewRating).not.toHaveProperty('bestRating');
    expect(reviewRating).not.toHaveProperty('worstRating');
  } else {
    expect(reviewRating).toMatchObject({ ratingValue: rating?.reviewRating, bestRating: 5, worstRating: 1 });
  }

  const item = review['itemReviewed'] as Thing;
  expect(item['@type']).toBe('Claim');
  const speaker = content.person(data.speaker);
  expect((item['author'] as Thing)['name']).toBe(speaker.data.name);
  expect((item['author'] as Thing)['@type']).toBe(speaker.data.kind === 'organisation' ? 'Organization' : 'Person');
  expect(item['datePublished']).toBe(data.date);
  const appearances = item['appearance'] as Thing[];
  expect(appearances).toHaveLength(data.appearances.length);
  data.appearances.forEach((appearance, index) => {
    expect(appearances[index]).toMatchObject({ headline: appearance.headline, datePublished: appearance.date });
    expect((appearances[index]?.['publisher'] as Thing)['name']).toBe(content.outlet(appearance.outlet).data.name);
    if (appearance.url) expect(appearances[index]?.['url']).toBe(appearance.url);
  });
  expect(item['firstAppearance']).toEqual(appearances[0]);
}

describe('ClaimReview', () => {
  test('every claim page of the site carries a ClaimReview matching its file', async () => {
    expect(site.claims.length).toBeGreaterThan(0);
    for (const claim of site.claims) checkClaimReview(site, claim, await readHtml(DIST, `claims/${claim.id}/index.html`));
  });

  test('every fixture claim too, including a not-checkable one without a number', async () => {
    expect(fixture.claims.some((c) => c.data.status === 'not-checkable')).toBe(true);
    for (const claim of fixture.claims) checkClaimReview(fixture, claim, await readHtml(FIXTURE_SITE, `claims/${claim.id}/index.html`));
  });

  test('JSON-LD cannot break out of its script element', async () => {
    // The claim with quotes in it is serialized with every `<` escaped.
    const html = await readHtml(FIXTURE_SITE, 'claims/example-convoy-reached-town/index.html');
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).not.toContain('<');
    expect(JSON.parse(script).claimReviewed).toBe('The "northern convoy" reached the town, with 40 lorries of flour.');
  });

  test('no page other than a claim page carries ClaimReview', async () => {
    for (const file of await htmlFiles(DIST)) {
      if (/^claims\/[^/]+\/index\.html$/.test(file) && !file.startsWith('claims/page/')) continue;
      expect(jsonLd(await readHtml(DIST, file)), file).toEqual([]);
    }
  });
});

// --- Feeds -------------------------------------------------------------------------------

interface Feed {
  error: string | null;
  root: string;
  title: string;
  items: { title: string; link: string; guid: string; pubDate: string; description: string }[];
}

async function readFeed(url: string): Promise<Feed> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  const xml = await response.text();
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const channel = doc.querySelector('rss > channel');
    return {
      error,
      root: doc.documentElement.nodeName,
      title: channel?.querySelector(':scope > title')?.textContent ?? '',
      items: [...doc.querySelectorAll('rss > channel > item')].map((item) => ({
        title: item.querySelector('title')?.textContent ?? '',
        link: item.querySelector('link')?.textContent ?? '',
        guid: item.querySelector('guid')?.textContent ?? '',
        pubDate: item.querySelector('pubDate')?.textContent ?? '',
        description: item.querySelector('description')?.textContent ?? '',
      })),
    };
  }, xml);
}

const claimIdOf = (link: string) => /^https:\/\/claimtrail\.org\/claims\/([a-z0-9-]+)\/$/.exec(link)?.[1];

function checkFeed(feed: Feed, expected: Entry<ClaimData>[], content: Content) {
  expect(feed.error).toBeNull();
  expect(feed.root).toBe('rss');
  expect(feed.items).toHaveLength(Math.min(50, expected.length));
  const expectedIds = new Set(expected.map((c) => c.id));
  for (const item of feed.items) {
    const id = claimIdOf(item.link);
    expect(id, item.link).toBeDefined();
    expect(expectedIds.has(id as string), `${id} belongs in this feed`).toBe(true);
    expect(item.guid).toBe(item.link);
    const claim = content.claim(id as string);
    expect(item.title).toContain(claim.data.claim);
    expect(item.title.startsWith(`${content.person(claim.data.speaker).data.name}: `)).toBe(true);
    expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    // Read back exactly, whatever characters it holds (the fixture has <, &, "]]>", emoji, Persian).
    expect(item.description).toContain(claim.data.summary);
  }
  if (expected.length <= 50) expect(new Set(feed.items.map((i) => claimIdOf(i.link)))).toEqual(expectedIds);
}

describe('RSS feeds', () => {
  test.each(['site', 'fixture'] as const)('the %s’s feeds parse and link to its claim pages', async (which) => {
    const { url, root, content } = SITES().find((s) => s.name === which) as ReturnType<typeof SITES>[number];
    const all = await readFeed(`${url}/rss.xml`);
    checkFeed(all, content.claims, content);
    // Each item's link is a page that exists.
    for (const item of all.items) {
      const html = await readFile(join(root, 'claims', claimIdOf(item.link) as string, 'index.html'), 'utf8');
      expect(html).toContain('<h1');
    }

    const [personId] = [...content.people.keys()].sort((a, b) => content.claimsBy(b).length - content.claimsBy(a).length);
    const person = await readFeed(`${url}/people/${personId}/rss.xml`);
    checkFeed(person, content.claimsBy(personId as string), content);
    expect(person.title).toContain(content.person(personId as string).data.name);

    const [topicId] = [...content.topics.keys()];
    const topic = await readFeed(`${url}/topics/${topicId}/rss.xml`);
    checkFeed(topic, content.claims.filter((c) => c.data.topics.includes(topicId as string)), content);
    expect(topic.title).toContain(content.topic(topicId as string).data.title);

    // The feeds are advertised in the pages they belong to.
    const personPage = await readHtml(root, `people/${personId}/index.html`);
    expect(tags(personPage).some((t) => t.name === 'link' && t.attrs.get('type') === 'application/rss+xml' && t.attrs.get('href') === `/people/${personId}/rss.xml`)).toBe(true);
  });
});

// --- Exports -----------------------------------------------------------------------------

/** RFC 4180, strictly: records end in CRLF, and a bare LF outside quotes is an error. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell at ${i}`);
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (char === '\n' || char === '\r') {
      throw new Error(`a bare line break outside quotes at ${i}`);
    } else {
      cell += char;
    }
  }
  if (quoted) throw new Error('an unclosed quote');
  if (cell !== '' || row.length) throw new Error('the last record does not end in CRLF');
  return rows;
}

interface ClaimRecord {
  id: string;
  url: string;
  claim: string;
  date: string;
  status: string;
  speaker: { id: string; name: string };
  appearances: unknown[];
}

describe('exports', () => {
  test.each(['site', 'fixture'] as const)('the %s’s claims.json has one record per claim, with ids equal to file names', async (which) => {
    const { url, content } = SITES().find((s) => s.name === which) as ReturnType<typeof SITES>[number];
    const response = await fetch(`${url}/claims.json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { count: number; claims: ClaimRecord[] };
    expect(body.count).toBe(content.claims.length);
    expect(body.claims).toHaveLength(content.claims.length);
    expect(body.claims.map((r) => r.id).sort()).toEqual(content.claims.map((c) => c.file.replace(/^.*\/|\.md$/g, '')).sort());
    // Newest first, like the site.
    expect(body.claims.map((r) => r.id)).toEqual(content.newestFirst.map((c) => c.id));
    for (const record of body.claims) {
      const claim = content.claim(record.id);
      expect(record.url).toBe(`${ORIGIN}/claims/${record.id}/`);
      expect(record.claim).toBe(claim.data.claim);
      expect(record.date).toBe(claim.data.date);
      expect(record.status).toBe(claim.data.status);
      expect(record.speaker).toMatchObject({ id: claim.data.speaker, name: content.person(claim.data.speaker).data.name });
      expect(record.appearances).toHaveLength(claim.data.appearances.length);
    }
  });

  test.each(['site', 'fixture'] as const)('the %s’s claims.csv: BOM, CRLF, a header and one row per claim that round-trips', async (which) => {
    const { url, content } = SITES().find((s) => s.name === which) as ReturnType<typeof SITES>[number];
    const response = await fetch(`${url}/claims.csv`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFid,')).toBe(true);
    const rows = parseCsv(text.slice(1));
    const [header, ...records] = rows;
    expect(records).toHaveLength(content.claims.length);
    for (const record of records) expect(record).toHaveLength(header?.length ?? 0);
    const column = (name: string) => {
      const index = header?.indexOf(name) ?? -1;
      expect(index, `column ${name}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const [id, claimColumn, date, status] = [column('id'), column('claim'), column('date'), column('status')];
    expect(records.map((r) => r[id]).sort()).toEqual(content.claims.map((c) => c.id).sort());
    for (const record of records) {
      const claim = content.claim(record[id] as string);
      // A cell a spreadsheet would run as a formula is prefixed with an apostrophe.
      const expected = /^[=+\-@\t\r]/.test(claim.data.claim) ? `'${claim.data.claim}` : claim.data.claim;
      expect(record[claimColumn]).toBe(expected);
      expect(record[date]).toBe(claim.data.date);
      expect(record[status]).toBe(claim.data.status);
    }
    // At least one claim with a comma and a quotation mark went through quoting and back.
    const tricky = content.claims.filter((c) => c.data.claim.includes(',') && /["“”]/.test(c.data.claim));
    expect(tricky.length).toBeGreaterThan(0);
    if (which === 'fixture') {
      const convoy = records.find((r) => r[id] === 'example-convoy-reached-town');
      expect(convoy?.[claimColumn]).toBe('The "northern convoy" reached the town, with 40 lorries of flour.');
      expect(text).toContain('"The ""northern convoy"" reached the town, with 40 lorries of flour."');
    }
  });
});

// --- Head tags and the sitemap ------------------------------------------------------------

describe('head tags and the sitemap', () => {
  test.each(['site', 'fixture'] as const)('every page of the %s but the 404 and the editor has a canonical link, og:title and og:url', async (which) => {
    const { root } = SITES().find((s) => s.name === which) as ReturnType<typeof SITES>[number];
    const problems: string[] = [];
    for (const file of await htmlFiles(root)) {
      const head = tags(await readHtml(root, file)).filter((t) => !t.inBody);
      const canonicals = head.filter((t) => t.name === 'link' && t.attrs.get('rel') === 'canonical').map((t) => t.attrs.get('href'));
      const meta = (property: string) => head.find((t) => t.name === 'meta' && t.attrs.get('property') === property)?.attrs.get('content');
      const canonical = canonicals[0];
      if (file === '404.html' || file === 'admin/index.html') {
        // The 404 and the content editor are kept out of search engines and name no canonical address.
        const robots = head.find((t) => t.name === 'meta' && t.attrs.get('name') === 'robots')?.attrs.get('content');
        if (canonicals.length !== 0 || !robots?.includes('noindex')) problems.push(`${file}: canonical ${canonical}, robots ${robots}`);
        continue;
      }
      if (canonicals.length !== 1 || !canonical) {
        problems.push(`${file}: ${canonicals.length} canonical links`);
        continue;
      }
      const expected = `${ORIGIN}${pathOf(file)}`;
      if (canonical !== expected) problems.push(`${file}: canonical ${canonical}, expected ${expected}`);
      if (!meta('og:title')?.trim()) problems.push(`${file}: no og:title`);
      if (meta('og:url') !== canonical) problems.push(`${file}: og:url ${meta('og:url')} differs from the canonical link`);
      if (!meta('og:description')?.trim()) problems.push(`${file}: no og:description`);
    }
    expect(problems).toEqual([]);
  });

  test('the sitemap index lists a sitemap of every page but the 404 and the editor', async () => {
    const parse = async (path: string) => {
      const response = await fetch(`${siteUrl}${path}`);
      expect(response.status, path).toBe(200);
      return page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.localName,
          locs: [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map((loc) => loc.textContent ?? ''),
        };
      }, await response.text());
    };
    const index = await parse('/sitemap-index.xml');
    expect(index.error).toBeNull();
    expect(index.root).toBe('sitemapindex');
    expect(index.locs.length).toBeGreaterThan(0);
    const listed = new Set<string>();
    for (const loc of index.locs) {
      expect(loc.startsWith(`${ORIGIN}/`)).toBe(true);
      const sitemap = await parse(new URL(loc).pathname);
      expect(sitemap.error).toBeNull();
      expect(sitemap.root).toBe('urlset');
      for (const url of sitemap.locs) listed.add(url);
    }
    const pages = (await htmlFiles(DIST)).filter((file) => file !== '404.html' && file !== 'admin/index.html').map((file) => `${ORIGIN}${pathOf(file)}`);
    expect([...listed].sort()).toEqual(pages.sort());
    for (const claim of site.claims) expect(listed.has(`${ORIGIN}/claims/${claim.id}/`)).toBe(true);
    // The pages point to it.
    expect(await readHtml(DIST, 'index.html')).toContain('<link rel="sitemap" href="/sitemap-index.xml"');
  });
});
