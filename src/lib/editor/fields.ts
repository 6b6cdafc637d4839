/**
 * The editor's form for each collection, read off its zod schema: one Decap CMS field per
 * schema field, with the widget its type calls for (select lists from enums, relation
 * pickers from `.meta({ references })`, lists for arrays), `required` from optionality,
 * `pattern` from the schema's own regular expressions, and the field's JSDoc as its hint.
 *
 * A schema type the editor has no widget for is an error, not a silently missing field:
 * `npm run test:unit` and the build fail and say which field to look at.
 */
import { z } from 'astro/zod';
import type { CollectionName } from '../../schemas/common.ts';
import { RATING_SCALE, STATUS_VALUES } from '../../schemas/status.ts';
import { unwrap, type FieldMeta } from '../content/schema-walk.ts';
import { fieldDocs } from './field-docs.ts';

type AnySchema = z.core.$ZodType;

/** A Decap CMS field, as far as this project uses one. */
export interface EditorField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'boolean' | 'number' | 'select' | 'relation' | 'list' | 'object';
  required?: boolean;
  hint?: string;
  /** `[regular expression source, message]`: checked as the field is filled in. */
  pattern?: [string, string];
  options?: { label: string; value: string | number }[];
  multiple?: boolean;
  min?: number;
  max?: number;
  default?: unknown;
  value_type?: 'int' | 'float';
  /** Relation: the collection the id points into, and how its entries are found and shown. */
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  /** List of objects: the item's fields. List of values: the one item field. */
  fields?: EditorField[];
  field?: EditorField;
  summary?: string;
  collapsed?: boolean;
}

/** Where a field is, for error messages: `appearances[].date`. */
type Trail = string;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: AnySchema[];
  in?: AnySchema;
  out?: AnySchema;
  checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; value?: number; error?: (issue: unknown) => unknown } } }[];
}

const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;

const ACRONYMS = new Set(['url', 'id', 'un', 'us']);

/** "appearances" -> "Appearances", "homePage" -> "Home page", "url" -> "URL". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s_-]+/).filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A field that may be left out: its schema accepts a missing value (optional, or with a default). */
export function isOptional(schema: AnySchema): boolean {
  return z.safeParse(schema, undefined).success;
}

const STATUS_LABELS: Record<string, string> = Object.fromEntries(RATING_SCALE.map((rating) => [rating.value, rating.label]));
const isStatusEnum = (values: readonly unknown[]) =>
  values.length === STATUS_VALUES.length && STATUS_VALUES.every((status) => values.includes(status));

/** How an allowed value reads in a select list: the rating scale's label, a declared label, or the value. */
function optionsFor(values: readonly (string | number)[], meta: FieldMeta): { label: string; value: string | number }[] {
  const labels = meta.labels ?? (isStatusEnum(values) ? STATUS_LABELS : {});
  return values.map((value) => ({ label: labels[String(value)] ?? labelOf(String(value)), value }));
}

/** The schema inside a preprocess step (`z.preprocess(fn, schema)`) or in front of a `.transform()`. */
function throughPipes(schema: AnySchema): AnySchema {
  let current = schema;
  for (let def = defOf(current); def.type === 'pipe' && def.in && def.out; def = defOf(current)) {
    current = defOf(def.out).type === 'transform' ? def.in : def.out;
  }
  return current;
}

/** The meta and innermost type of a field, with wrappers and pipes peeled off. */
function peel(schema: AnySchema): { inner: AnySchema; meta: FieldMeta } {
  let { inner, meta } = unwrap(schema);
  for (;;) {
    const piped = throughPipes(inner);
    const next = unwrap(piped);
    if (next.inner === inner) return { inner, meta };
    inner = next.inner;
    meta = { ...next.meta, ...meta };
  }
}

function checksOf(schema: AnySchema) {
  return (defOf(schema).checks ?? []).map((check) => check._zod.def);
}

function errorText(check: ReturnType<typeof checksOf>[number], fallback: string): string {
  const result = check.error?.({ code: 'invalid_format', format: 'regex', input: '', pattern: check.pattern });
  const text = typeof result === 'string' ? result : (result as { message?: string } | undefined)?.message;
  return text ?? fallback;
}

/** A pattern the field's value must match: the schema's own regex check, or its declared one. */
function patternOf(schema: AnySchema, meta: FieldMeta): [string, string] | undefined {
  if (meta.pattern) return [meta.pattern.regex.source, meta.pattern.message];
  const regex = checksOf(schema).find((check) => check.check === 'string_format' && check.format === 'regex' && check.pattern);
  return regex?.pattern ? [regex.pattern.source, errorText(regex, `must match ${regex.pattern.source}`)] : undefined;
}

function lengthBounds(schema: AnySchema): Pick<EditorField, 'min' | 'max'> {
  const bounds: Pick<EditorField, 'min' | 'max'> = {};
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length' && check.minimum !== undefined) bounds.min = check.minimum;
    if (check.check === 'max_length' && check.maximum !== undefined) bounds.max = check.maximum;
  }
  return bounds;
}

function numberField(schema: AnySchema): Partial<EditorField> {
  const field: Partial<EditorField> = { widget: 'number', value_type: 'float' };
  for (const check of checksOf(schema)) {
    if (check.check === 'number_format' && /int/.test(check.format ?? '')) field.value_type = 'int';
    if (check.check === 'greater_than' && typeof check.value === 'number') field.min = check.value;
    if (check.check === 'less_than' && typeof check.value === 'number') field.max = check.value;
  }
  return field;
}

