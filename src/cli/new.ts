/**
 * `npm run new -- claim` (or person, outlet, topic, measure, place): starts a new content file.
 *
 *   npm run new -- claim                       at a terminal: asks for each field
 *   npm run new -- claim --speaker ali-maisam-nazary --claim "..." --date 2022-05 \
 *     --outlet new-york-sun --headline "..." --status unverified --summary "..." --topic panjshir
 *                                              with flags: asks nothing
 *   npm run new -- claim < /dev/null           no terminal, no flags: a template to fill in
 *
 * Every field not given is written as a placeholder starting with TODO, which
 * `npm run validate` reports by name until it is filled. The file gets a fresh id from
 * the speaker and the claim's first words (or the name, or the title) and is never written
 * over an existing file. `--content DIR` (or CLAIMTRAIL_CONTENT) writes somewhere else.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CollectionName } from '../schemas/common.ts';
import { contentDirectory, newFileChecker } from '../lib/content/load.ts';
import { escapeControls } from '../lib/content/problems.ts';
import {
  KINDS,
  QUESTIONS,
  buildFields,
  checkAnswers,
  placeholderFields,
  renderFile,
  type Answers,
  type Kind,
  type Known,
} from './new/fields.ts';
import { idFrom, readIds, readOrganisations, slugWords, speakerPart, writeFresh } from './new/files.ts';
import { interview, terminal } from './new/prompt.ts';

const FIELD_FLAGS = [...new Set(Object.values(QUESTIONS).flat().map((question) => question.key))];
/** Flags that may repeat, each a list of ids or names: --topic, --alias. */
const LIST_FLAGS = new Set(Object.values(QUESTIONS).flat().filter((question) => question.type === 'list').map((question) => question.key));

const OPTIONS = {
  content: { type: 'string' },
  interactive: { type: 'boolean', short: 'i' },
  help: { type: 'boolean', short: 'h' },
  reported: { type: 'boolean' },
  ...Object.fromEntries(FIELD_FLAGS.map((flag) => [flag,
    flag === 'quote' ? { type: 'boolean' } : LIST_FLAGS.has(flag) ? { type: 'string', multiple: true } : { type: 'string' }])),
} satisfies ParseArgsConfig['options'];

const flagsOf = (kind: Kind) => [...QUESTIONS[kind].map((question) => `--${question.key}`), ...(kind === 'claim' ? ['--reported'] : [])];

const USAGE = `Start a new content file:

  npm run new -- claim     npm run new -- person     npm run new -- outlet     npm run new -- topic
  npm run new -- measure   npm run new -- place

At a terminal it asks for each field. Or give the fields as flags, and it asks nothing:

  claim:   ${flagsOf('claim').join(' ')}
           (--quote: the source quotes the speaker's exact words; --reported: it reports them;
            --published: the article's date when it differs from --date; --topic may repeat)
  person:  ${flagsOf('person').join(' ')}
  outlet:  ${flagsOf('outlet').join(' ')}
  topic:   ${flagsOf('topic').join(' ')}
  measure: ${flagsOf('measure').join(' ')}
  place:   ${flagsOf('place').join(' ')}
           (a place's point is copied by hand from one GeoNames entry; see CONTRIBUTING.md)

A field left out is written as TODO; npm run validate lists those until they are filled in.
  --content DIR    write into DIR/<claims|people|outlets|topics|measures|places>/ instead of content/
  --interactive    ask even when the input is not a terminal (answers read line by line)
See CONTRIBUTING.md for what each field means.`;

const KIND_NAMES: Record<string, Kind> = Object.fromEntries(
  Object.entries(KINDS).flatMap(([kind, collection]) => [[kind, kind as Kind], [collection, kind as Kind]]),
);

function fail(message: string): number {
  console.error(`${message}\n\nnpm run new -- --help shows every option.`);
  return 1;
}

