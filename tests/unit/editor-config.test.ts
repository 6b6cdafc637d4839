/**
 * The editor's configuration is the schemas': every field of every collection has an
 * editor field at the same place (and the editor none the schemas lack), required where
 * the schema requires it, with the enum's values, the reference's collection, a pattern
 * that never refuses what validation accepts, and the field's documentation as its hint.
 */
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '../../src/lib/content/collections.ts';
import { unwrap } from '../../src/lib/content/schema-walk.ts';
import { BODY_FIELD, editorCollections, editorConfig, repositoryName } from '../../src/lib/editor/config.ts';
import { editorField, objectFields, type EditorField } from '../../src/lib/editor/fields.ts';
import { OUTCOMES } from '../../src/schemas/forecast.ts';
import { LINK_TYPES } from '../../src/schemas/link.ts';
import { RATING_SCALE } from '../../src/schemas/status.ts';
import { GET } from '../../src/pages/admin/config.yml.ts';
import { SITE } from '../../src/site.config.ts';

type AnySchema = z.core.$ZodType;

interface SchemaField {
  path: string;
  schema: AnySchema;
}

/** Every field of a schema, nested records included, by path (`appearances[].date`). */
function schemaFields(schema: AnySchema, prefix = ''): SchemaField[] {
  const { inner } = unwrap(schema);
  const def = inner._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
  if (def.type === 'array' && def.element) return schemaFields(def.element, `${prefix}[]`);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [{ path, schema: child }, ...schemaFields(child, path)];
  });
}

/** Every editor field by the same kind of path. */
function editorFields(fields: readonly EditorField[], prefix = ''): Map<string, EditorField> {
  const found = new Map<string, EditorField>();
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    found.set(path, field);
    const nested = field.widget === 'list' ? `${path}[]` : path;
    for (const [key, value] of editorFields(field.fields ?? [], nested)) found.set(key, value);
  }
  return found;
}

const collections = editorCollections();

describe.each(COLLECTION_NAMES)('content/%s/', (name) => {
  const collection = collections.find((candidate) => candidate.name === name);
  const schema = COLLECTION_SCHEMAS[name] as AnySchema;
  const fields = schemaFields(schema);
  const editor = editorFields(collection?.fields ?? []);

  test('is a collection of the editor, in its folder, in the contributors\' file format', () => {
    expect(collection).toMatchObject({ folder: `content/${name}`, extension: 'md', format: `claimtrail-${name}`, create: true });
  });

  test('every schema field has an editor field, and the editor has no other (but the text below)', () => {
    expect([...editor.keys()].filter((path) => path !== BODY_FIELD.name).sort()).toEqual(fields.map((field) => field.path).sort());
  });

  test('a field is required in the editor exactly when the schema requires it (inside an optional group, its hint says so)', () => {
    const optionalGroups = fields.filter(({ path, schema: field }) => !path.endsWith('[]') && editor.get(path)?.widget === 'object'
      && z.safeParse(field as z.ZodType, undefined).success).map(({ path }) => `${path}.`);
    for (const { path, schema: field } of fields) {
      const required = !z.safeParse(field as z.ZodType, undefined).success;
      const group = optionalGroups.find((prefix) => path.startsWith(prefix) && !path.slice(prefix.length).includes('[]'));
      if (group && required) {
        expect(editor.get(path)?.required, path).toBe(false);
        expect(editor.get(path)?.hint, path).toMatch(/Needed when .+ is filled in\.$/);
      } else {
        expect(editor.get(path)?.required !== false, path).toBe(required);
      }
    }
  });

  test('every field shows its documentation from src/schemas/ as its hint', () => {
    for (const { path } of fields) expect(editor.get(path)?.hint, path).toMatch(/\w/);
  });

  test('enums are select lists of exactly their values; references are pickers from their collection', () => {
    for (const { path, schema: field } of fields) {
      const { inner, meta } = unwrap(field);
      const def = inner._zod.def as unknown as { type: string; entries?: Record<string, string>; element?: AnySchema };
      const shown = editor.get(path) as EditorField;
      const element = def.type === 'array' && def.element ? unwrap(def.element) : undefined;
      const references = meta.references ?? element?.meta.references;
      if (references) {
        expect(shown, path).toMatchObject({ widget: 'relation', collection: references, value_field: '{{slug}}' });
        expect(shown.multiple ?? false, path).toBe(def.type === 'array');
      }
      const entries = def.type === 'enum' ? def.entries : (element?.inner._zod.def as { entries?: Record<string, string> } | undefined)?.entries;
      if (entries) {
        expect(shown.widget, path).toBe('select');
        expect(shown.options?.map((option) => option.value), path).toEqual(Object.values(entries));
      }
    }
  });

  test('a pattern never refuses a value the schema accepts, and refuses what it rejects by shape', () => {
    const samples = [
      '2022', '2022-05', '2022-12-06', '2024-02-29', '2022-02-30', '2022-13', '2022-5', 'May 2022', '22',
      'ali-maisam-nazary', 'Ali Nazary', 'x--y', '', 'x'.repeat(320), 'x'.repeat(321),
      'https://www.example.org/article', ' https://example.org/a b ', 'http://example.org', 'https://localhost/a.b', 'javascript:alert(1)',
    ];
    for (const { path, schema: field } of fields) {
      const pattern = editor.get(path)?.pattern;
      if (!pattern) continue;
      const regex = new RegExp(pattern[0]);
      for (const sample of samples) {
        if (z.safeParse(field as z.ZodType, sample).success) expect(regex.test(sample), `${path}: ${sample}`).toBe(true);
      }
      expect(pattern[1], path).toMatch(/\w/);
    }
  });
});

