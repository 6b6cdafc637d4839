/**
 * The `_headers` file the security-headers integration (src/integrations/security-headers.ts)
 * writes into the build output: every header of src/lib/security.ts, for every path, then
 * the content editor's own for /admin/.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headersFile, securityHeaders, siteHeadersFile } from '../../src/integrations/security-headers.ts';
import { EDITOR_HEADERS, SECURITY_HEADERS } from '../../src/lib/security.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'claimtrail-headers-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('security headers', () => {
  const logger = { info: () => {}, warn: () => {} } as unknown as AstroIntegrationLogger;

  test('_headers carries every header of src/lib/security.ts for every path', () => {
    const text = headersFile();
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('/*');
    expect(lines.slice(1)).toEqual(Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`));
    expect(text).toContain("frame-ancestors 'none'");
  });

  test('the editor at /admin/ has its own block after it: its own policy, and noindex', () => {
    const blocks = siteHeadersFile().trimEnd().split('\n\n');
    expect(blocks).toEqual([headersFile().trimEnd(), headersFile(EDITOR_HEADERS, '/admin/*').trimEnd()]);
    expect(EDITOR_HEADERS['X-Robots-Tag']).toBe('noindex');
    expect(EDITOR_HEADERS['Content-Security-Policy']).not.toBe(SECURITY_HEADERS['Content-Security-Policy']);
    expect(EDITOR_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });

  test('written into the build output when the build is done, after any rules from public/_headers', async () => {
    const dir = join(root, 'headers');
    await mkdir(dir);
    const hook = securityHeaders().hooks['astro:build:done'] as unknown as (options: { dir: URL; logger: AstroIntegrationLogger }) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dir}/`), logger });
    expect(await readFile(join(dir, '_headers'), 'utf8')).toBe(siteHeadersFile());

    await writeFile(join(dir, '_headers'), '/pagefind/*\n  Cache-Control: max-age=60\n');
    await hook({ dir: pathToFileURL(`${dir}/`), logger });
    expect(await readFile(join(dir, '_headers'), 'utf8')).toBe(`/pagefind/*\n  Cache-Control: max-age=60\n\n${siteHeadersFile()}`);
  });

  test('a header that could break the file is refused', () => {
    expect(() => headersFile({ 'X-Test': 'a\nX-Injected: b' })).toThrow('cannot be written to _headers');
  });
});
