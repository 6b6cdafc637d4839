/**
 * The rules of the method in prose, once: the methodology page prints them and a test
 * holds CONTRIBUTING.md to the same words, so the published method, the contributor's
 * guide and the validator (src/lib/content/method.ts) say the same thing. `code` is in
 * backticks.
 */
export const METHOD_RULES_PROSE: { rule: string; text: string }[] = [
  { rule: 'Corroborated and partly corroborated',
    text: 'need a `supports` item whose originator is independent of the speaker\'s side.' },
  { rule: 'Contradicted',
    text: 'needs a `contradicts` item whose originator is independent of the speaker\'s side.' },
  { rule: 'Disputed',
    text: 'needs a `contradicts` item from a party to the conflict other than the speaker\'s side. A denial by the speaker\'s own side disputes nothing.' },
  { rule: 'The speaker\'s own word is context.',
    text: 'An item whose originator is the speaker or on the speaker\'s side can only have `stance: context`; so can an item whose words are the claim\'s own sentence in the same source ("he reaffirmed a recent UN report…" is the claim, not evidence for it).' },
  { rule: 'No circles.',
    text: 'When an evidence item quotes another recorded claim, it names it in `claim:`; a rating cannot rest on a claim whose own rating rests on it.' },
  { rule: 'Later evidence says why it bears.',
    text: 'A `supports` or `contradicts` item dated more than six months after the claim needs a `bearing:` saying why it bears on the claim as it was said; otherwise it is context, and the page marks it as later evidence.' },
  { rule: 'Sources come after the claim.',
    text: 'No source is dated before the claim was said, and appearances are listed oldest first.' },
  { rule: 'Words are in their source.',
    text: 'Where the source\'s text is at hand, every appearance\'s words and every evidence item\'s `words` are in it, word for word.' },
];

/** "Independent" as the rules use it. */
export const INDEPENDENT_PROSE =
  'An originator is independent of a claim when it is not the speaker, not on the speaker\'s side, and not another party to the conflict. Sides are recorded for speakers and sources, so this is computed from the records, not asserted.';
