/**
 * `content/claims/<id>.md`: one claim, who said it, where it appeared and how far it is
 * verified. The field names are the contract contributors learn (see CONTRIBUTING.md);
 * the Markdown body is context and analysis in the editor's own words.
 *
 * Rules that need only this file live here; rules that need other files (ids that
 * resolve, dates against today) live in `src/lib/content/rules.ts`.
 */
import { z } from 'astro/zod';
import { entryId, httpsUrl, languageTag, text } from './common.ts';
import { exactDate, isCertainlyBefore, partialDate } from './date.ts';
import { figureSchema } from './figure.ts';
import { forecastSchema, outcomeOf } from './forecast.ts';
import { linkSchema } from './link.ts';
import { ratingOf, statusSchema } from './status.ts';

export const STANCES = ['supports', 'contradicts', 'context'] as const;

/** How each stance heads its evidence on a claim page. */
export const STANCE_LABELS: Record<(typeof STANCES)[number], string> = {
  supports: 'Supports the claim',
  contradicts: 'Contradicts the claim',
  context: 'Context',
};

/** One article (or post, or document) the claim appeared in. */
export const appearanceSchema = z.strictObject({
  /** The outlet's id in content/outlets/. */
  outlet: entryId('outlets').meta({ example: 'new-york-sun' }),
  /** The article's headline, exactly as published. */
  headline: text.meta({ example: 'Afghan Resistance Says It Liberated Districts in North Panjshir Region' }),
  /** When it was published, at the precision the article shows. */
  date: partialDate.meta({ example: '2022-12-06' }),
  /** The article's address, when it has one. */
  url: httpsUrl.optional(),
  /** An archived copy (e.g. on web.archive.org) that will outlive the original. */
  archived: httpsUrl.optional(),
  /** The journalist or writer, as credited. */
  author: text.optional(),
});

/** A piece of evidence for, against, or around the claim. */
export const evidenceSchema = z.strictObject({
  /** `supports`, `contradicts`, or `context`. A denial by the other side `contradicts`. */
  stance: z.enum(STANCES).meta({ example: 'contradicts' }),
  /** Who or what the evidence comes from, e.g. "UN Security Council Monitoring Team, 33rd report". */
  source: text.meta({ example: 'A Taliban official, on Twitter (as reported by The New York Sun)' }),
  /** When the evidence was published or given. */
  date: partialDate.optional(),
  /** Where to read it. */
  url: httpsUrl.optional(),
  /** What the evidence says, in a sentence or two. */
  summary: text.meta({ example: 'Denied that the NRF had taken the three districts.' }),
});

/** One entry in the log of status changes; the newest entry is last. */
export const updateSchema = z.strictObject({
  /** The day the status was set, YYYY-MM-DD. */
  date: exactDate.meta({ example: '2026-11-21' }),
  /** The status before this change; left out on the first entry. */
  from: statusSchema.optional(),
  /** The status after this change. */
  to: statusSchema.meta({ example: 'unverified' }),
  /** Why it changed. */
  note: text.meta({ example: 'First rating.' }),
});

