/**
 * The people, outlet, source, side and topic schemas (src/schemas/), each
 * rule with a valid and an invalid file.
 */
import { describe, expect, test } from 'vitest';
import { OUTLET_KINDS } from '../../src/schemas/outlet.ts';
import { PERSON_KINDS } from '../../src/schemas/person.ts';
import { ORGANISATION_FILE, OUTLET_FILE, SIDE_FILE, SOURCE_FILE, SPEAKER_FILE, TOPIC_FILE, loadFixture } from './support/content-fixture.ts';

describe('people', () => {
  test('every kind is accepted', async () => {
    for (const kind of PERSON_KINDS) {
      const result = await loadFixture({ 'people/someone.md': { fields: { name: 'Someone', kind } } });
      expect(result.lines, kind).toEqual([]);
    }
  });

  test('required fields', async () => {
    const result = await loadFixture({ [ORGANISATION_FILE]: { fields: { name: undefined, kind: undefined } } });
    expect(result.report).toMatchInlineSnapshot(`
      "content/people/national-resistance-front.md:2: name: is required (e.g. name: Ali Maisam Nazary)
      content/people/national-resistance-front.md:2: kind: is required (e.g. kind: person; allowed: person, organisation, unnamed)"
    `);
  });

  test('kind', async () => {
    const result = await loadFixture({ [SPEAKER_FILE]: { fields: { kind: 'organization' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/people/ali-maisam-nazary.md:3: kind: "organization" is not an allowed value (did you mean "organisation"? allowed: person, organisation, unnamed)"`);
  });

  test('aliases are a list of names', async () => {
    const result = await loadFixture({ [SPEAKER_FILE]: { fields: { aliases: 'Ali Nazary' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/people/ali-maisam-nazary.md:9: aliases: must be a list, not text "Ali Nazary""`);
  });

  test('url is https', async () => {
    expect((await loadFixture({ [SPEAKER_FILE]: { fields: { url: 'https://nrfafg.com/about' } } })).lines).toEqual([]);
    const result = await loadFixture({ [SPEAKER_FILE]: { fields: { url: 'ftp://nrfafg.com' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/people/ali-maisam-nazary.md:11: url: must be a full https:// link (e.g. https://www.example.org/article)"`);
  });

  test('unknown field', async () => {
    const result = await loadFixture({ [SPEAKER_FILE]: { fields: { affiliations: 'national-resistance-front' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/people/ali-maisam-nazary.md:11: affiliations: is not a field this file can have (did you mean "affiliation"?)"`);
  });
});

describe('outlets', () => {
  test('every kind is accepted, and country may be left out', async () => {
    for (const kind of OUTLET_KINDS) {
      const result = await loadFixture({ [OUTLET_FILE]: { fields: { kind, country: undefined } } });
      expect(result.lines, kind).toEqual([]);
    }
  });

  test('kind', async () => {
    const result = await loadFixture({ [OUTLET_FILE]: { fields: { kind: 'newspapers' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/outlets/new-york-sun.md:3: kind: "newspapers" is not an allowed value (did you mean "newspaper"? allowed: newspaper, magazine, broadcaster, news-agency, online-news, think-tank, social-media, official-document, other)"`);
  });

  test('homepage is a full https link', async () => {
    const result = await loadFixture({ [OUTLET_FILE]: { fields: { homepage: 'https://localhost' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/outlets/new-york-sun.md:4: homepage: must be a full https:// link (e.g. https://www.example.org/article)"`);
  });

  test('country is a two-letter code that exists', async () => {
    for (const country of ['GB', 'AF', 'AE']) {
      expect((await loadFixture({ [OUTLET_FILE]: { fields: { country } } })).lines, country).toEqual([]);
    }
    const result = await loadFixture({
      [OUTLET_FILE]: { fields: { country: 'us' } },
      'outlets/tolo-news.md': { fields: { name: 'TOLOnews', kind: 'broadcaster', homepage: 'https://tolonews.com', country: 'XX' } },
      'outlets/the-times.md': { fields: { name: 'The Times', kind: 'newspaper', homepage: 'https://www.thetimes.com', country: 'GBR' } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/outlets/new-york-sun.md:5: country: "us" is not a country code (write the two-letter ISO 3166 code in capitals, e.g. US, GB or AE)
      content/outlets/the-times.md:5: country: "GBR" is not a country code (write the two-letter ISO 3166 code in capitals, e.g. US, GB or AE)
      content/outlets/tolo-news.md:5: country: "XX" is not a country code (write the two-letter ISO 3166 code in capitals, e.g. US, GB or AE)"
    `);
  });
});

describe('topics', () => {
  test('title and description are required', async () => {
    const result = await loadFixture({ [TOPIC_FILE]: { fields: { title: undefined, description: undefined } } });
    expect(result.report).toMatchInlineSnapshot(`
      "content/topics/panjshir.md:2: title: is required (e.g. title: Foreign fighters)
      content/topics/panjshir.md:2: description: is required (e.g. description: Claims about fighters from abroad operating in Afghanistan.)"
    `);
  });

  test('no other fields', async () => {
    const result = await loadFixture({ [TOPIC_FILE]: { fields: { titel: 'Panjshir' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/topics/panjshir.md:4: titel: is not a field this file can have (did you mean "title"?)"`);
  });
});

describe('sources', () => {
  test('a kind from the list', async () => {
    const result = await loadFixture({ [SOURCE_FILE]: { fields: { kind: 'article' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/sources/nysun-liberated-districts.md:2: kind: "article" is not an allowed value (allowed: news-report, interview, analysis, summary, official-document, un-report, party-statement, press-release, social-media-post, testimony, research-report)"`);
  });

  test('an update comes after publication, at the precision both are written', async () => {
    expect((await loadFixture({ [SOURCE_FILE]: { fields: { published: '2022-12-06', updated: '2022-12' } } })).lines).toEqual([]);
    const result = await loadFixture({ [SOURCE_FILE]: { fields: { published: '2022-12-06', updated: '2022-11' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/sources/nysun-liberated-districts.md:7: updated: 2022-11 is before it was published (2022-12-06) (an update comes after publication; check both dates)"`);
  });

  test('the side it speaks for is a side', async () => {
    const result = await loadFixture({ [SOURCE_FILE]: { fields: { side: 'nrf' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/sources/nysun-liberated-districts.md:7: side: unknown side "nrf" (closest known: taliban, national-resistance-front; or add content/sides/nrf.md)"`);
  });
});

describe('sides and roles', () => {
  test('a side says whether it is a party to the conflict', async () => {
    const result = await loadFixture({ [SIDE_FILE]: { fields: { party: 'yes' } } });
    expect(result.report).toMatchInlineSnapshot(`"content/sides/national-resistance-front.md:3: party: must be true (a party to the conflict) or false, not text "yes" (e.g. party: true)"`);
  });

  test('a role says when it was held, or when a source described it', async () => {
    const result = await loadFixture({
      [SPEAKER_FILE]: { fields: { roles: [{ title: 'Spokesman' }, { title: 'Envoy', from: '2023', until: '2022' }] } },
    });
    expect(result.report).toMatchInlineSnapshot(`
      "content/people/ali-maisam-nazary.md:5: roles[0].seen: is empty, and the role has no from or until date (give from:/until: when known, or list in seen: the dates of the sources that describe the role)
      content/people/ali-maisam-nazary.md:8: roles[1].until: 2022 is before the role began (2023)"
    `);
  });
});
