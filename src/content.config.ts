/**
 * The content collections. Every one is read from `content/` by the project's own loader,
 * which validates all files together (see src/lib/content/load.ts).
 */
import { defineCollection } from 'astro:content';
import { contentLoader } from './lib/content/loader.ts';

export const collections = {
  claims: defineCollection({ loader: contentLoader('claims') }),
  people: defineCollection({ loader: contentLoader('people') }),
  outlets: defineCollection({ loader: contentLoader('outlets') }),
  topics: defineCollection({ loader: contentLoader('topics') }),
  measures: defineCollection({ loader: contentLoader('measures') }),
};
