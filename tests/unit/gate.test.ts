/**
 * The gate holds (issue 10): every class of hostile input the review found is rejected by
 * name, with its line, and never hides the problems of another bad file in the same run;
 * valid shapes at the edge of the limits render; what validate skips, it names; problems
 * print one line each whatever a value holds; `npm run new` leaves nothing behind when its
 * write fails. Messages are locked with inline snapshots.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkFile } from '../../src/lib/content/load.ts';
import { contentMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { writeFresh } from '../../src/cli/new/files.ts';
import {
  CLAIM_FILE, TOPIC_FILE, claimFields, contentFile, loadFixture, validate, writeFixture, type FileOverride,
} from './support/content-fixture.ts';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

/** A second bad file in every run: its problem must be reported whatever the first does. */
const SECOND: Record<string, FileOverride> = { [TOPIC_FILE]: { body: 'Fine.\n\n<script>alert(1)</script>\n' } };
const SECOND_LINE = 'content/topics/panjshir.md:8: <script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)';

/** Validates the claim with this body (and the second bad file); the claim's own lines. */
async function claimBody(body: string): Promise<string> {
  const result = await loadFixture({ [CLAIM_FILE]: { body }, ...SECOND });
  expect(result.lines).toContain(SECOND_LINE);
  expect(result.entries.claims.has('intense-fighting')).toBe(result.lines.length === 1);
  return result.lines.filter((line) => line !== SECOND_LINE).join('\n');
}

describe('a crash that hid everything else', () => {
  test('a character reference beyond Unicode is text, and the other bad file is still reported', async () => {
    expect(await claimBody('Read [x](&#x110000;) and <a href="&#1114112;">y</a>.\n')).toBe('');
  });

  test('anything that throws while checking a file becomes a problem of that file', () => {
    const unreadable = { get length(): number { throw new Error('the disk went away'); } } as unknown as Uint8Array;
    const result = checkFile({ collection: 'claims', id: 'broken', file: 'content/claims/broken.md' }, unreadable);
    expect(result.problems).toMatchInlineSnapshot(`
      [
        {
          "file": "content/claims/broken.md",
          "hint": "this is a fault in the validator, not in the file; please report it with the file",
          "message": "could not be checked: The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.",
        },
      ]
    `);
    expect(result.valid).toBeUndefined();
  });
});

