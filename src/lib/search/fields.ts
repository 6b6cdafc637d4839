/**
 * The search's fields, named once: the kinds of page indexed, the filters (with their
 * labels on the search form), the meta shown with a result and the sort orders. The
 * search page, its script, every indexed page (through SearchFields) and the indexer
 * read them from here. Plain data: the browser script imports it too.
 */

/** Every kind of indexed page, with its folder in the built site. */
export const SEARCH_TYPES = {
  claim: { label: 'Claim', plural: 'Claims', folder: 'claims' },
  person: { label: 'Person or organisation', plural: 'People and organisations', folder: 'people' },
  outlet: { label: 'Outlet', plural: 'Outlets', folder: 'outlets' },
  topic: { label: 'Topic', plural: 'Topics', folder: 'topics' },
  place: { label: 'Place', plural: 'Places', folder: 'places' },
} as const;

export type SearchType = keyof typeof SEARCH_TYPES;

/** The filters, in the order the form shows them; each is also a URL parameter. */
export const SEARCH_FILTERS = {
  type: { label: 'Show', any: 'Everything' },
  status: { label: 'Status', any: 'Any status' },
  speaker: { label: 'Speaker', any: 'Anyone' },
  outlet: { label: 'Outlet', any: 'Any outlet' },
  topic: { label: 'Topic', any: 'Any topic' },
  place: { label: 'Place', any: 'Anywhere' },
  year: { label: 'Year said', any: 'Any year' },
} as const;

export type SearchFilter = keyof typeof SEARCH_FILTERS;
export const SEARCH_FILTER_NAMES = Object.keys(SEARCH_FILTERS) as SearchFilter[];

/** What a claim result shows besides its title. */
export type SearchMeta = 'speaker' | 'date' | 'status' | 'quote';

/** The orders the form offers besides best match, as Pagefind sorts. */
export const SEARCH_SORTS = {
  newest: { label: 'Newest said first (claims)', sort: { date: 'desc' } },
  oldest: { label: 'Oldest said first (claims)', sort: { date: 'asc' } },
} as const;

export type SearchSort = keyof typeof SEARCH_SORTS;

/** What one indexed page declares: its filters, meta and sort keys. */
export interface SearchRecord {
  filters: { type: SearchType } & Partial<Record<Exclude<SearchFilter, 'type'>, string | readonly string[]>>;
  meta?: Partial<Record<SearchMeta, string>>;
  sort?: { date: string };
}

/** The pages Pagefind reads: one folder deep under each type's folder (lists live deeper). */
export const INDEXED_PAGES = `{${Object.values(SEARCH_TYPES).map((type) => type.folder).join(',')}}/*/index.html`;
