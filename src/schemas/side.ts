/**
 * `content/sides/<id>.md`: a side that speakers and sources can belong to (the NRF, the
 * Taliban, the US government, the UN), so that whether evidence is independent of a
 * claim is computed from the records rather than asserted in prose. The body describes it.
 */
import { z } from 'astro/zod';
import { text } from './common.ts';

export const sideSchema = z.strictObject({
  /** The side's name as readers know it. */
  name: text.meta({ example: 'National Resistance Front (NRF)' }),
  /**
   * `true` for a party to the conflict the claims are about (the NRF, the Taliban): its
   * word never corroborates or contradicts another side's claim, and its denial makes a
   * claim disputed, not contradicted. `false` for a side that is not a belligerent (a
   * government, the UN): its evidence is independent of every side but its own.
   */
  party: z.boolean({ error: 'must be true (a party to the conflict) or false' }).meta({ example: true }),
});

export type SideData = z.output<typeof sideSchema>;
