/**
 * Safeguarding concerns through HTTP, with CSRF, as each role: a concern recorded in a
 * session's notes opens an item in the same step (with the managers' email); the
 * manager's home page, the list and the case page say it is waiting; the session, a
 * report and the plan are not signed off while it is open; a manager acknowledges it
 * and records what was done (with the messages, what was typed kept, and a stale page
 * told so); only CHOICE managers reach it; every read and change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { OpenSafeguardingConcernError } from '../../modules/safeguarding/concerns';
import { signOffPlan } from '../../modules/assessment/plan';
import type { TransitionActor } from '../../modules/referrals/transitions';
import { scheduleSession } from '../../modules/sessions/sessions';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor, stepCase } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText, type HttpClient } from '../support/http-client';
import { signedInClient, type SignedInStaff } from '../support/staff';

type Client = HttpClient & { staff: SignedInStaff };

const WORKER = 'worker@demo.example';
const MANAGER = 'manager@demo.example';
const FISCAL = 'fiscal@demo.example';
const CONCERN = 'He said he babysits his six-year-old niece alone on Saturdays.';
const HOUR = 3_600_000;

describe('safeguarding concerns', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let worker: Client;
  let manager: Client;
  let fiscal: Client;
  let admin: Client;
  let workerActor: TransitionActor;
  let managerActor: TransitionActor;
  let slot = 0;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    worker = await signedInClient(app.baseUrl, test.db, WORKER);
    manager = await signedInClient(app.baseUrl, test.db, MANAGER);
    fiscal = await signedInClient(app.baseUrl, test.db, FISCAL);
    admin = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
    const { kind: _w, ...w } = await staffActor(test.db, WORKER);
    const { kind: _m, ...m } = await staffActor(test.db, MANAGER);
    workerActor = w;
    managerActor = m;
  });
  afterAll(() => app?.stop());

  const words = async (client: Client, path: string) => pageText((await client.get(path)).text);
  const sessionVersion = async (id: string) => String((await test.db.selectFrom('programme_session').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version);
  const concernRow = (referralId: string) => test.db.selectFrom('safeguarding_concern').selectAll().where('referral_id', '=', referralId).executeTakeFirstOrThrow();

  /** A case in assessment whose first session's notes record a concern, through the page as the worker would. */
  const caseWithConcern = async () => {
    const referral = await allocatedReferral(test.db, FISCAL, WORKER, { person_name: 'Gordon Guard' });
    await stepCase(test.db, referral.id, MANAGER, { type: 'START_ASSESSMENT' });
    const booked = await scheduleSession(test.db, { referralId: referral.id, workerId: workerActor.staffUserId, moduleKey: 'assessment', startsAt: new Date(Date.now() - (2 + 2 * slot++) * HOUR), minutes: 30, actor: workerActor });
    await worker.post(`/staff/sessions/${booked.id}`, { step: 'MARK_ATTENDED', version: await sessionVersion(booked.id) });
    const noted = await worker.post(`/staff/sessions/${booked.id}`, {
      step: 'RECORD_NOTES',
      version: await sessionVersion(booked.id),
      topics: 'Assessment: his week and who he sees',
      engagement: 'full',
      homeworkDone: 'not_set',
      concerns: CONCERN,
      safeguarding: 'yes',
    });
    expect(noted.location).toContain('safeguarding=yes');
    return { referral, sessionId: booked.id };
  };

  it('opens an item with the concern, which the manager’s home page, the list and the case page show; the session is not signed off until it is dealt with', async () => {
    const { referral, sessionId } = await caseWithConcern();
    const row = await concernRow(referral.id);
    expect(row).toMatchObject({ state: 'open', session_id: sessionId, raised_by_staff_user_id: workerActor.staffUserId, version: 1 });
    const opened = await test.db.selectFrom('audit_event').select(['action', 'actor_staff_user_id']).where('object_id', '=', row.id).execute();
    expect(opened).toEqual([{ action: 'safeguarding.open', actor_staff_user_id: workerActor.staffUserId }]);
    expect(await test.db.selectFrom('outbox_message').select('to_address').where('subject', '=', `A safeguarding concern was recorded on case ${referral.reference}`).execute()).toEqual([{ to_address: MANAGER }]);

    expect(await words(manager, '/staff')).toMatch(/\d+ safeguarding concerns? (has|have) not been dealt with\. See the safeguarding concerns/);
    const list = await words(manager, '/staff/safeguarding');
    expect(list).toContain(`${referral.reference} (Gordon Guard)`);
    expect(list).toContain('Not acknowledged');
    expect(await words(manager, `/staff/referrals/${referral.id}`)).toContain('A safeguarding concern has not been dealt with Acknowledge it and record what was done. Until then, nothing on this case can be signed off. Deal with the safeguarding concern');

    const refused = await manager.post(`/staff/sessions/${sessionId}`, { step: 'SIGN_OFF', version: await sessionVersion(sessionId) });
    expect(refused.status).toBe(409);
    expect(pageText(refused.text)).toContain('There is a safeguarding concern on this case that has not been dealt with.');
    expect((await test.db.selectFrom('programme_session').select('state').where('id', '=', sessionId).executeTakeFirstOrThrow()).state).toBe('notes_recorded');
  });

  it('is acknowledged, then what was done is recorded, with a message for each field, what was typed kept, and a stale page told so', async () => {
    const { referral, sessionId } = await caseWithConcern();
    const row = await concernRow(referral.id);
    const path = `/staff/safeguarding/${row.id}`;
    const page = await words(manager, path);
    expect(page).toContain(`The concern ${CONCERN}`);
    expect(page).toContain('Acknowledged Not yet');

    const acknowledged = await manager.post(path, { intent: 'acknowledge', version: '1' });
    expect(acknowledged.location).toBe(`${path}?done=acknowledge`);
    expect(await words(manager, acknowledged.location!)).toContain('Concern acknowledged.');
    // Someone else's page, from before the acknowledgement.
    const stale = await manager.post(path, { intent: 'acknowledge', version: '1' });
    expect(stale.status).toBe(409);
    expect(pageText(stale.text)).toContain('Another manager changed this concern while you were looking at it.');

    const incomplete = await manager.post(path, { intent: 'record-action', version: '2', what: 'Phoned the social work duty team about his niece.', who: '', 'on-day': '31', 'on-month': '2', 'on-year': '2026' });
    expect(incomplete.status).toBe(400);
    const incompleteWords = pageText(incomplete.text);
    expect(incompleteWords).toContain('Enter who did it, or who was told');
    expect(incompleteWords).toContain('The day it was done must be a real date');
    expect(incomplete.text).toContain('Phoned the social work duty team about his niece.</textarea>');
    const future = await manager.post(path, { intent: 'record-action', version: '2', what: 'Phoned.', who: 'Duty team', 'on-day': '1', 'on-month': '1', 'on-year': String(new Date().getFullYear() + 1) });
    expect(pageText(future.text)).toContain('The day it was done must be today or in the past');

    const today = new Date();
    const recorded = await manager.post(path, {
      intent: 'record-action',
      version: '2',
      what: 'Phoned the social work duty team about his niece; they will visit her family.',
      who: 'Edinburgh social work duty team',
      'on-day': String(today.getUTCDate()),
      'on-month': String(today.getUTCMonth() + 1),
      'on-year': String(today.getUTCFullYear()),
    });
    expect(recorded.location).toBe(`${path}?done=record-action`);
    const done = await words(manager, recorded.location!);
    expect(done).toContain('What was done has been recorded. The case can be signed off again.');
    expect(done).toContain('By or with whom Edinburgh social work duty team');
    expect(done).not.toContain('Record what was done?');
    expect(await concernRow(referral.id)).toMatchObject({ state: 'actioned', version: 3, action_by: 'Edinburgh social work duty team' });
    expect(await words(manager, '/staff/safeguarding')).not.toContain(referral.reference);

    // Dealt with: the session can be signed off now.
    const signed = await manager.post(`/staff/sessions/${sessionId}`, { step: 'SIGN_OFF', version: await sessionVersion(sessionId) });
    expect(signed.location).toBe(`/staff/sessions/${sessionId}?done=SIGN_OFF`);

    const audit = await test.db.selectFrom('audit_event').select('action').where('object_id', '=', row.id).orderBy('id').execute();
    expect(audit.map((a) => a.action).filter((a) => a !== 'safeguarding.read')).toEqual(['safeguarding.open', 'safeguarding.acknowledge', 'safeguarding.record-action']);
    expect(audit.filter((a) => a.action === 'safeguarding.read').length).toBeGreaterThanOrEqual(6);
  });

  it('holds the plan’s sign-off, which starts the programme, until the concern is dealt with', async () => {
    const { referral } = await caseWithConcern();
    await test.db.insertInto('assessment').values({ referral_id: referral.id, motivation: 'm', understanding: 'u', needs: 'n', risks: 'r', protective_factors: 'p' }).execute();
    await test.db
      .insertInto('case_plan')
      .values({ referral_id: referral.id, modules: JSON.stringify([{ key: 'assessment', title: 'Assessment', sessions: 1 }]), programme_version: 1, state: 'awaiting_sign_off' })
      .execute();
    const versions = async () => ({
      plan: (await test.db.selectFrom('case_plan').select('version').where('referral_id', '=', referral.id).executeTakeFirstOrThrow()).version,
      case: (await test.db.selectFrom('referral').select('version').where('id', '=', referral.id).executeTakeFirstOrThrow()).version,
    });
    const now = await versions();
    await expect(signOffPlan(test.db, { referralId: referral.id, expectedPlanVersion: now.plan, expectedCaseVersion: now.case, actor: managerActor, siteUrl: app.baseUrl })).rejects.toBeInstanceOf(OpenSafeguardingConcernError);
    expect((await test.db.selectFrom('referral').select('state').where('id', '=', referral.id).executeTakeFirstOrThrow()).state).toBe('assessment');
    // Through the page: the manager is told why, and the plan waits.
    const page = await manager.post(`/staff/referrals/${referral.id}/plan`, { intent: 'sign-off', planVersion: String(now.plan), caseVersion: String(now.case) });
    expect(pageText(page.text)).toContain('There is a safeguarding concern on this case that has not been dealt with.');
  });

  it('is for CHOICE managers only: a worker, a referrer and an administrator are refused, and the referrer never sees the concern', async () => {
    const { referral } = await caseWithConcern();
    const row = await concernRow(referral.id);
    for (const client of [worker, fiscal, admin]) {
      expect((await client.get('/staff/safeguarding')).status).toBe(403);
      expect((await client.get(`/staff/safeguarding/${row.id}`)).status).toBe(403);
      expect((await client.post(`/staff/safeguarding/${row.id}`, { intent: 'acknowledge', version: '1' })).status).toBe(403);
    }
    expect((await concernRow(referral.id)).state).toBe('open');
    expect((await manager.get('/staff/safeguarding/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await manager.get('/staff/safeguarding/not-an-id')).status).toBe(404);
    const seen = await words(fiscal, `/staff/referrals/${referral.id}`);
    expect(seen).not.toContain('niece');
    expect(seen).not.toContain('safeguarding');
  });
});
