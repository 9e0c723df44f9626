/**
 * What the report pages offer and accept: which kinds of report fit a case at its
 * stage, the words for each kind and state, and the zod schemas of the forms. Pure, so
 * the pages and a unit test can use it without a database.
 */
import { z } from 'zod';
import type { ReportState } from '../../db/schema';
import type { CaseState } from '../referrals/case-machine';
import { REPORT_KINDS, REPORT_TITLES, type ReportKind } from './report-content';

export const INTRODUCTION_MAX_LENGTH = 5_000;

/**
 * The kinds of report a worker or manager may prepare by hand on a case at this stage:
 * the start and progress reports while he is in the programme (and a non-compliance
 * report once he has an unacceptable absence), then the completion or ended-early
 * report. In the order the programme reaches them.
 */
export function reportKindsFor(state: CaseState | string, unacceptableAbsences: number): ReportKind[] {
  switch (state) {
    case 'in_programme':
      return REPORT_KINDS.filter((kind) => kind === 'programme_start' || kind === 'progress_review' || (kind === 'non_compliance' && unacceptableAbsences > 0));
    case 'completed':
      return ['completion'];
    case 'ended_early':
      return ['ended_early'];
    default:
      return [];
  }
}

export const isReportKind = (value: unknown): value is ReportKind => typeof value === 'string' && (REPORT_KINDS as readonly string[]).includes(value);

/** What each kind is for, as the hint beside it when someone chooses one. */
export const REPORT_KIND_HINTS: Record<ReportKind, string> = {
  programme_start: 'Tells the referrer he has started, with the modules and sessions planned for him.',
  non_compliance: 'Tells the referrer about his unacceptable absences, so that they can decide what to do.',
  progress_review: 'Sets out his attendance and the modules covered so far.',
  completion: 'Tells the referrer he has completed the programme.',
  ended_early: 'Tells the referrer his place on the programme ended before completion, and why.',
};

export const reportTitle = (kind: ReportKind) => REPORT_TITLES[kind];

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  awaiting_sign_off: 'Waiting for sign-off',
  signed_off: 'Sent to the referrer',
};

export const REPORT_STATE_TAGS: Record<ReportState, string> = {
  awaiting_sign_off: 'govuk-tag govuk-tag--yellow',
  signed_off: 'govuk-tag govuk-tag--green',
};

/** Problems with an edited opening paragraph, in the words the page shows. */
export function introductionProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'The opening paragraph must not contain hidden characters';
  if (text.trim().length > INTRODUCTION_MAX_LENGTH) return `The opening paragraph must be ${INTRODUCTION_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`;
  return null;
}

/** The opening paragraph as it is stored: trimmed, and null (the template) when empty. */
export function storedIntroduction(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed ? trimmed : null;
}

const STALE = 'This page is out of date. Reload it and try again';
const version = z
  .string({ error: STALE })
  .regex(/^\d{1,9}$/, STALE)
  .transform(Number);

const checkedIntroduction = z.string().superRefine((value, context) => {
  const problem = introductionProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
// An empty textarea arrives as nothing at all: saved, that means "use the template".
const introduction = z
  .string()
  .optional()
  .transform((value) => value ?? '')
  .pipe(checkedIntroduction);
// With a sign-off, a missing paragraph leaves the saved one as it is.
const introductionIfSent = checkedIntroduction.optional();

export const REPORT_INTENTS = ['save', 'refresh', 'sign-off'] as const;
export type ReportIntent = (typeof REPORT_INTENTS)[number];

export const reportActionForm = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('save'), version, introduction }),
    z.object({ intent: z.literal('refresh'), version }),
    z.object({
      intent: z.literal('sign-off'),
      version,
      introduction: introductionIfSent,
      confirm: z.literal('yes', { error: 'Confirm that you have read this report and it is ready for the referrer' }),
    }),
  ],
  { error: 'Choose what to do with this report' },
);

export type ReportAction = z.output<typeof reportActionForm>;

export const prepareReportForm = z.object({
  kind: z.enum(REPORT_KINDS, { error: 'Select the report to prepare' }),
});
