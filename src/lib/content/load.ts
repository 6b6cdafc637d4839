/**
 * The one validation pass, shared by `npm run validate` and the build's content loader.
 *
 * It reads every file under `content/` once, checks each against its schema and the body
 * policy, then runs the cross-file rules, and returns the valid entries together with
 * every problem found: all of them in one run, never just the first. It never writes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { ID_PATTERN, type CollectionName } from '../../schemas/common.ts';
import { startBodyChecks, type BodyCache, type BodyChecks } from './body-checks.ts';
import { checkBody, type BodyFinding } from './body-policy.ts';
import { didYouMean } from './closest.ts';
import { notTextInField } from './invisible.ts';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type ValidEntry } from './collections.ts';
import { describeIssue } from './error-map.ts';
import { firstAliasLine, lineLocator, parseYaml, splitFrontmatter } from './frontmatter.ts';
import { LIMITS, overBudget } from './limits.ts';
import { formatPath, sortProblems, validatorFault, type Problem } from './problems.ts';
import { NOTES, RULES, type ParsedEntry, type Rule, type RuleContext } from './rules.ts';
import { readSourceTexts, sourceTextDirectory } from './source-texts.ts';
import { forEachString } from './schema-walk.ts';

export interface LoadOptions {
  /** The project root: file names in problems are relative to it. */
  root: string;
  /** The folder holding one folder per collection (claims/, people/, ...); see `contentDirectory`. */
  contentDir?: string;
  /** Today as YYYY-MM-DD; defaults to today in the first time zone to reach it. */
  today?: string;
  /** The cross-file rules; RULES unless a test adds one. */
  rules?: readonly Rule[];
  /** Where full source texts are read from, to check words against; see `sourceTextDirectory`. */
  sourceTextDir?: string | undefined;
  /** Also make the HTML of every valid entry's body (the build), from the tree its check parsed. */
  html?: boolean;
  /** Body results of the previous pass, for `astro dev` (see `checkBodies`). */
  bodyCache?: BodyCache | undefined;
  /** Each file's own checks from the previous pass, for `astro dev` (see `FileCache`). */
  fileCache?: FileCache | undefined;
  /** Check bodies in worker threads or in place; by default, by how many there are. */
  workers?: boolean | undefined;
}

export type EntriesByCollection = { [C in CollectionName]: Map<string, ValidEntry<C>> };

export interface LoadedContent {
  entries: EntriesByCollection;
  problems: Problem[];
  /** Notes for editors (candidate revisions): printed by validate, never failing it. */
  notes: Problem[];
  /** How many content files were read. */
  fileCount: number;
  /** What was found under content/ and not read, with why: named, never skipped in silence. */
  skipped: Problem[];
  /** With `html: true`: each valid entry's body as HTML, by its file. */
  html: Map<string, string>;
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
export interface PendingProblem extends Omit<Problem, 'field'> {
  path?: readonly PropertyKey[];
}

const PLACEHOLDER = /^TODO\b/;

/** `a, b, c and d` */
const listed = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
  prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);

/** A content file found under content/: its collection, its id (the file name) and its path. */
export interface ContentFile {
  collection: CollectionName;
  id: string;
  /** Path from the project root, forward slashes. */
  file: string;
}

interface ListedFile extends ContentFile {
  read: () => Uint8Array;
}

