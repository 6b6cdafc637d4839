/**
 * How the editor reads and writes a content file, so that a file saved from /admin/ looks
 * as if a contributor had written it by hand and a change shows in review as only itself.
 *
 * Reading keeps the file's text beside its fields. Writing patches that text's YAML
 * document (parsed with `yaml`, which keeps comments, quoting, flow `[a, b]` lists and
 * key order) where a value changed and leaves every other line as it was. A new file is
 * written in the contributors' style: fields in the schema's order, plain scalars unless
 * quoting is needed, lists of ids as `[a, b]`, lists of records as `- ` blocks, a year
 * as `2022`, no line folding, and the Markdown after a blank line.
 *
 * It runs in the browser (registered with Decap CMS by src/scripts/editor.ts) and in the
 * unit tests, which check it against every file in content/.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node, type ToStringOptions } from 'yaml';

/** The key under which an entry carries the text it was read from (never written out). */
export const SOURCE_KEY = '__source';

export const BODY_KEY = 'body';

const FENCE = /^---[ \t]*$/;

/** How `yaml` prints: as contributors write (see CONTRIBUTING.md's templates). */
const PRINT: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true };

type Data = Record<string, unknown>;

interface Parts {
  /** Everything up to and including the opening `---` line. */
  head: string;
  yaml: string;
  /** The closing `---` line with its line break, and everything after it. */
  fence: string;
  body: string;
}

/** Splits the text as the validator does (src/lib/content/frontmatter.ts), keeping every byte. */
function split(raw: string): Parts | undefined {
  const lines = raw.split(/(?<=\n)/);
  if (!FENCE.test((lines[0] ?? '').replace(/^\uFEFF/, '').trimEnd())) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line.trimEnd()));
  if (close === -1) return undefined;
  return {
    head: lines[0] as string,
    yaml: lines.slice(1, close).join(''),
    fence: lines[close] as string,
    body: lines.slice(close + 1).join(''),
  };
}

/** The Markdown as the form shows it: without the blank line that separates it from the fields. */
const shownBody = (body: string) => body.replace(/^(?:[ \t]*\r?\n)+/, '');

/** A file's fields and Markdown (`body`), and its text under SOURCE_KEY. */
export function readEntry(raw: string): Data {
  const parts = split(raw);
  if (!parts) return { [BODY_KEY]: raw, [SOURCE_KEY]: raw };
  const document = parseDocument(parts.yaml, { schema: 'core' });
  const fields = document.toJS() as unknown;
  const data: Data = fields && typeof fields === 'object' && !Array.isArray(fields) ? { ...(fields as Data) } : {};
  return { ...data, [BODY_KEY]: shownBody(parts.body), [SOURCE_KEY]: raw };
}

const isRecord = (value: unknown): value is Data => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * A value the form left empty: an untouched optional text box, or a group of fields with
 * nothing in them (an untouched `forecast`, whose evidence list the form may hold as `[]`).
 */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === ''
    || (isRecord(value) && Object.values(value).every((item) => isBlank(item) || (Array.isArray(item) && item.length === 0)));
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => equal(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((key) => !isBlank(a[key]));
    return keys.length === Object.keys(b).filter((key) => !isBlank(b[key])).length && keys.every((key) => equal(a[key], b[key]));
  }
  return false;
}

/** A year-only date the form holds as text, written as contributors write it: `date: 2022`. */
const YEAR = /^\d{4}$/;

export interface WriteOptions {
  /** The order of the fields, as the schema lists them; new fields are placed by it. */
  order?: readonly string[];
  /** Keys whose values are dates: a year alone is written as a plain number, as by hand. */
  dateKeys?: ReadonlySet<string>;
}

class Patcher {
  private readonly document: Document;
  private readonly options: WriteOptions;

  constructor(document: Document, options: WriteOptions) {
    this.document = document;
    this.options = options;
  }

