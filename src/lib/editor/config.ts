/**
 * The configuration of the content editor at /admin/ (Decap CMS), generated from the
 * collection schemas at build time and served as `/admin/config.yml`. Nothing in it is
 * written by hand twice: the collections are `COLLECTION_SCHEMAS`, their fields are the
 * schemas' fields (src/lib/editor/fields.ts), the repository is `SITE.repository`.
 */
import type { z } from 'astro/zod';
import { COLLECTION_SCHEMAS } from '../content/collections.ts';
import type { CollectionName } from '../../schemas/common.ts';
import { SITE } from '../../site.config.ts';
import { isOptional, labelOf, objectFields, type EditorField } from './fields.ts';
import { unwrap } from '../content/schema-walk.ts';

type AnySchema = z.core.$ZodType;

/** The name of the custom file format of a collection (registered by src/scripts/editor.ts). */
export const formatName = (collection: string) => `claimtrail-${collection}`;

/** The Markdown after the fields, edited as plain text so it is saved exactly as typed. */
export const BODY_FIELD: EditorField = {
  name: 'body',
  label: 'Text below the fields',
  widget: 'text',
  required: false,
  hint: 'Optional. Plain Markdown in your own words: paragraphs, *italics*, **bold**, [links](https://example.org). No HTML.',
};

/** "claimtrail/claimtrail" from "https://github.com/claimtrail/claimtrail". */
export function repositoryName(url: string = SITE.repository): string {
  const match = /^https:\/\/github\.com\/([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url);
  if (!match?.[1]) throw new Error(`SITE.repository must be a https://github.com/owner/name address, not ${url}`);
  return match[1];
}

const IRREGULAR_SINGULARS: Record<string, string> = { people: 'person' };
const singularOf = (collection: string) => IRREGULAR_SINGULARS[collection] ?? collection.replace(/s$/, '');

const shapeOf = (schema: AnySchema) =>
  (unwrap(schema).inner._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape ?? {};

/**
 * The field an entry is known by: the first required plain-text field (a claim's words,
 * a person's name, a topic's title), else the first text field. Relation pickers search
 * and show it, and new files are named from it.
 */
export function identifierField(collection: CollectionName): string {
  const fields = Object.entries(shapeOf(COLLECTION_SCHEMAS[collection] as AnySchema)).filter(([, field]) => {
    const { inner, meta } = unwrap(field);
    return !meta.references && (inner._zod.def as { type: string }).type === 'string';
  });
  const found = fields.find(([, field]) => !isOptional(field)) ?? fields[0];
  return found?.[0] ?? 'title';
}

/**
 * File names as contributors choose them (CONTRIBUTING.md): lowercase words joined by
 * hyphens from the entry's name; a claim's starts with its speaker, so files of one
 * speaker sort together. Decap makes the words ASCII, lowercase and hyphenated.
 */
function slugTemplate(collection: CollectionName): string {
  const speaker = Object.entries(shapeOf(COLLECTION_SCHEMAS[collection] as AnySchema)).find(
    ([, field]) => !isOptional(field) && unwrap(field).meta.references === 'people',
  );
  return speaker ? `{{fields.${speaker[0]}}}-{{slug | truncate(48, '-')}}` : `{{slug | truncate(60, '-')}}`;
}

export interface EditorCollection {
  name: string;
  label: string;
  label_singular: string;
  folder: string;
  extension: 'md';
  format: string;
  create: true;
  delete: false;
  identifier_field: string;
  slug: string;
  summary: string;
  fields: EditorField[];
}

export function editorCollections(): EditorCollection[] {
  return (Object.keys(COLLECTION_SCHEMAS) as CollectionName[]).map((name) => {
    const identifier = identifierField(name);
    return {
      name,
      label: labelOf(name),
      label_singular: labelOf(singularOf(name)),
      folder: `content/${name}`,
      extension: 'md',
      format: formatName(name),
      create: true,
      // Removing a file others point at breaks them; deletions go through a maintainer.
      delete: false,
      identifier_field: identifier,
      slug: slugTemplate(name),
      summary: `{{${identifier}}}`,
      fields: [...objectFields(COLLECTION_SCHEMAS[name] as AnySchema, identifierField), BODY_FIELD],
    };
  });
}

/** The whole configuration, as `/admin/config.yml` serves it. */
export function editorConfig() {
  return {
    backend: {
      name: 'github',
      repo: repositoryName(),
      branch: SITE.branch,
      // Anyone with a GitHub account can propose a change: without write access, the
      // editor forks the repository and opens the pull request from the fork.
      open_authoring: true,
      auth_scope: 'public_repo',
      commit_messages: {
        create: 'Add {{collection}} “{{slug}}” (content editor)',
        update: 'Update {{collection}} “{{slug}}” (content editor)',
        delete: 'Delete {{collection}} “{{slug}}” (content editor)',
        uploadMedia: 'Upload “{{path}}” (content editor)',
        deleteMedia: 'Delete “{{path}}” (content editor)',
        openAuthoring: '{{message}}',
      },
    },
    // Every change is a pull request that a maintainer reviews and merges.
    publish_mode: 'editorial_workflow',
    // `npm run cms`: on this machine, the editor talks to decap-server instead of GitHub
    // (src/scripts/editor.ts points it at the page's own origin).
    local_backend: true,
    site_url: SITE.url,
    display_url: SITE.url,
    locale: SITE.language,
    // Nothing uploads files; Decap requires a folder all the same.
    media_folder: 'public/media',
    show_preview_links: false,
    editor: { preview: false },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: editorCollections(),
  };
}

