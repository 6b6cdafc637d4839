/**
 * The one validation pass, shared by `npm run validate` and the build's content loader.
 *
 * It reads every file under `content/` once, checks each against its schema and the body
 * policy, then runs the cross-file rules, and returns the valid entries together with
 * every problem found: all of them in one run, never just the first. It never writes.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { ID_PATTERN, type CollectionName } from '../../schemas/common.ts';
import { checkBody } from './body-policy.ts';
import { didYouMean } from './closest.ts';
import { BIDI_HINT, bidiControlsIn } from './invisible.ts';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type ValidEntry } from './collections.ts';
import { describeIssue } from './error-map.ts';
import { firstAliasLine, hasSharedCollections, lineLocator, parseYaml, splitFrontmatter } from './frontmatter.ts';
import { formatPath, sortProblems, type Problem } from './problems.ts';
import { NOTES, RULES, type ParsedEntry, type RuleContext } from './rules.ts';

export interface LoadOptions {
  /** The project root: file names in problems are relative to it. */
  root: string;
  /** The folder holding claims/, people/, outlets/ and topics/; see `contentDirectory`. */
  contentDir?: string;
  /** Today as YYYY-MM-DD; defaults to today in the first time zone to reach it. */
  today?: string;
}

export type EntriesByCollection = { [C in CollectionName]: Map<string, ValidEntry<C>> };

export interface LoadedContent {
  entries: EntriesByCollection;
  problems: Problem[];
  /** Notes for editors (candidate revisions): printed by validate, never failing it. */
  notes: Problem[];
  /** How many content files were read. */
  fileCount: number;
}

/**
 * Where content is read from: `content/` in the project, or the folder named by the
 * CLAIMTRAIL_CONTENT environment variable (the benchmark builds generated content this way,
 * with the same command as a normal build).
 */
export function contentDirectory(root: string): string {
  return process.env['CLAIMTRAIL_CONTENT'] ? resolve(root, process.env['CLAIMTRAIL_CONTENT']) : join(root, 'content');
}

/** Today somewhere on Earth: a claim dated today in Kabul is not "in the future" in UTC. */
export function todayAnywhere(now = Date.now()): string {
  return new Date(now + 14 * 3600_000).toISOString().slice(0, 10);
}

/** A problem waiting for its line: found with a field path, located at the end. */
interface PendingProblem extends Omit<Problem, 'field'> {
  path?: readonly PropertyKey[];
}

const PLACEHOLDER = /^TODO\b/;

/** Paths of every string still reading "TODO…", the marks `npm run new` leaves. */
function placeholders(data: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; value: string }[] {
  if (typeof data === 'string') return PLACEHOLDER.test(data) ? [{ path, value: data }] : [];
  if (Array.isArray(data)) return data.flatMap((item, index) => placeholders(item, [...path, index]));
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) => placeholders(value, [...path, key]));
  }
  return [];
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
  prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);

interface ReadFile {
  collection: CollectionName;
  id: string;
  file: string;
  read: () => string;
}

async function listFiles(root: string, contentDir: string, pending: PendingProblem[]): Promise<ReadFile[]> {
  const toFile = (path: string) => relative(root, path).split(sep).join('/');
  const top = await readdir(contentDir, { withFileTypes: true }).catch(() => null);
  if (!top) {
    pending.push({ file: `${toFile(contentDir)}/`, message: 'does not exist', hint: 'content lives in content/claims/, content/people/, content/outlets/, content/topics/ and content/measures/' });
    return [];
  }
  for (const dirent of top) {
    if (dirent.name.startsWith('.')) continue;
    if (dirent.isDirectory() && !COLLECTION_NAMES.includes(dirent.name as CollectionName)) {
      pending.push({ file: `${toFile(join(contentDir, dirent.name))}/`, message: 'is not a content folder',
        hint: didYouMean(dirent.name, COLLECTION_NAMES) ?? `content folders: ${COLLECTION_NAMES.join(', ')}` });
    } else if (dirent.isFile() && dirent.name !== 'README.md') {
      pending.push({ file: toFile(join(contentDir, dirent.name)), message: 'is outside every content folder',
        hint: `move it into one of content/${COLLECTION_NAMES.join('/, content/')}/` });
    }
  }

  const paths: { collection: CollectionName; path: string }[] = [];
  for (const collection of COLLECTION_NAMES) {
    const dir = join(contentDir, collection);
    const dirents = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
    for (const dirent of dirents) {
      if (!dirent.isFile() || dirent.name.startsWith('.')) continue;
      const path = join(dirent.parentPath, dirent.name);
      if (dirent.name.endsWith('.md')) {
        paths.push({ collection, path });
      } else if (dirent.name.endsWith('.mdx')) {
        pending.push({ file: toFile(path), line: 1, message: 'MDX is not allowed in contributed content',
          hint: 'rename it to .md: claims, people, outlets and topics are plain Markdown, never compiled as code' });
      } else {
        pending.push({ file: toFile(path), message: 'is not a content file', hint: 'content files end in .md' });
      }
    }
  }
  return paths.map(({ collection, path }) => ({
    collection,
    id: path.slice(path.lastIndexOf(sep) + 1, -'.md'.length),
    file: toFile(path),
    // Read when its turn comes, synchronously: ten thousand reads in flight at once cost
    // more in thread-pool round trips and garbage than the reads themselves.
    read: () => readFileSync(path, 'utf8'),
  }));
}

