/**
 * The documentation of each schema field, read once from the JSDoc comments in
 * `src/schemas/`, where the fields are documented for the people who read the code.
 * The editor shows it as each field's hint, so a field is explained in one place.
 *
 * zod keeps no comments at runtime, so the schema sources are parsed (at build time, by
 * Vite's `import.meta.glob`) with TypeScript's parser: every object literal passed to
 * `z.object`, `z.strictObject` or `z.looseObject` gives its keys and their comments, and a
 * schema object is matched to the literals with its keys.
 */
import ts from 'typescript';

const SOURCES = import.meta.glob('../../schemas/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const OBJECT_FACTORIES = new Set(['object', 'strictObject', 'looseObject']);

interface DocumentedObject {
  keys: string[];
  docs: Map<string, string>;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** The JSDoc text of a property, its lines joined into one paragraph. */
function jsDocOf(node: ts.Node): string | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const text = docs?.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join(' ');
  return text ? text.replace(/\s+/g, ' ').trim() : undefined;
}

function documentedObjects(file: string, source: string): DocumentedObject[] {
  const found: DocumentedObject[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      OBJECT_FACTORIES.has(node.expression.name.text) &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const keys: string[] = [];
      const docs = new Map<string, string>();
      for (const property of node.arguments[0].properties) {
        const key = property.name ? propertyName(property.name) : undefined;
        if (!key) continue;
        keys.push(key);
        const doc = jsDocOf(property);
        if (doc) docs.set(key, doc);
      }
      found.push({ keys, docs });
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true));
  return found;
}

let objects: DocumentedObject[] | undefined;

/**
 * The comments on an object schema's fields, by key: those of the object literal in
 * `src/schemas/` with exactly these keys, and then, for a schema made with `.extend()`,
 * of the largest literals whose keys are all among them.
 */
export function fieldDocs(keys: readonly string[]): ReadonlyMap<string, string> {
  objects ??= Object.entries(SOURCES).flatMap(([file, source]) => documentedObjects(file, source));
  const wanted = new Set(keys);
  const candidates = objects
    .filter((object) => object.keys.every((key) => wanted.has(key)))
    .sort((a, b) => b.keys.length - a.keys.length);
  const docs = new Map<string, string>();
  for (const candidate of candidates) {
    for (const [key, doc] of candidate.docs) if (!docs.has(key)) docs.set(key, doc);
  }
  return docs;
}
