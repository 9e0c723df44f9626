import { describe, expect, it } from 'vitest';
import { CASE_EVENT_TYPES, CASE_MACHINE_VERSION, CASE_STATES, type CaseEvent, type CaseEventType, type CaseState } from '../../../modules/referrals/case-machine';
import { advanceCase } from '../../../modules/referrals/snapshot';
import { snapshotIn } from '../../support/case-snapshots';

/** Each event with words and a worker, so only the state decides. */
const EVENTS: Record<CaseEventType, CaseEvent> = {
  SUBMIT: { type: 'SUBMIT' },
  START_SCREENING: { type: 'START_SCREENING' },
  REQUEST_INFORMATION: { type: 'REQUEST_INFORMATION', request: 'His date of birth.' },
  PROVIDE_INFORMATION: { type: 'PROVIDE_INFORMATION', response: '12 April 1985.' },
  DECLINE: { type: 'DECLINE', reason: 'Outside the criteria.' },
  ACCEPT: { type: 'ACCEPT' },
  ALLOCATE: { type: 'ALLOCATE', workerId: 'worker-2' },
  START_ASSESSMENT: { type: 'START_ASSESSMENT' },
  START_PROGRAMME: { type: 'START_PROGRAMME' },
  COMPLETE: { type: 'COMPLETE' },
  END_EARLY: { type: 'END_EARLY', reason: 'non_compliance', detail: 'Three sessions missed.' },
  CLOSE: { type: 'CLOSE', outcome: 'Finished.' },
};

/** Where each event takes a case from each state; anything not listed is refused. */
const EXPECTED: Record<CaseState, Partial<Record<CaseEventType, CaseState>>> = {
  draft: { SUBMIT: 'submitted' },
  submitted: { START_SCREENING: 'screening', REQUEST_INFORMATION: 'more_information_requested', DECLINE: 'declined' },
  screening: { REQUEST_INFORMATION: 'more_information_requested', DECLINE: 'declined', ACCEPT: 'accepted' },
  more_information_requested: { PROVIDE_INFORMATION: 'submitted', DECLINE: 'declined' },
  declined: { CLOSE: 'closed' },
  accepted: { ALLOCATE: 'allocated' },
  allocated: { ALLOCATE: 'allocated', START_ASSESSMENT: 'assessment', END_EARLY: 'ended_early' },
  assessment: { ALLOCATE: 'assessment', START_PROGRAMME: 'in_programme', END_EARLY: 'ended_early' },
  in_programme: { ALLOCATE: 'in_programme', COMPLETE: 'completed', END_EARLY: 'ended_early' },
  completed: { CLOSE: 'closed' },
  ended_early: { CLOSE: 'closed' },
  closed: {},
};

describe('the case machine, every event from every state', () => {
  const cases = CASE_STATES.flatMap((state) => CASE_EVENT_TYPES.map((event) => [state, event, EXPECTED[state][event] ?? 'refused'] as const));

  it('covers all 12 states and 12 events', () => {
    expect(cases).toHaveLength(CASE_STATES.length * CASE_EVENT_TYPES.length);
    expect(cases.filter(([, , target]) => target !== 'refused')).toHaveLength(22);
  });

  it.each(cases)('from %s, %s → %s', (state, type, target) => {
    const result = advanceCase(snapshotIn(state), CASE_MACHINE_VERSION, EVENTS[type]);
    if (target === 'refused') {
      expect(result).toEqual({ accepted: false, state });
    } else {
      expect(result.accepted).toBe(true);
      expect(result.state).toBe(target);
    }
  });
});

describe('the guards', () => {
  it.each([
    ['submitted', { type: 'REQUEST_INFORMATION', request: '' }],
    ['submitted', { type: 'REQUEST_INFORMATION', request: '   \n ' }],
    ['screening', { type: 'DECLINE', reason: '' }],
    ['more_information_requested', { type: 'DECLINE', reason: ' ' }],
    ['more_information_requested', { type: 'PROVIDE_INFORMATION', response: '\t' }],
    ['allocated', { type: 'END_EARLY', reason: 'withdrawn', detail: '  ' }],
  ] as Array<[CaseState, CaseEvent]>)('refuses an empty reason (%s, %o)', (state, event) => {
    expect(advanceCase(snapshotIn(state), CASE_MACHINE_VERSION, event)).toEqual({ accepted: false, state });
  });

  it('refuses to allocate a case to the worker who already has it, or to nobody', () => {
    for (const state of ['allocated', 'assessment', 'in_programme'] as const) {
      expect(advanceCase(snapshotIn(state), CASE_MACHINE_VERSION, { type: 'ALLOCATE', workerId: 'worker-1' }).accepted).toBe(false);
      expect(advanceCase(snapshotIn(state), CASE_MACHINE_VERSION, { type: 'ALLOCATE', workerId: '' }).accepted).toBe(false);
    }
    expect(advanceCase(snapshotIn('accepted'), CASE_MACHINE_VERSION, { type: 'ALLOCATE', workerId: '' }).accepted).toBe(false);
  });

  it('keeps what the steps say in the context: the worker, the open request, the submissions', () => {
    const requested = advanceCase(snapshotIn('submitted'), CASE_MACHINE_VERSION, { type: 'REQUEST_INFORMATION', request: 'His address.' });
    expect(requested.accepted && requested.context.openInformationRequest).toBe('His address.');
    if (!requested.accepted) throw new Error('unreachable');
    const answered = advanceCase(requested.snapshot, CASE_MACHINE_VERSION, { type: 'PROVIDE_INFORMATION', response: '2 Test Road.' });
    expect(answered.accepted && answered.context).toMatchObject({ openInformationRequest: null, submissions: 2 });
    const reallocated = advanceCase(snapshotIn('allocated'), CASE_MACHINE_VERSION, { type: 'ALLOCATE', workerId: 'worker-2' });
    expect(reallocated.accepted && reallocated.context.allocatedWorkerId).toBe('worker-2');
  });
});