  /**
   * A new YAML node for `value`, in the contributors' style: lists of plain values as
   * `[a, b]`, records and lists of records as blocks, empty fields left out.
   */
  create(value: unknown, key?: string): Node {
    if (Array.isArray(value)) {
      const list = new YAMLSeq();
      for (const item of value) if (!isBlank(item)) list.items.push(this.create(item, key));
      list.flow = list.items.every((item) => isScalar(item));
      return list;
    }
    if (isRecord(value)) {
      const record = new YAMLMap();
      for (const [name, item] of Object.entries(value)) {
        if (isBlank(item) || (Array.isArray(item) && item.length === 0)) continue;
        record.items.push(this.document.createPair(name, this.create(item, name)));
      }
      return record;
    }
    if (typeof value === 'string' && key && this.options.dateKeys?.has(key) && YEAR.test(value)) return new Scalar(Number(value));
    return this.document.createNode(value) as Node;
  }

  /** The node for `after`, reusing `node` (which held `before`) wherever nothing changed. */
  patch(node: unknown, before: unknown, after: unknown, key?: string, order?: readonly string[]): unknown {
    if (equal(before, after) && node !== undefined) return node;
    if (isMap(node) && isRecord(before) && isRecord(after)) {
      this.patchMap(node, before, after, order);
      return node;
    }
    if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
      const items = after.filter((item) => !isBlank(item));
      node.items = items.map((item, index) =>
        index < node.items.length ? this.patch(node.items[index], before[index], item, key) : this.create(item, key)) as typeof node.items;
      if (node.flow && !node.items.every((item) => isScalar(item))) node.flow = false;
      return node;
    }
    if (isScalar(node) && (typeof after === 'string' || typeof after === 'number' || typeof after === 'boolean')) {
      const created = this.create(after, key);
      // Keep the way the value was quoted, unless its type changed.
      if (isScalar(created) && typeof created.value === typeof node.value) {
        node.value = created.value;
        return node;
      }
      return created;
    }
    return this.create(after, key);
  }

  private patchMap(node: YAMLMap, before: Data, after: Data, order: readonly string[] = []): void {
    const keyOf = (pair: (typeof node.items)[number]) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
    node.items = node.items.filter((pair) => {
      const key = keyOf(pair);
      if (!(key in after) || isBlank(after[key])) return false;
      // An empty list the file never had stays out; one it had stays in.
      pair.value = this.patch(pair.value, before[key], after[key], key) as typeof pair.value;
      return true;
    });
    const present = new Set(node.items.map(keyOf));
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    for (const [key, value] of Object.entries(after)) {
      if (present.has(key) || isBlank(value) || (Array.isArray(value) && value.length === 0)) continue;
      const pair = this.document.createPair(key, this.create(value, key));
      const at = node.items.findIndex((other) => rank(keyOf(other)) > rank(key));
      if (at === -1) node.items.push(pair);
      else node.items.splice(at, 0, pair);
      present.add(key);
    }
  }
}

/** The text of an entry: its original text patched where the fields changed, or a new file. */
export function writeEntry(data: Data, options: WriteOptions = {}): string {
  const { [SOURCE_KEY]: source, [BODY_KEY]: body, ...fields } = data;
  const bodyText = typeof body === 'string' ? body : '';
  const parts = typeof source === 'string' ? split(source) : undefined;
  const original = parts ? parseDocument(parts.yaml, { schema: 'core' }) : undefined;
  const before = original ? (original.toJS() as unknown) : {};

  let yaml: string;
  if (parts && original && !original.errors.length && isRecord(before) && isMap(original.contents)) {
    if (equal(before, fields)) {
      yaml = parts.yaml;
    } else {
      new Patcher(original, options).patch(original.contents, before, fields, undefined, options.order);
      yaml = original.toString(PRINT);
    }
  } else {
    const document = new Document({}, { schema: 'core' });
    new Patcher(document, options).patch(document.contents, {}, fields, undefined, options.order);
    yaml = document.toString(PRINT);
  }

  const head = parts?.head ?? '---\n';
  const fence = parts?.fence ?? '---\n';
  if (parts && shownBody(parts.body) === bodyText) return `${head}${yaml}${fence}${parts.body}`;
  const text = bodyText.replace(/\s+$/, '');
  return `${head}${yaml}${fence}${text ? `\n${text}\n` : ''}`;
}