async function listFiles(root: string, contentDir: string, pending: PendingProblem[], skipped: Problem[]): Promise<ListedFile[]> {
  const toFile = (path: string) => relative(root, path).split(sep).join('/');
  const top = await readdir(contentDir, { withFileTypes: true }).catch(() => null);
  if (!top) {
    pending.push({ file: `${toFile(contentDir)}/`, message: 'does not exist', hint: `content lives in ${listed(COLLECTION_NAMES.map((name) => `content/${name}/`))}` });
    return [];
  }
  const hidden = (path: string) => skipped.push({ file: toFile(path), message: 'is hidden (its name starts with a dot), so it is not read' });
  for (const dirent of top) {
    const path = join(contentDir, dirent.name);
    if (dirent.name.startsWith('.')) hidden(path);
    else if (dirent.isSymbolicLink()) {
      pending.push({ file: toFile(path), message: 'is a symbolic link, which is never followed', hint: 'commit the folder or file itself' });
    } else if (dirent.isDirectory() && !COLLECTION_NAMES.includes(dirent.name as CollectionName)) {
      pending.push({ file: `${toFile(path)}/`, message: 'is not a content folder',
        hint: didYouMean(dirent.name, COLLECTION_NAMES) ?? `content folders: ${COLLECTION_NAMES.join(', ')}` });
    } else if (!dirent.isDirectory() && dirent.name !== 'README.md') {
      pending.push({ file: toFile(path), message: 'is outside every content folder',
        hint: `move it into one of content/${COLLECTION_NAMES.join('/, content/')}/` });
    }
  }

  const paths: { collection: CollectionName; path: string }[] = [];
  for (const collection of COLLECTION_NAMES) {
    const dir = join(contentDir, collection);
    const dirents = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
    const hiddenFolders: string[] = [];
    for (const dirent of dirents.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
      const path = join(dirent.parentPath, dirent.name);
      // Inside a hidden folder: the folder itself was named.
      if (hiddenFolders.some((folder) => path.startsWith(folder + sep))) continue;
      if (dirent.name.startsWith('.')) {
        hidden(path);
        if (dirent.isDirectory()) hiddenFolders.push(path);
      } else if (dirent.isSymbolicLink()) {
        pending.push({ file: toFile(path), message: 'is a symbolic link, which is never followed', hint: 'commit the file itself' });
      } else if (dirent.isDirectory()) {
        if (dirent.name.endsWith('.md')) {
          pending.push({ file: `${toFile(path)}/`, message: 'is a folder, not a content file', hint: 'a content file is a .md file; rename the folder' });
        }
      } else if (!dirent.isFile()) {
        pending.push({ file: toFile(path), message: 'is not a regular file', hint: 'content files are .md files' });
      } else if (dirent.name.endsWith('.md')) {
        paths.push({ collection, path });
      } else if (dirent.name.endsWith('.mdx')) {
        pending.push({ file: toFile(path), line: 1, message: 'MDX is not allowed in contributed content',
          hint: `rename it to .md: ${listed(COLLECTION_NAMES)} are plain Markdown, never compiled as code` });
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
    read: () => readFileSync(path),
  }));
}

