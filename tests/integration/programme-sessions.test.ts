/**
 * Programme sessions on a real PostgreSQL: booking (with the database refusing a double
 * booking), steps with their events and audit rows, two steps at once, a failed step
 * leaving nothing behind, the non-compliance thresholds from the programme definition,
 * the safeguarding email, and a session carried on after a restart.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../db/connection';
import { seedDemoData } from '../../db/seed';
import { currentProgramme, saveProgramme } from '../../modules/programme/definition';
import type { TransitionActor } from '../../modules/referrals/transitions';
import { workerDiary } from '../../modules/sessions/diary';
import type { SessionEvent } from '../../modules/sessions/session-machine';
import { SessionConflictError, SessionNotAllowedError, SessionTransitionRefusedError, SlotTakenError } from '../../modules/sessions/errors';
import { unacceptableAbsences } from '../../modules/sessions/absences';
import { scheduleSession, transitionSession } from '../../modules/sessions/sessions';
import { signOffReport } from '../../modules/reports/reports';
import { allocatedReferral, staffActor, stepCase, submittedReferral } from '../support/cases';
import { useTestDatabase } from '../support/database';

const SITE = 'https://choice.example';
const WORKER = 'worker@demo.example';
const MANAGER = 'manager@demo.example';
const REFERRER = 'fiscal@demo.example';

describe('programme sessions', () => {
  const test = useTestDatabase();
  let worker: TransitionActor;
  let manager: TransitionActor;
  let hour = 0;
  /** A fresh hour in the future for each booking, so tests never clash by accident. */
  const nextSlot = () => new Date(Date.UTC(2027, 0, 4, 9) + hour++ * 3 * 3_600_000);

  const actorOf = async (email: string): Promise<TransitionActor> => {
    const { kind: _kind, ...actor } = await staffActor(test.db, email);
    return actor;
  };

  const book = async (referralId: string, startsAt = nextSlot(), minutes = 60) => scheduleSession(test.db, { referralId, workerId: worker.staffUserId, moduleKey: 'assessment', startsAt, minutes, actor: worker });

  const step = async (db: Db, sessionId: string, event: SessionEvent, extra: Partial<Parameters<typeof transitionSession>[1]> = {}) => {
    const { version } = await db.selectFrom('programme_session').select('version').where('id', '=', sessionId).executeTakeFirstOrThrow();
    return transitionSession(db, { sessionId, expectedVersion: version, event, actor: worker, siteUrl: SITE, ...extra });
  };

  const absent = (judgement: 'acceptable' | 'unacceptable'): SessionEvent => ({ type: 'MARK_NOT_ATTENDED', judgement, reason: 'Did not come, no contact' });

  const setThresholds = async (warning: number, end: number) => {
    const { version, definition } = await currentProgramme(test.db);
    const saved = await saveProgramme(test.db, manager, { ...definition, nonCompliance: { warningAfterUnacceptableAbsences: warning, endAfterUnacceptableAbsences: end } }, version);
    expect(saved.status).toBe('saved');
  };

  const mailAbout = (reference: string) =>
    test.db.selectFrom('outbox_message').select(['to_address', 'subject', 'body_text', 'kind']).where('subject', 'like', `%${reference}%`).orderBy('created_at').orderBy('to_address').execute();

  const auditFor = (sessionId: string) => test.db.selectFrom('audit_event').select(['action', 'actor_staff_user_id']).where('object_id', '=', sessionId).orderBy('id').execute();
  const mailJobs = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'send_mail'`.execute(test.db)).rows[0]!.n;
  const eventsFor = (sessionId: string) => test.db.selectFrom('session_event').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    worker = await actorOf(WORKER);
    manager = await actorOf(MANAGER);
    await setThresholds(1, 2);
  });

  it('books a session with its first snapshot, event and audit row, and shows it in the diary', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const startsAt = nextSlot();
    const booked = await book(referral.id, startsAt, 90);
    expect(booked.endsAt.getTime() - booked.startsAt.getTime()).toBe(90 * 60_000);

    const row = await test.db.selectFrom('programme_session').selectAll().where('id', '=', booked.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'scheduled', version: 1, machine_id: 'choice-session', machine_version: 2, worker_id: worker.staffUserId, safeguarding_concern: false });
    expect((row.snapshot as { value: string }).value).toBe('scheduled');
    expect((await eventsFor(booked.id)).map((e) => [e.event, e.from_state, e.to_state])).toEqual([['SCHEDULE', null, 'scheduled']]);
    expect(await auditFor(booked.id)).toEqual([{ action: 'session.schedule', actor_staff_user_id: worker.staffUserId }]);

    const diary = await workerDiary(test.db, worker.staffUserId, new Date(startsAt.getTime() - 1), new Date(startsAt.getTime() + 3_600_000));
    expect(diary).toEqual([expect.objectContaining({ id: booked.id, reference: referral.reference, moduleKey: 'assessment', state: 'scheduled' })]);
  });

  it('refuses a booking for a case that is not yet allocated, or by someone else', async () => {
    const submitted = await submittedReferral(test.db, REFERRER);
    await expect(book(submitted.id)).rejects.toBeInstanceOf(SessionNotAllowedError);
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const referrer = await actorOf(REFERRER);
    await expect(scheduleSession(test.db, { referralId: referral.id, workerId: worker.staffUserId, moduleKey: 'assessment', startsAt: nextSlot(), minutes: 60, actor: referrer })).rejects.toBeInstanceOf(
      SessionNotAllowedError,
    );
    await expect(scheduleSession(test.db, { referralId: referral.id, workerId: referrer.staffUserId, moduleKey: 'assessment', startsAt: nextSlot(), minutes: 60, actor: manager })).rejects.toBeInstanceOf(
      SessionNotAllowedError,
    );
    // A manager may book it, with the allocated worker or themself.
    await expect(scheduleSession(test.db, { referralId: referral.id, workerId: worker.staffUserId, moduleKey: 'assessment', startsAt: nextSlot(), minutes: 60, actor: manager })).resolves.toBeTruthy();
  });

  it('refuses a double booking in the database itself, and reports the clash', async () => {
    const one = await allocatedReferral(test.db, REFERRER, WORKER);
    const other = await allocatedReferral(test.db, REFERRER, WORKER);
    const startsAt = nextSlot();
    const first = await book(one.id, startsAt);

    const overlapping = new Date(startsAt.getTime() + 30 * 60_000);
    const refused = await book(other.id, overlapping).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SlotTakenError);
    expect((refused as SlotTakenError).clash).toMatchObject({ id: first.id, referralId: one.id });

    // Straight into the table, past the module's own check: the constraint says no.
    const row = await test.db.selectFrom('programme_session').select(['machine_id', 'machine_version', 'snapshot']).where('id', '=', first.id).executeTakeFirstOrThrow();
    const raw = test.db
      .insertInto('programme_session')
      .values({
        referral_id: other.id,
        worker_id: worker.staffUserId,
        module_key: 'assessment',
        starts_at: overlapping,
        ends_at: new Date(overlapping.getTime() + 3_600_000),
        machine_id: row.machine_id,
        machine_version: row.machine_version,
        snapshot: JSON.stringify(row.snapshot),
      })
      .execute();
    await expect(raw).rejects.toMatchObject({ code: '23P01', constraint: 'programme_session_no_double_booking' });

    // Back to back is not a clash, and a cancelled session frees its slot.
    await expect(book(other.id, new Date(startsAt.getTime() + 60 * 60_000))).resolves.toBeTruthy();
    await step(test.db, first.id, { type: 'CANCEL', reason: 'Worker unwell' });
    await expect(book(other.id, startsAt)).resolves.toBeTruthy();
  });

  it('lets exactly one of two bookings of the same slot made at once succeed', async () => {
    const one = await allocatedReferral(test.db, REFERRER, WORKER);
    const other = await allocatedReferral(test.db, REFERRER, WORKER);
    const a = connect(test.url, { max: 1, applicationName: 'tests-a' });
    const b = connect(test.url, { max: 1, applicationName: 'tests-b' });
    try {
      for (let round = 0; round < 5; round++) {
        const startsAt = nextSlot();
        const results = await Promise.allSettled([
          scheduleSession(a, { referralId: one.id, workerId: worker.staffUserId, moduleKey: 'assessment', startsAt, minutes: 60, actor: worker }),
          scheduleSession(b, { referralId: other.id, workerId: worker.staffUserId, moduleKey: 'assessment', startsAt, minutes: 60, actor: worker }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(SlotTakenError);
        expect((lost[0]!.reason as SlotTakenError).clash?.id).toBe((won[0] as PromiseFulfilledResult<{ id: string }>).value.id);
      }
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });

  it('moves a session through its steps, with the notes, an event and an audit row for each', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const booked = await book(referral.id);
    const attended = await transitionSession(test.db, { sessionId: booked.id, expectedVersion: 1, event: { type: 'MARK_ATTENDED' }, actor: worker, siteUrl: SITE });
    expect(attended).toMatchObject({ from: 'scheduled', state: 'attended', version: 2, triggered: { nonCompliance: null, safeguarding: false, mail: [] } });
    const notes = { topics_covered: 'Goals, routine', engagement: 'full' as const, homework_set: 'Diary', homework_done: 'not_set' as const, private_notes: 'Seemed tired' };
    await transitionSession(test.db, { sessionId: booked.id, expectedVersion: 2, event: { type: 'RECORD_NOTES' }, actor: worker, siteUrl: SITE, changes: notes });
    await expect(transitionSession(test.db, { sessionId: booked.id, expectedVersion: 3, event: { type: 'SIGN_OFF' }, actor: worker, siteUrl: SITE })).rejects.toBeInstanceOf(
      SessionNotAllowedError,
    );
    const signed = await transitionSession(test.db, { sessionId: booked.id, expectedVersion: 3, event: { type: 'SIGN_OFF' }, actor: manager, siteUrl: SITE });
    expect(signed).toMatchObject({ from: 'notes_recorded', state: 'signed_off', version: 4 });
    await expect(transitionSession(test.db, { sessionId: booked.id, expectedVersion: 4, event: { type: 'MARK_ATTENDED' }, actor: manager, siteUrl: SITE })).rejects.toBeInstanceOf(
      SessionTransitionRefusedError,
    );

    const row = await test.db.selectFrom('programme_session').selectAll().where('id', '=', booked.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ...notes, state: 'signed_off', version: 4 });
    expect((await eventsFor(booked.id)).map((e) => [e.event, e.from_state, e.to_state, e.version])).toEqual([
      ['SCHEDULE', null, 'scheduled', 1],
      ['MARK_ATTENDED', 'scheduled', 'attended', 2],
      ['RECORD_NOTES', 'attended', 'notes_recorded', 3],
      ['SIGN_OFF', 'notes_recorded', 'signed_off', 4],
    ]);
    expect((await auditFor(booked.id)).map((a) => a.action)).toEqual(['session.schedule', 'session.mark-attended', 'session.record-notes', 'session.sign-off']);
  });

  it('lets exactly one of two steps taken at once win; the other is told what changed', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const a = connect(test.url, { max: 1, applicationName: 'tests-a' });
    const b = connect(test.url, { max: 1, applicationName: 'tests-b' });
    try {
      for (let round = 0; round < 5; round++) {
        const booked = await book(referral.id);
        const results = await Promise.allSettled([
          transitionSession(a, { sessionId: booked.id, expectedVersion: 1, event: { type: 'MARK_ATTENDED' }, actor: worker, siteUrl: SITE }),
          transitionSession(b, { sessionId: booked.id, expectedVersion: 1, event: { type: 'CANCEL', reason: 'He phoned to cancel' }, actor: worker, siteUrl: SITE }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
        expect(lost.reason).toBeInstanceOf(SessionConflictError);
        expect((lost.reason as SessionConflictError).changes).toHaveLength(1);
        expect(await eventsFor(booked.id)).toHaveLength(2);
        expect((await auditFor(booked.id)).length).toBe(2);
      }
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });

  it('leaves nothing half-saved when the step fails inside alsoDo: no snapshot, event, audit row, report or mail', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    await step(test.db, (await book(referral.id)).id, absent('unacceptable'));
    const booked = await book(referral.id);
    const before = await test.db.selectFrom('programme_session').selectAll().where('id', '=', booked.id).executeTakeFirstOrThrow();
    const outboxBefore = await test.db.selectFrom('outbox_message').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const jobsBefore = await mailJobs();
    const failing = transitionSession(test.db, {
      sessionId: booked.id,
      expectedVersion: 1,
      event: absent('unacceptable'),
      actor: worker,
      siteUrl: SITE,
      alsoDo: async (trx, result) => {
        // The step got as far as preparing the non-compliance report before this failed.
        expect(result.triggered.nonCompliance).toBe('may-end');
        expect(await trx.selectFrom('report').select('kind').where('referral_id', '=', referral.id).execute()).toEqual([{ kind: 'non_compliance' }]);
        throw new Error('the letter could not be made');
      },
    });
    await expect(failing).rejects.toThrow('the letter could not be made');
    const after = await test.db.selectFrom('programme_session').selectAll().where('id', '=', booked.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await eventsFor(booked.id)).toHaveLength(1);
    expect(await auditFor(booked.id)).toHaveLength(1);
    expect(await mailAbout(referral.reference)).toEqual([]);
    expect(await test.db.selectFrom('report').select('id').where('referral_id', '=', referral.id).execute()).toEqual([]);
    const outboxAfter = await test.db.selectFrom('outbox_message').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(outboxAfter.n).toBe(outboxBefore.n);
    expect(await mailJobs()).toBe(jobsBefore);
  });

  it.each([
    ['the default', 2, 3],
    ['one strike', 1, 1],
    ['a patient programme', 3, 5],
  ])('follows the rule at every count with %s (warning at %i, report at %i), and tells the referrer only when the report is signed off', async (_name, warning, end) => {
    await setThresholds(warning, end);
    try {
      const referral = await allocatedReferral(test.db, REFERRER, WORKER);
      await stepCase(test.db, referral.id, WORKER, { type: 'START_ASSESSMENT' });
      const excused = await step(test.db, (await book(referral.id)).id, absent('acceptable'));
      expect(excused.triggered).toEqual({ nonCompliance: null, safeguarding: false, mail: [] });

      for (let count = 1; count <= end + 1; count++) {
        const marked = await step(test.db, (await book(referral.id)).id, absent('unacceptable'));
        expect(await unacceptableAbsences(test.db, referral.id)).toBe(count);
        expect(marked.triggered.nonCompliance).toBe(count === end ? 'may-end' : count === warning && warning < end ? 'warning' : null);
        // No session step ever mails the referrer: not at the warning, not at the end threshold.
        expect(marked.triggered.mail).toEqual([]);
        expect(await mailAbout(referral.reference)).toEqual([]);
        const reports = await test.db.selectFrom('report').select(['id', 'kind', 'state', 'version']).where('referral_id', '=', referral.id).execute();
        expect(reports.map((r) => [r.kind, r.state])).toEqual(count >= end ? [['non_compliance', 'awaiting_sign_off']] : []);
      }

      const report = await test.db.selectFrom('report').select(['id', 'version']).where('referral_id', '=', referral.id).executeTakeFirstOrThrow();
      await signOffReport(test.db, { reportId: report.id, expectedVersion: report.version, actor: manager, siteUrl: SITE });
      const mail = await mailAbout(referral.reference);
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ to_address: REFERRER });
      expect(mail[0]!.body_text).not.toMatch(/Test Person|absence|attend|No contact/i);
    } finally {
      await setThresholds(1, 2);
    }
  });

  it('counts two absences of one case marked at once one after the other: one warning, then one report', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const one = await book(referral.id);
    const other = await book(referral.id);
    const a = connect(test.url, { max: 1, applicationName: 'tests-a' });
    const b = connect(test.url, { max: 1, applicationName: 'tests-b' });
    try {
      const results = await Promise.all([
        transitionSession(a, { sessionId: one.id, expectedVersion: 1, event: absent('unacceptable'), actor: worker, siteUrl: SITE }),
        transitionSession(b, { sessionId: other.id, expectedVersion: 1, event: absent('unacceptable'), actor: worker, siteUrl: SITE }),
      ]);
      expect(results.map((r) => r.triggered.nonCompliance).sort()).toEqual(['may-end', 'warning']);
      expect(await mailAbout(referral.reference)).toHaveLength(0);
      expect(await test.db.selectFrom('report').select('kind').where('referral_id', '=', referral.id).execute()).toEqual([{ kind: 'non_compliance' }]);
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });

  it('reads a worker\'s diary a page at a time, in order, within the range', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const day = Date.UTC(2028, 2, 6, 9);
    const booked = [];
    for (const hours of [2, 0, 4]) booked.push(await book(referral.id, new Date(day + hours * 3_600_000)));
    const from = new Date(day);
    const to = new Date(day + 5 * 3_600_000);
    const firstPage = await workerDiary(test.db, worker.staffUserId, from, to, { limit: 2 });
    expect(firstPage.map((entry) => entry.startsAt.getTime())).toEqual([day, day + 2 * 3_600_000]);
    const last = firstPage[firstPage.length - 1]!;
    const secondPage = await workerDiary(test.db, worker.staffUserId, from, to, { limit: 2, after: { startsAt: last.startsAt, id: last.id } });
    expect(secondPage.map((entry) => entry.startsAt.getTime())).toEqual([day + 4 * 3_600_000]);
    expect(await workerDiary(test.db, worker.staffUserId, new Date(day + 5 * 3_600_000), new Date(day + 6 * 3_600_000))).toEqual([]);
    expect(booked).toHaveLength(3);
  });

  it('emails every active manager of the CHOICE service when a safeguarding concern is recorded, once', async () => {
    const { organisation_id } = await test.db.selectFrom('staff_user').select('organisation_id').where('email', '=', MANAGER).executeTakeFirstOrThrow();
    await test.db
      .insertInto('staff_user')
      .values([
        { organisation_id, email: 'second.manager@demo.example', full_name: 'Second Manager', role: 'manager', password_hash: null },
        { organisation_id, email: 'gone.manager@demo.example', full_name: 'Gone Manager', role: 'manager', password_hash: null, active: false },
      ] as never)
      .execute();
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const booked = await book(referral.id);
    await step(test.db, booked.id, { type: 'MARK_ATTENDED' });
    const noted = await step(test.db, booked.id, { type: 'RECORD_NOTES' }, { changes: { safeguarding_concern: true, concerns: 'Mentioned a child next door' } });
    expect(noted.triggered.safeguarding).toBe(true);
    const mail = await mailAbout(referral.reference);
    expect(mail.map((m) => m.to_address)).toEqual([MANAGER, 'second.manager@demo.example']);
    for (const message of mail) expect(message.body_text).not.toMatch(/child|Test Person/i);

    // Correcting the notes later does not send it again.
    const corrected = await step(test.db, booked.id, { type: 'RECORD_NOTES' }, { changes: { safeguarding_concern: true, concerns: 'Mentioned a child next door; told the police' } });
    expect(corrected.triggered.safeguarding).toBe(false);
    expect(await mailAbout(referral.reference)).toHaveLength(2);
  });

  it('carries a session on after a restart, from the snapshot in the database', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const first = connect(test.url, { max: 1, applicationName: 'tests-before-restart' });
    const booked = await scheduleSession(first, { referralId: referral.id, workerId: worker.staffUserId, moduleKey: 'assessment', startsAt: nextSlot(), minutes: 60, actor: worker });
    await step(first, booked.id, { type: 'MARK_ATTENDED' });
    await first.destroy();

    const second = connect(test.url, { max: 1, applicationName: 'tests-after-restart' });
    try {
      await expect(step(second, booked.id, { type: 'MARK_ATTENDED' })).rejects.toBeInstanceOf(SessionTransitionRefusedError);
      const noted = await step(second, booked.id, { type: 'RECORD_NOTES' }, { changes: { engagement: 'partial' } });
      expect(noted).toMatchObject({ from: 'attended', state: 'notes_recorded', version: 3 });
      const signed = await step(second, booked.id, { type: 'SIGN_OFF' }, { actor: manager });
      expect(signed.state).toBe('signed_off');
    } finally {
      await second.destroy();
    }
  });
});

