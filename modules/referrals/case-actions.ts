/**
 * The forms on a case page: one zod schema for each step a person can take there, and
 * the case event each becomes. Every form names its step (`event`) and the version of
 * the case the person was looking at (`version`), so the server can tell a stale page.
 */
import { z } from 'zod';
import { UUID_PATTERN } from '../administration/forms';
import { END_EARLY_REASONS, type CaseEvent, type CaseEventType } from './case-machine';

/**
 * The steps the case page takes. Submitting has the check-answers page, and starting the
 * programme is the manager's sign-off of the plan (modules/assessment/plan.ts).
 */
export const CASE_PAGE_EVENTS = [
  'START_SCREENING',
  'REQUEST_INFORMATION',
  'PROVIDE_INFORMATION',
  'DECLINE',
  'ACCEPT',
  'ALLOCATE',
  'START_ASSESSMENT',
  'COMPLETE',
  'END_EARLY',
  'CLOSE',
] as const satisfies readonly CaseEventType[];
export type CasePageEvent = (typeof CASE_PAGE_EVENTS)[number];

export const isCasePageEvent = (type: string): type is CasePageEvent => (CASE_PAGE_EVENTS as readonly string[]).includes(type);

export const TEXT_MAX_LENGTH = 4_000;
export const OUTCOME_MAX_LENGTH = 500;

const STALE = 'This page is out of date. Reload it and try again';
const version = z
  .string({ error: STALE })
  .regex(/^\d{1,9}$/, STALE)
  .transform(Number);

/** Several lines of typed text: required, not too long, nothing PostgreSQL cannot store. */
const text = (missing: string, what: string, max = TEXT_MAX_LENGTH) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${what} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .refine((value) => !value.includes('\u0000'), `${what} must not contain hidden characters`);

export const caseActionForm = z.discriminatedUnion(
  'event',
  [
    z.object({ event: z.literal('START_SCREENING'), version }),
    z.object({ event: z.literal('REQUEST_INFORMATION'), version, request: text('Enter what you need to know from the referrer', 'Your request') }),
    z.object({ event: z.literal('PROVIDE_INFORMATION'), version, response: text('Enter your answer to CHOICE’s request', 'Your answer') }),
    z.object({
      event: z.literal('DECLINE'),
      version,
      reason: text('Enter why CHOICE cannot accept this referral', 'The reason'),
      confirmDecline: z.literal('yes', { error: 'Confirm that you want to decline this referral' }),
    }),
    z.object({ event: z.literal('ACCEPT'), version }),
    z.object({ event: z.literal('ALLOCATE'), version, workerId: z.string({ error: 'Select who will work with him' }).regex(UUID_PATTERN, 'Select who will work with him') }),
    z.object({ event: z.literal('START_ASSESSMENT'), version }),
    z.object({
      event: z.literal('COMPLETE'),
      version,
      confirmComplete: z.literal('yes', { error: 'Confirm that he has completed the programme' }),
      // A CHOICE manager's reason for recording completion when fewer sessions were attended than the rule asks.
      overrideReason: z
        .string()
        .trim()
        .max(TEXT_MAX_LENGTH, `The reason must be ${TEXT_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`)
        .refine((value) => !value.includes('\u0000'), 'The reason must not contain hidden characters')
        .optional()
        .transform((value) => (value ? value : undefined)),
    }),
    z.object({
      event: z.literal('END_EARLY'),
      version,
      endReason: z.enum(END_EARLY_REASONS, { error: 'Select why the programme is ending early' }),
      detail: text('Enter what happened', 'What happened'),
    }),
    z.object({ event: z.literal('CLOSE'), version, outcome: text('Enter a note about the outcome', 'The note', OUTCOME_MAX_LENGTH) }),
  ],
  { error: 'Choose what to do with this referral' },
);

export type CaseAction = z.output<typeof caseActionForm>;

/** The text field of each step, if it has one: kept and shown again when the step cannot be saved. */
export const TEXT_FIELD: Partial<Record<CasePageEvent, 'request' | 'response' | 'reason' | 'detail' | 'outcome' | 'overrideReason'>> = {
  COMPLETE: 'overrideReason',
  REQUEST_INFORMATION: 'request',
  PROVIDE_INFORMATION: 'response',
  DECLINE: 'reason',
  END_EARLY: 'detail',
  CLOSE: 'outcome',
};

/**
 * The case event a form becomes. Completion also carries the attendance counted by
 * modules/sessions/completion.ts, for the machine to check against the rule.
 */
export function caseEventFrom(action: CaseAction, delivery: { attended: number; needed: number } = { attended: 0, needed: 0 }): CaseEvent {
  switch (action.event) {
    case 'START_SCREENING':
      return { type: 'START_SCREENING' };
    case 'REQUEST_INFORMATION':
      return { type: 'REQUEST_INFORMATION', request: action.request };
    case 'PROVIDE_INFORMATION':
      return { type: 'PROVIDE_INFORMATION', response: action.response };
    case 'DECLINE':
      return { type: 'DECLINE', reason: action.reason };
    case 'ACCEPT':
      return { type: 'ACCEPT' };
    case 'ALLOCATE':
      return { type: 'ALLOCATE', workerId: action.workerId.toLowerCase() };
    case 'START_ASSESSMENT':
      return { type: 'START_ASSESSMENT' };
    case 'COMPLETE':
      return { type: 'COMPLETE', attended: delivery.attended, needed: delivery.needed, ...(action.overrideReason ? { override: action.overrideReason } : {}) };
    case 'END_EARLY':
      return { type: 'END_EARLY', reason: action.endReason, detail: action.detail };
    case 'CLOSE':
      return { type: 'CLOSE', outcome: action.outcome };
  }
}
