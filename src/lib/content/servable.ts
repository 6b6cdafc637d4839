/**
 * What `astro dev` can serve while some files have problems: the valid entries, less any
 * that name a left-out file (a claim whose speaker's file is broken), and why each of
 * those is left out. A build never gets here: any problem stops it.
 */
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type ValidEntry } from './collections.ts';
import type { EntriesByCollection, LoadedContent } from './load.ts';
import type { Problem } from './problems.ts';
import { formatPath } from './problems.ts';
import { forEachReference } from './schema-walk.ts';

export interface Servable {
  entries: EntriesByCollection;
  /** One line per entry left out because it names a left-out file. */
  leftOut: Problem[];
}

export function servable(content: LoadedContent): Servable {
  // Copies, so leaving an entry out here never changes what validation loaded.
  const entries = Object.fromEntries(COLLECTION_NAMES.map((collection) =>
    [collection, new Map<string, ValidEntry>(content.entries[collection])])) as unknown as EntriesByCollection;
  const leftOut: Problem[] = [];
  // Leaving one out can strand another that names it, so go round until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const collection of COLLECTION_NAMES) {
      for (const entry of [...entries[collection].values()] as ValidEntry[]) {
        let missing: Problem | undefined;
        forEachReference(COLLECTION_SCHEMAS[collection], entry.data, (path, target, id) => {
          if (missing || entries[target].has(id)) return;
          missing = { file: entry.file, field: formatPath(path), message: `names content/${target}/${id}.md, which has problems or is left out`, hint: 'fix that file first' };
        });
        if (missing) {
          entries[collection].delete(entry.id);
          leftOut.push(missing);
          changed = true;
        }
      }
    }
  }
  return { entries, leftOut };
}