/** Sentence-final quotation marks belong to the page, not the data. */
const WRAPPING_QUOTES = /^["“”'‘’«»].*["“”'‘’«»]$/s;

const claimFields = z.strictObject({
  /** The claim's words: verbatim when `quote` is true, otherwise as the source reports them. */
  claim: text.meta({ example: 'There is intense fighting right now throughout Panjshir.' }),
  /** `true` when `claim` is the speaker's exact words, `false` when it is reported speech. */
  quote: z.boolean({ error: 'must be true (the exact words) or false (reported speech)' }).meta({ example: true }),
  /** The id of the person or organisation in content/people/ who made the claim. */
  speaker: entryId('people').meta({ example: 'ali-maisam-nazary' }),
  /** When it was said, at the precision the source supports. */
  date: partialDate.meta({ example: '2022-05' }),
  /** Where it appeared, first appearance first. */
  appearances: z.array(appearanceSchema).min(1, { error: 'needs at least one appearance' }),
  /** The verification status, one value of the rating scale. */
  status: statusSchema.meta({ example: 'unverified' }),
  /** One sentence saying why the claim has this status. */
  summary: text
    .max(320, {
      error: (issue) =>
        `is ${typeof issue.input === 'string' ? `${issue.input.length} characters` : 'too'} long, more than one sentence should be`,
    })
    .meta({ example: 'The NRF offered no evidence and no independent source has confirmed it.' }),
  /** Topic ids from content/topics/. */
  topics: z.array(entryId('topics')).min(1, { error: 'needs at least one topic' }),
  /** Ids from content/places/ of the places the claim names or is clearly about, most specific first. */
  places: z.array(entryId('places')).default([]),
  /** The evidence for, against and around the claim. */
  evidence: z.array(evidenceSchema).default([]),
  /** The dated log of status changes, oldest first. */
  updates: z.array(updateSchema).min(1, { error: 'needs at least one entry: the first rating' }),
  /**
   * Claims this one does something to, each with its type: it repeats, revises,
   * contradicts, denies, responds to or gives context to them. Written once, here; the
   * other claim's page shows the link from its end ("denied by").
   */
  related: z.array(linkSchema).default([]),
  /** The numbers in the claim, each tied to a measure in content/measures/. */
  figures: z.array(figureSchema).default([]),
  /** When the claim is a forecast or a pledge: its due date and outcome. */
  forecast: forecastSchema.optional(),
  /** The language the claim was first made in, when not English (e.g. fa, ps). */
  language: languageTag.optional(),
  /** The claim in its original language and script. */
  original: text.optional(),
});

type ClaimFields = z.output<typeof claimFields>;
type Fail = (path: (string | number)[], message: string, hint?: string) => void;

/**
 * Consistency rules within one claim. Each names the fields it reads and runs whenever
 * those are valid, even if other fields are not, so one run reports every problem.
 */
const CONSISTENCY: { needs: (keyof ClaimFields)[]; check: (claim: ClaimFields, fail: Fail) => void }[] = [
  {
    needs: ['claim', 'quote'],
    check(claim, fail) {
      if (claim.quote && WRAPPING_QUOTES.test(claim.claim)) {
        fail(['claim'], 'is wrapped in quotation marks', 'leave them out: the page marks quotes itself');
      }
    },
  },
  {
    needs: ['date', 'appearances'],
    check(claim, fail) {
      claim.appearances.forEach((appearance, index) => {
        const previous = claim.appearances[index - 1];
        if (isCertainlyBefore(appearance.date, claim.date)) {
          fail(['appearances', index, 'date'], `${appearance.date} is before the claim was said (${claim.date})`,
            'an article cannot report a claim before it was made; check both dates');
        } else if (previous && isCertainlyBefore(appearance.date, previous.date)) {
          fail(['appearances', index, 'date'], `${appearance.date} is before the appearance listed above it (${previous.date})`,
            'list appearances oldest first; the first is the first appearance');
        }
      });
    },
  },
  {
    needs: ['status', 'evidence'],
    check(claim, fail) {
      const required = ratingOf(claim.status).requires;
      if (required && !claim.evidence.some((item) => item.stance === required)) {
        fail(['evidence'], `a claim rated "${claim.status}" needs evidence that ${required} it`,
          `add an evidence item with stance: ${required}`);
      }
    },
  },
  {
    needs: ['status', 'updates', 'date'],
    check(claim, fail) {
      claim.updates.forEach((update, index) => {
        const previous = claim.updates[index - 1];
        if (previous && update.from !== undefined && update.from !== previous.to) {
          fail(['updates', index, 'from'], `is "${update.from}" but the entry before ends at "${previous.to}"`,
            `from: ${previous.to}`);
        }
        if (previous && update.date < previous.date) {
          fail(['updates', index, 'date'], `${update.date} is earlier than the entry before (${previous.date})`,
            'keep the log oldest first');
        }
        if (isCertainlyBefore(update.date, claim.date)) {
          fail(['updates', index, 'date'], `${update.date} is before the claim was said (${claim.date})`);
        }
      });
      const latest = claim.updates.at(-1);
      if (latest && latest.to !== claim.status) {
        fail(['updates', claim.updates.length - 1, 'to'],
          `the latest update ends at "${latest.to}" but status is "${claim.status}"`,
          `add an update with from: ${latest.to} and to: ${claim.status}, or correct status`);
      }
    },
  },
  {
    needs: ['language', 'original'],
    check(claim, fail) {
      if (claim.original !== undefined && claim.language === undefined) {
        fail(['language'], 'is required when original is given', 'e.g. language: fa for Dari, ps for Pashto');
      }
      if (claim.language !== undefined && claim.original === undefined) {
        fail(['original'], 'is required when language is given', 'the claim in its original script');
      }
    },
  },
  {
    needs: ['claim', 'figures'],
    check(claim, fail) {
      claim.figures.forEach((figure, index) => {
        if (!claim.claim.includes(figure.words)) {
          fail(['figures', index, 'words'], `"${figure.words}" is not in the claim`,
            'copy the words of the figure exactly as the claim has them');
        }
      });
    },
  },
  {
    needs: ['date', 'forecast'],
    check({ forecast, date }, fail) {
      if (!forecast) return;
      if (forecast.due === undefined && forecast.noDeadline !== true) {
        fail(['forecast', 'due'], 'is required: a forecast or pledge needs a due date',
          'e.g. due: 2023-12, at the precision the words allow; or noDeadline: true when they set none');
      }
      if (forecast.due !== undefined && forecast.noDeadline === true) {
        fail(['forecast', 'noDeadline'], 'is true but a due date is given', 'keep one: the due date, or noDeadline: true');
      }
      if (forecast.due !== undefined && isCertainlyBefore(forecast.due, date)) {
        fail(['forecast', 'due'], `${forecast.due} is before the claim was said (${date})`, 'a forecast falls due after it is made');
      }
      if (outcomeOf(forecast.outcome).needsEvidence && forecast.evidence.length === 0) {
        fail(['forecast', 'evidence'], `the outcome "${forecast.outcome}" needs evidence`,
          'add an item with source and summary, or keep outcome: pending');
      }
    },
  },
  ...(['topics', 'places'] as const).map((field) => ({
    needs: [field],
    check(claim: ClaimFields, fail: Fail) {
      claim[field].forEach((id, index) => {
        if (claim[field].indexOf(id) !== index) fail([field, index], `lists "${id}" twice`);
      });
    },
  })),
];

export const claimSchema = CONSISTENCY.reduce(
  (schema, rule) =>
    schema.superRefine(
      (claim, ctx) =>
        rule.check(claim, (path, message, hint) =>
          ctx.addIssue({ code: 'custom', path, message, params: hint ? { hint } : {} })),
      { when: (payload) => !payload.issues.some((issue) => rule.needs.includes(issue.path?.[0] as keyof ClaimFields)) },
    ),
  claimFields,
);

export type ClaimData = z.output<typeof claimSchema>;
export type Appearance = z.output<typeof appearanceSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
export type StatusUpdate = z.output<typeof updateSchema>;
export type { ClaimLink } from './link.ts';
export type { Figure } from './figure.ts';
export type { Forecast } from './forecast.ts';