/** The allowed values of an enum, a literal, or a union of literals; undefined for anything else. */
function choicesOf(schema: AnySchema): (string | number)[] | undefined {
  const def = defOf(schema);
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  if (def.type === 'literal' && def.values) {
    return def.values.every((value) => typeof value === 'string' || typeof value === 'number') ? (def.values as (string | number)[]) : undefined;
  }
  if (def.type === 'union' && def.options) {
    const all = def.options.map((option) => choicesOf(peel(option).inner));
    return all.every((choices) => choices !== undefined) ? all.flat() as (string | number)[] : undefined;
  }
  return undefined;
}

/** How an entry of each collection is picked in a relation: by its identifying field. */
export type IdentifierOf = (collection: CollectionName) => string;

export class UnsupportedFieldError extends Error {}

/**
 * The editor field for one schema field. `trail` names it in errors; `identifierOf` says
 * which field of another collection a relation picker searches and shows.
 */
export function editorField(name: string, schema: AnySchema, doc: string | undefined, identifierOf: IdentifierOf, trail: Trail = name): EditorField {
  const { inner, meta } = peel(schema);
  const required = !isOptional(schema);
  const base: EditorField = { name, label: labelOf(name), widget: 'string', ...(required ? {} : { required: false }), ...(doc ? { hint: doc } : {}) };
  const def = defOf(inner);

  if (meta.references) {
    const display = identifierOf(meta.references);
    return { ...base, widget: 'relation', collection: meta.references, value_field: '{{slug}}', search_fields: [display], display_fields: [display], options_length: 50 };
  }
  const choices = choicesOf(inner);
  if (choices) return { ...base, widget: 'select', options: optionsFor(choices, meta) };

  switch (def.type) {
    case 'string': {
      // Decap's text box has no length limit of its own; a pattern says it instead.
      const { max } = lengthBounds(inner);
      const pattern = patternOf(inner, meta) ?? (max === undefined ? undefined : [`^[\\s\\S]{0,${max}}$`, `must be at most ${max} characters`] as [string, string]);
      return { ...base, widget: 'string', ...(pattern ? { pattern } : {}) };
    }
    case 'boolean':
      // A checkbox has no "not answered": unticked is written as false.
      return { ...base, widget: 'boolean', ...(required ? { default: false } : {}) };
    case 'number':
      return { ...base, ...numberField(inner) };
    case 'object': {
      const fields = objectFields(inner, identifierOf, trail);
      return { ...base, widget: 'object', fields: required ? fields : optionalGroup(fields, base.label) };
    }
    case 'array': {
      const element = def.element as AnySchema;
      const item = peel(element);
      const bounds = lengthBounds(inner);
      if (item.meta.references) {
        const picker = editorField(name, element, doc, identifierOf, `${trail}[]`);
        return { ...picker, ...base, widget: 'relation', multiple: true, ...bounds, ...(required ? {} : { required: false }) };
      }
      const itemChoices = choicesOf(item.inner);
      if (itemChoices) return { ...base, widget: 'select', multiple: true, options: optionsFor(itemChoices, item.meta), ...bounds };
      if (defOf(item.inner).type === 'object') {
        const fields = objectFields(item.inner, identifierOf, `${trail}[]`);
        return { ...base, widget: 'list', fields, ...bounds, collapsed: false, ...(fields[0] ? { summary: `{{fields.${fields[0].name}}}` } : {}) };
      }
      // A list of plain values: Decap writes the one item field's values as a plain list.
      const one = editorField('item', element, undefined, identifierOf, `${trail}[]`);
      return { ...base, widget: 'list', field: { ...one, label: base.label }, ...bounds };
    }
    default:
      throw new UnsupportedFieldError(
        `${trail}: the editor has no widget for a zod "${def.type}" field; add one in src/lib/editor/fields.ts`,
      );
  }
}

/**
 * The fields of a group the entry may leave out (a claim's `forecast`). Decap CMS checks a
 * required field inside an optional group even when the whole group is left empty, and then
 * refuses to save (decaporg/decap-cms#7748, #2103), so inside such a group nothing is
 * required in the form: the hint says what is needed once the group is filled in, and
 * `npm run validate` on the pull request says it again if it is missing. An item of a list
 * exists only once added, so its fields stay as they are.
 */
export function optionalGroup(fields: readonly EditorField[], group: string): EditorField[] {
  return fields.map((field) => {
    if (field.required === false) return field;
    const needed = `Needed when ${group} is filled in.`;
    const relaxed: EditorField = { ...field, required: false, hint: field.hint ? `${field.hint} ${needed}` : needed };
    if (field.widget === 'object' && field.fields) relaxed.fields = optionalGroup(field.fields, group);
    // A checkbox that is needed is written as false when left unticked: not in a group left empty.
    if (field.widget === 'boolean') delete relaxed.default;
    return relaxed;
  });
}

/** The fields of an object schema, in the schema's order, each with its documentation. */
export function objectFields(schema: AnySchema, identifierOf: IdentifierOf, trail = ''): EditorField[] {
  const shape = defOf(peel(schema).inner).shape ?? {};
  const docs = fieldDocs(Object.keys(shape));
  return Object.entries(shape).map(([key, child]) =>
    editorField(key, child, docs.get(key), identifierOf, trail ? `${trail}.${key}` : key));
}
