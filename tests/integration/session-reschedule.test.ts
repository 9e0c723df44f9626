/**
 * Moving a session on a real PostgreSQL: the old session's RESCHEDULE step and the new
 * booking are one transaction. A clash at the new time, a stale version or a session
 * that can no longer move leaves both exactly as they were.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import type { TransitionActor } from '../../modules/referrals/transitions';
import { SessionConflictError, SessionTransitionRefusedError, SlotTakenError } from '../../modules/sessions/errors';
import { rescheduleSession, scheduleSession, transitionSession } from '../../modules/sessions/sessions';
import { allocatedReferral, staffActor } from '../support/cases';
import { useTestDatabase } from '../support/database';

const WORKER = 'worker@demo.example';
const REFERRER = 'fiscal@demo.example';
const HOUR = 3_600_000;

describe('moving a session', () => {
  const test = useTestDatabase();
  let worker: TransitionActor;
  let day = 0;
  /** A fresh week in the future for each test, from a Monday at 09:00 UTC (winter: 09:00 in Scotland). */
  const nextDay = () => Date.UTC(2027, 0, 4, 9) + day++ * 7 * 24 * HOUR;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    const { kind: _kind, ...actor } = await staffActor(test.db, WORKER);
    worker = actor;
  });

  const book = (referralId: string, startsAt: number, minutes = 60, moduleKey = 'assessment') =>
    scheduleSession(test.db, { referralId, workerId: worker.staffUserId, moduleKey, startsAt: new Date(startsAt), minutes, actor: worker });
  const row = (id: string) => test.db.selectFrom('programme_session').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = (id: string) => test.db.selectFrom('session_event').select(['event', 'from_state', 'to_state', 'reason', 'version']).where('session_id', '=', id).orderBy('id').execute();
  const audit = (id: string) => test.db.selectFrom('audit_event').select(['action', 'detail']).where('object_id', '=', id).orderBy('id').execute();
  const sessionsOf = (referralId: string) => test.db.selectFrom('programme_session').select(['id', 'state']).where('referral_id', '=', referralId).orderBy('created_at').execute();

  it('moves the old session and books the new one together: same case, module and worker, each with its event and audit row', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const start = Date.UTC(2026, 11, 3, 14);
    const old = await book(referral.id, start, 90, 'motivation');
    const moved = await rescheduleSession(test.db, { sessionId: old.id, expectedVersion: 1, reason: 'He has a hospital appointment', startsAt: new Date(start + 24 * HOUR), minutes: 60, actor: worker });

    expect(moved.moved).toMatchObject({ sessionId: old.id, from: 'scheduled', state: 'rescheduled', version: 2 });
    expect(await row(old.id)).toMatchObject({ state: 'rescheduled', version: 2 });
    expect(await events(old.id)).toEqual([
      expect.objectContaining({ event: 'SCHEDULE', to_state: 'scheduled' }),
      { event: 'RESCHEDULE', from_state: 'scheduled', to_state: 'rescheduled', reason: 'He has a hospital appointment', version: 2 },
    ]);
    expect((await audit(old.id)).map((a) => a.action)).toEqual(['session.schedule', 'session.reschedule']);

    const created = await row(moved.booked.id);
    expect(created).toMatchObject({ referral_id: referral.id, worker_id: worker.staffUserId, module_key: 'motivation', state: 'scheduled', version: 1 });
    expect(created.starts_at.getTime()).toBe(start + 24 * HOUR);
    expect(created.ends_at.getTime() - created.starts_at.getTime()).toBe(60 * 60_000);
    expect(await events(moved.booked.id)).toEqual([
      { event: 'SCHEDULE', from_state: null, to_state: 'scheduled', reason: 'Moved from 14:00 to 15:30 on 3 December 2026. He has a hospital appointment', version: 1 },
    ]);
    expect(await audit(moved.booked.id)).toEqual([{ action: 'session.schedule', detail: expect.objectContaining({ movedFrom: old.id, module: 'motivation' }) }]);
  });

  it('can move a session by half an hour, into part of its own old time', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const start = nextDay();
    const old = await book(referral.id, start);
    const moved = await rescheduleSession(test.db, { sessionId: old.id, expectedVersion: 1, reason: 'Room double booked', startsAt: new Date(start + HOUR / 2), minutes: 60, actor: worker });
    expect((await row(moved.booked.id)).starts_at.getTime()).toBe(start + HOUR / 2);
  });

  it('rolls both back when the new time clashes, and names the clash', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const other = await allocatedReferral(test.db, REFERRER, WORKER);
    const start = nextDay();
    const old = await book(referral.id, start);
    const busy = await book(other.id, start + 3 * HOUR);
    const before = await row(old.id);
    const auditBefore = await audit(old.id);

    const refused = await rescheduleSession(test.db, { sessionId: old.id, expectedVersion: 1, reason: 'He asked to come later', startsAt: new Date(start + 3.5 * HOUR), minutes: 60, actor: worker }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SlotTakenError);
    expect((refused as SlotTakenError).clash).toMatchObject({ id: busy.id, referralId: other.id });
    expect(await row(old.id)).toEqual(before);
    expect(await events(old.id)).toHaveLength(1);
    expect(await audit(old.id)).toEqual(auditBefore);
    expect(await sessionsOf(referral.id)).toEqual([{ id: old.id, state: 'scheduled' }]);
  });

  it('refuses a stale page or a session that can no longer move, changing nothing', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const start = nextDay();
    const old = await book(referral.id, start);
    await transitionSession(test.db, { sessionId: old.id, expectedVersion: 1, event: { type: 'MARK_ATTENDED' }, actor: worker, siteUrl: 'https://choice.example' });
    const stale = rescheduleSession(test.db, { sessionId: old.id, expectedVersion: 1, reason: 'x', startsAt: new Date(start + 5 * HOUR), minutes: 60, actor: worker });
    await expect(stale).rejects.toBeInstanceOf(SessionConflictError);
    const attended = rescheduleSession(test.db, { sessionId: old.id, expectedVersion: 2, reason: 'x', startsAt: new Date(start + 5 * HOUR), minutes: 60, actor: worker });
    await expect(attended).rejects.toBeInstanceOf(SessionTransitionRefusedError);
    expect(await sessionsOf(referral.id)).toEqual([{ id: old.id, state: 'attended' }]);
  });
});
