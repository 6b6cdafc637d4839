/**
 * Splitting a content file into its YAML frontmatter and Markdown body, and finding the
 * line of a field when something is wrong with it.
 *
 * Parsing uses js-yaml, which is about ten times faster than `yaml` on these files (the
 * benchmark's 10,000 claims parse in a quarter of a second instead of two and a half).
 * Lines are looked up with `yaml`, whose parser keeps source positions, only for files
 * that have problems. Both read YAML's core schema, so `2022-12-06` stays the text it
 * is instead of becoming a midnight-UTC Date.
 */
import { load as loadYaml, CORE_SCHEMA, YAMLException } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node, type Pair, type YAMLMap } from 'yaml';

export interface SplitFile {
  /** The YAML between the `---` fences, without them. */
  yaml: string;
  /** The Markdown after the closing fence. */
  body: string;
  /** The file line the body starts on (1-based). */
  bodyLine: number;
}

/** Frontmatter starts on line 1; line 2 of the file is line 1 of the YAML. */
export const YAML_FIRST_LINE = 2;

const FENCE = /^---[ \t]*$/;

/** Null when the file does not begin with a `---` fenced frontmatter block. */
export function splitFrontmatter(source: string): SplitFile | null {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return null;
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) return null;
  return {
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

export type YamlResult =
  /** `aliases`: the YAML repeats a value with an anchor and alias (`&name`, `*name`). */
  | { ok: true; data: unknown; aliases: boolean }
  | { ok: false; line: number | undefined; message: string; hint: string | undefined };

/**
 * What usually causes js-yaml's terser messages in a content file, said plainly. Most come
 * from a headline or quote with a colon in it, which YAML reads as a new field.
 */
const YAML_HINTS: [RegExp, string][] = [
  [/bad indentation of a mapping entry|incomplete explicit mapping pair|end of the stream or a document separator/,
    'a value containing ": " or starting with a quote mark must be in quotes, e.g. headline: "Afghan Resistance: A Report"'],
  [/duplicated mapping key/, 'each field can appear only once; keep one and delete the other'],
  [/missed comma between flow collection entries|unexpected end of the stream within a flow collection/,
    'a list in [brackets] needs commas between items and a closing ], e.g. topics: [panjshir, battlefield-claims]'],
  [/unexpected end of the stream within a (single|double) quoted scalar/, 'a quoted value is missing its closing quote mark'],
];

/**
 * Parses frontmatter with YAML's core schema. Anchors are noticed as the parser meets them
 * (an alias needs one): content never needs them, and aliases repeated or nested make a few
 * lines expand to millions of values (the "billion laughs") that any walk over the data, or
 * a "did you mean" search per value, would take minutes over. The caller refuses such a file
 * without reading its data.
 */
export function parseYaml(yaml: string): YamlResult {
  let aliases = false;
  const listener = (event: string, state: { anchor: string | null }) => {
    if (event === 'close' && state.anchor !== null) aliases = true;
  };
  try {
    const data: unknown = loadYaml(yaml, { schema: CORE_SCHEMA, listener } as unknown as Parameters<typeof loadYaml>[1]);
    return { ok: true, data, aliases };
  } catch (error) {
    if (error instanceof YAMLException) {
      const hint = YAML_HINTS.find(([pattern]) => pattern.test(error.reason))?.[1];
      return { ok: false, line: error.mark ? error.mark.line + YAML_FIRST_LINE : undefined, message: error.reason, hint };
    }
    throw error;
  }
}

/**
 * The file line of the field at `path`: the line its key is written on, or, for a field
 * that is missing, the line of the nearest enclosing entry that exists.
 */
export function lineLocator(yaml: string): (path: readonly PropertyKey[]) => number {
  const counter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter: counter, schema: 'core', uniqueKeys: false });
  const lineOf = (offset: number) => counter.linePos(offset).line - 1 + YAML_FIRST_LINE;
  // Each map's keys are indexed once: a file with thousands of unknown fields has thousands
  // of problems, and a search of every key for each would take minutes.
  const indexes = new WeakMap<object, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, segment: PropertyKey) => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        const name = isScalar(item.key) ? String(item.key.value) : undefined;
        if (name !== undefined && !index.has(name)) index.set(name, item);
      }
      indexes.set(map, index);
    }
    return index.get(String(segment));
  };
  return (path) => {
    let node: unknown = document.contents;
    let line = YAML_FIRST_LINE;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) break;
        const key = pair.key as Node;
        if (key.range) line = lineOf(key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        if (item.range) line = lineOf(item.range[0]);
        node = item;
      } else {
        break;
      }
    }
    return line;
  };
}

/** The file line of the first alias (`*name`) in the YAML, if it has one. */
export function firstAliasLine(yaml: string): number | undefined {
  const counter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter: counter, schema: 'core', uniqueKeys: false });
  let line: number | undefined;
  visit(document, {
    Alias(_, node) {
      if (node.range) line = counter.linePos(node.range[0]).line - 1 + YAML_FIRST_LINE;
      return visit.BREAK;
    },
  });
  return line;
}
