/**
 * Characters that are not text: refused wherever they appear in a content file, with their
 * position, because they cannot be seen in a review and do harm on the page or in feeds.
 *
 * - Control characters (U+0000-U+001F except tab and line breaks, U+007F-U+009F) make the
 *   RSS feeds invalid XML and can drive a terminal.
 * - Unicode's bidirectional embedding, override and isolate controls reorder the characters
 *   around them when displayed: a claim can show one thing and say another ("Trojan Source",
 *   CVE-2021-42574).
 * - Invisible format characters (zero-width space, word joiner, soft hyphen, tag characters,
 *   a byte-order mark inside the text...) hide words from search and from a reviewer.
 * - U+FFFD, the replacement character, is what a file that is not UTF-8 turns into.
 *
 * The direction marks U+200E, U+200F and U+061C, and the zero-width joiner and non-joiner
 * Persian and Pashto spelling needs, are ordinary text and allowed: the page sets the
 * direction of original-language text itself (`directionOf`).
 */

const NAMES: Record<number, string> = {
  0x00: 'NULL', 0x0d: 'CARRIAGE RETURN', 0x0b: 'LINE TABULATION', 0x0c: 'FORM FEED', 0x1b: 'ESCAPE', 0x7f: 'DELETE',
  0xad: 'SOFT HYPHEN', 0x34f: 'COMBINING GRAPHEME JOINER', 0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE', 0x2060: 'WORD JOINER', 0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfffd: 'REPLACEMENT CHARACTER',
};

const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const FORMAT = /[\u00AD\u034F\u180E\u200B\u2060-\u2064\u206A-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;
const NOT_TEXT = new RegExp(`${BIDI.source}|${CONTROL.source}|${FORMAT.source}|\\uFFFD`, 'u');
/** A field's value comes from YAML, which turns every line break into \n: a \r was escaped in. */
const NOT_TEXT_IN_FIELD = new RegExp(`${NOT_TEXT.source}|\\r`, 'u');

export const BIDI_HINT = 'delete it: it can make the text display differently from what it says';

export interface NotText {
  /** 1-based position of the character in the text it was found in. */
  column: number;
  message: string;
  hint: string;
}

function describe(char: string, index: number, text: string): NotText {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code] ?? (code >= 0xe0000 ? 'TAG CHARACTER' : code < 0xa0 ? 'CONTROL CHARACTER' : 'INVISIBLE FORMAT CHARACTER');
  const column = [...text.slice(0, index)].length + 1;
  if (BIDI.test(char)) return { column, message: `contains an invisible bidirectional control character (${hex} ${name})`, hint: BIDI_HINT };
  if (code === 0xfffd) {
    return { column, message: `contains ${hex} ${name}, the mark of text that was not saved as UTF-8`,
      hint: 'save the file as UTF-8 and type the character again' };
  }
  const what = CONTROL.test(char) || code === 0x0d ? 'a control character' : 'an invisible character';
  return { column, message: `contains ${what} (${hex} ${name})`, hint: 'delete it: content is plain text that a reviewer can read' };
}

/** The first character in a body line that is not text, or undefined. */
export function notTextInLine(line: string): NotText | undefined {
  const match = NOT_TEXT.exec(line);
  return match ? describe(match[0], match.index, line) : undefined;
}

/** The first character in a field's value that is not text, or undefined. */
export function notTextInField(value: string): NotText | undefined {
  const match = NOT_TEXT_IN_FIELD.exec(value);
  return match ? describe(match[0], match.index, value) : undefined;
}
