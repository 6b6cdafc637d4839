/**
 * The content collections. Every one is read from `content/` by the project's loader,
 * after one validation pass over all files together (see src/lib/content/loader.ts). The
 * schemas give the entries their types; the fields themselves are kept beside Astro's
 * store, and the catalog (src/lib/catalog.ts) reads them from there.
 */
import { defineCollection } from 'astro:content';
import { COLLECTION_SCHEMAS } from './lib/content/collections.ts';
import { contentLoader } from './lib/content/loader.ts';

export const collections = {
  claims: defineCollection({ loader: contentLoader('claims'), schema: COLLECTION_SCHEMAS.claims }),
  people: defineCollection({ loader: contentLoader('people'), schema: COLLECTION_SCHEMAS.people }),
  outlets: defineCollection({ loader: contentLoader('outlets'), schema: COLLECTION_SCHEMAS.outlets }),
  topics: defineCollection({ loader: contentLoader('topics'), schema: COLLECTION_SCHEMAS.topics }),
  sources: defineCollection({ loader: contentLoader('sources'), schema: COLLECTION_SCHEMAS.sources }),
  sides: defineCollection({ loader: contentLoader('sides'), schema: COLLECTION_SCHEMAS.sides }),
  measures: defineCollection({ loader: contentLoader('measures'), schema: COLLECTION_SCHEMAS.measures }),
  places: defineCollection({ loader: contentLoader('places'), schema: COLLECTION_SCHEMAS.places }),
};
