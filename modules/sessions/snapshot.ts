/**
 * Reading and advancing a stored session snapshot, as modules/referrals/snapshot.ts
 * does for a case. A snapshot of an older version is migrated step by step; one from a
 * version this code does not know is refused, never misread.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import { SESSION_MACHINE_VERSION, SESSION_STATES, sessionMachine, type SessionContext, type SessionEvent, type SessionState } from './session-machine';

export type PersistedSession = ReturnType<ReturnType<typeof createActor<typeof sessionMachine>>['getPersistedSnapshot']>;

export class SessionSnapshotVersionError extends Error {
  constructor(readonly storedVersion: number) {
    super(
      `This session was saved by version ${storedVersion} of the session workflow, and version ${SESSION_MACHINE_VERSION} cannot read it. ` +
        `Add a migration in modules/sessions/snapshot.ts before deploying this workflow.`,
    );
    this.name = 'SessionSnapshotVersionError';
  }
}

/** Migrations by the version they upgrade from. */
const SESSION_SNAPSHOT_MIGRATIONS: Record<number, (snapshot: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 stopped a held or missed session for good ("done"); version 2 lets its attendance be corrected.
  1: (snapshot) => (snapshot.value === 'not_attended' || snapshot.value === 'signed_off' ? { ...snapshot, status: 'active' } : snapshot),
};

function readSnapshot(stored: unknown, storedVersion: number): PersistedSession {
  let snapshot = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown>;
  if (storedVersion > SESSION_MACHINE_VERSION) throw new SessionSnapshotVersionError(storedVersion);
  for (let version = storedVersion; version < SESSION_MACHINE_VERSION; version++) {
    const step = SESSION_SNAPSHOT_MIGRATIONS[version];
    if (!step) throw new SessionSnapshotVersionError(storedVersion);
    snapshot = step(snapshot);
  }
  if (!SESSION_STATES.includes(snapshot.value as SessionState)) throw new SessionSnapshotVersionError(storedVersion);
  return snapshot as unknown as PersistedSession;
}

export function newSessionSnapshot(): PersistedSession {
  const actor = createActor(sessionMachine).start();
  const snapshot = actor.getPersistedSnapshot() as PersistedSession;
  actor.stop();
  return snapshot;
}

export type SessionAdvance =
  | { accepted: false; state: SessionState }
  | { accepted: true; from: SessionState; state: SessionState; snapshot: PersistedSession; context: SnapshotFrom<typeof sessionMachine>['context'] };

/** Sends one event to the stored session; says whether the machine took it, and the new snapshot if so. */
export function advanceSession(stored: unknown, storedVersion: number, event: SessionEvent): SessionAdvance {
  const actor = createActor(sessionMachine, { snapshot: readSnapshot(stored, storedVersion) }).start();
  const before = actor.getSnapshot();
  const from = before.value as SessionState;
  if (!before.can(event)) {
    actor.stop();
    return { accepted: false, state: from };
  }
  actor.send(event);
  const after = actor.getSnapshot();
  const snapshot = actor.getPersistedSnapshot() as PersistedSession;
  actor.stop();
  return { accepted: true, from, state: after.value as SessionState, snapshot, context: after.context as SessionContext };
}
