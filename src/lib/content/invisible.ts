/**
 * Unicode's bidirectional embedding, override and isolate controls are invisible, and they
 * reorder the characters around them when displayed: a claim can show one thing and say
 * another, in the review diff as on the page ("Trojan Source", CVE-2021-42574). They are
 * rejected wherever they appear in a content file. The direction marks U+200E, U+200F and
 * U+061C, and the joiners Persian and Pashto spelling needs, are ordinary text and allowed:
 * the page sets the direction of original-language text itself (`directionOf`).
 */

const NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export const BIDI_HINT = 'delete it: it can make the text display differently from what it says';

/** The problem with the first bidirectional control in `text`, or undefined when it has none. */
export function bidiControlMessage(text: string): string | undefined {
  const char = BIDI_CONTROL.exec(text)?.[0];
  if (char === undefined) return undefined;
  const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
  return `contains an invisible bidirectional control character (U+${code} ${NAMES[char] ?? ''})`;
}

/** The path and problem of every string in parsed frontmatter that holds a bidirectional control. */
export function bidiControlsIn(data: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  if (typeof data === 'string') {
    const message = bidiControlMessage(data);
    return message ? [{ path, message }] : [];
  }
  if (Array.isArray(data)) return data.flatMap((item, index) => bidiControlsIn(item, [...path, index]));
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) => bidiControlsIn(value, [...path, key]));
  }
  return [];
}
