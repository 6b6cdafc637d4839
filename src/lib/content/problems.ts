/**
 * A problem found in a content file, and the two ways it is printed: one line a person
 * reads (`file:line: field: what is wrong (what would be right)`) and one GitHub Actions
 * annotation that lands on the changed line of a pull request.
 */
export interface Problem {
  /** Path from the project root, with forward slashes: `content/claims/foo.md`. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** The field, as a path: `appearances[0].outlet`; absent for whole-file problems. */
  field?: string | undefined;
  /** What is wrong. */
  message: string;
  /** What would be right. */
  hint?: string | undefined;
  /** A note is worth an editor's look but does not fail validation. */
  severity?: 'note' | undefined;
}

/**
 * Line breaks and other control characters from content, shown as escapes: every problem
 * is one line that starts with its file name, so a value can never start a line of its own
 * (where GitHub Actions would read `::warning` or `::stop-commands::` as a command).
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) =>
    ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : '';
  const hint = problem.hint ? ` (${problem.hint})` : '';
  const note = problem.severity === 'note' ? 'note: ' : '';
  return escapeControls(`${where}: ${field}${note}${problem.message}${hint}`);
}

// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
const escapeData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatAnnotation(problem: Problem): string {
  const properties = [`file=${escapeProperty(problem.file)}`];
  if (problem.line) properties.push(`line=${problem.line}`);
  if (problem.field) properties.push(`title=${escapeProperty(problem.field)}`);
  const hint = problem.hint ? ` (${problem.hint})` : '';
  return `::${problem.severity === 'note' ? 'notice' : 'error'} ${properties.join(',')}::${escapeData(problem.message + hint)}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** What validate did not read, one line each, as the build and the CLI print it. */
export function formatSkipped(skipped: readonly Problem[]): string {
  return skipped.map((item) => `skipped ${formatProblem(item)}`).join('\n');
}

/** Notes, one per line, and a count: printed by `npm run validate` whether or not anything is wrong. */
export function formatNotes(notes: readonly Problem[]): string {
  return [...notes.map(formatProblem), '', `${notes.length} note${notes.length === 1 ? '' : 's'} for editors (not errors)`].join('\n');
}

/** The whole report: one line per problem and a count, as the build and the CLI print it. */
export function formatReport(problems: readonly Problem[]): string {
  const files = new Set(problems.map((problem) => problem.file)).size;
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  return [...problems.map(formatProblem), '', count].join('\n');
}

/** `['appearances', 0, 'outlet']` -> `appearances[0].outlet` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${String(segment)}`))
    .join('');
}

/** A file the validator itself failed on: said as the validator's fault, never the file's. */
export function validatorFault(error: unknown): { message: string; hint: string } {
  return { message: `could not be checked: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'this is a fault in the validator, not in the file; please report it with the file' };
}
