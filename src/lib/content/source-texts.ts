/**
 * The full texts of sources, where the repository's machine has them (the seed articles in
 * ../shared/seeds, or a folder named by CLAIMTRAIL_SOURCE_TEXTS), so the validator can
 * check that every appearance's and every evidence item's words are in their own source.
 * A text is matched to a source record by its first line, the title. Texts are read, never
 * published: they stay outside content/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** White space collapsed; curly and straight quotation marks and apostrophes made the same. */
export function normaliseWords(text: string): string {
  return text
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where source texts are read from: CLAIMTRAIL_SOURCE_TEXTS, else ../shared/seeds beside the project. */
export function sourceTextDirectory(root: string): string | undefined {
  const configured = process.env['CLAIMTRAIL_SOURCE_TEXTS'];
  if (configured) return resolve(root, configured);
  const seeds = resolve(root, '../shared/seeds');
  return existsSync(seeds) ? seeds : undefined;
}

/** Each `.txt` file in `dir`, normalised, by its normalised first line. */
export function readSourceTexts(dir: string | undefined): Map<string, string> {
  const texts = new Map<string, string>();
  if (!dir || !existsSync(dir)) return texts;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    texts.set(normaliseWords(text.split('\n', 1)[0] ?? ''), normaliseWords(text));
  }
  return texts;
}