test('statuses are chosen from the rating scale by their labels', () => {
  const status = editorFields(collections.find((c) => c.name === 'claims')?.fields ?? []).get('status');
  expect(status?.options).toEqual(RATING_SCALE.map((rating) => ({ label: rating.label, value: rating.value })));
});

test('forecast outcomes and link types read as the site shows them', () => {
  const fields = editorFields(collections.find((c) => c.name === 'claims')?.fields ?? []);
  expect(fields.get('forecast.outcome')?.options).toEqual(OUTCOMES.map((outcome) => ({ label: outcome.label, value: outcome.value })));
  expect(fields.get('related[].type')?.options).toEqual(LINK_TYPES.map((type) => ({ label: type.outgoing, value: type.value })));
});

test('figures pick their measure from content/measures/', () => {
  const fields = editorFields(collections.find((c) => c.name === 'claims')?.fields ?? []);
  expect(fields.get('figures[].measure')).toMatchObject({ widget: 'relation', collection: 'measures', search_fields: ['title'] });
  expect(collections.map((c) => c.name)).toContain('measures');
});

test('links and lengths are checked in the form too', () => {
  const fields = editorFields(collections.find((c) => c.name === 'claims')?.fields ?? []);
  const url = new RegExp(fields.get('appearances[].url')?.pattern?.[0] ?? '(?!)');
  expect(['https://www.example.org/article'].every((value) => url.test(value))).toBe(true);
  expect(['http://example.org/article', 'javascript:alert(1)', 'www.example.org'].some((value) => url.test(value))).toBe(false);
  const summary = new RegExp(fields.get('summary')?.pattern?.[0] ?? '(?!)');
  expect(summary.test('x'.repeat(320))).toBe(true);
  expect(summary.test('x'.repeat(321))).toBe(false);
});

test('partial dates refuse in the form what validate refuses by shape', () => {
  const date = editorFields(collections.find((c) => c.name === 'claims')?.fields ?? []).get('date');
  const regex = new RegExp(date?.pattern?.[0] ?? '(?!)');
  expect(['2022', '2022-05', '2022-12-06'].every((value) => regex.test(value))).toBe(true);
  expect(['May 2022', '2022-13', '2022-5', '2022-12-6', '12/2022'].some((value) => regex.test(value))).toBe(false);
  expect(date?.pattern?.[1]).toBe('write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-12-06, 2022-12 or 2022');
});

test('any plain zod a new collection uses gets a field: objects, lists, enums, literals, numbers, optional', () => {
  // (Hints come from the JSDoc of src/schemas/, so these fields have none.)
  const schema = z.strictObject({
    count: z.number().int().min(0),
    confirmed: z.boolean().optional(),
    unit: z.union([z.literal('km'), z.literal('mi'), z.literal('m')]),
    place: z.strictObject({
      name: z.string(),
      lat: z.number().min(-90).max(90).optional(),
    }),
    tags: z.array(z.enum(['a', 'b'])).default([]),
    names: z.array(z.string()).optional(),
  });
  expect(objectFields(schema, () => 'name')).toMatchInlineSnapshot(`
    [
      {
        "label": "Count",
        "min": 0,
        "name": "count",
        "value_type": "int",
        "widget": "number",
      },
      {
        "label": "Confirmed",
        "name": "confirmed",
        "required": false,
        "widget": "boolean",
      },
      {
        "label": "Unit",
        "name": "unit",
        "options": [
          {
            "label": "Km",
            "value": "km",
          },
          {
            "label": "Mi",
            "value": "mi",
          },
          {
            "label": "M",
            "value": "m",
          },
        ],
        "widget": "select",
      },
      {
        "fields": [
          {
            "label": "Name",
            "name": "name",
            "widget": "string",
          },
          {
            "label": "Lat",
            "max": 90,
            "min": -90,
            "name": "lat",
            "required": false,
            "value_type": "float",
            "widget": "number",
          },
        ],
        "label": "Place",
        "name": "place",
        "widget": "object",
      },
      {
        "label": "Tags",
        "multiple": true,
        "name": "tags",
        "options": [
          {
            "label": "A",
            "value": "a",
          },
          {
            "label": "B",
            "value": "b",
          },
        ],
        "required": false,
        "widget": "select",
      },
      {
        "field": {
          "label": "Names",
          "name": "item",
          "widget": "string",
        },
        "label": "Names",
        "name": "names",
        "required": false,
        "widget": "list",
      },
    ]
  `);
});

test('a zod type the editor cannot show fails loudly, naming the field', () => {
  expect(() => editorField('when', z.date(), undefined, () => 'name')).toThrow('when: the editor has no widget for a zod "date" field');
});

test('GitHub with the editorial workflow and open authoring, on the repository named in src/site.config.ts', async () => {
  const config = parse(await (await GET({} as never)).text());
  expect(config).toEqual(JSON.parse(JSON.stringify(editorConfig())));
  expect(config.backend).toMatchObject({ name: 'github', repo: repositoryName(SITE.repository), branch: SITE.branch, open_authoring: true });
  expect(SITE.repository).toBe(`https://github.com/${config.backend.repo}`);
  expect(config.publish_mode).toBe('editorial_workflow');
  expect(config.local_backend).toBe(true);
  expect(() => repositoryName('https://gitlab.com/a/b')).toThrow('SITE.repository');
});
