/**
 * Limits that make every file the validator accepts safe to render: Markdown parsing is
 * fast on text, but some shapes cost far more than their size (5,000 nested quotes
 * overflow the stack; a paragraph of a thousand unmatched `*` takes seconds; a list nested
 * 300 deep, minutes). These are checked on the raw text, BEFORE any parser sees the file,
 * by counting, without reading Markdown's grammar; each is ten or more times what a long
 * article needs. CONTRIBUTING.md lists them; tests/unit/limits.test.ts locks the messages.
 */

export const LIMITS = {
  /** Characters in a file's body: a long article is 30,000 to 50,000. */
  bodyCharacters: 100_000,
  /** Characters in the frontmatter. */
  frontmatterCharacters: 50_000,
  /** Characters in one line of the body. */
  lineCharacters: 10_000,
  /** Quote and list markers at the start of one line (`> > - 1.`). */
  lineMarkers: 12,
  /** Columns of indentation at the start of a line (a tab counts as four). */
  indentColumns: 64,
  /** Emphasis, code and link marks (`* _ ~ \` [ ]`) in one run of lines without a blank line. */
  paragraphMarks: 1_000,
  /** Levels of elements inside each other once parsed (quotes, lists, emphasis, links). */
  nestingDepth: 24,
  /** Milliseconds of processor time for checking one file: a backstop for any shape the counts above miss. */
  checkMilliseconds: 10_000,
} as const;

export interface LimitFinding {
  /** Line within the text checked, 1-based. */
  line: number;
  message: string;
  hint: string;
}

const format = (n: number) => n.toLocaleString('en');
/** Quote and list markers at the start of a line, with the spaces between them. */
const MARKERS = /^(?:[ \t]*(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const MARK = /[*_~`[\]]/g;

/** What is over the limits in a body, checked without parsing it. Empty when it may be parsed. */
export function checkBodyLimits(body: string): LimitFinding[] {
  if (body.length > LIMITS.bodyCharacters) {
    return [{ line: 1, message: `the body is ${format(body.length)} characters long, over the limit of ${format(LIMITS.bodyCharacters)}`,
      hint: 'split it, or link to the longer text' }];
  }
  const findings: LimitFinding[] = [];
  // Each limit is reported at its first line: a hundred lines over one limit say one thing.
  const reported = new Set<string>();
  const report = (kind: string, finding: LimitFinding) => {
    if (!reported.has(kind)) findings.push(finding);
    reported.add(kind);
  };
  let marks = 0;
  let paragraphStart = 1;
  const lines = body.split('\n');
  lines.forEach((line, index) => {
    const number = index + 1;
    if (line.length > LIMITS.lineCharacters) {
      report('line', { line: number, message: `the line is ${format(line.length)} characters long, over the limit of ${format(LIMITS.lineCharacters)}`,
        hint: 'break it into paragraphs' });
      return;
    }
    const prefix = MARKERS.exec(line)?.[0] ?? '';
    const markers = prefix.replace(/[ \t]|\d/g, '').length;
    if (markers > LIMITS.lineMarkers) {
      report('markers', { line: number, message: `the line starts ${markers} quote or list levels deep, over the limit of ${LIMITS.lineMarkers}`,
        hint: 'nest fewer quotes and lists' });
    }
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (indent > LIMITS.indentColumns) {
      report('indent', { line: number, message: `the line is indented ${indent} columns, over the limit of ${LIMITS.indentColumns}`,
        hint: 'nest fewer lists' });
    }
    if (!line.trim()) {
      marks = 0;
      paragraphStart = number + 1;
      return;
    }
    const before = marks;
    marks += line.match(MARK)?.length ?? 0;
    if (before <= LIMITS.paragraphMarks && marks > LIMITS.paragraphMarks) {
      findings.push({ line: paragraphStart,
        message: `the paragraph has more than ${format(LIMITS.paragraphMarks)} emphasis, code and link marks (* _ ~ \` [ ])`,
        hint: 'split it with blank lines, or put the text in a code block' });
    }
  });
  return findings;
}

/** The first element nested deeper than the limit, or undefined. */
export function tooDeep<T extends object>(root: T): { node: T; depth: number } | undefined {
  const stack: [T, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [T, number];
    if (depth > LIMITS.nestingDepth) return { node, depth };
    const children = 'children' in node && Array.isArray(node.children) ? node.children as T[] : [];
    for (const child of children) stack.push([child, depth + 1]);
  }
  return undefined;
}

export function depthMessage(depth: number): Omit<LimitFinding, 'line'> {
  return { message: `the text is nested ${depth} levels deep (quotes, lists, emphasis, links), over the limit of ${LIMITS.nestingDepth}`,
    hint: 'nest fewer quotes, lists and marks' };
}

/** A file that took longer to check than the budget. */
export function overBudget(milliseconds: number): Omit<LimitFinding, 'line'> {
  return { message: `took ${format(Math.round(milliseconds))} ms of processor time to check, over the budget of ${format(LIMITS.checkMilliseconds)} ms per file`,
    hint: 'simplify its formatting, or split it' };
}
