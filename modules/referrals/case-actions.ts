/**
 * The forms on a case page: one zod schema for each step a person can take there, and
 * the case event each becomes. Every form names its step (`event`) and the version of
 * the case the person was looking at (`version`), so the server can tell a stale page.
 */
import { z } from 'zod';
import { UUID_PATTERN } from '../administration/forms';
import type { CaseEvent, CaseEventType } from './case-machine';

/** The steps the case page takes; later steps (assessment, sessions) have pages of their own. */
export const CASE_PAGE_EVENTS = ['START_SCREENING', 'REQUEST_INFORMATION', 'PROVIDE_INFORMATION', 'DECLINE', 'ACCEPT', 'ALLOCATE', 'CLOSE'] as const satisfies readonly CaseEventType[];
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
    z.object({ event: z.literal('CLOSE'), version, outcome: text('Enter the outcome to record', 'The outcome', OUTCOME_MAX_LENGTH) }),
  ],
  { error: 'Choose what to do with this referral' },
);

export type CaseAction = z.output<typeof caseActionForm>;

/** The text field of each step, if it has one: kept and shown again when the step cannot be saved. */
export const TEXT_FIELD: Partial<Record<CasePageEvent, 'request' | 'response' | 'reason' | 'outcome'>> = {
  REQUEST_INFORMATION: 'request',
  PROVIDE_INFORMATION: 'response',
  DECLINE: 'reason',
  CLOSE: 'outcome',
};

export function caseEventFrom(action: CaseAction): CaseEvent {
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
    case 'CLOSE':
      return { type: 'CLOSE', outcome: action.outcome };
  }
}
