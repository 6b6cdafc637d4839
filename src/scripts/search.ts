/**
 * The search page's behaviour: runs Pagefind for the form's query, filters and order,
 * keeps all of it in the URL (shareable, bookmarkable, back/forward work), announces
 * the result count, and loads each batch of results in one parallel round of requests.
 *
 * Results are built as DOM nodes from text; Pagefind's excerpt is read for its text and
 * its <mark> highlights only, so nothing from the index can become markup or script.
 */

import { SEARCH_FILTER_NAMES as FILTERS, SEARCH_SORTS, SEARCH_TYPES, type SearchFilter, type SearchSort } from '../lib/search/fields.ts';

interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  search(term: string | null, options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse>;
}

/** Results shown at first and per "Show more": each one costs a small fetch. */
const BATCH = 10;
const SITE_NAME = document.title.split(' · ').at(-1) ?? 'Claimtrail';

interface State {
  q: string;
  filters: Partial<Record<SearchFilter, string>>;
  sort: '' | SearchSort;
}

const form = document.getElementById('search') as HTMLFormElement;
const query = document.getElementById('search-query') as HTMLInputElement;
const status = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const badges = (document.getElementById('status-badges') as HTMLTemplateElement).content;
(document.getElementById('search-filters') as HTMLFieldSetElement).hidden = false;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // A variable path keeps the bundler from resolving it: the index is written after the build.
  const path = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ path) as Promise<Pagefind>).then(async (module) => {
    await module.options({ excerptLength: 26 });
    await module.init();
    return module;
  });
  return pagefind;
}

function readState(search: string): State {
  const params = new URLSearchParams(search);
  const filters: State['filters'] = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const sort = params.get('sort');
  return { q: (params.get('q') ?? '').trim(), filters, sort: sort && sort in SEARCH_SORTS ? (sort as SearchSort) : '' };
}

function formState(): State {
  return readState(`?${new URLSearchParams(new FormData(form) as unknown as Record<string, string>)}`);
}

function toUrl(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name] as string);
  if (state.sort) params.set('sort', state.sort);
  const search = params.toString();
  return search ? `${location.pathname}?${search}` : location.pathname;
}

function writeForm(state: State): void {
  query.value = state.q;
  for (const name of FILTERS) {
    const select = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (select) select.value = state.filters[name] ?? '';
  }
  (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
}

/** The words of a query, for highlighting the claim's own words. */
function terms(q: string): string[] {
  return q.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((t) => t.length > 1);
}

function highlighted(text: string, words: string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (!words.length) {
    fragment.append(text);
    return fragment;
  }
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  text.split(pattern).forEach((part, index) => {
    if (index % 2) {
      const mark = document.createElement('mark');
      mark.textContent = part;
      fragment.append(mark);
    } else if (part) {
      fragment.append(part);
    }
  });
  return fragment;
}

/** Pagefind's excerpt as text with its <mark> highlights, and nothing else. */
function excerpt(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const node of Array.from(parsed.body.childNodes)) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(node.textContent ?? '');
    }
  }
  return fragment;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

function renderResult(data: PagefindFragment, words: string[]): HTMLLIElement {
  const type = data.filters['type']?.[0] ?? 'claim';
  const meta = element('p', 'result-meta');
  if (type === 'claim' && data.meta['status']) {
    const badge = badges.querySelector(`.status--${CSS.escape(data.meta['status'])}`);
    if (badge) meta.append(badge.cloneNode(true), ' ');
    meta.append([data.meta['speaker'], data.meta['date']].filter(Boolean).join(', '));
  } else {
    meta.append(type in SEARCH_TYPES ? SEARCH_TYPES[type as keyof typeof SEARCH_TYPES].label : type);
  }
  const link = element('a', 'result-title', highlighted(data.meta['title'] ?? data.url, words));
  link.href = data.url;
  return element('li', 'result', link, meta, element('p', 'result-excerpt', excerpt(data.excerpt)));
}

function describe(state: State, count: number): string {
  const narrowed = Object.keys(state.filters).length > 0;
  const what = state.q ? ` for “${state.q}”` : '';
  if (count === 0) {
    return `No results${what}${narrowed ? ' with these filters' : ''}. Try other words${narrowed ? ', or clear the filters' : ''}.`;
  }
  return `${count} ${count === 1 ? 'result' : 'results'}${what}${narrowed ? ', filtered' : ''}.`;
}

let generation = 0;
let results: PagefindResult[] = [];
let shown = 0;
let currentWords: string[] = [];

async function showMore(run: number): Promise<void> {
  const batch = results.slice(shown, shown + BATCH);
  // All of a batch's fragments are requested at once: one round trip, not one per result.
  const fragments = await Promise.all(batch.map((result) => result.data()));
  if (run !== generation) return;
  list.append(...fragments.map((data) => renderResult(data, currentWords)));
  shown += batch.length;
  more.hidden = shown >= results.length;
}

async function run(state: State, history: 'push' | 'replace' | 'none'): Promise<void> {
  const current = ++generation;
  if (history !== 'none' && toUrl(state) !== `${location.pathname}${location.search}`) {
    window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', toUrl(state));
  }
  const empty = !state.q && Object.keys(state.filters).length === 0;
  document.title = empty ? `Search · ${SITE_NAME}` : `${state.q || 'Filtered claims'}: search · ${SITE_NAME}`;
  if (empty) {
    results = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching…';
  try {
    const engine = await loadPagefind();
    const response = await engine.search(state.q || null, {
      filters: state.filters as Record<string, string>,
      ...(state.sort ? { sort: { ...SEARCH_SORTS[state.sort].sort } } : {}),
    });
    if (current !== generation) return;
    results = response.results;
    shown = 0;
    currentWords = terms(state.q);
    list.replaceChildren();
    await showMore(current);
    if (current === generation) status.textContent = describe(state, results.length);
  } catch (error) {
    if (current === generation) status.textContent = 'Search could not load. Please reload the page, or browse the lists of claims.';
    throw error;
  }
}

let typing: ReturnType<typeof setTimeout> | undefined;
let preloading: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void run(formState(), 'push');
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) void run(formState(), 'push');
});
query.addEventListener('input', () => {
  // While the reader types, fetch the index chunks for the words so far; when the search
  // runs, only the results' own fragments are left to fetch, in one parallel round.
  clearTimeout(preloading);
  preloading = setTimeout(() => {
    const words = query.value.trim();
    if (words) void loadPagefind().then((engine) => engine.preload(words));
  }, 60);
  clearTimeout(typing);
  typing = setTimeout(() => void run(formState(), 'replace'), 250);
});
query.addEventListener('focus', () => void loadPagefind(), { once: true });
form.addEventListener('reset', () => {
  setTimeout(() => {
    void run(formState(), 'push');
    query.focus();
  });
});
more.addEventListener('click', () => {
  const firstNew = shown;
  void showMore(generation).then(() => (list.children[firstNew]?.querySelector('a') as HTMLElement | null)?.focus());
});
window.addEventListener('popstate', () => {
  const state = readState(location.search);
  writeForm(state);
  void run(state, 'none');
});

const initial = readState(location.search);
writeForm(initial);
void run(initial, 'none');
