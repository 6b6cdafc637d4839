import { inShard } from './shards.ts';

/** Lists longer than one page are split with stable URLs: `/claims/`, `/claims/page/2/`. */
export const PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  count: number;
  /** The list's first page URL, e.g. `/people/ali-maisam-nazary/`. */
  base: string;
}

export function paginate<T>(items: readonly T[], base: string): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  return Array.from({ length: count }, (_, index) => ({
    items: items.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE),
    number: index + 1,
    count,
    base,
  }));
}

/**
 * Static paths for a list route `[...path].astro`: the first page at the route's root
 * (`path` undefined), later pages at `page/<n>`. `params` adds the route's other
 * parameters, such as a person's `id`. In a sharded build, only this shard's pages.
 */
export function listPaths<T, P extends object>(pages: Page<T>[], props: P, params: Record<string, string> = {}) {
  return inShard(pages.map((page) => ({
    params: { ...params, path: page.number > 1 ? `page/${page.number}` : undefined },
    props: { ...props, page },
  })));
}

/**
 * Static paths for one list per item, such as each person's claims at
 * `/people/[id]/[...path]`: `list` picks the item's list, `url` its first page.
 */
export function listPathsEach<S extends { id: string }, T>(items: Iterable<S>, url: (id: string) => string, list: (item: S) => readonly T[]) {
  return [...items].flatMap((item) => listPaths(paginate(list(item), url(item.id)), { item }, { id: item.id }));
}
