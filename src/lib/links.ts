/** Every URL the site makes, in one place, so permalinks cannot drift apart. */
import { SITE } from '../site.config.ts';
import type { Status } from '../schemas/status.ts';

export const claimUrl = (id: string) => `/claims/${id}/`;
export const personUrl = (id: string) => `/people/${id}/`;
export const outletUrl = (id: string) => `/outlets/${id}/`;
export const topicUrl = (id: string) => `/topics/${id}/`;
export const placeUrl = (id: string) => `/places/${id}/`;
export const statusUrl = (status: Status) => `/status/${status}/`;
export const searchUrl = (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');

/** Page 1 of a list lives at its base URL; later pages at `<base>page/<n>/`. */
export const pageUrl = (base: string, page: number) => (page <= 1 ? base : `${base}page/${page}/`);

export const absoluteUrl = (path: string) => new URL(path, SITE.url).href;

/** The content file in the repository: editing it opens a pull request. */
export const editUrl = (file: string) => `${SITE.repository}/edit/${SITE.branch}/${file}`;
export const historyUrl = (file: string) => `${SITE.repository}/commits/${SITE.branch}/${file}`;

/**
 * The "Report a correction" issue form (.github/ISSUE_TEMPLATE/correction.yml), with the
 * claim's address filled in; the form applies the `correction` label for anyone.
 */
export function correctionUrl(id: string): string {
  const params = new URLSearchParams({ template: 'correction.yml', title: `Correction: ${id}`, claim: absoluteUrl(claimUrl(id)) });
  return `${SITE.repository}/issues/new?${params}`;
}
export const measureUrl = (id: string) => `/measures/${id}/`;
export const FORECASTS_URL = '/forecasts/';