export async function loadContent({
  root,
  contentDir = contentDirectory(root),
  today = todayAnywhere(),
}: LoadOptions): Promise<LoadedContent> {
  const pending: PendingProblem[] = [];
  const files = await listFiles(root, contentDir, pending);
  const yamlByFile = new Map<string, string>();
  const valid: ValidEntry[] = [];
  const parsedEntries: ParsedEntry[] = [];
  const filesById = new Map<string, string[]>();
  const marksByFile = new Map<string, { path: PropertyKey[] }[]>();

  for (const { collection, id, file, read } of files) {
    const source = read();
    const key = `${collection}/${id}`;
    filesById.set(key, [...(filesById.get(key) ?? []), file]);
    if (!ID_PATTERN.test(id)) {
      const suggestion = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      pending.push({ file, message: `file name "${id}.md" is not a valid id`,
        hint: `rename it to ${suggestion || 'a-name'}.md: lowercase letters, digits and hyphens` });
    }

    const split = splitFrontmatter(source);
    if (!split) {
      const opened = /^\uFEFF?---[ \t]*\r?(?:\n|$)/.test(source);
      pending.push({ file, line: 1, message: opened ? 'the frontmatter has no closing --- line' : 'has no frontmatter',
        hint: 'start the file with a line ---, then the fields, then a line ---' });
      continue;
    }
    yamlByFile.set(file, split.yaml);
    const parsed = parseYaml(split.yaml);
    if (!parsed.ok) {
      pending.push({ file, line: parsed.line, message: `the frontmatter is not valid YAML: ${parsed.message}`, hint: parsed.hint });
      continue;
    }
    if (!parsed.data || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
      pending.push({ file, line: 1, message: parsed.data == null ? 'the frontmatter has no fields' : 'the frontmatter must be fields',
        hint: 'one per line between the --- lines, written name: value' });
      continue;
    }

    if (hasSharedCollections(parsed.data)) {
      pending.push({ file, line: firstAliasLine(split.yaml), message: 'the frontmatter repeats a list or group with a YAML alias (*name)',
        hint: 'write every value out in full: content files use no YAML anchors or aliases' });
      continue;
    }

    parsedEntries.push({ collection, id, file, data: parsed.data });
    const marks = placeholders(parsed.data);
    marksByFile.set(file, marks);
    for (const mark of marks) {
      pending.push({ file, path: mark.path, message: `is still a placeholder: "${mark.value}"`, hint: 'fill it in' });
    }
    for (const found of bidiControlsIn(parsed.data)) {
      pending.push({ file, path: found.path, message: found.message, hint: BIDI_HINT });
    }
    const schema = COLLECTION_SCHEMAS[collection];
    const result = schema.safeParse(parsed.data, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        for (const found of describeIssue(issue, schema)) {
          if (marks.some((mark) => startsWith(found.path, mark.path))) continue;
          pending.push({ file, path: found.path, message: found.message, hint: found.hint });
        }
      }
    }

    for (const finding of checkBody(split.body)) {
      pending.push({ file, line: split.bodyLine + finding.line - 1, message: finding.message, hint: finding.hint });
    }

    if (result.success && marks.length === 0 && ID_PATTERN.test(id)) {
      valid.push({ collection, id, file, data: result.data, body: split.body, bodyLine: split.bodyLine } as ValidEntry);
    }
  }

  for (const [key, paths] of filesById) {
    if (paths.length < 2) continue;
    for (const file of paths) {
      const others = paths.filter((other) => other !== file).join(', ');
      pending.push({ file, message: `id "${key.split('/')[1]}" is also used by ${others}`,
        hint: 'ids are file names and must be unique within a collection; rename one' });
    }
  }

  const ids: Record<CollectionName, Set<string>> = { claims: new Set(), people: new Set(), outlets: new Set(), topics: new Set(), measures: new Set() };
  for (const { collection, id } of files) ids[collection].add(id);
  const context: RuleContext = { ids, entries: valid, parsed: parsedEntries, today };
  for (const rule of RULES) {
    for (const problem of rule(context)) {
      // `speaker: TODO` is reported once, as a placeholder, not also as an unknown person.
      if (marksByFile.get(problem.entry.file)?.some((mark) => startsWith(problem.path, mark.path))) continue;
      pending.push({ file: problem.entry.file, path: problem.path, message: problem.message, hint: problem.hint });
    }
  }

  const notes: PendingProblem[] = NOTES.flatMap((rule) => rule(context)).map((note) =>
    ({ file: note.entry.file, path: note.path, message: note.message, hint: note.hint, severity: 'note' }));

  const locators = new Map<string, (path: readonly PropertyKey[]) => number>();
  const locate = ({ path, ...problem }: PendingProblem): Problem => {
    if (!path) return problem;
    const yaml = yamlByFile.get(problem.file);
    let locator = locators.get(problem.file);
    if (!locator && yaml !== undefined) {
      locator = lineLocator(yaml);
      locators.set(problem.file, locator);
    }
    return { ...problem, line: locator?.(path), field: formatPath(path) };
  };
  const problems = pending.map(locate);

  const invalid = new Set(problems.map((problem) => problem.file));
  const entries: EntriesByCollection = { claims: new Map(), people: new Map(), outlets: new Map(), topics: new Map(), measures: new Map() };
  for (const entry of valid) {
    if (!invalid.has(entry.file)) (entries[entry.collection] as Map<string, ValidEntry>).set(entry.id, entry);
  }
  return { entries, problems: sortProblems(problems), notes: sortProblems(notes.map(locate)), fileCount: files.length };
}
