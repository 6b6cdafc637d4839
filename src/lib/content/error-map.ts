/**
 * Turns zod issues into problems a contributor can act on: the field, what is wrong, and
 * what would be right (an example, the allowed values, the nearest known field name).
 * The wording is locked by inline snapshots in tests/unit/error-map.test.ts.
 */
import type { z } from 'astro/zod';
import { didYouMean } from './closest.ts';
import { allowedKeys, fieldMeta } from './schema-walk.ts';

export interface FieldProblem {
  path: PropertyKey[];
  message: string;
  hint?: string | undefined;
}

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
};

function receivedType(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `text "${value}"`;
  return `${typeof value === 'boolean' ? '' : 'the number '}${String(value)}`.trim();
}

function exampleHint(root: z.core.$ZodType, path: PropertyKey[]): string | undefined {
  const { example } = fieldMeta(root, path);
  const key = path.at(-1);
  if (example === undefined || typeof key !== 'string') return undefined;
  return `e.g. ${key}: ${typeof example === 'string' ? example : JSON.stringify(example)}`;
}

/** zod's own wording starts with "Invalid"; ours is written on the schema. */
const isDefaultMessage = (message: string) => /^Invalid|^Too (small|big)/.test(message);

export function describeIssue(issue: Issue, root: z.core.$ZodType): FieldProblem[] {
  const path = [...issue.path];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        return [{ path, message: 'is required', hint: exampleHint(root, path) }];
      }
      const message = isDefaultMessage(issue.message)
        ? `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${receivedType(issue.input)}`
        : `${issue.message}, not ${receivedType(issue.input)}`;
      return [{ path, message, hint: exampleHint(root, path) }];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const list = `allowed: ${allowed.join(', ')}`;
      // zod reports a missing enum field as a wrong value, with no input.
      if (issue.input === undefined) {
        const example = exampleHint(root, path);
        return [{ path, message: 'is required', hint: example ? `${example}; ${list}` : list }];
      }
      const suggestion = didYouMean(String(issue.input), allowed);
      return [{
        path,
        message: `"${String(issue.input)}" is not an allowed value`,
        hint: suggestion ? `${suggestion} ${list}` : list,
      }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = allowedKeys(root, path);
        return {
          path: [...path, key],
          message: 'is not a field this file can have',
          hint: didYouMean(key, known) ?? `fields: ${known.join(', ')}`,
        };
      });
    case 'too_small':
      if (isDefaultMessage(issue.message)) {
        return [{ path, message: issue.origin === 'array' ? `needs at least ${String(issue.minimum)}` : 'is empty' }];
      }
      return [{ path, message: issue.message }];
    case 'too_big':
      return [{
        path,
        message: isDefaultMessage(issue.message) ? 'is too long' : issue.message,
        hint: `at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`,
      }];
    case 'custom': {
      const hint = (issue.params as { hint?: string } | undefined)?.hint;
      return [{ path, message: issue.message, hint }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}