/** The answers given as flags, or the reason they cannot be used. */
function answersFromFlags(kind: Kind, values: Record<string, unknown>): Answers | string {
  const allowed = new Set(QUESTIONS[kind].map((question) => question.key));
  const foreign = FIELD_FLAGS.filter((flag) => values[flag] !== undefined && !allowed.has(flag));
  if (values['reported'] !== undefined && kind !== 'claim') foreign.push('reported');
  if (foreign.length) {
    return `${foreign.map((flag) => `--${flag}`).join(', ')}: not a field of a ${kind} (a ${kind} takes ${flagsOf(kind).join(' ')})`;
  }
  if (values['quote'] && values['reported']) return 'give --quote (the exact words) or --reported (reported speech), not both';
  const answers: Answers = {};
  for (const key of allowed) {
    const value = values[key];
    if (typeof value === 'string') answers[key] = value.trim();
    if (Array.isArray(value)) answers[key] = value.flatMap((item: string) => item.split(',')).map((item) => item.trim()).filter(Boolean);
  }
  if (kind === 'claim' && values['quote'] !== undefined) answers['quote'] = true;
  if (kind === 'claim' && values['reported'] !== undefined) answers['quote'] = false;
  return answers;
}

/** The new file's id, before any -2, -3 that makes it unique. */
async function baseId(kind: Kind, answers: Answers, files: Record<CollectionName, Map<string, string>>): Promise<string> {
  const words = (key: string) => slugWords(typeof answers[key] === 'string' ? answers[key] : '');
  switch (kind) {
    case 'claim': {
      const speaker = typeof answers['speaker'] === 'string' ? answers['speaker'] : undefined;
      const who = speaker ? (await speakerPart(speaker, files.people.get(speaker))).split('-') : [];
      const said = words('claim').slice(0, 6);
      return idFrom([...who, ...(said.length ? said : who.length ? ['claim'] : [])], 'new-claim');
    }
    case 'person':
      return idFrom(words('name'), 'new-person');
    case 'outlet':
      return idFrom(words('name'), 'new-outlet');
    case 'topic':
      return idFrom(words('title'), 'new-topic');
    case 'measure':
      return idFrom(words('title'), 'new-measure');
    case 'place':
      return idFrom(words('name'), 'new-place');
  }
}

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const kind = KIND_NAMES[positionals[0] ?? ''];
  if (!kind || positionals.length > 1) {
    return fail(positionals.length ? `"${positionals.join(' ')}" is not something to add: write claim, person, outlet or topic`
      : 'What should it start? Write claim, person, outlet or topic, e.g. npm run new -- claim');
  }

  const cwd = process.cwd();
  const contentDir = values.content ? resolve(cwd, values.content) : contentDirectory(cwd);
  const files = await readIds(contentDir);
  const known: Known = {
    ids: {
      claims: new Set(files.claims.keys()),
      people: new Set(files.people.keys()),
      outlets: new Set(files.outlets.keys()),
      topics: new Set(files.topics.keys()),
      places: new Set(files.places.keys()),
      measures: new Set(files.measures.keys()),
    },
    organisations: await readOrganisations(files.people),
    check: await newFileChecker({ root: cwd, contentDir }),
  };

  const flagged = answersFromFlags(kind, values);
  if (typeof flagged === 'string') return fail(flagged);
  let answers = flagged;
  let note: string | undefined;
  if (Object.keys(flagged).length) {
    const problems = checkAnswers(kind, flagged, known);
    if (problems.length) {
      for (const problem of problems) console.error(`${problem.key ? `--${problem.key}` : escapeControls(problem.field)}: ${problem.message}`);
      console.error('Nothing was written.');
      return 1;
    }
  } else if (values.interactive || process.stdin.isTTY) {
    const io = terminal(() => {
      console.error('\nCancelled: nothing was written.');
      process.exit(130);
    });
    try {
      answers = await interview(kind, known, io);
    } finally {
      io.close();
    }
    console.log('');
  } else {
    note = 'No terminal to ask at, so every field is a TODO. Run it in a terminal to be asked, or give the fields as flags (npm run new -- --help).';
  }

  const fields = buildFields(kind, answers);
  const collection = KINDS[kind];
  const written = await writeFresh(join(contentDir, collection), await baseId(kind, answers, files),
    known.ids[collection], renderFile(kind, fields));
  const shown = relative(cwd, written.path);
  console.log(`Created ${shown.startsWith('..') || isAbsolute(shown) ? written.path : shown}`);
  if (note) console.log(note);
  const todo = placeholderFields(fields);
  if (todo.length) {
    console.log(`Still to fill in (marked TODO): ${todo.join(', ')}`);
    console.log('Then check it with npm run validate, and preview it with npm run dev.');
  } else {
    console.log(`Check it with npm run validate, and preview it with npm run dev at http://localhost:4321/${collection}/${written.id}/`);
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`npm run new failed: ${escapeControls((error as Error).message)}. Nothing was written.`);
  process.exitCode = 1;
}
