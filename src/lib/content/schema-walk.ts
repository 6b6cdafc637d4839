/**
 * Reading zod schemas as data: the metadata a field declares (`example`, `references`)
 * and the fields an object allows. The error messages and the cross-file rules use this
 * so that a field's documentation lives once, on the field.
 */
import { z } from 'astro/zod';
import type { CollectionName } from '../../schemas/common.ts';

export interface FieldMeta {
  /** A value that would be right, shown when the field is missing or wrong. */
  example?: unknown;
  /** For an id field: the collection the id must exist in. */
  references?: CollectionName;
  /** The shape a value must have, for forms that check as one types; the schema checks the rest. */
  pattern?: { regex: RegExp; message: string };
  /** How each value of an enum reads in a form, when not as written. */
  labels?: Record<string, string>;
}

type AnySchema = z.core.$ZodType;

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional']);

function metaOf(schema: AnySchema): FieldMeta {
  return (z.globalRegistry.get(schema) ?? {}) as FieldMeta;
}

/** Peels optional/default wrappers and preprocess pipes, merging the meta found on the way. */
export function unwrap(schema: AnySchema): { inner: AnySchema; meta: FieldMeta } {
  let inner = schema;
  let meta: FieldMeta = metaOf(schema);
  for (;;) {
    const def = inner._zod.def as unknown as { type: string; innerType?: AnySchema; out?: AnySchema };
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.out : undefined;
    if (!next) return { inner, meta };
    inner = next;
    meta = { ...metaOf(inner), ...meta };
  }
}

function childOf(schema: AnySchema, segment: PropertyKey): AnySchema | undefined {
  const def = unwrap(schema).inner._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
  if (def.type === 'object' && typeof segment === 'string') return def.shape?.[segment];
  if (def.type === 'array' && typeof segment === 'number') return def.element;
  return undefined;
}

/** The schema of the field at `path`, or undefined when the path leaves the schema. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let schema: AnySchema | undefined = root;
  for (const segment of path) {
    if (!schema) return undefined;
    schema = childOf(schema, segment);
  }
  return schema;
}

export function fieldMeta(root: AnySchema, path: readonly PropertyKey[]): FieldMeta {
  const schema = schemaAt(root, path);
  return schema ? unwrap(schema).meta : {};
}

/** The field names an object at `path` allows. */
export function allowedKeys(root: AnySchema, path: readonly PropertyKey[]): string[] {
  const schema = schemaAt(root, path);
  if (!schema) return [];
  const def = unwrap(schema).inner._zod.def as unknown as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

type Reference = NonNullable<FieldMeta['references']>;
/** A path through the data to an id field: keys, and `'*'` for every item of a list. */
type ReferencePath = { path: (string | '*')[]; collection: Reference };

/** Where a schema's id fields are, read from the schema once rather than per entry. */
function referencePaths(root: AnySchema, path: (string | '*')[] = []): ReferencePath[] {
  const { inner, meta } = unwrap(root);
  if (meta.references) return [{ path, collection: meta.references }];
  const def = inner._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => referencePaths(child, [...path, key]));
  }
  if (def.type === 'array' && def.element) return referencePaths(def.element, [...path, '*']);
  return [];
}

const referencePathCache = new WeakMap<AnySchema, ReferencePath[]>();

function visitPath(data: unknown, path: readonly (string | '*')[], at: PropertyKey[], found: (at: PropertyKey[], value: string) => void): void {
  if (path.length === 0) {
    if (typeof data === 'string') found(at, data);
    return;
  }
  const [head, ...rest] = path;
  if (head === '*') {
    if (Array.isArray(data)) data.forEach((item, index) => visitPath(item, rest, [...at, index], found));
  } else if (data && typeof data === 'object' && !Array.isArray(data) && head !== undefined) {
    visitPath((data as Record<string, unknown>)[head], rest, [...at, head], found);
  }
}

/**
 * Calls `visit` for every value in `data` whose field declares `references`, with the
 * value's path: every id that must resolve, found from the schema instead of a list.
 */
export function forEachReference(
  root: AnySchema,
  data: unknown,
  visit: (path: PropertyKey[], collection: Reference, id: string) => void,
): void {
  let paths = referencePathCache.get(root);
  if (!paths) {
    paths = referencePaths(root);
    referencePathCache.set(root, paths);
  }
  for (const { path, collection } of paths) visitPath(data, path, [], (at, id) => visit(at, collection, id));
}

/** Calls `visit` with the path and value of every string in parsed frontmatter: the one walk
 * over every value, for placeholders and characters that are not text. */
export function forEachString(data: unknown, visit: (path: PropertyKey[], value: string) => void): void {
  const stack: [unknown, PropertyKey[]][] = [[data, []]];
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, PropertyKey[]];
    if (typeof value === 'string') visit(path, value);
    else if (Array.isArray(value)) for (let index = value.length - 1; index >= 0; index--) stack.push([value[index], [...path, index]]);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value).reverse()) stack.push([item, [...path, key]]);
    }
  }
}
