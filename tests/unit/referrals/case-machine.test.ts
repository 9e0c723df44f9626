import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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
  COMPLETE: { type: 'COMPLETE', attended: 24, needed: 24 },
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

describe('completion means delivery', () => {
  const otherEvents = CASE_EVENT_TYPES.filter((type) => type !== 'COMPLETE').map((type) => EVENTS[type]);
  const completeEvent = fc.record(
    {
      type: fc.constant('COMPLETE' as const),
      attended: fc.integer({ min: -2, max: 40 }),
      needed: fc.integer({ min: -2, max: 40 }),
      override: fc.oneof(fc.constant(undefined), fc.constant(''), fc.constant('  \n'), fc.string({ maxLength: 20 })),
    },
    { requiredKeys: ['type', 'attended', 'needed'] },
  );
  const delivered = (event: Extract<CaseEvent, { type: 'COMPLETE' }>) =>
    (Number.isInteger(event.needed) && event.needed > 0 && event.attended >= event.needed) || (typeof event.override === 'string' && event.override.trim().length > 0);

  it('refuses completion with too few sessions and no reason, and takes it with enough sessions or a reason', () => {
    const inProgramme = snapshotIn('in_programme');
    expect(advanceCase(inProgramme, CASE_MACHINE_VERSION, { type: 'COMPLETE', attended: 0, needed: 24 }).accepted).toBe(false);
    expect(advanceCase(inProgramme, CASE_MACHINE_VERSION, { type: 'COMPLETE', attended: 23, needed: 24 }).accepted).toBe(false);
    expect(advanceCase(inProgramme, CASE_MACHINE_VERSION, { type: 'COMPLETE', attended: 0, needed: 0 }).accepted).toBe(false);
    expect(advanceCase(inProgramme, CASE_MACHINE_VERSION, { type: 'COMPLETE', attended: 3, needed: 24, override: ' ' }).accepted).toBe(false);
    expect(advanceCase(inProgramme, CASE_MACHINE_VERSION, { type: 'COMPLETE', attended: 24, needed: 24 }).state).toBe('completed');
    expect(advanceCase(inProgramme, CASE_MACHINE_VERSION, { type: 'COMPLETE', attended: 3, needed: 24, override: 'Moved to a prison programme.' }).state).toBe('completed');
  });

  it('reaches completed on no path of events unless the step into it met the rule or carried a reason', () => {
    fc.assert(
      // From every state (so the walk reaches the programme often), through any events at all.
      fc.property(fc.constantFrom(...CASE_STATES.filter((state) => state !== 'completed')), fc.array(fc.oneof(fc.constantFrom(...otherEvents), completeEvent), { maxLength: 14 }), (start, events) => {
        let snapshot: unknown = snapshotIn(start);
        for (const event of events) {
          const step = advanceCase(snapshot, CASE_MACHINE_VERSION, event);
          if (!step.accepted) continue;
          if (step.state === 'completed' && step.from !== 'completed') {
            expect(event.type).toBe('COMPLETE');
            expect(delivered(event as Extract<CaseEvent, { type: 'COMPLETE' }>)).toBe(true);
          }
          snapshot = step.snapshot;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reaches completed on the paths that lead there, when each COMPLETE is delivered', () => {
    // The property above would pass vacuously if nothing ever completed: this path does.
    let snapshot: unknown = snapshotIn('in_programme');
    const step = advanceCase(snapshot, CASE_MACHINE_VERSION, { type: 'COMPLETE', attended: 12, needed: 12 });
    expect(step.accepted && step.state).toBe('completed');
    snapshot = step.accepted ? step.snapshot : snapshot;
    expect(advanceCase(snapshot, CASE_MACHINE_VERSION, EVENTS.CLOSE).state).toBe('closed');
  });
});
