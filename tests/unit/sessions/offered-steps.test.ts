import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { SessionPageStep } from '../../../modules/sessions/forms';
import { offeredSessionSteps, sessionRefusal, stepBlockedBy, type StepContext } from '../../../modules/sessions/offered-steps';
import { SESSION_MACHINE_VERSION, SESSION_STATES, sessionMachine, type SessionEvent, type SessionState } from '../../../modules/sessions/session-machine';

/** The events that bring a new session to each state. */
const PATHS: Record<SessionState, SessionEvent[]> = {
  scheduled: [],
  attended: [{ type: 'MARK_ATTENDED' }],
  notes_recorded: [{ type: 'MARK_ATTENDED' }, { type: 'RECORD_NOTES' }],
  signed_off: [{ type: 'MARK_ATTENDED' }, { type: 'RECORD_NOTES' }, { type: 'SIGN_OFF' }],
  not_attended: [{ type: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', reason: 'No contact' }],
  rescheduled: [{ type: 'RESCHEDULE', reason: 'Hospital appointment' }],
  cancelled: [{ type: 'CANCEL', reason: 'Moved away' }],
};

function snapshotIn(state: SessionState): unknown {
  const actor = createActor(sessionMachine).start();
  for (const event of PATHS[state]) actor.send(event);
  expect(actor.getSnapshot().value).toBe(state);
  const snapshot = actor.getPersistedSnapshot();
  actor.stop();
  return JSON.parse(JSON.stringify(snapshot));
}

const WORKER: StepContext = { manager: false, started: true, caseOpen: true };
const MANAGER: StepContext = { manager: true, started: true, caseOpen: true };

/** What a worker and a manager are offered in each state, once the session has started. */
const EXPECTED: Record<SessionState, { worker: SessionPageStep[]; manager: SessionPageStep[] }> = {
  scheduled: { worker: ['MARK_ATTENDED', 'MARK_NOT_ATTENDED', 'RESCHEDULE', 'CANCEL'], manager: ['MARK_ATTENDED', 'MARK_NOT_ATTENDED', 'RESCHEDULE', 'CANCEL'] },
  // Whether he came can be corrected once it is recorded (who may, and until when, is checked when it is posted).
  attended: { worker: ['RECORD_NOTES', 'CORRECT_ATTENDANCE'], manager: ['RECORD_NOTES', 'CORRECT_ATTENDANCE'] },
  notes_recorded: { worker: ['RECORD_NOTES', 'CORRECT_ATTENDANCE'], manager: ['RECORD_NOTES', 'SIGN_OFF', 'CORRECT_ATTENDANCE'] },
  signed_off: { worker: ['CORRECT_ATTENDANCE'], manager: ['CORRECT_ATTENDANCE'] },
  not_attended: { worker: ['CORRECT_ATTENDANCE'], manager: ['CORRECT_ATTENDANCE'] },
  rescheduled: { worker: [], manager: [] },
  cancelled: { worker: [], manager: [] },
};

describe('the steps a session page offers', () => {
  it.each(SESSION_STATES)('in state %s, to a worker and to a manager', (state) => {
    const snapshot = snapshotIn(state);
    expect(offeredSessionSteps(snapshot, SESSION_MACHINE_VERSION, WORKER)).toEqual(EXPECTED[state].worker);
    expect(offeredSessionSteps(snapshot, SESSION_MACHINE_VERSION, MANAGER)).toEqual(EXPECTED[state].manager);
  });

  it('offers whether he came only once the session has started', () => {
    expect(offeredSessionSteps(snapshotIn('scheduled'), SESSION_MACHINE_VERSION, { ...WORKER, started: false })).toEqual(['RESCHEDULE', 'CANCEL']);
    expect(stepBlockedBy('MARK_ATTENDED', { ...WORKER, started: false })).toBe('You can record whether he came once the session has started.');
  });

  it('does not offer a move once the case can no longer have sessions booked', () => {
    expect(offeredSessionSteps(snapshotIn('scheduled'), SESSION_MACHINE_VERSION, { ...MANAGER, caseOpen: false })).toEqual(['MARK_ATTENDED', 'MARK_NOT_ATTENDED', 'CANCEL']);
  });

  it('says why a step is refused, in words', () => {
    expect(sessionRefusal('signed_off', 'RECORD_NOTES')).toBe('This session has been signed off, so its notes cannot be recorded or changed.');
    expect(sessionRefusal('cancelled', 'MARK_ATTENDED')).toBe('This session has been cancelled, so it cannot be marked as attended.');
    expect(stepBlockedBy('SIGN_OFF', WORKER)).toBe('Only a manager can sign a session off.');
    expect(stepBlockedBy('SIGN_OFF', MANAGER)).toBeNull();
  });

  it('refuses to read a snapshot from an unknown version of the machine', () => {
    expect(() => offeredSessionSteps(snapshotIn('scheduled'), SESSION_MACHINE_VERSION + 1, MANAGER)).toThrow(/version/);
  });
});
