/**
 * What the validator says about files themselves: where they are, what they are called,
 * what they end in, and whether their frontmatter can be read at all.
 */
import { rm } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { CLAIM_FILE, TOPIC_FILE, contentFile, loadFixture, validate, writeFixture } from './support/content-fixture.ts';

const topic = (title = 'Foreign fighters') =>
  ({ fields: { title, description: 'Claims about fighters from abroad.' } });

describe('file types', () => {
  test('.md files in the four content folders are read', async () => {
    const result = await loadFixture({ 'topics/foreign-fighters.md': topic() });
    expect(result.lines).toEqual([]);
    expect(result.fileCount).toBe(6);
  });

  test('MDX files are rejected', async () => {
    const result = await loadFixture({ 'claims/denial.mdx': { raw: contentFile({ claim: 'x' }) } });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/denial.mdx:1: MDX is not allowed in contributed content (rename it to .md: claims, people, outlets, topics, measures and places are plain Markdown, never compiled as code)"`);
  });

  test('other files are rejected', async () => {
    const result = await loadFixture({
      'people/photo.jpg': { raw: 'not an image' },
      'topics/notes.txt': { raw: 'notes' },
      'outlets/new-york-sun.yaml': { raw: 'name: The New York Sun\n' },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/outlets/new-york-sun.yaml: is not a content file (content files end in .md)
      content/people/photo.jpg: is not a content file (content files end in .md)
      content/topics/notes.txt: is not a content file (content files end in .md)"
    `);
  });

  test('hidden files and a README at the top are left alone', async () => {
    const result = await loadFixture({
      'README.md': { raw: '# Content\n\nHow to write a claim.\n' },
      '.DS_Store': { raw: '' },
      'claims/.gitkeep': { raw: '' },
      '.drafts/claim.md': { raw: 'not read' },
    });
    expect(result.lines).toEqual([]);
    expect(result.fileCount).toBe(5);
  });
});

describe('folders', () => {
  test('a folder that is not a content folder', async () => {
    const result = await loadFixture({ 'claim/denial.md': { raw: 'x' }, 'sources/un-report.md': { raw: 'x' } });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claim/: is not a content folder (did you mean "claims"?)
      content/sources/: is not a content folder (content folders: claims, people, outlets, topics, measures, places)"
    `);
  });

  test('a file outside every content folder', async () => {
    const result = await loadFixture({ 'denial.md': { raw: 'x' } });
    expect(result.report).toMatchInlineSnapshot(`"content/denial.md: is outside every content folder (move it into one of content/claims/, content/people/, content/outlets/, content/topics/, content/measures/, content/places/)"`);
  });

  test('no content folder at all', async () => {
    const fixture = await writeFixture();
    await rm(fixture.contentDir, { recursive: true });
    const result = await validate(fixture);
    expect(result.report).toMatchInlineSnapshot(`"content/: does not exist (content lives in content/claims/, content/people/, content/outlets/, content/topics/, content/measures/ and content/places/)"`);
    expect(result.fileCount).toBe(0);
  });
});

describe('file names are ids', () => {
  test('lowercase words joined by hyphens, digits allowed', async () => {
    const result = await loadFixture({ 'topics/un-report-2022.md': topic() });
    expect(result.lines).toEqual([]);
  });

  test('capitals, spaces and underscores get a suggested name', async () => {
    const result = await loadFixture({
      'topics/Foreign Fighters.md': topic(),
      'topics/foreign_fighters.md': topic(),
      'topics/-x-.md': topic(),
      'topics/ÄÖ.md': topic(),
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/topics/-x-.md: file name "-x-.md" is not a valid id (rename it to x.md: lowercase letters, digits and hyphens)
      content/topics/ÄÖ.md: file name "ÄÖ.md" is not a valid id (rename it to a-name.md: lowercase letters, digits and hyphens)
      content/topics/Foreign Fighters.md: file name "Foreign Fighters.md" is not a valid id (rename it to foreign-fighters.md: lowercase letters, digits and hyphens)
      content/topics/foreign_fighters.md: file name "foreign_fighters.md" is not a valid id (rename it to foreign-fighters.md: lowercase letters, digits and hyphens)"
    `);
    expect(result.entries.topics.size).toBe(1);
  });
});

describe('frontmatter', () => {
  test('no frontmatter', async () => {
    const result = await loadFixture({ [TOPIC_FILE]: { raw: 'title: Panjshir\n\nSome text.\n' } });
    expect(result.report).toMatchInlineSnapshot(`"content/topics/panjshir.md:1: has no frontmatter (start the file with a line ---, then the fields, then a line ---)"`);
  });

  test('frontmatter that is never closed', async () => {
    const result = await loadFixture({ [TOPIC_FILE]: { raw: '---\ntitle: Panjshir\ndescription: Claims.\n\nSome text.\n' } });
    expect(result.report).toMatchInlineSnapshot(`"content/topics/panjshir.md:1: the frontmatter has no closing --- line (start the file with a line ---, then the fields, then a line ---)"`);
  });

  test('YAML that cannot be read names its line', async () => {
    const result = await loadFixture({
      [TOPIC_FILE]: { raw: '---\ntitle: Panjshir\n  description: Claims: about the valley.\n---\n' },
      'topics/kabul.md': { raw: '---\ntitle: Kabul\ndescription: Claims.\ntitle: Kabul city\n---\n' },
      'topics/herat.md': { raw: '---\ntitle: [Herat\ndescription: Claims.\n---\n' },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/topics/herat.md:3: the frontmatter is not valid YAML: missed comma between flow collection entries (a list in [brackets] needs commas between items and a closing ], e.g. topics: [panjshir, battlefield-claims])
      content/topics/kabul.md:4: the frontmatter is not valid YAML: duplicated mapping key (each field can appear only once; keep one and delete the other)
      content/topics/panjshir.md:3: the frontmatter is not valid YAML: bad indentation of a mapping entry (a value containing ": " or starting with a quote mark must be in quotes, e.g. headline: "Afghan Resistance: A Report")"
    `);
  });

  test('frontmatter that is not a set of fields', async () => {
    const result = await loadFixture({
      [TOPIC_FILE]: { raw: '---\n- title: Panjshir\n---\n' },
      'topics/kabul.md': { raw: '---\n---\nSome text.\n' },
      'topics/herat.md': { raw: '---\nHerat\n---\n' },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/topics/herat.md:1: the frontmatter must be fields (one per line between the --- lines, written name: value)
      content/topics/kabul.md:1: the frontmatter has no fields (one per line between the --- lines, written name: value)
      content/topics/panjshir.md:1: the frontmatter must be fields (one per line between the --- lines, written name: value)"
    `);
  });

  test('Windows line endings and a byte order mark are fine', async () => {
    const text = contentFile({ title: 'Panjshir', description: 'Claims.' }, 'Some text.\n');
    const result = await loadFixture({ [TOPIC_FILE]: { raw: `\uFEFF${text.replaceAll('\n', '\r\n')}` } });
    expect(result.lines).toEqual([]);
    expect(result.entries.topics.get('panjshir')?.data.title).toBe('Panjshir');
  });

  test('YAML dates stay as written, not midnight UTC', async () => {
    const result = await loadFixture({
      [CLAIM_FILE]: {
        raw: [
          '---',
          'claim: There is fighting.',
          'quote: true',
          'speaker: ali-maisam-nazary',
          'date: 2022-05-10',
          'appearances:',
          '  - { outlet: new-york-sun, headline: A headline, date: 2022 }',
          'status: unverified',
          'summary: No independent source.',
          'topics: [panjshir]',
          'updates:',
          '  - { date: 2026-11-20, to: unverified, note: First rating. }',
          '---',
          '',
        ].join('\n'),
      },
    });
    expect(result.lines).toEqual([]);
    const claim = result.entries.claims.get('intense-fighting')?.data;
    expect([claim?.date, claim?.appearances[0]?.date, claim?.updates[0]?.date]).toEqual(['2022-05-10', '2022', '2026-11-20']);
  });
});
