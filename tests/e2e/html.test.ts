/**
 * The built HTML itself: every page of the site and of the fixture site passes
 * html-validate's recommended rules, every internal link and fragment resolves to a file
 * and an id, and every external link in a page's body opens without giving the target
 * page a handle on ours (rel="noopener noreferrer").
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { readContent } from './support/content.ts';
import { htmlFiles, pathOf, readHtml, tags, type Tag } from './support/html.ts';
import { DIST, FIXTURE_SITE } from './support/paths.ts';

const SITES = [
  { name: 'the site', root: DIST },
  { name: 'the fixture site', root: FIXTURE_SITE },
] as const;

/**
 * html-validate's recommended rules, all of them. One is tuned, not turned off: a claim
 * page's title is deliberately the speaker's name and the claim's first 90 characters
 * (src/pages/claims/[id].astro), so that tabs, bookmarks and shared links say which
 * claim it is; `long-title`'s default of 70 characters would forbid that. The limit is
 * the longest title that rule can make, so a title that escapes the truncation still fails.
 */
async function validatorConfig(): Promise<ConfigData> {
  const [site, fixture] = await Promise.all([readContent('site'), readContent('fixture')]);
  const longestName = Math.max(...[...site.people.values(), ...fixture.people.values()].map((p) => p.data.name.length));
  const claimTitle = longestName + ': “'.length + 90 + '”'.length + ' · Claimtrail'.length;
  return {
    extends: ['html-validate:recommended'],
    rules: { 'long-title': ['error', { maxlength: claimTitle }] },
  };
}

interface Page {
  file: string;
  path: string;
  tags: Tag[];
  ids: Set<string>;
}

async function readSite(root: string): Promise<Map<string, Page>> {
  const pages = new Map<string, Page>();
  for (const file of await htmlFiles(root)) {
    const found = tags(await readHtml(root, file));
    const ids = new Set(found.flatMap((tag) => (tag.attrs.has('id') ? [tag.attrs.get('id') as string] : [])));
    pages.set(file, { file, path: pathOf(file), tags: found, ids });
  }
  return pages;
}

/** The file a root-relative URL path is served from, or undefined. */
function fileFor(root: string, path: string): string | undefined {
  const relative = decodeURIComponent(path).replace(/^\//, '');
  const candidate = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  const full = join(root, candidate);
  return existsSync(full) && statSync(full).isFile() ? candidate : undefined;
}

const LINKING_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data'];

describe.each(SITES)('$name', ({ root }) => {
  let pages: Map<string, Page>;
  beforeAll(async () => {
    pages = await readSite(root);
  });

  test('has the pages a site needs', () => {
    for (const file of ['index.html', '404.html', 'claims/index.html', 'search/index.html', 'methodology/index.html']) {
      expect(pages.has(file), file).toBe(true);
    }
    expect(pages.size).toBeGreaterThan(20);
  });

  test('html-validate reports no errors or warnings on any page', async () => {
    const validator = new HtmlValidate(await validatorConfig());
    const problems: string[] = [];
    for (const file of pages.keys()) {
      const report = await validator.validateFile(join(root, file));
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? ''})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('every internal link, script, stylesheet and form resolves to a file, and every #fragment to an id', () => {
    const broken: string[] = [];
    for (const page of pages.values()) {
      for (const tag of page.tags) {
        for (const attribute of LINKING_ATTRIBUTES) {
          const value = tag.attrs.get(attribute);
          if (value === undefined) continue;
          const where = `${page.file}: <${tag.name} ${attribute}="${value}">`;
          if (value.startsWith('#')) {
            const id = decodeURIComponent(value.slice(1));
            if (!page.ids.has(id)) broken.push(`${where}: no id "${id}" on the page`);
            continue;
          }
          if (!value.startsWith('/') || value.startsWith('//')) continue;
          const url = new URL(value, 'http://site.invalid');
          const target = fileFor(root, url.pathname);
          if (!target) {
            const isDirectory = fileFor(root, `${url.pathname}/`);
            broken.push(`${where}: ${isDirectory ? 'is a folder, link it with a trailing slash' : 'no such file'}`);
            continue;
          }
          if (url.hash) {
            const id = decodeURIComponent(url.hash.slice(1));
            const targetPage = pages.get(target);
            if (!targetPage) broken.push(`${where}: a #fragment on a file that is not a page`);
            else if (!targetPage.ids.has(id)) broken.push(`${where}: no id "${id}" on ${target}`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  test('every external link in a page body has rel="noopener noreferrer"', () => {
    const unsafe: string[] = [];
    let external = 0;
    for (const page of pages.values()) {
      for (const tag of page.tags) {
        const href = tag.attrs.get('href');
        if (!tag.inBody || !href || !/^https?:/i.test(href)) continue;
        external++;
        const rel = (tag.attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) unsafe.push(`${page.file}: <${tag.name} href="${href}" rel="${tag.attrs.get('rel') ?? ''}">`);
      }
    }
    expect(external).toBeGreaterThan(0);
    expect(unsafe).toEqual([]);
  });

  test('every page is served at its own path', () => {
    // The page's canonical link names the path the file is served at.
    const wrong: string[] = [];
    for (const page of pages.values()) {
      // The 404 and the content editor are not pages of the site: noindex, no canonical address.
      if (page.file === '404.html' || page.file === 'admin/index.html') continue;
      const canonical = page.tags.find((tag) => tag.name === 'link' && tag.attrs.get('rel') === 'canonical')?.attrs.get('href');
      if (!canonical || new URL(canonical).pathname !== page.path) wrong.push(`${page.file}: canonical ${canonical}`);
    }
    expect(wrong).toEqual([]);
  });
});
