/**
 * Building blocks shared by every content schema: ids, text, https URLs, languages.
 *
 * Each helper carries its own human message so that `npm run validate` can say what
 * is wrong and what would be right without a second table of explanations.
 */
import { z } from 'astro/zod';

/** Ids are file names: lowercase words joined by hyphens, e.g. `ali-maisam-nazary`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The collections an id can point into. */
export type CollectionName = 'claims' | 'people' | 'outlets' | 'topics' | 'measures' | 'places';

/**
 * A reference to another content file by id. Only the shape is checked here; whether the
 * file exists is checked in `src/lib/content/rules.ts`, because Astro's own `reference()`
 * only logs a broken link instead of failing the build.
 */
export function entryId(collection: CollectionName) {
  return z
    .string({ error: `must be an id from content/${collection}/` })
    .regex(ID_PATTERN, {
      error: `must be an id from content/${collection}/: lowercase letters, digits and hyphens`,
    })
    .meta({ references: collection });
}

/** Non-empty text with surrounding white space removed. */
export const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'is empty' });

/** Only https links reach the page: mixed content and `javascript:` URLs never do. */
export const httpsUrl = z
  .string({ error: 'must be an https:// link' })
  .trim()
  .refine((value) => {
    if (!value.startsWith('https://')) return false;
    try {
      return new URL(value).hostname.includes('.');
    } catch {
      return false;
    }
  }, { error: 'must be a full https:// link', params: { hint: 'e.g. https://www.example.org/article' } })
  // For forms that check as one types: the shape only; the check above has the last word.
  .meta({ pattern: { regex: /^\s*https:\/\/[^/\s]*\.[\s\S]*$/, message: 'must be a full https:// link, e.g. https://www.example.org/article' } });

/**
 * A BCP 47 language tag such as `fa` (Dari/Persian), `ps` (Pashto) or `ar`.
 * `Intl` already knows which tags are well formed, so no list is kept here.
 */
export const languageTag = z.string({ error: 'must be a language tag' }).refine((value) => {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}, { error: 'must be a language tag', params: { hint: 'e.g. fa for Dari, ps for Pashto, ar for Arabic' } });

/** Scripts written right to left, by primary language subtag. */
const RIGHT_TO_LEFT = new Set(['ar', 'dv', 'fa', 'he', 'ks', 'ku', 'prs', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The text direction of a language tag, for the `dir` attribute. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const primary = tag.toLowerCase().split('-')[0] ?? '';
  return RIGHT_TO_LEFT.has(primary) ? 'rtl' : 'ltr';
}