/** What checking one file found: its problems, and its data when the YAML could be read. */
export interface CheckedFile {
  problems: PendingProblem[];
  /** The frontmatter's YAML, for finding the line of a field. */
  yaml?: string;
  /** Set when the YAML parsed to fields: the cross-file rules read it. */
  parsed?: ParsedEntry;
  /** Set when the file passed every check of its own. */
  valid?: ValidEntry;
  /** The fields still holding a placeholder (`TODO...`). */
  marks: PropertyKey[][];
  /** The body and its first line in the file, when the frontmatter could be split off. */
  body?: { text: string; line: number };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text, or where its first byte that is not UTF-8 is. */
function decode(bytes: Uint8Array | string): string | { line: number } {
  if (typeof bytes === 'string') return bytes;
  try {
    return utf8.decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { line: text.slice(0, text.indexOf('\uFFFD')).split('\n').length };
  }
}

/**
 * Every check of one file on its own: encoding, file name, frontmatter, YAML, fields,
 * schema and body. Never throws: anything unexpected becomes a problem of this file, so
 * one file can never hide the problems of the others. `bodies: false` leaves the body
 * unchecked: `npm run new` reads the other files only for their ids and fields, and
 * `loadContent` checks all bodies together, on every core (`startBodyChecks`), while it reads the fields.
 */
export function checkFile(at: ContentFile, bytes: Uint8Array | string, { bodies = true } = {}): CheckedFile {
  // Processor time, not the clock: a busy machine must not fail a file that is fine.
  const started = process.cpuUsage();
  const result: CheckedFile = { problems: [], marks: [] };
  try {
    checkFileInto(at, bytes, bodies, result);
  } catch (error) {
    result.problems.push({ file: at.file, ...validatorFault(error) });
    delete result.valid;
  }
  const used = process.cpuUsage(started);
  const elapsed = (used.user + used.system) / 1000;
  if (elapsed > LIMITS.checkMilliseconds) {
    result.problems.push({ file: at.file, ...overBudget(elapsed) });
    delete result.valid;
  }
  return result;
}

function checkFileInto({ collection, id, file }: ContentFile, bytes: Uint8Array | string, bodies: boolean, result: CheckedFile): void {
  const { problems: pending } = result;
  if (!ID_PATTERN.test(id)) {
    const suggestion = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    pending.push({ file, message: `file name "${id}.md" is not a valid id`,
      hint: `rename it to ${suggestion || 'a-name'}.md: lowercase letters, digits and hyphens` });
  }
  const source = decode(bytes);
  if (typeof source !== 'string') {
    pending.push({ file, line: source.line, message: 'is not UTF-8 text: this line has a byte that is not UTF-8',
      hint: 'save the file as UTF-8 (Latin-1 and Windows-1252 accents are the usual cause)' });
    return;
  }

  const split = splitFrontmatter(source);
  if (!split) {
    const opened = /^\uFEFF?---[ \t]*\r?(?:\n|$)/.test(source);
    pending.push({ file, line: 1, message: opened ? 'the frontmatter has no closing --- line' : 'has no frontmatter',
      hint: 'start the file with a line ---, then the fields, then a line ---' });
    return;
  }
  // The body is checked whatever the frontmatter's state: one run shows both.
  result.body = { text: split.body, line: split.bodyLine };
  if (bodies) pending.push(...bodyProblems(file, split.bodyLine, checkBody(split.body)));
  if (split.yaml.length > LIMITS.frontmatterCharacters) {
    pending.push({ file, line: 1, message: `the frontmatter is ${split.yaml.length.toLocaleString('en')} characters long, over the limit of ${LIMITS.frontmatterCharacters.toLocaleString('en')}`,
      hint: 'fields hold short text; put longer writing in the body' });
    return;
  }
  result.yaml = split.yaml;
  const parsed = parseYaml(split.yaml);
  if (!parsed.ok) {
    pending.push({ file, line: parsed.line, message: `the frontmatter is not valid YAML: ${parsed.message}`, hint: parsed.hint });
    return;
  }
  if (parsed.aliases) {
    pending.push({ file, line: firstAliasLine(split.yaml), message: 'the frontmatter uses a YAML anchor or alias (&name, *name)',
      hint: 'write every value out in full: content files use no YAML anchors or aliases' });
    return;
  }
  if (!parsed.data || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    pending.push({ file, line: 1, message: parsed.data == null ? 'the frontmatter has no fields' : 'the frontmatter must be fields',
      hint: 'one per line between the --- lines, written name: value' });
    return;
  }

  result.parsed = { collection, id, file, data: parsed.data };
  forEachString(parsed.data, (path, value) => {
    if (PLACEHOLDER.test(value)) {
      result.marks.push(path);
      pending.push({ file, path, message: `is still a placeholder: "${value}"`, hint: 'fill it in' });
    }
    const notText = notTextInField(value);
    if (notText) pending.push({ file, path, message: `${notText.message} at character ${notText.column}`, hint: notText.hint });
  });
  const schema = COLLECTION_SCHEMAS[collection];
  const checked = schema.safeParse(parsed.data, { reportInput: true });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      for (const found of describeIssue(issue, schema)) {
        if (result.marks.some((mark) => startsWith(found.path, mark))) continue;
        pending.push({ file, path: found.path, message: found.message, hint: found.hint });
      }
    }
  }
  if (checked.success && !pending.length) {
    result.valid = { collection, id, file, data: checked.data, body: split.body, bodyLine: split.bodyLine } as ValidEntry;
  }
}

/** A body's findings as problems of its file, at their lines in the file. */
function bodyProblems(file: string, bodyLine: number, findings: readonly BodyFinding[]): PendingProblem[] {
  return findings.map((finding) => ({ file, line: bodyLine + finding.line - 1, message: finding.message, hint: finding.hint }));
}

