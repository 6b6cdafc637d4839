/**
 * What `npm run new` asks for each kind of file, how each answer is checked, and the file
 * it writes: every required field either holds the contributor's answer or a placeholder
 * starting with `TODO`, which `npm run validate` reports by field name ("is still a
 * placeholder") until it is filled. Every answer is checked by validating the file it would
 * make, with validate's own checks and rules (`newFileChecker` in src/lib/content/load.ts),
 * so the questions cannot accept what validation would reject.
 */
import { Document } from 'yaml';
import type { CollectionName } from '../../schemas/common.ts';
import { precisionOf } from '../../schemas/date.ts';
import { OUTLET_KINDS } from '../../schemas/outlet.ts';
import { PERSON_KINDS } from '../../schemas/person.ts';
import { PLACE_KINDS } from '../../schemas/place.ts';
import { RATING_SCALE, STATUS_VALUES, ratingOf, type Status } from '../../schemas/status.ts';
import type { NewFileCheck } from '../../lib/content/load.ts';
import { escapeControls, formatPath } from '../../lib/content/problems.ts';
import { forEachString } from '../../lib/content/schema-walk.ts';

export const KINDS = { claim: 'claims', person: 'people', outlet: 'outlets', topic: 'topics', measure: 'measures', place: 'places' } as const;
export type Kind = keyof typeof KINDS;

/** What a contributor can answer: text, yes/no, or a list of ids. */
export type Answer = string | boolean | string[];
export type Answers = Partial<Record<string, Answer>>;

export interface Question {
  /** The answer's name, and its flag: `--speaker`. */
  key: string;
  /** Where the answer goes in the file, for checking it with the schema. */
  path: (string | number)[];
  /** The prompt, a question. */
  ask: string;
  /** Shown before the prompt: allowed values, format, an example. */
  help?: string;
  /** A yes/no question (`quote`), or a list of ids separated by commas (`topic`). */
  type?: 'boolean' | 'list';
  /** A question that can be skipped without leaving a placeholder. */
  optional?: boolean;
}

const DATE_HELP = 'YYYY-MM-DD, YYYY-MM or YYYY: only as precise as the source, never an invented day';
const statusHelp = () =>
  RATING_SCALE.map((rating, index) => `  ${index + 1}. ${rating.value}: ${rating.definition}`).join('\n');

export const QUESTIONS: Record<Kind, Question[]> = {
  claim: [
    { key: 'speaker', path: ['speaker'], ask: 'Who made the claim? Their id in content/people/' },
    { key: 'claim', path: ['claim'], ask: 'The claim, copied exactly from the source (no quotation marks around it)' },
    { key: 'quote', path: ['quote'], type: 'boolean',
      ask: "Does the source quote the speaker's own words? y = a quote, n = the source reports it in its own words" },
    { key: 'date', path: ['date'], ask: 'When was it said?', help: DATE_HELP },
    { key: 'outlet', path: ['appearances', 0, 'outlet'], ask: 'Where did it appear? The outlet\'s id in content/outlets/' },
    { key: 'headline', path: ['appearances', 0, 'headline'], ask: "The article's headline, exactly as published" },
    { key: 'published', path: ['appearances', 0, 'date'], optional: true,
      ask: 'When was the article published? Enter for the same date as the claim', help: DATE_HELP },
    { key: 'url', path: ['appearances', 0, 'url'], optional: true, ask: "The article's address, https://... (Enter to skip)" },
    { key: 'status', path: ['status'], ask: 'Its status on the rating scale (most claims start unverified)',
      help: statusHelp() },
    { key: 'summary', path: ['summary'], ask: 'One sentence saying why the claim has this status' },
    { key: 'topic', path: ['topics', 0], type: 'list', ask: 'Topics: ids from content/topics/, separated by commas' },
  ],
  person: [
    { key: 'name', path: ['name'], ask: 'The name as readers know it (for an unnamed speaker, the words the source uses)' },
    { key: 'kind', path: ['kind'], ask: `What kind of speaker? ${PERSON_KINDS.join(', ')}`,
      help: '  person: a named individual\n  organisation: a group, government body or institution\n  unnamed: a speaker the source does not identify' },
    { key: 'role', path: ['role'], optional: true, ask: 'Their role at the time of the claims (Enter to skip)' },
    { key: 'affiliation', path: ['affiliation'], optional: true,
      ask: 'The organisation they speak for, its id in content/people/ (Enter to skip)' },
  ],
  outlet: [
    { key: 'name', path: ['name'], ask: 'The outlet\'s name, as it styles itself' },
    { key: 'kind', path: ['kind'], ask: `What kind of outlet? ${OUTLET_KINDS.join(', ')}` },
    { key: 'homepage', path: ['homepage'], ask: 'Its home page, https://...' },
    { key: 'country', path: ['country'], optional: true,
      ask: 'Where it is based: the two-letter country code, e.g. US, GB (Enter to skip for international bodies)' },
  ],
  topic: [
    { key: 'title', path: ['title'], ask: 'A short title, e.g. Foreign fighters' },
    { key: 'description', path: ['description'], ask: 'One or two sentences saying what claims the topic gathers' },
  ],
  measure: [
    { key: 'title', path: ['title'], ask: 'What is counted, in a few words, e.g. NRF fighters' },
    { key: 'definition', path: ['definition'], ask: 'What exactly is counted, in a sentence, so two figures can be compared' },
    { key: 'unit', path: ['unit'], ask: 'The unit every figure is given in, e.g. fighters, percent, provinces' },
  ],
  place: [
    { key: 'name', path: ['name'], ask: 'The name, in the spelling the sources use most, e.g. Andarab' },
    { key: 'kind', path: ['kind'], ask: `What kind of place? ${PLACE_KINDS.map((kind) => kind.value).join(', ')}`,
      help: PLACE_KINDS.map((kind) => `  ${kind.value}: ${kind.parent ? `lies in a ${kind.parent}` : 'has no parent'}`).join('\n') },
    { key: 'parent', path: ['parent'], optional: true,
      ask: 'The id in content/places/ of the place it lies in (Enter for a country, which has none)' },
    { key: 'alias', path: ['aliases', 0], type: 'list', optional: true,
      ask: 'Other spellings in sources and gazetteers, separated by commas (Enter to skip)' },
  ],
};

