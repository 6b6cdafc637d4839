/**
 * `npm run validate`: checks every content file without building the site and prints
 * every problem, one per line, `file:line: field: what is wrong (what would be right)`.
 * On GitHub Actions it also prints annotations, which land on the pull request's lines.
 * Exits 1 when anything is wrong. It only reads files.
 *
 *   npm run validate                    content/ in this project
 *   npm run validate -- --content DIR   another content folder (as the benchmark does)
 */
import { parseArgs } from 'node:util';
import { loadContent } from '../lib/content/load.ts';
import { formatAnnotation, formatNotes, formatReport, formatSkipped } from '../lib/content/problems.ts';

const { values } = parseArgs({ options: { content: { type: 'string' } } });
const root = process.cwd();
const started = performance.now();
const { problems, notes, fileCount, skipped } = await loadContent(values.content ? { root, contentDir: values.content } : { root });
const elapsed = Math.round(performance.now() - started);

if (skipped.length) console.error(formatSkipped(skipped));

// Notes first, so the errors that fail the run are the last thing on the screen.
if (notes.length) {
  console.log(formatNotes(notes));
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    for (const note of notes) console.log(formatAnnotation(note));
  }
}
if (problems.length) {
  console.error(formatReport(problems));
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    for (const problem of problems) console.log(formatAnnotation(problem));
  }
  process.exitCode = 1;
} else {
  console.log(`${fileCount} content files are valid (${elapsed} ms)`);
}
