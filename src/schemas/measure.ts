/**
 * `content/measures/<id>.md`: something claims put a number on (NRF fighters, the share of
 * Panjshir the NRF holds, al Qaeda training camps). A claim's figures point at a measure by
 * id, so every figure for the same thing lands on one page and one chart. The body may say
 * how sources count it and why the counts differ.
 */
import { z } from 'astro/zod';
import { text } from './common.ts';

export const measureSchema = z.strictObject({
  /** A short name for what is counted, e.g. "NRF fighters". */
  title: text.meta({ example: 'NRF fighters' }),
  /** What exactly is counted, in a sentence, so two figures can be compared. */
  definition: text.meta({ example: 'Fighters under the command of the National Resistance Front, at the date the figure refers to.' }),
  /**
   * The unit every figure of this measure is given in: `percent` is shown as `60%`, any
   * other unit follows the number ("10,000 fighters").
   */
  unit: text.meta({ example: 'fighters' }),
});

export type MeasureData = z.output<typeof measureSchema>;