/** The placeholder written for each required answer not given. */
const PLACEHOLDERS = {
  claim: 'TODO: the claim, copied exactly from the source',
  quote: "TODO: true if the source quotes the speaker's exact words, false if it reports them in its own words",
  speaker: 'TODO: the id of the speaker in content/people/',
  date: 'TODO: when it was said: YYYY-MM-DD, YYYY-MM or YYYY, only as precise as the source',
  outlet: 'TODO: the id of the outlet in content/outlets/',
  headline: "TODO: the article's headline, exactly as published",
  published: 'TODO: when the article was published: YYYY-MM-DD, YYYY-MM or YYYY',
  status: `TODO: one of ${STATUS_VALUES.join(', ')} (most claims start unverified)`,
  updateTo: 'TODO: the same value as status',
  summary: 'TODO: one sentence saying why the claim has this status',
  topic: 'TODO: the id of a topic in content/topics/',
  evidenceSource: 'TODO: who or what the evidence comes from, and whether it is independent or a party',
  evidenceSummary: 'TODO: what the evidence says, in a sentence or two',
  name: 'TODO: the name as readers know it',
  personKind: `TODO: one of ${PERSON_KINDS.join(', ')}`,
  outletName: 'TODO: the outlet\'s name, as it styles itself',
  outletKind: `TODO: one of ${OUTLET_KINDS.join(', ')}`,
  homepage: 'TODO: its home page, https://...',
  title: 'TODO: a short title',
  description: 'TODO: one or two sentences saying what claims the topic gathers',
  measureTitle: 'TODO: what is counted, in a few words',
  definition: 'TODO: what exactly is counted, in a sentence',
  unit: 'TODO: the unit, e.g. fighters or percent',
  placeName: 'TODO: the name, in the spelling the sources use most',
  placeKind: `TODO: one of ${PLACE_KINDS.map((kind) => kind.value).join(', ')}`,
  parent: 'TODO: the id of the place it lies in (leave parent out for a country)',
};

