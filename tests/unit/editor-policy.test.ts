/**
 * /admin/ runs Decap CMS under its own Content Security Policy. Astro writes the site's
 * policy into every page, this one included, and browsers enforce every policy tag at
 * once, so after the build the site's tag is taken out of the editor's page, and only there.
 */
import { describe, expect, test } from 'vitest';
import { keepEditorPolicyOnly } from '../../src/integrations/editor.ts';
import { EDITOR_CONTENT_SECURITY_POLICY } from '../../src/lib/security.ts';

const SITE_POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'";
const tag = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;
const page = (...policies: string[]) => `<!doctype html><html><head>${policies.map(tag).join('')}<title>Editor</title></head><body></body></html>`;

describe("the editor's page after the build", () => {
  test("keeps the editor's policy and loses the site's", () => {
    const kept = keepEditorPolicyOnly(page(SITE_POLICY, EDITOR_CONTENT_SECURITY_POLICY));
    expect(kept).toBe(page(EDITOR_CONTENT_SECURITY_POLICY));
    expect(kept).not.toContain("'sha256-abc='");
  });

  test('is left as it is when it has only its own policy', () => {
    expect(keepEditorPolicyOnly(page(EDITOR_CONTENT_SECURITY_POLICY))).toBe(page(EDITOR_CONTENT_SECURITY_POLICY));
  });

  test("fails the build when the editor's own policy is missing, rather than leaving it unprotected", () => {
    expect(() => keepEditorPolicyOnly(page(SITE_POLICY))).toThrowErrorMatchingInlineSnapshot(`[Error: /admin/: the editor's own Content Security Policy tag is missing]`);
  });
});