/**
 * Every body's results joined to its file, each body parsed once (startBodyChecks): its
 * findings join its file's problems, and with `html` the page is made from the same tree.
 */
async function joinBodies(checked: ReadonlyMap<string, CheckedFile>, pending: PendingProblem[], checks: BodyChecks): Promise<Map<string, string>> {
  const bodies = await checks.finish();
  const html = new Map<string, string>();
  for (const [file, body] of bodies) {
    const result = checked.get(file) as CheckedFile;
    const problems = bodyProblems(file, result.body?.line ?? 1, body.findings);
    if (body.cpuMilliseconds > LIMITS.checkMilliseconds) problems.push({ file, ...overBudget(body.cpuMilliseconds) });
    if (problems.length) {
      pending.push(...problems);
      delete result.valid;
    } else if (body.html !== undefined) {
      html.set(file, body.html);
    }
  }
  return html;
}

/** Every id that has a file, per collection. */
function idsOf(files: readonly ContentFile[]): Record<CollectionName, Set<string>> {
  const ids = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Set<string>()])) as Record<CollectionName, Set<string>>;
  for (const { collection, id } of files) ids[collection].add(id);
  return ids;
}

/** The cross-file rules over every checked file, leaving out what a placeholder explains. */
function applyRules(context: RuleContext, checked: ReadonlyMap<string, CheckedFile>, rules: readonly Rule[]): PendingProblem[] {
  const pending: PendingProblem[] = [];
  for (const rule of rules) {
    for (const problem of rule(context)) {
      // `speaker: TODO` is reported once, as a placeholder, not also as an unknown person.
      if (checked.get(problem.entry.file)?.marks.some((mark) => startsWith(problem.path, mark))) continue;
      pending.push({ file: problem.entry.file, path: problem.path, message: problem.message, hint: problem.hint });
    }
  }
  return pending;
}

/** Problems with their field paths turned into lines of the file's YAML. */
function locate(pending: readonly PendingProblem[], checked: ReadonlyMap<string, CheckedFile>): Problem[] {
  const locators = new Map<string, (path: readonly PropertyKey[]) => number>();
  return pending.map(({ path, ...problem }): Problem => {
    if (!path) return problem;
    const yaml = checked.get(problem.file)?.yaml;
    let locate = locators.get(problem.file);
    if (!locate && yaml !== undefined) {
      locate = lineLocator(yaml);
      locators.set(problem.file, locate);
    }
    return { ...problem, line: locate?.(path), field: formatPath(path) };
  });
}

/**
 * What each file's own checks found in the previous pass, by path, with the digest of the
 * bytes they were made from. In `astro dev` an edit re-checks the files whose bytes changed
 * and reuses the rest (a file's own checks depend on nothing but its path and bytes); the
 * cross-file rules still run over every file. The cache keeps only the latest pass's files.
 */
export type FileCache = Map<string, { digest: string; result: CheckedFile }>;

/** Each file's own checks, from `cache` where its bytes are unchanged; the entry carries its file's digest. */
function checkFileCached(file: ContentFile, bytes: Uint8Array, cache: FileCache | undefined, seen: FileCache): CheckedFile {
  const digest = createHash('sha1').update(bytes).digest('base64url');
  const known = cache?.get(file.file);
  const result = known?.digest === digest ? known.result : checkFile(file, bytes, { bodies: false });
  if (result.valid) result.valid.digest = digest;
  seen.set(file.file, { digest, result });
  // A copy: the body check may still take `valid` away from this pass's result.
  return { ...result, problems: [...result.problems] };
}

