import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { crossedBy, nonComplianceStage } from '../../../modules/sessions/non-compliance';
import { SESSION_EVENT_TYPES, SESSION_STATES, sessionMachine, type SessionEvent, type SessionEventType, type SessionState } from '../../../modules/sessions/session-machine';

const SAMPLE: Record<SessionEventType, SessionEvent> = {
  MARK_ATTENDED: { type: 'MARK_ATTENDED' },
  RECORD_NOTES: { type: 'RECORD_NOTES' },
  SIGN_OFF: { type: 'SIGN_OFF' },
  MARK_NOT_ATTENDED: { type: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', reason: 'No contact, no reason given' },
  RESCHEDULE: { type: 'RESCHEDULE', reason: 'Hospital appointment' },
  CANCEL: { type: 'CANCEL', reason: 'Worker unwell' },
  // To a missed session with an acceptable reason: a change from every held or missed state on the sample path.
  CORRECT_ATTENDANCE: { type: 'CORRECT_ATTENDANCE', attendance: 'acceptable', reason: 'He had phoned the office; the message reached me later.' },
};

const PATH: Record<SessionState, SessionEvent[]> = {
  scheduled: [],
  attended: [SAMPLE.MARK_ATTENDED],
  notes_recorded: [SAMPLE.MARK_ATTENDED, SAMPLE.RECORD_NOTES],
  signed_off: [SAMPLE.MARK_ATTENDED, SAMPLE.RECORD_NOTES, SAMPLE.SIGN_OFF],
  not_attended: [SAMPLE.MARK_NOT_ATTENDED],
  rescheduled: [SAMPLE.RESCHEDULE],
  cancelled: [SAMPLE.CANCEL],
};

/** Every state × every event: where it goes, or null where the machine refuses. */
const EXPECTED: Record<SessionState, Partial<Record<SessionEventType, SessionState>>> = {
  scheduled: { MARK_ATTENDED: 'attended', MARK_NOT_ATTENDED: 'not_attended', RESCHEDULE: 'rescheduled', CANCEL: 'cancelled' },
  attended: { RECORD_NOTES: 'notes_recorded', CORRECT_ATTENDANCE: 'not_attended' },
  notes_recorded: { RECORD_NOTES: 'notes_recorded', SIGN_OFF: 'signed_off', CORRECT_ATTENDANCE: 'not_attended' },
  signed_off: { CORRECT_ATTENDANCE: 'not_attended' },
  not_attended: { CORRECT_ATTENDANCE: 'not_attended' },
  rescheduled: {},
  cancelled: {},
};

function actorIn(state: SessionState) {
  const actor = createActor(sessionMachine).start();
  for (const event of PATH[state]) actor.send(event);
  expect(actor.getSnapshot().value).toBe(state);
  return actor;
}

describe('the session machine', () => {
  for (const state of SESSION_STATES) {
    for (const type of SESSION_EVENT_TYPES) {
      const target = EXPECTED[state][type] ?? null;
      it(`${state} + ${type} → ${target ?? 'refused'}`, () => {
        const actor = actorIn(state);
        expect(actor.getSnapshot().can(SAMPLE[type])).toBe(target !== null);
        actor.send(SAMPLE[type]);
        expect(actor.getSnapshot().value).toBe(target ?? state);
      });
    }
  }

  it('refuses an absence, a move or a cancellation without a reason, and an absence not judged', () => {
    const actor = actorIn('scheduled');
    expect(actor.getSnapshot().can({ type: 'MARK_NOT_ATTENDED', judgement: 'acceptable', reason: '  ' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'MARK_NOT_ATTENDED', judgement: 'maybe' as never, reason: 'Ill' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'RESCHEDULE', reason: '' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'CANCEL', reason: ' ' })).toBe(false);
  });

  it('corrects a record only to something different, and only with a reason', () => {
    const missed = actorIn('not_attended');
    expect(missed.getSnapshot().can({ type: 'CORRECT_ATTENDANCE', attendance: 'unacceptable', reason: 'Same as before' })).toBe(false);
    expect(missed.getSnapshot().can({ type: 'CORRECT_ATTENDANCE', attendance: 'attended', reason: ' ' })).toBe(false);
    missed.send({ type: 'CORRECT_ATTENDANCE', attendance: 'attended', reason: 'I clicked the wrong button: he was there.' });
    expect(missed.getSnapshot().value).toBe('attended');
    expect(missed.getSnapshot().context.absence).toBeNull();
    expect(actorIn('attended').getSnapshot().can({ type: 'CORRECT_ATTENDANCE', attendance: 'attended', reason: 'x' })).toBe(false);
  });

  it('keeps the judgement and reason of an absence in its context', () => {
    const actor = actorIn('not_attended');
    expect(actor.getSnapshot().context).toEqual({ absence: 'unacceptable', reason: 'No contact, no reason given' });
  });

  it('restores from a persisted snapshot and carries on', () => {
    const first = actorIn('attended');
    const restored = createActor(sessionMachine, { snapshot: JSON.parse(JSON.stringify(first.getPersistedSnapshot())) }).start();
    restored.send(SAMPLE.RECORD_NOTES);
    expect(restored.getSnapshot().value).toBe('notes_recorded');
  });
});

describe('the non-compliance rule', () => {
  const defaults = { warningAfterUnacceptableAbsences: 1, endAfterUnacceptableAbsences: 2 };
  it('gives a warning at the first unacceptable absence and allows an early end at the second', () => {
    expect(nonComplianceStage(0, defaults)).toBe('none');
    expect(nonComplianceStage(1, defaults)).toBe('warning');
    expect(nonComplianceStage(2, defaults)).toBe('may-end');
    expect(nonComplianceStage(5, defaults)).toBe('may-end');
  });
  it('follows the thresholds a manager sets, at every count', () => {
    const patient = { warningAfterUnacceptableAbsences: 2, endAfterUnacceptableAbsences: 4 };
    expect([0, 1, 2, 3, 4].map((n) => nonComplianceStage(n, patient))).toEqual(['none', 'none', 'warning', 'warning', 'may-end']);
  });
  it('says what an absence newly triggers, only when a threshold is crossed', () => {
    expect(crossedBy(0, defaults)).toBe('warning');
    expect(crossedBy(1, defaults)).toBe('may-end');
    expect(crossedBy(2, defaults)).toBeNull();
    const patient = { warningAfterUnacceptableAbsences: 2, endAfterUnacceptableAbsences: 4 };
    expect([0, 1, 2, 3, 4].map((n) => crossedBy(n, patient))).toEqual([null, 'warning', null, 'may-end', null]);
  });
});
