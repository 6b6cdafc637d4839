/**
 * The questions `npm run new` asks at a terminal: one field at a time, with the allowed
 * values or the known ids shown (and Tab-completed), each answer checked at once with the
 * same schemas `npm run validate` uses. Enter skips a field: it is written as a TODO.
 */
import { createInterface } from 'node:readline';
import type { CollectionName } from '../../schemas/common.ts';
import { COLLECTION_SCHEMAS } from '../../lib/content/collections.ts';
import { fieldMeta } from '../../lib/content/schema-walk.ts';
import { KINDS, QUESTIONS, checkAnswers, checkQuestion, parseAnswer, type Answers, type Kind, type Known, type Question } from './fields.ts';

export interface Io {
  /** Shows `prompt` and resolves with the line typed, or null at the end of input. */
  ask(prompt: string, completions?: readonly string[]): Promise<string | null>;
  say(text: string): void;
}

const SHOWN_IDS = 40;

function referencesOf(kind: Kind, question: Question): CollectionName | undefined {
  return fieldMeta(COLLECTION_SCHEMAS[KINDS[kind]], question.path).references;
}

/** Asks one question until the answer is right or skipped; false at the end of input. */
async function askOne(kind: Kind, question: Question, answers: Answers, known: Known, io: Io): Promise<boolean> {
  const references = referencesOf(kind, question);
  const ids = !references ? [] : [...(question.key === 'affiliation' ? known.organisations : known.ids[references])].sort();
  io.say('');
  io.say(question.ask);
  if (question.help) io.say(question.help);
  if (references) {
    const shown = ids.slice(0, SHOWN_IDS).join(', ');
    io.say(ids.length ? `  Known: ${shown}${ids.length > SHOWN_IDS ? `, and ${ids.length - SHOWN_IDS} more` : ''} (Tab completes)`
      : `  None yet in content/${references}/.`);
  }
  for (;;) {
    const line = await io.ask('> ', ids);
    if (line === null) return false;
    const answer = parseAnswer(question, line);
    if (answer === undefined) {
      delete answers[question.key];
      if (!question.optional) io.say('  Left for later: it is written as TODO.');
      return true;
    }
    const problem = typeof answer === 'object' && !Array.isArray(answer) ? answer.error
      : checkQuestion(kind, question, answer, known, answers);
    if (!problem) {
      answers[question.key] = answer as Exclude<typeof answer, { error: string }>;
      return true;
    }
    io.say(`  ${problem}. Try again, or press Enter to leave it for later.`);
  }
}

/** Asks for every field of a new `kind` file; the answers not given become placeholders. */
export async function interview(kind: Kind, known: Known, io: Io): Promise<Answers> {
  const answers: Answers = {};
  io.say(`A new ${kind}. Press Enter to leave a field for later (it is written as TODO, and npm run validate reminds you); Ctrl-C cancels.`);
  for (const question of QUESTIONS[kind]) {
    if (!(await askOne(kind, question, answers, known, io))) return answers;
  }
  // Rules across fields (quotation marks around a quote, an article dated before the
  // claim): the question the problem belongs to is asked again.
  for (let round = 0; round < 3; round++) {
    const problems = checkAnswers(kind, answers, known).filter((problem) => problem.key);
    if (!problems.length) break;
    for (const problem of problems) {
      const question = QUESTIONS[kind].find((candidate) => candidate.key === problem.key);
      if (!question) continue;
      io.say('');
      io.say(`${problem.field}: ${problem.message}`);
      delete answers[question.key];
      if (!(await askOne(kind, question, answers, known, io))) return answers;
    }
  }
  return answers;
}

/** Questions on standard input and output, read a line at a time (typed, or piped in). */
export function terminal(onCancel: () => void): Io & { close(): void } {
  let completions: readonly string[] = [];
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    completer: (line: string): [string[], string] => {
      const last = line.split(',').at(-1)?.trimStart() ?? '';
      const hits = completions.filter((candidate) => candidate.startsWith(last));
      return [hits, last];
    },
  });
  rl.on('SIGINT', () => {
    rl.close();
    onCancel();
  });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(prompt, list = []) {
      completions = list;
      rl.setPrompt(prompt);
      rl.prompt();
      const next = await lines.next();
      return next.done ? null : next.value;
    },
    say: (text) => process.stdout.write(`${text}\n`),
    close: () => rl.close(),
  };
}
