/**
 * The reminders the job queue sends on a real PostgreSQL: a worker's sessions tomorrow
 * (tomorrow as the day in Scotland, in GMT and in BST, either side of midnight), and a
 * referral's decision date near. Each is sent once, by one of two runs racing, never
 * to an inactive account, and says nothing about any case.
 */
import { parseCrontab } from 'graphile-worker';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../db/connection';
import { seedDemoData } from '../../db/seed';
import { DEADLINE_REMINDERS_TASK, REMINDER_CRONTAB, SESSION_REMINDERS_TASK, startJobRunner } from '../../modules/mail/jobs';
import type { MailTransport } from '../../modules/mail/delivery';
import { siteUrlFromEnvironment } from '../../modules/mail/site-url';
import { dayInScotland } from '../../modules/referrals/dates';
import { DEADLINE_REMINDER_KIND, queueDeadlineReminders } from '../../modules/referrals/deadline-reminders';
import { queueSessionReminders, SESSION_REMINDER_KIND } from '../../modules/sessions/reminders';
import { scheduleSession, transitionSession } from '../../modules/sessions/sessions';
import { addDays } from '../../modules/sessions/calendar';
import { allocatedReferral, staffActor, stepCase, submittedReferral } from '../support/cases';
import { useTestDatabase } from '../support/database';

const SITE = 'https://choice.example';
const REFERRER = 'fiscal@demo.example';

