import { describe, expect, test } from 'vitest';
import { isCertainlyBefore, isPartialDate, partialDate, precisionOf } from '../../src/schemas/date.ts';

describe('partial dates', () => {
  test('accepts a day, a month and a year, and keeps them as written', () => {
    expect(partialDate.parse('2022-12-06')).toBe('2022-12-06');
    expect(partialDate.parse('2022-05')).toBe('2022-05');
    // YAML reads an unquoted year as a number.
    expect(partialDate.parse(2022)).toBe('2022');
    expect(['2022-12-06', '2022-05', '2022'].map(precisionOf)).toEqual(['day', 'month', 'year']);
  });

  test('rejects dates that do not exist', () => {
    expect(isPartialDate('2022-13')).toBe(false);
    expect(isPartialDate('2022-02-30')).toBe(false);
    expect(isPartialDate('2024-02-29')).toBe(true);
    expect(isPartialDate('22-05-01')).toBe(false);
  });

  test('compares at the precision written', () => {
    expect(isCertainlyBefore('2022-04', '2022-05-10')).toBe(true);
    expect(isCertainlyBefore('2022-05', '2022-05-10')).toBe(false);
    expect(isCertainlyBefore('2022-05-10', '2022-05')).toBe(false);
    expect(isCertainlyBefore('2021', '2022-01-01')).toBe(true);
  });
});
