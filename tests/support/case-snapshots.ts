/**
 * A persisted case snapshot in any state, made by sending the machine the events that
 * lead there: for unit tests of the machine and of what a page offers in each state.
 */
import { createActor } from 'xstate';
import { caseMachine, type CaseEvent, type CaseState } from '../../modules/referrals/case-machine';
import type { PersistedCase } from '../../modules/referrals/snapshot';

/** Events that bring a new case to each state (the first allocation is to worker-1). */
export const PATHS: Record<CaseState, CaseEvent[]> = {
  draft: [],
  submitted: [{ type: 'SUBMIT' }],
  screening: [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }],
  more_information_requested: [{ type: 'SUBMIT' }, { type: 'REQUEST_INFORMATION', request: 'The charge sheet, please.' }],
  declined: [{ type: 'SUBMIT' }, { type: 'DECLINE', reason: 'A contact offence.' }],
  accepted: [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }, { type: 'ACCEPT' }],
  allocated: [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }, { type: 'ACCEPT' }, { type: 'ALLOCATE', workerId: 'worker-1' }],
  assessment: [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }, { type: 'ACCEPT' }, { type: 'ALLOCATE', workerId: 'worker-1' }, { type: 'START_ASSESSMENT' }],
  in_programme: [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }, { type: 'ACCEPT' }, { type: 'ALLOCATE', workerId: 'worker-1' }, { type: 'START_ASSESSMENT' }, { type: 'START_PROGRAMME' }],
  completed: [
    { type: 'SUBMIT' },
    { type: 'START_SCREENING' },
    { type: 'ACCEPT' },
    { type: 'ALLOCATE', workerId: 'worker-1' },
    { type: 'START_ASSESSMENT' },
    { type: 'START_PROGRAMME' },
    { type: 'COMPLETE', attended: 24, needed: 24 },
  ],
  ended_early: [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }, { type: 'ACCEPT' }, { type: 'ALLOCATE', workerId: 'worker-1' }, { type: 'END_EARLY', reason: 'withdrawn', detail: 'He moved away.' }],
  closed: [{ type: 'SUBMIT' }, { type: 'DECLINE', reason: 'Not eligible.' }, { type: 'CLOSE', outcome: 'Referrer told.' }],
};

export function snapshotIn(state: CaseState): PersistedCase {
  const actor = createActor(caseMachine).start();
  for (const event of PATHS[state]) actor.send(event);
  if (actor.getSnapshot().value !== state) throw new Error(`The path to ${state} ends in ${String(actor.getSnapshot().value)}`);
  const snapshot = actor.getPersistedSnapshot() as PersistedCase;
  actor.stop();
  return snapshot;
}
