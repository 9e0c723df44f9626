import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { NOBODY, recordAudit } from '../../modules/audit/record';
import { useTestDatabase } from '../support/database';

describe('the audit log', () => {
  const test = useTestDatabase();

  it('records who, what, on which object, when and with what outcome', async () => {
    await recordAudit(test.db, { actor: NOBODY, action: 'sign-in', object: { type: 'staff_user', id: 'unknown' }, outcome: 'failure', detail: { reason: 'unknown-email' } });
    const rows = await test.db.selectFrom('audit_event').selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({ action: 'sign-in', object_type: 'staff_user', object_id: 'unknown', outcome: 'failure', detail: { reason: 'unknown-email' }, actor_staff_user_id: null }),
    ]);
    expect(rows[0]!.occurred_at).toBeInstanceOf(Date);
  });

  it('refuses to change, remove or empty a row: the database itself says no', async () => {
    await expect(sql`UPDATE audit_event SET outcome = 'success'`.execute(test.db)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql`DELETE FROM audit_event`.execute(test.db)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql`TRUNCATE audit_event`.execute(test.db)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await test.db.selectFrom('audit_event').select('outcome').execute()).toEqual([{ outcome: 'failure' }]);
  });

  it('is written in the same transaction as the change: a failed change leaves no audit row', async () => {
    const before = (await test.db.selectFrom('audit_event').select('id').execute()).length;
    await expect(
      test.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { actor: NOBODY, action: 'organisation.create', outcome: 'success' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await test.db.selectFrom('audit_event').select('id').execute()).length).toBe(before);
  });
});
