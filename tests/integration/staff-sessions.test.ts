import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { createSession, endAllSessions, endSession, findSession, hashSessionId, rotateSession, touchSession, type SessionSettings } from '../../modules/auth/sessions';
import { useTestDatabase } from '../support/database';

const settings: SessionSettings = { idleMinutes: 30, absoluteHours: 12 };
const at = (iso: string) => new Date(iso);

describe('staff sessions', () => {
  const test = useTestDatabase();
  let userId = '';
  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    userId = (await test.db.selectFrom('staff_user').select('id').where('email', '=', 'worker@demo.example').executeTakeFirstOrThrow()).id;
  });

  it('stores only a hash of the id the cookie carries', async () => {
    const session = await createSession(test.db, userId, 'signed_in', settings);
    const rows = await test.db.selectFrom('staff_session').select('id_hash').execute();
    expect(rows.map((r) => r.id_hash)).toContain(hashSessionId(session.id));
    expect(rows.map((r) => r.id_hash)).not.toContain(session.id);
    const found = await findSession(test.db, session.id, settings);
    expect(found).toMatchObject({ status: 'active', stage: 'signed_in', csrfToken: session.csrfToken, user: { email: 'worker@demo.example' } });
  });

  it('ends after 30 minutes without activity, at the boundary, and activity keeps it going', async () => {
    const start = at('2026-11-23T09:00:00Z');
    const session = await createSession(test.db, userId, 'signed_in', settings, start);
    expect((await findSession(test.db, session.id, settings, at('2026-11-23T09:29:59Z'))).status).toBe('active');
    await touchSession(test.db, hashSessionId(session.id), at('2026-11-23T09:29:59Z'));
    expect((await findSession(test.db, session.id, settings, at('2026-11-23T09:59:58Z'))).status).toBe('active');
    expect(await findSession(test.db, session.id, settings, at('2026-11-23T09:59:59Z'))).toEqual({ status: 'expired', reason: 'idle', idHash: hashSessionId(session.id) });
    // Reading does not end it (two loaders read at once); ending it is the guard's job.
    await endSession(test.db, hashSessionId(session.id));
    expect((await findSession(test.db, session.id, settings, at('2026-11-23T09:59:59Z'))).status).toBe('none');
  });

  it('ends after 12 hours whatever the activity', async () => {
    const start = at('2026-11-23T08:00:00Z');
    const session = await createSession(test.db, userId, 'signed_in', settings, start);
    for (let hour = 1; hour < 12; hour++) await touchSession(test.db, hashSessionId(session.id), new Date(start.getTime() + hour * 3_600_000));
    expect(await findSession(test.db, session.id, settings, at('2026-11-23T20:00:00Z'))).toEqual({ status: 'expired', reason: 'absolute', idHash: hashSessionId(session.id) });
  });

  it('gets a new id when trust changes; the old id no longer works', async () => {
    const first = await createSession(test.db, userId, 'password_verified', settings);
    const second = await rotateSession(test.db, hashSessionId(first.id), userId, 'signed_in', settings);
    expect(second.id).not.toBe(first.id);
    expect((await findSession(test.db, first.id, settings)).status).toBe('none');
    expect(await findSession(test.db, second.id, settings)).toMatchObject({ status: 'active', stage: 'signed_in' });
  });

  it('signs out everywhere, and a deactivated account has no session', async () => {
    const a = await createSession(test.db, userId, 'signed_in', settings);
    const b = await createSession(test.db, userId, 'signed_in', settings);
    expect(await endAllSessions(test.db, userId)).toBeGreaterThanOrEqual(2);
    expect((await findSession(test.db, a.id, settings)).status).toBe('none');
    expect((await findSession(test.db, b.id, settings)).status).toBe('none');
    const c = await createSession(test.db, userId, 'signed_in', settings);
    await test.db.updateTable('staff_user').set({ active: false }).where('id', '=', userId).execute();
    expect((await findSession(test.db, c.id, settings)).status).toBe('none');
  });

  it('ignores ids that are missing or absurd', async () => {
    expect(await findSession(test.db, undefined, settings)).toEqual({ status: 'none' });
    expect(await findSession(test.db, 'x'.repeat(500), settings)).toEqual({ status: 'none' });
  });
});
