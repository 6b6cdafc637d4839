/**
 * Reading zod schemas as data: the metadata a field declares (`example`, `references`)
 * and the fields an object allows. The error messages and the cross-file rules use this
 * so that a field's documentation lives once, on the field.
 */
import { z } from 'astro/zod';

export interface FieldMeta {
  /** A value that would be right, shown when the field is missing or wrong. */
  example?: unknown;
  /** For an id field: the collection the id must exist in. */
  references?: 'claims' | 'people' | 'outlets' | 'topics';
}

type AnySchema = z.core.$ZodType;

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional']);

function metaOf(schema: AnySchema): FieldMeta {
  return (z.globalRegistry.get(schema) ?? {}) as FieldMeta;
}

/** Peels optional/default wrappers and preprocess pipes, merging the meta found on the way. */
function unwrap(schema: AnySchema): { inner: AnySchema; meta: FieldMeta } {
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

/**
 * Calls `visit` for every value in `data` whose field declares `references`, with the
 * value's path: every id that must resolve, found from the schema instead of a list.
 */
export function forEachReference(
  root: AnySchema,
  data: unknown,
  visit: (path: PropertyKey[], collection: NonNullable<FieldMeta['references']>, id: string) => void,
  path: PropertyKey[] = [],
): void {
  const { inner, meta } = unwrap(root);
  if (meta.references && typeof data === 'string') {
    visit(path, meta.references, data);
    return;
  }
  const def = inner._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
  if (def.type === 'object' && def.shape && data && typeof data === 'object') {
    for (const [key, child] of Object.entries(def.shape)) {
      forEachReference(child, (data as Record<string, unknown>)[key], visit, [...path, key]);
    }
  } else if (def.type === 'array' && def.element && Array.isArray(data)) {
    data.forEach((item, index) => forEachReference(def.element as AnySchema, item, visit, [...path, index]));
  }
}