export async function loadContent({
  root,
  contentDir = contentDirectory(root),
  today = todayAnywhere(),
  rules = RULES,
  sourceTextDir = sourceTextDirectory(root),
  fileCache,
  ...bodyOptions
}: LoadOptions): Promise<LoadedContent> {
  const pending: PendingProblem[] = [];
  const skipped: Problem[] = [];
  const files = await listFiles(root, contentDir, pending, skipped);
  const checked = new Map<string, CheckedFile>();
  const filesById = new Map<string, string[]>();
  const seen: FileCache = new Map();

  // Bodies are parsed on the workers while this thread reads and checks the fields.
  const checks = startBodyChecks(files.length, { html: Boolean(bodyOptions.html), cache: bodyOptions.bodyCache, workers: bodyOptions.workers });
  for (const file of files) {
    const key = `${file.collection}/${file.id}`;
    filesById.set(key, [...(filesById.get(key) ?? []), file.file]);
    let bytes: Uint8Array;
    try {
      bytes = file.read();
    } catch (error) {
      pending.push({ file: file.file, message: `could not be read: ${(error as Error).message}` });
      continue;
    }
    const result = checkFileCached(file, bytes, fileCache, seen);
    checked.set(file.file, result);
    pending.push(...result.problems);
    if (result.body) checks.add({ key: file.file, body: result.body.text });
  }
  if (fileCache) {
    fileCache.clear();
    for (const [file, known] of seen) fileCache.set(file, known);
  }
  const html = await joinBodies(checked, pending, checks);

  for (const [key, paths] of filesById) {
    if (paths.length < 2) continue;
    for (const file of paths) {
      const others = paths.filter((other) => other !== file).join(', ');
      pending.push({ file, message: `id "${key.split('/')[1]}" is also used by ${others}`,
        hint: 'ids are file names and must be unique within a collection; rename one' });
    }
  }

  const results = [...checked.values()];
  const context: RuleContext = {
    ids: idsOf(files),
    entries: results.flatMap((result) => (result.valid ? [result.valid] : [])),
    parsed: results.flatMap((result) => (result.parsed ? [result.parsed] : [])),
    today,
    sourceTexts: readSourceTexts(sourceTextDir),
  };
  pending.push(...applyRules(context, checked, rules));

  // Notes for editors: found with the same context, never failing the run.
  const notes: PendingProblem[] = NOTES.flatMap((rule) => rule(context)).map((note) =>
    ({ file: note.entry.file, path: note.path, message: note.message, hint: note.hint, severity: 'note' }));

  const problems = locate(pending, checked);
  const invalid = new Set(problems.map((problem) => problem.file));
  const entries = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Map()])) as EntriesByCollection;
  for (const entry of context.entries) {
    if (!invalid.has(entry.file)) (entries[entry.collection] as Map<string, ValidEntry>).set(entry.id, entry);
  }
  return { entries, problems: sortProblems(problems), notes: sortProblems(locate(notes, checked)), fileCount: files.length, skipped: sortProblems(skipped), html };
}

/** Checks one file that is not written yet, as validate would: see `newFileChecker`. */
export type NewFileCheck = (candidate: ContentFile, text: string) => Problem[];

/**
 * Reads every file in `contentDir` once (fields only, not bodies), and returns a check that
 * reports exactly what validate would for one more file: the file on its own, then the
 * cross-file rules with all the others. `npm run new` checks every answer with it, so it
 * can accept nothing that validate rejects, and a rule added to RULES binds both.
 */
export async function newFileChecker({ root, contentDir = contentDirectory(root), today = todayAnywhere(), rules = RULES, sourceTextDir = sourceTextDirectory(root) }: LoadOptions): Promise<NewFileCheck> {
  const files = await listFiles(root, contentDir, [], []);
  const sourceTexts = readSourceTexts(sourceTextDir);
  const others = new Map<string, CheckedFile>();
  for (const file of files) {
    try {
      others.set(file.file, checkFile(file, file.read(), { bodies: false }));
    } catch {
      // An unreadable file is validate's to report; here it only lacks its fields.
    }
  }
  return (candidate, text) => {
    const checked = new Map(others);
    const result = checkFile(candidate, text);
    checked.set(candidate.file, result);
    const results = [...checked.values()];
    const context: RuleContext = {
      ids: idsOf([...files.filter((file) => file.file !== candidate.file), candidate]),
      entries: results.flatMap((entry) => (entry.valid ? [entry.valid] : [])),
      parsed: results.flatMap((entry) => (entry.parsed ? [entry.parsed] : [])),
      today,
      sourceTexts,
    };
    const pending = [...result.problems, ...applyRules(context, checked, rules).filter((problem) => problem.file === candidate.file)];
    return sortProblems(locate(pending, checked));
  };
}