describe('limits: nothing valid can stall or crash the renderer', () => {
  test.each([
    ['5,000 nested quotes', `${'>'.repeat(5_000)} deep\n`,
      'content/claims/intense-fighting.md:20: the line starts 5000 quote or list levels deep, over the limit of 12 (nest fewer quotes and lists)'],
    ['a list nested 3,000 deep on one line', `${'- '.repeat(3_000)}item`,
      'content/claims/intense-fighting.md:20: the line starts 3000 quote or list levels deep, over the limit of 12 (nest fewer quotes and lists)'],
    ['a list nested 100 deep', Array.from({ length: 100 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n'),
      'content/claims/intense-fighting.md:53: the line is indented 66 columns, over the limit of 64 (nest fewer lists)'],
    ['40 KB of * on one line', '*'.repeat(40_000),
      'content/claims/intense-fighting.md:20: the line is 40,000 characters long, over the limit of 10,000 (break it into paragraphs)'],
    ['9,000 * in one paragraph', Array.from({ length: 9 }, () => '*a'.repeat(500)).join('\n'),
      'content/claims/intense-fighting.md:20: the paragraph has more than 1,000 emphasis, code and link marks (* _ ~ ` [ ]) (split it with blank lines, or put the text in a code block)'],
    ['100 KB of *', `${'*'.repeat(9_000)}\n`.repeat(12),
      'content/claims/intense-fighting.md:19: the body is 108,013 characters long, over the limit of 100,000 (split it, or link to the longer text)'],
    ['400 KB of "<a x "', '<a x '.repeat(80_000),
      'content/claims/intense-fighting.md:19: the body is 400,001 characters long, over the limit of 100,000 (split it, or link to the longer text)'],
    ['markup nested 40 deep', `${'<b>'.repeat(40)}x${'</b>'.repeat(40)}`,
      'content/claims/intense-fighting.md:20: the text is nested 25 levels deep (quotes, lists, emphasis, links), over the limit of 24 (nest fewer quotes, lists and marks)'],
  ])('%s', async (_, body, expected) => {
    expect(await claimBody(body)).toBe(expected);
  });

  test('the largest shapes inside the limits render without an exception', async () => {
    const renderer = await contentMarkdown().createRenderer({ syntaxHighlight: false });
    const shapes = [
      `${'> '.repeat(12)}quoted\n`,
      Array.from({ length: 10 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n'),
      Array.from({ length: 10 }, () => '*a'.repeat(50)).join('\n'),
      `${'<a x '.repeat(1_900)}\n`.repeat(10),
      `${'['.repeat(500)}x${']'.repeat(499)}`,
    ];
    for (const body of shapes) {
      expect(await claimBody(body), body.slice(0, 40)).toBe('');
      await expect(renderer.render(body)).resolves.toBeDefined();
    }
  });
});

describe('text fields accept text', () => {
  test.each([
    ['a vertical tab', 'Intense\u000bfighting.',
      'content/claims/intense-fighting.md:2: claim: contains a control character (U+000B LINE TABULATION) at character 8 (delete it: content is plain text that a reviewer can read)'],
    ['an escape', 'Intense \u001b[31mfighting.',
      'content/claims/intense-fighting.md:2: claim: contains a control character (U+001B ESCAPE) at character 9 (delete it: content is plain text that a reviewer can read)'],
    ['a NUL', 'Intense\u0000fighting.',
      'content/claims/intense-fighting.md:2: claim: contains a control character (U+0000 NULL) at character 8 (delete it: content is plain text that a reviewer can read)'],
    ['a zero-width space', 'Intense\u200bfighting.',
      'content/claims/intense-fighting.md:2: claim: contains an invisible character (U+200B ZERO WIDTH SPACE) at character 8 (delete it: content is plain text that a reviewer can read)'],
    ['a soft hyphen', 'Intense fight\u00ading.',
      'content/claims/intense-fighting.md:2: claim: contains an invisible character (U+00AD SOFT HYPHEN) at character 14 (delete it: content is plain text that a reviewer can read)'],
    ['a tag character', 'Intense fighting.\u{E0041}',
      'content/claims/intense-fighting.md:2: claim: contains an invisible character (U+E0041 TAG CHARACTER) at character 18 (delete it: content is plain text that a reviewer can read)'],
  ])('%s in the claim is refused with its position', async (_, claim, expected) => {
    const result = await loadFixture({ [CLAIM_FILE]: { fields: { ...claimFields(), claim } }, ...SECOND });
    expect(result.lines).toEqual([expected, SECOND_LINE]);
  });

  test('the direction marks and joiners Persian needs are text', async () => {
    const result = await loadFixture({ [CLAIM_FILE]: { fields: { ...claimFields(), original: 'می\u200cگوید \u200f' } } });
    expect(result.report).not.toMatch(/invisible/);
  });

  test('a file that is not UTF-8 is named, with the line of its first bad byte', async () => {
    const text = Buffer.concat([Buffer.from(contentFile(claimFields(), 'Caf')), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]);
    const fixture = await writeFixture(SECOND);
    await writeFile(join(fixture.contentDir, CLAIM_FILE), text);
    const { lines } = await validate(fixture);
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/claims/intense-fighting.md:20: is not UTF-8 text: this line has a byte that is not UTF-8 (save the file as UTF-8 (Latin-1 and Windows-1252 accents are the usual cause))",
        "content/topics/panjshir.md:8: <script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)",
      ]
    `);
  });

  test('a YAML error does not hide the same file\'s body problems', async () => {
    const result = await loadFixture({ [CLAIM_FILE]: { raw: '---\nclaim: "unclosed\n---\n\n<iframe src="https://x.org"></iframe>\n' } });
    expect(result.lines).toMatchInlineSnapshot(`
      [
        "content/claims/intense-fighting.md:3: the frontmatter is not valid YAML: unexpected end of the stream within a double quoted scalar (a quoted value is missing its closing quote mark)",
        "content/claims/intense-fighting.md:5: <iframe> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)",
      ]
    `);
  });

  test('aliases are refused before anything walks the data (99 of one scalar in related)', async () => {
    const related = Array.from({ length: 99 }, () => '  - *other').join('\n');
    const raw = contentFile(claimFields()).replace(/---\n$/, `x-anchor: &other some-claim\nrelated:\n${related}\n---\n`);
    const result = await loadFixture({ [CLAIM_FILE]: { raw }, ...SECOND });
    expect(result.lines).toMatchInlineSnapshot(`
      [
        "content/claims/intense-fighting.md:20: the frontmatter uses a YAML anchor or alias (&name, *name) (write every value out in full: content files use no YAML anchors or aliases)",
        "content/topics/panjshir.md:8: <script> is not allowed: content cannot run code, embed pages or restyle the site (remove it; describe or link to the material instead)",
      ]
    `);
  });
});

describe('what validate skips, it names', () => {
  test('symbolic links, hidden files, folders named .md and other extensions', async () => {
    const fixture = await writeFixture();
    const claims = join(fixture.contentDir, 'claims');
    await symlink(join(claims, 'intense-fighting.md'), join(claims, 'linked.md'));
    await writeFile(join(claims, '.draft.md'), 'hidden');
    await mkdir(join(claims, 'folder.md'));
    await mkdir(join(claims, '.git-like'));
    await writeFile(join(claims, '.git-like', 'inside.md'), 'hidden too');
    await writeFile(join(claims, 'notes.txt'), 'notes');
    const result = await validate(fixture);
    expect(result.lines).toMatchInlineSnapshot(`
      [
        "content/claims/folder.md/: is a folder, not a content file (a content file is a .md file; rename the folder)",
        "content/claims/linked.md: is a symbolic link, which is never followed (commit the file itself)",
        "content/claims/notes.txt: is not a content file (content files end in .md)",
      ]
    `);
    expect(result.skipped.map((item) => `${item.file}: ${item.message}`.replaceAll(fixture.root, '<tmp>'))).toMatchInlineSnapshot(`
      [
        "content/claims/.draft.md: is hidden (its name starts with a dot), so it is not read",
        "content/claims/.git-like: is hidden (its name starts with a dot), so it is not read",
      ]
    `);
  });
});

describe('GitHub annotations cannot be planted from content', () => {
  test('a value with a line break and a workflow command stays on its problem\'s line, on both streams', async () => {
    const status = 'Fighting.\n::warning file=README.md,line=1::All clear\n::stop-commands::token';
    const fixture = await writeFixture({ [CLAIM_FILE]: { fields: { ...claimFields(), status } } });
    const result = spawnSync(process.execPath, [join(PROJECT, 'src/cli/validate.ts'), '--content', fixture.contentDir], {
      cwd: fixture.root, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true' }, timeout: 120_000,
    });
    expect(result.status).toBe(1);
    const lines = [...result.stdout.split('\n'), ...result.stderr.split('\n')];
    expect(lines.filter((line) => line.startsWith('::') && !line.startsWith('::error file='))).toEqual([]);
    expect(result.stderr).toContain('Fighting.\\n::warning file=README.md,line=1::All clear\\n::stop-commands::token');
  }, 180_000);
});

describe('npm run new leaves nothing behind', () => {
  test('when writing the new file fails (a full disk), the file it created is removed', async () => {
    const fixture = await writeFixture();
    const dir = join(fixture.contentDir, 'topics');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await expect(writeFresh(dir, 'drones', new Set(), 'text', async () => { throw full; })).rejects.toThrow('ENOSPC');
    expect((await readdir(dir)).sort()).toEqual(['panjshir.md']);
    expect(existsSync(join(dir, 'drones.md'))).toBe(false);
  });
});

describe('the limits are published', () => {
  test('CONTRIBUTING.md states every limit the validator enforces', async () => {
    const { readFile } = await import('node:fs/promises');
    const { LIMITS } = await import('../../src/lib/content/limits.ts');
    const guide = await readFile(join(PROJECT, 'CONTRIBUTING.md'), 'utf8');
    const table = guide.slice(guide.indexOf('## Limits'), guide.indexOf('## What review checks'));
    for (const [name, value] of Object.entries(LIMITS)) {
      const shown = name === 'checkMilliseconds' ? `${value / 1000} seconds` : value.toLocaleString('en');
      expect(table, name).toContain(shown);
    }
  });
});
