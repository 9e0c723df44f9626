/**
 * Correcting an attendance record on a real PostgreSQL: the worker within the
 * programme's window and a manager at any time, with a reason; the correction is a
 * session event with its audit row; the non-compliance count and the reports that
 * depended on it are brought up to date in the same transaction; and the referrer sees
 * a corrected entry, told by email only when a report they were sent no longer holds.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { currentProgramme, saveProgramme } from '../../modules/programme/definition';
import { readCase } from '../../modules/referrals/access';
import { casePageView } from '../../modules/referrals/case-page';
import type { TransitionActor } from '../../modules/referrals/transitions';
import { signOffReport } from '../../modules/reports/reports';
import { unacceptableAbsences } from '../../modules/sessions/absences';
import { SessionNotAllowedError } from '../../modules/sessions/errors';
import { correctAttendance, scheduleSession, transitionSession } from '../../modules/sessions/sessions';
import { allocatedReferral, staffActor, stepCase } from '../support/cases';
import { useTestDatabase } from '../support/database';

const SITE = 'https://choice.example';
const WORKER = 'worker@demo.example';
const MANAGER = 'manager@demo.example';
const REFERRER = 'fiscal@demo.example';

describe('correcting an attendance record', () => {
  const test = useTestDatabase();
  let worker: TransitionActor;
  let manager: TransitionActor;
  let hour = 0;
  const nextSlot = () => new Date(Date.UTC(2027, 2, 1, 9) + hour++ * 3 * 3_600_000);
  const actorOf = async (email: string): Promise<TransitionActor> => {
    const { kind: _kind, ...actor } = await staffActor(test.db, email);
    return actor;
  };
  const versionOf = async (sessionId: string) => (await test.db.selectFrom('programme_session').select('version').where('id', '=', sessionId).executeTakeFirstOrThrow()).version;
  const missed = async (referralId: string) => {
    const booked = await scheduleSession(test.db, { referralId, workerId: worker.staffUserId, moduleKey: 'assessment', startsAt: nextSlot(), minutes: 60, actor: worker });
    await transitionSession(test.db, { sessionId: booked.id, expectedVersion: booked.version, event: { type: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', reason: 'No contact.' }, actor: worker, siteUrl: SITE });
    return booked.id;
  };
  const reportsOf = (referralId: string) => test.db.selectFrom('report').select(['id', 'kind', 'state', 'version']).where('referral_id', '=', referralId).orderBy('created_at').execute();
  const referrerMail = (reference: string) => test.db.selectFrom('outbox_message').select(['subject', 'body_text']).where('to_address', '=', REFERRER).where('subject', 'like', `%${reference}%`).execute();

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    worker = await actorOf(WORKER);
    manager = await actorOf(MANAGER);
    const { version, definition } = await currentProgramme(test.db);
    const saved = await saveProgramme(test.db, manager, { ...definition, nonCompliance: { warningAfterUnacceptableAbsences: 1, endAfterUnacceptableAbsences: 2 } }, version);
    expect(saved.status).toBe('saved');
  });

  it('a worker corrects a mistaken absence: the count falls, the waiting non-compliance report is withdrawn, all in one step with its event and audit row', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    await stepCase(test.db, referral.id, WORKER, { type: 'START_ASSESSMENT' });
    await missed(referral.id);
    const mistaken = await missed(referral.id);
    expect(await unacceptableAbsences(test.db, referral.id)).toBe(2);
    expect((await reportsOf(referral.id)).map((r) => [r.kind, r.state])).toEqual([['non_compliance', 'awaiting_sign_off']]);

    const corrected = await correctAttendance(test.db, { sessionId: mistaken, expectedVersion: await versionOf(mistaken), attendance: 'attended', reason: 'I pressed the wrong button: he was there.', actor: worker, siteUrl: SITE });
    expect(corrected).toMatchObject({ from: 'not_attended', state: 'attended' });
    expect(await unacceptableAbsences(test.db, referral.id)).toBe(1);
    expect(await reportsOf(referral.id)).toEqual([]);
    const events = await test.db.selectFrom('session_event').select(['event', 'reason', 'actor_staff_user_id']).where('session_id', '=', mistaken).orderBy('id').execute();
    expect(events.at(-1)).toEqual({ event: 'CORRECT_ATTENDANCE', reason: 'attended: I pressed the wrong button: he was there.', actor_staff_user_id: worker.staffUserId });
    const audit = await test.db.selectFrom('audit_event').select('action').where(sql<string>`detail ->> 'referral'`, '=', referral.id).where('action', '=', 'report.withdraw').execute();
    expect(audit).toHaveLength(1);
    expect(await test.db.selectFrom('audit_event').select('action').where('object_id', '=', mistaken).where('action', '=', 'session.correct-attendance').execute()).toHaveLength(1);
    // Nothing had been sent to the referrer, so there is nothing to tell them.
    expect(await referrerMail(referral.reference)).toEqual([]);

    // The referrer sees the corrected entry, not a silent change, and not the worker's reason.
    const fiscal = await staffActor(test.db, REFERRER);
    const viewer = { staffUserId: fiscal.staffUserId, organisationId: fiscal.organisationId!, organisationKind: 'copfs_office' as const, role: 'referrer' as const };
    const row = await readCase(test.db, viewer, referral.id);
    const view = await casePageView(test.db, viewer, row!);
    const item = view.timeline.find((entry) => entry.title.startsWith('Attendance record corrected'));
    expect(item?.lines).toEqual([{ label: 'Now recorded as', text: 'He came' }]);
    expect(JSON.stringify(view.timeline)).not.toContain('wrong button');
  });

  it('a correction up to the end threshold prepares the report; one down from a report already sent tells the referrer', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    await stepCase(test.db, referral.id, WORKER, { type: 'START_ASSESSMENT' });
    await missed(referral.id);
    const booked = await scheduleSession(test.db, { referralId: referral.id, workerId: worker.staffUserId, moduleKey: 'assessment', startsAt: nextSlot(), minutes: 60, actor: worker });
    await transitionSession(test.db, { sessionId: booked.id, expectedVersion: booked.version, event: { type: 'MARK_NOT_ATTENDED', judgement: 'acceptable', reason: 'Said he was ill.' }, actor: worker, siteUrl: SITE });
    expect(await reportsOf(referral.id)).toEqual([]);
    await correctAttendance(test.db, { sessionId: booked.id, expectedVersion: await versionOf(booked.id), attendance: 'unacceptable', reason: 'He was seen at work that day.', actor: manager, siteUrl: SITE });
    const [report] = await reportsOf(referral.id);
    expect(report).toMatchObject({ kind: 'non_compliance', state: 'awaiting_sign_off' });
    await signOffReport(test.db, { reportId: report!.id, expectedVersion: report!.version, actor: manager, siteUrl: SITE });
    expect(await referrerMail(referral.reference)).toHaveLength(1);

    const back = await correctAttendance(test.db, { sessionId: booked.id, expectedVersion: await versionOf(booked.id), attendance: 'acceptable', reason: 'His GP confirmed the illness.', actor: manager, siteUrl: SITE });
    expect(back.triggered.mail).toHaveLength(1);
    const mail = await referrerMail(referral.reference);
    expect(mail.map((m) => m.subject)).toContain(`An attendance record was corrected on referral ${referral.reference}`);
    expect(mail.map((m) => m.body_text).join(' ')).not.toMatch(/GP|illness/);
  });

  it('a worker may correct only within the programme’s window; a manager at any time', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const session = await missed(referral.id);
    const later = new Date(Date.now() + 8 * 86_400_000);
    const refused = await correctAttendance(test.db, { sessionId: session, expectedVersion: await versionOf(session), attendance: 'acceptable', reason: 'He phoned.', actor: worker, siteUrl: SITE, now: later }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SessionNotAllowedError);
    expect((refused as Error).message).toContain('A worker can correct an attendance record for 7 days after it was made');
    expect(await unacceptableAbsences(test.db, referral.id)).toBe(1);
    await expect(correctAttendance(test.db, { sessionId: session, expectedVersion: await versionOf(session), attendance: 'acceptable', reason: 'He phoned.', actor: manager, siteUrl: SITE, now: later })).resolves.toMatchObject({ state: 'not_attended' });
    expect(await unacceptableAbsences(test.db, referral.id)).toBe(0);
  });
});