const HEADERS: Record<Kind, string[]> = {
  claim: [
    'A claim. Replace every TODO; npm run validate lists what is left. CONTRIBUTING.md explains each field.',
    'Optional fields: url, archived and author in an appearance; related; language and original.',
    'Below the closing --- line you may add context in your own words, in plain Markdown.',
  ],
  person: [
    'A speaker: a person, an organisation, or an unnamed source. Replace every TODO; see CONTRIBUTING.md.',
    'Optional fields: role, affiliation, aliases, url. Below the closing --- line, a short biography.',
  ],
  outlet: [
    'An outlet. Replace every TODO; see CONTRIBUTING.md. Optional field: country.',
    'Below the closing --- line, a sentence or two describing it.',
  ],
  topic: ['A topic. Replace every TODO; see CONTRIBUTING.md. Below the closing --- line you may say more.'],
  measure: ['A measure: something claims put a number on. Replace every TODO; see CONTRIBUTING.md.',
    'Below the closing --- line you may say how sources count it.'],
  place: ['A place claims are about. Replace every TODO; see CONTRIBUTING.md.',
    'Optional: point (latitude, longitude, source: geonames, entry), copied exactly from one GeoNames entry; never estimate one.'],
};

/** Today as YYYY-MM-DD on this computer's calendar. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const text = (answers: Answers, key: string) => {
  const value = answers[key];
  return typeof value === 'string' ? value : undefined;
};

/** The frontmatter fields for a new file: the answers, and placeholders for the rest. */
export function buildFields(kind: Kind, answers: Answers, today = localToday()): Record<string, unknown> {
  const get = (key: string, placeholder: string) => text(answers, key) ?? placeholder;
  const optional = (key: string) => (text(answers, key) !== undefined ? { [key]: text(answers, key) } : {});
  switch (kind) {
    case 'claim': {
      const status = text(answers, 'status') as Status | undefined;
      const required = status ? ratingOf(status).requires : null;
      const date = text(answers, 'date');
      const topics = answers['topic'];
      // The log's first entry cannot be earlier than the claim (a claim said today in Kabul).
      const updated = date && precisionOf(date) === 'day' && date > today ? date : today;
      return {
        claim: get('claim', PLACEHOLDERS.claim),
        quote: typeof answers['quote'] === 'boolean' ? answers['quote'] : PLACEHOLDERS.quote,
        speaker: get('speaker', PLACEHOLDERS.speaker),
        date: date ?? PLACEHOLDERS.date,
        appearances: [{
          outlet: get('outlet', PLACEHOLDERS.outlet),
          headline: get('headline', PLACEHOLDERS.headline),
          date: text(answers, 'published') ?? date ?? PLACEHOLDERS.published,
          ...optional('url'),
        }],
        status: status ?? PLACEHOLDERS.status,
        summary: get('summary', PLACEHOLDERS.summary),
        topics: Array.isArray(topics) && topics.length ? topics : [PLACEHOLDERS.topic],
        evidence: required
          ? [{ stance: required, source: PLACEHOLDERS.evidenceSource, summary: PLACEHOLDERS.evidenceSummary }]
          : [],
        updates: [{ date: updated, to: status ?? PLACEHOLDERS.updateTo, note: 'First rating.' }],
      };
    }
    case 'person':
      return {
        name: get('name', PLACEHOLDERS.name),
        kind: get('kind', PLACEHOLDERS.personKind),
        ...optional('role'),
        ...optional('affiliation'),
      };
    case 'outlet':
      return {
        name: get('name', PLACEHOLDERS.outletName),
        kind: get('kind', PLACEHOLDERS.outletKind),
        homepage: get('homepage', PLACEHOLDERS.homepage),
        ...optional('country'),
      };
    case 'topic':
      return { title: get('title', PLACEHOLDERS.title), description: get('description', PLACEHOLDERS.description) };
    case 'measure':
      return { title: get('title', PLACEHOLDERS.measureTitle), definition: get('definition', PLACEHOLDERS.definition), unit: get('unit', PLACEHOLDERS.unit) };
    case 'place': {
      const aliases = answers['alias'];
      // Only a country has no parent: left out for one, a TODO for every other kind.
      const parent = text(answers, 'parent') ?? (text(answers, 'kind') === 'country' ? undefined : PLACEHOLDERS.parent);
      return {
        name: get('name', PLACEHOLDERS.placeName),
        kind: get('kind', PLACEHOLDERS.placeKind),
        ...(parent !== undefined ? { parent } : {}),
        ...(Array.isArray(aliases) && aliases.length ? { aliases } : {}),
      };
    }
  }
}

