import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CASE_MACHINE_VERSION, caseMachine } from '../../../modules/referrals/case-machine';
import { advanceCase, migrateSnapshot, newCaseSnapshot, SnapshotVersionError } from '../../../modules/referrals/snapshot';

/** A snapshot as an imagined version 0 of the machine wrote it: no `outcome` in its context yet. */
function versionZeroSnapshot(): Record<string, unknown> {
  const snapshot = JSON.parse(JSON.stringify(newCaseSnapshot())) as { context: Record<string, unknown> };
  delete snapshot.context.outcome;
  return snapshot;
}

describe('the snapshot version rule', () => {
  it('refuses a snapshot of a version it has no migration from, saying how to fix it', () => {
    expect(() => migrateSnapshot(versionZeroSnapshot(), 0)).toThrow(SnapshotVersionError);
    expect(() => migrateSnapshot(versionZeroSnapshot(), 0)).toThrow(/saved by version 0 of the case workflow.*no migration from it.*SNAPSHOT_MIGRATIONS/s);
  });

  it('refuses a snapshot from a newer machine than this one', () => {
    expect(() => migrateSnapshot(newCaseSnapshot(), CASE_MACHINE_VERSION + 1)).toThrow(SnapshotVersionError);
  });

  it('upgrades an older snapshot with the migration supplied, into one that restores and moves on', () => {
    const migrated = migrateSnapshot(versionZeroSnapshot(), 0, { 0: (snapshot) => ({ ...snapshot, context: { ...(snapshot.context as object), outcome: null } }) });
    expect((migrated as unknown as { context: Record<string, unknown> }).context).toMatchObject({ outcome: null, submissions: 0 });
    const actor = createActor(caseMachine, { snapshot: migrated }).start();
    expect(actor.getSnapshot().value).toBe('draft');
    expect(actor.getSnapshot().can({ type: 'SUBMIT' })).toBe(true);
    actor.stop();
  });

  it('refuses a snapshot whose state this machine does not have', () => {
    expect(() => migrateSnapshot({ ...newCaseSnapshot(), value: 'on_hold' }, CASE_MACHINE_VERSION)).toThrow(SnapshotVersionError);
  });

  it('reads and advances a current snapshot as it is', () => {
    const result = advanceCase(JSON.parse(JSON.stringify(newCaseSnapshot())), CASE_MACHINE_VERSION, { type: 'SUBMIT' });
    expect(result).toMatchObject({ accepted: true, from: 'draft', state: 'submitted' });
  });
});
