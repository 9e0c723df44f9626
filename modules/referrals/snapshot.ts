/**
 * Reading and advancing a stored case snapshot. A snapshot is stored with the machine
 * version that wrote it; an older one is migrated step by step here, and one with no
 * migration is refused with an error that says so, never misread.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import { CASE_MACHINE_VERSION, CASE_STATES, caseMachine, type CaseEvent, type CaseState } from './case-machine';

export type PersistedCase = ReturnType<ReturnType<typeof createActor<typeof caseMachine>>['getPersistedSnapshot']>;

export class SnapshotVersionError extends Error {
  constructor(readonly storedVersion: number) {
    super(
      `This case was saved by version ${storedVersion} of the case workflow, and version ${CASE_MACHINE_VERSION} has no migration from it. ` +
        `Add one to SNAPSHOT_MIGRATIONS in modules/referrals/snapshot.ts before deploying this workflow.`,
    );
    this.name = 'SnapshotVersionError';
  }
}

/**
 * Migrations, by the version they upgrade *from*: each turns a snapshot of version n
 * into one of version n + 1. Version 1 is the first, so there are none yet; when the
 * machine changes shape, bump CASE_MACHINE_VERSION and add the step here.
 */
export const SNAPSHOT_MIGRATIONS: Record<number, (snapshot: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateSnapshot(stored: unknown, storedVersion: number, migrations = SNAPSHOT_MIGRATIONS, target = CASE_MACHINE_VERSION): PersistedCase {
  let snapshot = stored as Record<string, unknown>;
  for (let version = storedVersion; version < target; version++) {
    const step = migrations[version];
    if (!step) throw new SnapshotVersionError(storedVersion);
    snapshot = step(snapshot);
  }
  if (storedVersion > target) throw new SnapshotVersionError(storedVersion);
  if (!CASE_STATES.includes(snapshot.value as CaseState)) throw new SnapshotVersionError(storedVersion);
  return snapshot as unknown as PersistedCase;
}

function restore(stored: unknown, storedVersion: number) {
  return createActor(caseMachine, { snapshot: migrateSnapshot(stored, storedVersion) }).start();
}

export function newCaseSnapshot(): PersistedCase {
  const actor = createActor(caseMachine).start();
  const snapshot = actor.getPersistedSnapshot() as PersistedCase;
  actor.stop();
  return snapshot;
}

export type Advance = { accepted: false; state: CaseState } | { accepted: true; from: CaseState; state: CaseState; snapshot: PersistedCase; context: SnapshotFrom<typeof caseMachine>['context'] };

/** Sends one event to the stored case; says whether the machine took it, and the new snapshot if so. */
export function advanceCase(stored: unknown, storedVersion: number, event: CaseEvent): Advance {
  const actor = restore(stored, storedVersion);
  const before = actor.getSnapshot();
  const from = before.value as CaseState;
  if (!before.can(event)) {
    actor.stop();
    return { accepted: false, state: from };
  }
  actor.send(event);
  const after = actor.getSnapshot();
  const snapshot = actor.getPersistedSnapshot() as PersistedCase;
  actor.stop();
  return { accepted: true, from, state: after.value as CaseState, snapshot, context: after.context };
}

/** Whether the stored case would take this event now (for the offered actions). */
export function caseAccepts(stored: unknown, storedVersion: number, event: CaseEvent): boolean {
  const actor = restore(stored, storedVersion);
  const can = actor.getSnapshot().can(event);
  actor.stop();
  return can;
}
