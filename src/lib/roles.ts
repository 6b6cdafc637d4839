/** A role with its dates as the record knows them, so no 2021 title reads as current. */
import type { PersonData, Role } from '../schemas/person.ts';
import { formatDate } from './dates.ts';

/** "Head of foreign relations (from 2021 to 2023)" or "… (as described in 2021 and 2022)". */
export function roleWithDates(role: Role): string {
  if (role.from || role.until) {
    const from = role.from ? `from ${formatDate(role.from)}` : '';
    const until = role.until ? `until ${formatDate(role.until)}` : '';
    return `${role.title} (${[from, until].filter(Boolean).join(' ')})`;
  }
  const seen = role.seen.map(formatDate);
  const list = seen.length > 1 ? `${seen.slice(0, -1).join(', ')} and ${seen.at(-1)}` : (seen[0] ?? '');
  return `${role.title} (as described in ${list})`;
}

/** Every role of a person, with dates, joined for a table cell or a description. */
export function rolesText(person: PersonData): string {
  return person.roles.map(roleWithDates).join('; ');
}
