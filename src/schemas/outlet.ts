/**
 * `content/outlets/<id>.md`: where claims appear (a newspaper, a think tank's site, a
 * broadcaster, a social network, an official document series). The body describes it.
 */
import { z } from 'astro/zod';
import { httpsUrl, text } from './common.ts';

export const OUTLET_KINDS = [
  'newspaper',
  'magazine',
  'broadcaster',
  'news-agency',
  'online-news',
  'think-tank',
  'social-media',
  'official-document',
  'other',
] as const;

/** How each kind reads on the page. */
export const OUTLET_KIND_LABELS: Record<(typeof OUTLET_KINDS)[number], string> = {
  newspaper: 'Newspaper',
  magazine: 'Magazine',
  broadcaster: 'Broadcaster',
  'news-agency': 'News agency',
  'online-news': 'Online news',
  'think-tank': 'Think tank',
  'social-media': 'Social media',
  'official-document': 'Official document',
  other: 'Other',
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The country's English name, from its ISO 3166 code. */
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

export const outletSchema = z.strictObject({
  /** The outlet's name as it styles itself. */
  name: text.meta({ example: 'The New York Sun' }),
  /** What kind of outlet it is. */
  kind: z.enum(OUTLET_KINDS).meta({ example: 'newspaper' }),
  /** Its home page. */
  homepage: httpsUrl.meta({ example: 'https://www.nysun.com' }),
  /** Where it is based, as a two-letter ISO 3166 code; leave out for international bodies. */
  country: z
    .string({ error: 'must be a two-letter country code' })
    .refine((code) => /^[A-Z]{2}$/.test(code) && countryName(code) !== code, {
      error: (issue) => `"${String(issue.input)}" is not a country code`,
      params: { hint: 'write the two-letter ISO 3166 code in capitals, e.g. US, GB or AE' },
    })
    .optional()
    .meta({ example: 'US' }),
});

export type OutletData = z.output<typeof outletSchema>;
