/**
 * The CHOICE case, from the referrer's draft to closure, as one xstate machine. The
 * machine says only which step may follow which; it has no side effects (entry
 * actions do not re-run when a snapshot is restored). Everything a step changes in
 * the database, and every email, happens in modules/referrals/transitions.ts, in the
 * same transaction that stores the new snapshot.
 *
 * Context is plain JSON (no Dates, no clients), so the persisted snapshot is too.
 */
import { assign, setup } from 'xstate';

/** Bump when a change means old snapshots cannot be read as they are; add a migration in snapshot.ts. */
export const CASE_MACHINE_VERSION = 1;
export const CASE_MACHINE_ID = 'choice-case';

export const CASE_STATES = [
  'draft',
  'submitted',
  'screening',
  'more_information_requested',
  'declined',
  'accepted',
  'allocated',
  'assessment',
  'in_programme',
  'completed',
  'ended_early',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const END_EARLY_REASONS = ['non_compliance', 'withdrawn', 'breached', 'returned_to_referrer'] as const;
export type EndEarlyReason = (typeof END_EARLY_REASONS)[number];

export type CaseEvent =
  | { type: 'SUBMIT' }
  | { type: 'START_SCREENING' }
  | { type: 'REQUEST_INFORMATION'; request: string }
  | { type: 'PROVIDE_INFORMATION'; response: string }
  | { type: 'DECLINE'; reason: string }
  | { type: 'ACCEPT' }
  | { type: 'ALLOCATE'; workerId: string }
  | { type: 'START_ASSESSMENT' }
  | { type: 'START_PROGRAMME' }
  /**
   * Completion carries the attendance the module counted and the programme's rule asks
   * for, or a CHOICE manager's reason for recording it anyway (the module checks who).
   */
  | { type: 'COMPLETE'; attended: number; needed: number; override?: string }
  | { type: 'END_EARLY'; reason: EndEarlyReason; detail: string }
  | { type: 'CLOSE'; outcome: string };

export type CaseEventType = CaseEvent['type'];

export const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'SUBMIT',
  'START_SCREENING',
  'REQUEST_INFORMATION',
  'PROVIDE_INFORMATION',
  'DECLINE',
  'ACCEPT',
  'ALLOCATE',
  'START_ASSESSMENT',
  'START_PROGRAMME',
  'COMPLETE',
  'END_EARLY',
  'CLOSE',
];

export interface CaseContext {
  allocatedWorkerId: string | null;
  /** How many times the referral has been sent (a resubmission after a request counts). */
  submissions: number;
  openInformationRequest: string | null;
  declineReason: string | null;
  endEarlyReason: EndEarlyReason | null;
  outcome: string | null;
}

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
  },
  guards: {
    hasText: ({ event }) => {
      // Ending early names a reason from a list; the words that must not be empty are the detail.
      const text =
        event.type === 'END_EARLY' ? event.detail : 'reason' in event ? event.reason : 'request' in event ? event.request : 'response' in event ? event.response : '';
      return typeof text === 'string' && text.trim().length > 0;
    },
    // Completion means delivery: the sessions the rule needs were attended, or a manager said why not.
    delivered: ({ event }) =>
      event.type === 'COMPLETE' &&
      ((Number.isInteger(event.needed) && event.needed > 0 && event.attended >= event.needed) || (typeof event.override === 'string' && event.override.trim().length > 0)),
    isNewWorker: ({ context, event }) => event.type === 'ALLOCATE' && event.workerId.length > 0 && event.workerId !== context.allocatedWorkerId,
  },
  actions: {
    countSubmission: assign({ submissions: ({ context }) => context.submissions + 1 }),
    openRequest: assign({ openInformationRequest: ({ event }) => (event.type === 'REQUEST_INFORMATION' ? event.request : null) }),
    closeRequest: assign({ openInformationRequest: null }),
    recordDecline: assign({ declineReason: ({ event }) => (event.type === 'DECLINE' ? event.reason : null) }),
    recordWorker: assign({ allocatedWorkerId: ({ event, context }) => (event.type === 'ALLOCATE' ? event.workerId : context.allocatedWorkerId) }),
    recordEndEarly: assign({ endEarlyReason: ({ event }) => (event.type === 'END_EARLY' ? event.reason : null) }),
    recordOutcome: assign({ outcome: ({ event }) => (event.type === 'CLOSE' ? event.outcome : null) }),
  },
}).createMachine({
  id: CASE_MACHINE_ID,
  initial: 'draft',
  context: {
    allocatedWorkerId: null,
    submissions: 0,
    openInformationRequest: null,
    declineReason: null,
    endEarlyReason: null,
    outcome: null,
  },
  states: {
    draft: { on: { SUBMIT: { target: 'submitted', actions: 'countSubmission' } } },
    submitted: {
      on: {
        START_SCREENING: 'screening',
        REQUEST_INFORMATION: { target: 'more_information_requested', guard: 'hasText', actions: 'openRequest' },
        DECLINE: { target: 'declined', guard: 'hasText', actions: 'recordDecline' },
      },
    },
    screening: {
      on: {
        REQUEST_INFORMATION: { target: 'more_information_requested', guard: 'hasText', actions: 'openRequest' },
        DECLINE: { target: 'declined', guard: 'hasText', actions: 'recordDecline' },
        ACCEPT: 'accepted',
      },
    },
    more_information_requested: {
      on: {
        PROVIDE_INFORMATION: { target: 'submitted', guard: 'hasText', actions: ['closeRequest', 'countSubmission'] },
        DECLINE: { target: 'declined', guard: 'hasText', actions: ['closeRequest', 'recordDecline'] },
      },
    },
    declined: { on: { CLOSE: { target: 'closed', actions: 'recordOutcome' } } },
    accepted: { on: { ALLOCATE: { target: 'allocated', guard: 'isNewWorker', actions: 'recordWorker' } } },
    allocated: {
      on: {
        // Reallocation is a transition too: it is recorded like any other.
        ALLOCATE: { target: 'allocated', guard: 'isNewWorker', actions: 'recordWorker', reenter: true },
        START_ASSESSMENT: 'assessment',
        END_EARLY: { target: 'ended_early', guard: 'hasText', actions: 'recordEndEarly' },
      },
    },
    assessment: {
      on: {
        ALLOCATE: { target: 'assessment', guard: 'isNewWorker', actions: 'recordWorker', reenter: true },
        START_PROGRAMME: 'in_programme',
        END_EARLY: { target: 'ended_early', guard: 'hasText', actions: 'recordEndEarly' },
      },
    },
    in_programme: {
      on: {
        ALLOCATE: { target: 'in_programme', guard: 'isNewWorker', actions: 'recordWorker', reenter: true },
        COMPLETE: { target: 'completed', guard: 'delivered' },
        END_EARLY: { target: 'ended_early', guard: 'hasText', actions: 'recordEndEarly' },
      },
    },
    completed: { on: { CLOSE: { target: 'closed', actions: 'recordOutcome' } } },
    ended_early: { on: { CLOSE: { target: 'closed', actions: 'recordOutcome' } } },
    closed: { type: 'final' },
  },
});