/** The whole file: YAML frontmatter with every string quoted, so any answer stays text. */
export function renderFile(kind: Kind, fields: Record<string, unknown>): string {
  const document = new Document(fields);
  document.commentBefore = HEADERS[kind].map((line) => ` ${line}`).join('\n');
  const yaml = document.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${yaml}---\n`;
}

/** The paths of the placeholders left in `fields`. */
export function placeholderPaths(data: unknown): PropertyKey[][] {
  const paths: PropertyKey[][] = [];
  forEachString(data, (path, value) => {
    if (/^TODO\b/.test(value)) paths.push(path);
  });
  return paths;
}

/** The fields still to fill in, as validate names them: `appearances[0].headline`. */
export const placeholderFields = (data: unknown): string[] => placeholderPaths(data).map(formatPath);

/** What `npm run new` knows about the content tree, and validate's check of a new file. */
export interface Known {
  ids: Record<CollectionName, ReadonlySet<string>>;
  /** The people entries of kind organisation: offered when asking for an affiliation. */
  organisations: ReadonlySet<string>;
  /** Validate's check of one more file in the content tree. */
  check: NewFileCheck;
}

export interface AnswerProblem {
  /** The question (and flag) the problem belongs to, when one does. */
  key?: string | undefined;
  /** The field, as validate names it. */
  field: string;
  message: string;
}

/** Whether a field validate names (`topics[2]`, `appearances[0].date`) is the question's. */
function belongsTo(question: Question, field: string): boolean {
  const anyIndex = (name: string) => name.replace(/\[\d+\]/g, '[]');
  const own = anyIndex(formatPath(question.path));
  const named = anyIndex(field);
  return named === own || named.startsWith(`${own}.`) || named.startsWith(`${own}[`);
}

/**
 * Every problem validate would report in the file these answers make, each with the
 * question it belongs to, leaving out the placeholders (validate lists those until they
 * are filled, and `npm run new` says which are left).
 */
export function checkAnswers(kind: Kind, answers: Answers, known: Known, today?: string): AnswerProblem[] {
  const fields = buildFields(kind, answers, today);
  const file = `content/${KINDS[kind]}/new-${kind}.md`;
  const problems = known.check({ collection: KINDS[kind], id: `new-${kind}`, file }, renderFile(kind, fields));
  // Fields `buildFields` fills from another answer: a problem there is that answer's.
  const copied: Record<string, string> = kind === 'claim'
    ? { 'updates[0].to': 'status', ...(text(answers, 'published') === undefined ? { 'appearances[0].date': 'date' } : {}) }
    : {};
  const seen = new Set<string>();
  return problems
    .filter((problem) => !problem.message.startsWith('is still a placeholder'))
    .map((problem) => {
      const key = (problem.field !== undefined ? copied[problem.field] : undefined)
        ?? QUESTIONS[kind].find((candidate) => problem.field !== undefined && belongsTo(candidate, problem.field))?.key;
      const message = escapeControls(problem.hint ? `${problem.message} (${problem.hint})` : problem.message);
      return { key, field: problem.field ?? 'the file', message };
    })
    .filter((problem) => {
      const said = `${problem.key ?? problem.field}: ${problem.message}`;
      return !seen.has(said) && Boolean(seen.add(said));
    });
}

/** The problem with one answer, given the others, or undefined when validate would accept it. */
export function checkQuestion(kind: Kind, question: Question, answer: Answer, known: Known, answers: Answers = {}): string | undefined {
  return checkAnswers(kind, { ...answers, [question.key]: answer }, known).find((problem) => problem.key === question.key)?.message;
}

/** Parses a typed answer: yes/no, a list split on commas, a status by its number. */
export function parseAnswer(question: Question, input: string): Answer | { error: string } | undefined {
  const trimmed = input.trim();
  if (!trimmed) return undefined;
  if (question.type === 'boolean') {
    if (/^(y|yes|true|quote)$/i.test(trimmed)) return true;
    if (/^(n|no|false|reported)$/i.test(trimmed)) return false;
    return { error: 'answer y (a quote) or n (reported speech)' };
  }
  if (question.type === 'list') return trimmed.split(',').map((item) => item.trim()).filter(Boolean);
  if (question.key === 'status' && /^\d$/.test(trimmed)) {
    const rating = RATING_SCALE[Number(trimmed) - 1];
    return rating ? rating.value : { error: `choose 1 to ${RATING_SCALE.length}, or write the value` };
  }
  return trimmed;
}

