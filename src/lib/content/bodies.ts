/**
 * Rendered Markdown bodies, kept beside Astro's data store instead of in it.
 *
 * Astro inlines its whole data store into the server bundle as one string. The rendered
 * bodies were more than half of it (21 of 34 MB at 10,000 claims), and copying them
 * through the bundler and parsing them back cost the build about 670 MB of peak memory.
 * So the content loader renders every body during sync and keeps the HTML here, and the
 * catalog reads it by collection and id. Sync and page rendering run in one process
 * (`astro build`, `astro dev`), so the store is shared through `globalThis`.
 *
 * Each entry in Astro's store carries the digest of its Markdown; a body that is missing
 * or was rendered from other Markdown fails loudly instead of publishing a page without
 * its analysis.
 */
import type { CollectionName } from '../../schemas/common.ts';

export interface RenderedBody {
  /** Digest of the Markdown the HTML was rendered from. */
  digest: string;
  html: string;
}

interface Store {
  bodies: Map<CollectionName, Map<string, RenderedBody>>;
  /** Bumped on every refill: `astro dev` refills when content changes. */
  version: number;
}

const KEY = Symbol.for('claimtrail.rendered-bodies');
const globalStore = globalThis as { [KEY]?: Store };
const store = (globalStore[KEY] ??= { bodies: new Map(), version: 0 });

/** Replaces a collection's bodies (the loader refills a whole collection on every sync). */
export function setBodies(collection: CollectionName, rendered: Map<string, RenderedBody>): void {
  store.bodies.set(collection, rendered);
  store.version++;
}

/** Changes whenever content was reloaded, so what is derived from it can be rebuilt. */
export function contentVersion(): number {
  return store.version;
}

/** The HTML of an entry's body; '' for an entry without one. */
export function bodyHtml(collection: CollectionName, id: string, digest: string | number | undefined): string {
  const body = store.bodies.get(collection)?.get(id);
  if (!body || body.digest !== digest) {
    throw new Error(`The rendered body of ${collection}/${id} is ${body ? 'out of date' : 'missing'}: it is made when content syncs, in the same process as the build.`);
  }
  return body.html;
}
