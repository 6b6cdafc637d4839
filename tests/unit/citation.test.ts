/**
 * The "Cite this claim" text (src/lib/citation.ts): quotation marks only around verbatim
 * words, reported claims cited as the outlet's report, and the words never cut.
 */
import { describe, expect, test } from 'vitest';
import { citationText, type CitationParts } from '../../src/lib/citation.ts';

const parts = (overrides: Partial<CitationParts>): CitationParts => ({
  speaker: 'Ali Maisam Nazary',
  said: 'May 2022',
  words: 'There is intense fighting right now throughout Panjshir.',
  quote: true,
  outlet: 'The New York Sun',
  headline: 'Afghan Resistance Says It Liberated Districts',
  published: '10 May 2022',
  rating: 'Unverified',
  updated: '20 November 2026',
  url: 'https://claimtrail.org/claims/intense-fighting/',
  ...overrides,
});

describe('citationText', () => {
  test('verbatim words are quoted after the speaker, then the first report', () => {
    expect(citationText(parts({}))).toMatchInlineSnapshot(`"Ali Maisam Nazary, May 2022: “There is intense fighting right now throughout Panjshir.” First reported in The New York Sun, “Afghan Resistance Says It Liberated Districts”, 10 May 2022. Rated Unverified by Claimtrail, last updated 20 November 2026. https://claimtrail.org/claims/intense-fighting/"`);
  });

  test('reported words are cited as the outlet reported them, with no quotation marks of ours', () => {
    const text = citationText(parts({ quote: false, words: 'He said the NRF currently controls the valley' }));
    expect(text).toMatchInlineSnapshot(`"Ali Maisam Nazary, May 2022, as reported by The New York Sun, “Afghan Resistance Says It Liberated Districts”, 10 May 2022: He said the NRF currently controls the valley. Rated Unverified by Claimtrail, last updated 20 November 2026. https://claimtrail.org/claims/intense-fighting/"`);
    // The only quotation marks are the headline's.
    expect(text.match(/[“”]/g)).toHaveLength(2);
  });

  test('a reported sentence keeps its own final punctuation', () => {
    expect(citationText(parts({ quote: false, words: 'He asked whether the road was open?' }))).toContain(': He asked whether the road was open? Rated');
  });

  test.each([true, false])('long words are never cut (quote: %s)', (quote) => {
    const words = `${'The resistance said that fighters had taken the districts of the northern valley and '.repeat(4)}held them.`;
    expect(words.length).toBeGreaterThan(300);
    const text = citationText(parts({ quote, words }));
    expect(text).toContain(quote ? `“${words}”` : `: ${words} Rated`);
    expect(text).not.toContain('…');
  });
});
