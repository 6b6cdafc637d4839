/**
 * For `astro dev` only: the content problems as they are now, for the page a contributor
 * opened. A fresh validation pass on each request, so what the browser shows is never
 * behind the files.
 */
import { fileURLToPath } from 'node:url';
import { COLLECTION_NAMES } from './collections.ts';
import { loadContent } from './load.ts';
import { sortProblems, type Problem } from './problems.ts';
import { servable } from './servable.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface PageProblems {
  /** The content file this address is made from, when it is one: `content/claims/<id>.md`. */
  file: string | undefined;
  /** Problems in that file, or why it is left out. */
  forPage: Problem[];
  /** Every other problem in the content. */
  others: Problem[];
}

export async function problemsFor(pathname: string): Promise<PageProblems> {
  const content = await loadContent({ root: ROOT });
  const problems = sortProblems([...content.problems, ...servable(content).leftOut]);
  const [, folder, id] = pathname.split('/');
  const suffix = folder && id && COLLECTION_NAMES.includes(folder as never) ? `/${folder}/${id}.md` : undefined;
  const ofPage = (problem: Problem) => suffix !== undefined && `/${problem.file}`.endsWith(suffix);
  return {
    file: suffix && `content${suffix}`,
    forPage: problems.filter(ofPage),
    others: problems.filter((problem) => !ofPage(problem)),
  };
}
