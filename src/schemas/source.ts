/**
 * `content/sources/<id>.md`: one document that claims appear in or that evidence cites (a
 * news report, an interview, a UN report, a tweet, a press release). Claims and evidence
 * point at it by id, so its dates, address and side are written once and shown everywhere.
 * The body may describe it (what it covers, how it was read).
 */
import { z } from 'astro/zod';
import { entryId, httpsUrl, languageTag, text } from './common.ts';
import { isCertainlyBefore, partialDate } from './date.ts';

/** The kinds of source, with the label each reads as on the page. */
export const SOURCE_KINDS = [
  { value: 'news-report', label: 'News report' },
  { value: 'interview', label: 'Interview' },
  { value: 'analysis', label: 'Analysis or commentary' },
  { value: 'summary', label: 'Summary of another report' },
  { value: 'official-document', label: 'Official document' },
  { value: 'un-report', label: 'UN report' },
  { value: 'party-statement', label: 'Statement by a party' },
  { value: 'press-release', label: 'Press release or communiqué' },
  { value: 'social-media-post', label: 'Social-media post' },
  { value: 'testimony', label: 'Testimony to a legislature' },
  { value: 'research-report', label: 'Research report' },
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number]['value'];
const KIND_VALUES = SOURCE_KINDS.map((kind) => kind.value) as [SourceKind, ...SourceKind[]];
const kindLabels = new Map<string, string>(SOURCE_KINDS.map((kind) => [kind.value, kind.label]));

export function sourceKindLabel(kind: SourceKind): string {
  return kindLabels.get(kind) ?? kind;
}

const sourceFields = z.strictObject({
  /** What kind of document it is. */
  kind: z.enum(KIND_VALUES).meta({ example: 'news-report' }),
  /** Who published it: an id from content/outlets/ (a newspaper, the UN, a social network). */
  publisher: entryId('outlets').meta({ example: 'new-york-sun' }),
  /** The title or headline, exactly as published; for a post, a short description. */
  title: text.meta({ example: 'Afghan Resistance Says It Liberated Districts in North Panjshir Region' }),
  /** The author or authors, as credited. */
  author: text.optional(),
  /** When it was first published, at the precision the document shows; leave out when unknown. */
  published: partialDate.optional().meta({ example: '2022' }),
  /** When it was last updated, as the document shows it ("Updated: December 06, 2022"). */
  updated: partialDate.optional().meta({ example: '2022-12-06' }),
  /** Why the dates are as precise as they are, when the document does not print them plainly. */
  dateNote: text.optional().meta({ example: 'The page shows only "Updated: December 06, 2022".' }),
  /** Its address, only when known: never guessed. */
  url: httpsUrl.optional(),
  /** An archived copy (e.g. on web.archive.org), only when one exists. */
  archived: httpsUrl.optional(),
  /** The language it is written in, as a language tag (en, fa, ps). */
  language: languageTag.meta({ example: 'en' }),
  /**
   * The side it speaks for (an id from content/sides/): an NRF tweet, a Taliban statement,
   * a State Department communiqué. Leave out for an independent source.
   */
  side: entryId('sides').optional().meta({ example: 'national-resistance-front' }),
});

export const sourceSchema = sourceFields.superRefine((source, ctx) => {
  if (source.published && source.updated && isCertainlyBefore(source.updated, source.published)) {
    ctx.addIssue({ code: 'custom', path: ['updated'], message: `${source.updated} is before it was published (${source.published})`,
      params: { hint: 'an update comes after publication; check both dates' } });
  }
});

export type SourceData = z.output<typeof sourceSchema>;

/** The date to show and sort a source by: its publication, else its latest update. */
export function sourceDate(source: SourceData): { date: string; which: 'published' | 'updated' } | undefined {
  if (source.published) return { date: source.published, which: 'published' };
  if (source.updated) return { date: source.updated, which: 'updated' };
  return undefined;
}
