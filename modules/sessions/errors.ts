/**
 * What can go wrong with a session, as types a route maps to its own words: the slot
 * is taken, someone else changed the session first, the machine refuses the step, or
 * the session (or case) is not one this person may book or change.
 */
import type { SessionEventRow } from '../../db/schema';
import type { SessionEvent, SessionState } from './session-machine';

export interface ClashingSession {
  id: string;
  referralId: string;
  startsAt: Date;
  endsAt: Date;
}

export class SlotTakenError extends Error {
  constructor(readonly clash: ClashingSession | null) {
    super('The worker already has a session at that time.');
    this.name = 'SlotTakenError';
  }
}

export class SessionConflictError extends Error {
  constructor(
    readonly current: { version: number; state: SessionState },
    /** What others did since the version the person saw, oldest first. */
    readonly changes: SessionEventRow[],
  ) {
    super('This session was changed by someone else.');
    this.name = 'SessionConflictError';
  }
}

export class SessionTransitionRefusedError extends Error {
  constructor(
    readonly state: SessionState,
    readonly event: SessionEvent['type'],
  ) {
    super(`A session that is ${state.replace(/_/g, ' ')} cannot take the step ${event}.`);
    this.name = 'SessionTransitionRefusedError';
  }
}

export class SessionNotFoundError extends Error {
  constructor() {
    super('There is no such session, or it is not one you can see.');
    this.name = 'SessionNotFoundError';
  }
}

/** The case is not at a stage that has sessions, or this person may not book or change them. */
export class SessionNotAllowedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionNotAllowedError';
  }
}
