/**
 * How a problem is printed (src/lib/content/problems.ts): the line a person reads, the
 * GitHub Actions annotation, and the report with its count.
 */
import { describe, expect, test } from 'vitest';
import {
  formatAnnotation,
  formatPath,
  formatProblem,
  formatReport,
  sortProblems,
  type Problem,
} from '../../src/lib/content/problems.ts';

const full: Problem = {
  file: 'content/claims/intense-fighting.md',
  line: 10,
  field: 'status',
  message: '"verifed" is not an allowed value',
  hint: 'did you mean "unverified"?',
};

describe('formatProblem', () => {
  test('file:line: field: message (hint)', () => {
    expect(formatProblem(full)).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:10: status: "verifed" is not an allowed value (did you mean "unverified"?)"`);
  });

  test('without a hint', () => {
    const { hint: _, ...problem } = full;
    expect(formatProblem(problem)).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:10: status: "verifed" is not an allowed value"`);
  });

  test('without a field', () => {
    const { field: _, ...problem } = full;
    expect(formatProblem(problem)).toMatchInlineSnapshot(`"content/claims/intense-fighting.md:10: "verifed" is not an allowed value (did you mean "unverified"?)"`);
  });

  test('without a line', () => {
    expect(formatProblem({ file: 'content/people/photo.jpg', message: 'is not a content file', hint: 'content files end in .md' }))
      .toMatchInlineSnapshot(`"content/people/photo.jpg: is not a content file (content files end in .md)"`);
  });

  test('only a file and a message', () => {
    expect(formatProblem({ file: 'content/sources/', message: 'is not a content folder' })).toMatchInlineSnapshot(`"content/sources/: is not a content folder"`);
  });

  test('explicitly undefined parts are left out', () => {
    expect(formatProblem({ file: 'a.md', line: undefined, field: undefined, message: 'm', hint: undefined })).toBe('a.md: m');
  });
});

describe('formatAnnotation', () => {
  test('a GitHub Actions error on the file and line, titled with the field', () => {
    expect(formatAnnotation(full)).toMatchInlineSnapshot(`"::error file=content/claims/intense-fighting.md,line=10,title=status::"verifed" is not an allowed value (did you mean "unverified"?)"`);
  });

  test('without line and field', () => {
    expect(formatAnnotation({ file: 'content/claim/', message: 'is not a content folder' })).toMatchInlineSnapshot(`"::error file=content/claim/::is not a content folder"`);
  });

  test('% and line breaks are escaped in the message', () => {
    expect(formatAnnotation({ file: 'a.md', message: '100% sure\r\nsecond line', hint: 'a\nb' }))
      .toMatchInlineSnapshot(`"::error file=a.md::100%25 sure%0D%0Asecond line (a%0Ab)"`);
  });

  test(': and , are escaped in properties, and % before them', () => {
    expect(formatAnnotation({ file: 'content/claims/a,b:c%.md', line: 3, field: 'appearances[0].date, again: 50%', message: 'x: y, z' }))
      .toMatchInlineSnapshot(`"::error file=content/claims/a%2Cb%3Ac%25.md,line=3,title=appearances[0].date%2C again%3A 50%25::x: y, z"`);
  });
});

describe('formatReport', () => {
  test('one line per problem, then the count', () => {
    const problems: Problem[] = [full, { ...full, line: 12, field: 'summary', message: 'is empty', hint: undefined },
      { file: 'content/people/photo.jpg', message: 'is not a content file' }];
    expect(formatReport(problems)).toMatchInlineSnapshot(`
      "content/claims/intense-fighting.md:10: status: "verifed" is not an allowed value (did you mean "unverified"?)
      content/claims/intense-fighting.md:12: summary: is empty
      content/people/photo.jpg: is not a content file

      3 problems in 2 files"
    `);
  });

  test('one problem in one file', () => {
    expect(formatReport([full]).split('\n').at(-1)).toBe('1 problem in 1 file');
  });

  test('several problems in one file', () => {
    expect(formatReport([full, full]).split('\n').at(-1)).toBe('2 problems in 1 file');
  });
});

describe('sortProblems and formatPath', () => {
  test('sorted by file, then line; whole-file problems first', () => {
    const sorted = sortProblems([
      { file: 'b.md', line: 2, message: 'b2' },
      { file: 'a.md', line: 10, message: 'a10' },
      { file: 'a.md', message: 'a' },
      { file: 'a.md', line: 9, message: 'a9' },
      { file: 'a.md', line: 9, message: 'a9 second' },
    ]);
    expect(sorted.map((problem) => problem.message)).toEqual(['a', 'a9', 'a9 second', 'a10', 'b2']);
  });

  test('field paths read like the YAML', () => {
    expect(formatPath(['appearances', 0, 'outlet'])).toBe('appearances[0].outlet');
    expect(formatPath(['topics', 2])).toBe('topics[2]');
    expect(formatPath(['summary'])).toBe('summary');
    expect(formatPath([])).toBe('');
  });
});