describe('reminders', () => {
  const test = useTestDatabase();
  let choiceId: string;
  let workerCount = 0;

  /** A new active worker of the CHOICE service, with their email. */
  const newWorker = async (active = true) => {
    const email = `reminded.worker.${++workerCount}@demo.example`;
    const { id } = await test.db
      .insertInto('staff_user')
      .values({ organisation_id: choiceId, email, full_name: `Reminded Worker ${workerCount}`, role: 'worker', password_hash: null, active })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, email };
  };

  /** A case allocated to the worker (allocated while active), with sessions booked at these moments. */
  const withSessions = async (worker: { id: string; email: string }, starts: string[], person = 'Peter Remindable') => {
    const referral = await allocatedReferral(test.db, REFERRER, worker.email, { person_name: person });
    const actor = { staffUserId: worker.id, organisationId: choiceId };
    const sessions = [];
    for (const at of starts) {
      sessions.push(await scheduleSession(test.db, { referralId: referral.id, workerId: worker.id, moduleKey: 'motivation', startsAt: new Date(at), minutes: 30, actor }));
    }
    return { referral, sessions };
  };

  const mailTo = (email: string, kind: string) =>
    test.db.selectFrom('outbox_message').select(['subject', 'body_text']).where('to_address', '=', email).where('kind', '=', kind).orderBy('created_at').execute();
  const remindedAt = async (ids: string[]) =>
    Object.fromEntries((await test.db.selectFrom('programme_session').select(['id', 'reminded_at']).where('id', 'in', ids).execute()).map((row) => [row.id, row.reminded_at]));

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    choiceId = (await test.db.selectFrom('organisation').select('id').where('kind', '=', 'choice_service').executeTakeFirstOrThrow()).id;
  });

  describe('the day-before reminder to a worker', () => {
    it('counts the sessions of tomorrow in Scotland (GMT), not today’s or the day after’s, in one email with no details', async () => {
      const worker = await newWorker();
      const now = new Date('2027-01-11T12:00:00Z'); // Monday, GMT
      const { referral, sessions } = await withSessions(worker, [
        '2027-01-11T15:00:00Z', // today
        '2027-01-12T00:00:00Z', // the first minute of tomorrow
        '2027-01-12T10:00:00Z',
        '2027-01-12T23:30:00Z', // the last half hour of tomorrow
        '2027-01-13T00:00:00Z', // the day after
      ]);
      const run = await queueSessionReminders(test.db, SITE, now);
      expect(run).toMatchObject({ day: '2027-01-12' });
      expect(run.emails).toBeGreaterThanOrEqual(1);

      const mail = await mailTo(worker.email, SESSION_REMINDER_KIND);
      expect(mail).toEqual([
        {
          subject: 'You have 3 CHOICE sessions tomorrow',
          body_text: expect.stringContaining(`You have 3 CHOICE sessions tomorrow, Tuesday 12 January 2027.\n\nSee them in your diary:\n${SITE}/staff/diary?week=2027-W02`),
        },
      ]);
      for (const detail of [referral.reference, 'Peter', 'Remindable', 'otivation', '10:00', '00:00', '23:30']) expect(mail[0]!.body_text).not.toContain(detail);

      const reminded = await remindedAt(sessions.map((s) => s.id));
      expect(sessions.map((s) => reminded[s.id]?.toISOString() ?? null)).toEqual([null, now.toISOString(), now.toISOString(), now.toISOString(), null]);
    });

    it('says "1 session" for one, and finds tomorrow across midnight in Scotland in summer (BST)', async () => {
      const worker = await newWorker();
      const { sessions } = await withSessions(worker, [
        '2027-07-05T23:00:00Z', // 00:00 BST on Tuesday 6 July, though still the 5th in UTC
        '2027-07-06T22:00:00Z', // 23:00 BST on Tuesday
        '2027-07-06T23:00:00Z', // 00:00 BST on Wednesday 7 July
      ]);
      // 23:30 BST on Monday 5 July: tomorrow is Tuesday.
      await queueSessionReminders(test.db, SITE, new Date('2027-07-05T22:30:00Z'));
      let reminded = await remindedAt(sessions.map((s) => s.id));
      expect(sessions.map((s) => reminded[s.id] !== null)).toEqual([true, true, false]);
      expect((await mailTo(worker.email, SESSION_REMINDER_KIND)).map((m) => m.subject)).toEqual(['You have 2 CHOICE sessions tomorrow']);

      // 00:10 BST on Tuesday (23:10 UTC on Monday): tomorrow is already Wednesday.
      await queueSessionReminders(test.db, SITE, new Date('2027-07-05T23:10:00Z'));
      reminded = await remindedAt(sessions.map((s) => s.id));
      expect(sessions.map((s) => reminded[s.id] !== null)).toEqual([true, true, true]);
      const mail = await mailTo(worker.email, SESSION_REMINDER_KIND);
      expect(mail.map((m) => m.subject)).toEqual(['You have 2 CHOICE sessions tomorrow', 'You have 1 CHOICE session tomorrow']);
      expect(mail[1]!.body_text).toContain('You have 1 CHOICE session tomorrow, Wednesday 7 July 2027.');
    });

    it('sends nothing the second time, nor for sessions moved, called off or already held', async () => {
      const worker = await newWorker();
      const now = new Date('2027-02-01T09:00:00Z');
      const { sessions } = await withSessions(worker, ['2027-02-02T09:00:00Z', '2027-02-02T11:00:00Z', '2027-02-02T13:00:00Z', '2027-02-02T15:00:00Z']);
      const actor = { staffUserId: worker.id, organisationId: choiceId };
      const step = (id: string, event: Parameters<typeof transitionSession>[1]['event']) => transitionSession(test.db, { sessionId: id, expectedVersion: 1, event, actor, siteUrl: SITE });
      await step(sessions[1]!.id, { type: 'CANCEL', reason: 'He is in hospital' });
      await step(sessions[2]!.id, { type: 'RESCHEDULE', reason: 'Clash with work' });
      await step(sessions[3]!.id, { type: 'MARK_ATTENDED' });

      await queueSessionReminders(test.db, SITE, now);
      const again = await queueSessionReminders(test.db, SITE, new Date(now.getTime() + 3_600_000));
      expect(again).toMatchObject({ emails: 0, sessions: 0 });
      expect((await mailTo(worker.email, SESSION_REMINDER_KIND)).map((m) => m.subject)).toEqual(['You have 1 CHOICE session tomorrow']);
      // A session booked later for the same day gets a reminder of its own.
      const referral = await test.db.selectFrom('programme_session').select('referral_id').where('id', '=', sessions[0]!.id).executeTakeFirstOrThrow();
      await scheduleSession(test.db, { referralId: referral.referral_id, workerId: worker.id, moduleKey: 'motivation', startsAt: new Date('2027-02-02T17:00:00Z'), minutes: 30, actor });
      await queueSessionReminders(test.db, SITE, new Date(now.getTime() + 2 * 3_600_000));
      expect((await mailTo(worker.email, SESSION_REMINDER_KIND)).map((m) => m.subject)).toEqual(['You have 1 CHOICE session tomorrow', 'You have 1 CHOICE session tomorrow']);
    });

    it('sends each worker one email when several runs race', async () => {
      const now = new Date('2027-03-01T10:00:00Z');
      const workers = [await newWorker(), await newWorker(), await newWorker()];
      for (const [index, worker] of workers.entries()) {
        await withSessions(worker, Array.from({ length: index + 2 }, (_, hour) => `2027-03-02T${String(9 + hour).padStart(2, '0')}:00:00Z`));
      }
      const pools: Db[] = Array.from({ length: 4 }, (_, index) => connect(test.url, { max: 2, applicationName: `reminders-${index}` }));
      try {
        const runs = await Promise.all(pools.map((db) => queueSessionReminders(db, SITE, now)));
        expect(runs.reduce((sum, run) => sum + run.sessions, 0)).toBe(2 + 3 + 4);
      } finally {
        await Promise.all(pools.map((db) => db.destroy()));
      }
      for (const [index, worker] of workers.entries()) {
        expect((await mailTo(worker.email, SESSION_REMINDER_KIND)).map((m) => m.subject)).toEqual([`You have ${index + 2} CHOICE sessions tomorrow`]);
      }
    });

    it('emails nobody whose account is closed, and leaves their sessions unreminded', async () => {
      const worker = await newWorker();
      const { sessions } = await withSessions(worker, ['2027-04-06T10:00:00Z']);
      await test.db.updateTable('staff_user').set({ active: false, deactivated_at: new Date() }).where('id', '=', worker.id).execute();
      expect(await queueSessionReminders(test.db, SITE, new Date('2027-04-05T10:00:00Z'))).toMatchObject({ emails: 0 });
      expect(await mailTo(worker.email, SESSION_REMINDER_KIND)).toEqual([]);
      expect((await remindedAt([sessions[0]!.id]))[sessions[0]!.id]).toBeNull();
    });
  });

  describe('the referrer’s "decision date is near" email', () => {
    const today = () => dayInScotland(new Date());
    const setDecisionDate = (id: string, day: string) => test.db.updateTable('referral').set({ decision_date: day }).where('id', '=', id).execute();
    const referral = (id: string) => test.db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('emails the referrer once, 14 days ahead or less, with the reference and a link only, and changes nothing else on the case', async () => {
      const near = await submittedReferral(test.db, REFERRER, { person_name: 'Donald Deadline' });
      const edge = await submittedReferral(test.db, REFERRER);
      const far = await submittedReferral(test.db, REFERRER);
      const past = await submittedReferral(test.db, REFERRER);
      await setDecisionDate(near.id, addDays(today(), 3));
      await setDecisionDate(edge.id, addDays(today(), 14));
      await setDecisionDate(far.id, addDays(today(), 15));
      await setDecisionDate(past.id, addDays(today(), -1));
      const before = await referral(near.id);
      const eventsBefore = await test.db.selectFrom('case_event').select('id').where('referral_id', '=', near.id).execute();

      await queueDeadlineReminders(test.db, SITE);
      const mail = await mailTo(REFERRER, DEADLINE_REMINDER_KIND);
      const about = (reference: string) => mail.filter((m) => m.subject.includes(reference));
      expect(about(near.reference)).toEqual([
        {
          subject: `The decision date for referral ${near.reference} is near`,
          body_text: expect.stringContaining(`The decision date for referral ${near.reference} is near.\n\nSign in to see the referral:\n${SITE}/staff/referrals/${near.id}`),
        },
      ]);
      expect(about(edge.reference)).toHaveLength(1);
      expect(about(far.reference)).toEqual([]);
      expect(about(past.reference)).toEqual([]);
      expect(about(near.reference)[0]!.body_text).not.toMatch(/Donald|Deadline|\d{4}-\d{2}-\d{2}|\d+ days/);

      const after = await referral(near.id);
      expect(after.deadline_reminded_at).not.toBeNull();
      expect({ ...after, deadline_reminded_at: null }).toEqual({ ...before, deadline_reminded_at: null });
      expect(await test.db.selectFrom('case_event').select('id').where('referral_id', '=', near.id).execute()).toEqual(eventsBefore);

      expect(await queueDeadlineReminders(test.db, SITE)).toEqual({ emails: 0 });
      expect(about(near.reference)).toHaveLength(1);
      expect((await mailTo(REFERRER, DEADLINE_REMINDER_KIND)).filter((m) => m.subject.includes(near.reference))).toHaveLength(1);
    });

    it('leaves out drafts and cases declined, completed or closed, and referrers whose accounts are closed', async () => {
      const declined = await submittedReferral(test.db, REFERRER);
      await stepCase(test.db, declined.id, 'manager@demo.example', { type: 'DECLINE', reason: 'A contact offence is alleged.' });
      const allocated = await allocatedReferral(test.db, REFERRER, 'worker@demo.example');
      const actor = await staffActor(test.db, 'socialworker.glasgow@demo.example');
      const gone = await submittedReferral(test.db, 'socialworker.glasgow@demo.example');
      for (const { id } of [declined, allocated, gone]) await setDecisionDate(id, addDays(today(), 2));
      await test.db.updateTable('staff_user').set({ active: false }).where('id', '=', actor.staffUserId).execute();
      try {
        await queueDeadlineReminders(test.db, SITE);
        const subjects = (await mailTo(REFERRER, DEADLINE_REMINDER_KIND)).map((m) => m.subject);
        expect(subjects).toContain(`The decision date for referral ${allocated.reference} is near`);
        expect(subjects).not.toContain(`The decision date for referral ${declined.reference} is near`);
        expect(await mailTo('socialworker.glasgow@demo.example', DEADLINE_REMINDER_KIND)).toEqual([]);
        expect((await referral(gone.id)).deadline_reminded_at).toBeNull();
        expect((await referral(declined.id)).deadline_reminded_at).toBeNull();
      } finally {
        await test.db.updateTable('staff_user').set({ active: true }).where('id', '=', actor.staffUserId).execute();
        await setDecisionDate(gone.id, addDays(today(), 60));
      }
    });

    it('emails each referral once when several runs race over more than one batch', async () => {
      const made = [];
      for (let index = 0; index < 130; index++) made.push(await submittedReferral(test.db, 'socialworker.edinburgh@demo.example'));
      await test.db
        .updateTable('referral')
        .set({ decision_date: addDays(today(), 7) })
        .where('id', 'in', made.map((r) => r.id))
        .execute();
      const pools: Db[] = Array.from({ length: 3 }, (_, index) => connect(test.url, { max: 2, applicationName: `deadlines-${index}` }));
      try {
        const runs = await Promise.all(pools.map((db) => queueDeadlineReminders(db, SITE)));
        expect(runs.reduce((sum, run) => sum + run.emails, 0)).toBe(130);
      } finally {
        await Promise.all(pools.map((db) => db.destroy()));
      }
      const mail = await mailTo('socialworker.edinburgh@demo.example', DEADLINE_REMINDER_KIND);
      expect(mail).toHaveLength(130);
      expect(new Set(mail.map((m) => m.subject)).size).toBe(130);
    });
  });

  describe('the job queue', () => {
    it('runs both reminders every hour, and runs them when queued', async () => {
      const items = parseCrontab(REMINDER_CRONTAB);
      expect(items.map((item) => [item.task, item.identifier, item.options.backfillPeriod > 0])).toEqual([
        [SESSION_REMINDERS_TASK, SESSION_REMINDERS_TASK, true],
        [DEADLINE_REMINDERS_TASK, DEADLINE_REMINDERS_TASK, true],
      ]);
      // Every hour of a day, whatever the minute the hour starts on.
      const hours = Array.from({ length: 24 }, (_, hour) => items[0]!.match({ min: 0, hour, date: 5, month: 7, dow: 1 }));
      expect(hours.every(Boolean)).toBe(true);

      const worker = await newWorker();
      const tomorrow = addDays(dayInScotland(new Date()), 1);
      await withSessions(worker, [`${tomorrow}T12:00:00Z`]);
      const sent: string[] = [];
      const transport: MailTransport = { kind: 'smtp', send: async (message) => void sent.push(message.to) };
      await sql`SELECT graphile_worker.add_job(${SESSION_REMINDERS_TASK})`.execute(test.db);
      const runner = await startJobRunner(test.db, transport, { siteUrl: () => SITE, reminders: false });
      try {
        await expect.poll(() => sent.includes(worker.email), { timeout: 15_000 }).toBe(true);
      } finally {
        await runner.stop();
      }
      expect((await mailTo(worker.email, SESSION_REMINDER_KIND))[0]!.body_text).toContain(`${SITE}/staff/diary?week=`);
    });

    it('links to SITE_URL, or on a developer’s own machine to where the server listens; elsewhere to nothing', () => {
      expect(siteUrlFromEnvironment({ SITE_URL: 'https://choice.example/' })).toBe('https://choice.example');
      expect(siteUrlFromEnvironment({ PORT: '4000' })).toBe('http://localhost:4000');
      expect(siteUrlFromEnvironment({ HOST: '127.0.0.1', PORT: '0' }, 'http://127.0.0.1:45678')).toBe('http://127.0.0.1:45678');
      expect(siteUrlFromEnvironment({ HOST: '0.0.0.0', PORT: '3000' })).toBeNull();
    });
  });
});
