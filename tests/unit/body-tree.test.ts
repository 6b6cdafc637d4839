/**
 * The validator reads three trees of one body (parseBody) and compares the last with what
 * the sanitizer makes of it. It copies none of them, so each step must leave the tree it is
 * given as it was: rehype-raw and the sanitizer build new trees, and the id step changes
 * only rehype-raw's. Were that to change with a dependency, the validator would read a tree
 * the renderer never made; this test says so first.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parseBody, sanitizeTree } from '../../src/lib/markdown/body-tree.ts';

const BODY = [
  '## History heading',
  '',
  'Text with <abbr title="National Resistance Front">NRF</abbr>, a footnote[^1] and <b onclick="x()">bold</b>.',
  '',
  '<!-- a comment -->',
  '',
  '[^1]: The note.',
].join('\n');

/** Every object in a tree, to see whether two trees share any. */
function objectsOf(tree: unknown): Set<object> {
  const found = new Set<object>();
  const stack: unknown[] = [tree];
  while (stack.length) {
    const value = stack.pop();
    if (!value || typeof value !== 'object' || found.has(value)) continue;
    found.add(value);
    stack.push(...Object.values(value));
  }
  return found;
}

describe('the trees of one body', () => {
  test('the tree before raw HTML is parsed keeps its raw nodes and original ids, and shares nothing with the next', () => {
    const before = parseBody(BODY);
    const again = parseBody(BODY);
    expect(isDeepStrictEqual(before.withRaw, again.withRaw)).toBe(true);
    expect(JSON.stringify(before.withRaw)).toContain('"type":"raw"');
    expect(JSON.stringify(before.hast)).not.toContain('"type":"raw"');
    // The heading's id is given in the last tree only, with the content prefix.
    expect(JSON.stringify(before.hast)).toContain('user-content-history-heading');
    expect(JSON.stringify(before.withRaw)).not.toContain('history-heading');
    const shared = [...objectsOf(before.withRaw)].filter((object) => objectsOf(before.hast).has(object));
    expect(shared).toEqual([]);
  });

  test('the sanitizer returns a new tree and leaves the one it checks as it was', () => {
    const { hast } = parseBody(BODY);
    const copy = structuredClone(hast);
    const sanitized = sanitizeTree(hast);
    expect(isDeepStrictEqual(hast, copy)).toBe(true);
    // It did change something (the handler and the comment), in its own tree.
    expect(isDeepStrictEqual(sanitized, copy)).toBe(false);
    expect(JSON.stringify(sanitized)).not.toMatch(/onClick|comment/);
  });
});
