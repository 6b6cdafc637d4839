/** `content/topics/<id>.md`: a subject that groups claims. The body may say more. */
import { z } from 'astro/zod';
import { text } from './common.ts';

export const topicSchema = z.strictObject({
  /** A short title, e.g. "Foreign fighters". */
  title: text.meta({ example: 'Foreign fighters' }),
  /** One or two sentences saying what claims the topic gathers. */
  description: text.meta({ example: 'Claims about fighters from abroad operating in Afghanistan.' }),
});

export type TopicData = z.output<typeof topicSchema>;
