/**
 * The end of a case through its page: the worker starts the assessment, the programme
 * ends early (with a specific message for each thing left out, and the typed words
 * kept), the referrer is emailed without details, and the manager closes the case with
 * its outcome recorded for statistics. Also: sessions on the referrer's timeline, and
 * the statistics page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { caseStatistics } from '../../modules/stats/case-outcomes';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor, stepCase } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText, type HttpClient } from '../support/http-client';
import { signedInClient } from '../support/staff';
import { preparableReportKinds, signOffReport } from '../../modules/reports/reports';
import { scheduleSession } from '../../modules/sessions/sessions';
import { newSessionSnapshot } from '../../modules/sessions/snapshot';

type Client = HttpClient & { staff: { userId: string } };

describe('ending and closing a case', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let manager: Client;
  let worker: Client;
  let fiscal: Client;

  const referral = (id: string) => test.db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const post = async (client: Client, id: string, fields: Record<string, string>) =>
    client.post(`/staff/referrals/${id}`, { version: String((await referral(id)).version), ...fields });

  let hour = 0;
  /** Sessions that have already happened, each in its own past hour (a worker is never booked twice). */
  const pastSessions = async (referralId: string, count: number, values: { state: string; absence_judgement?: 'acceptable' | 'unacceptable'; absence_reason?: string }) => {
    const workerActor = await staffActor(test.db, 'worker@demo.example');
    for (let i = 0; i < count; i++) {
      const starts = new Date(Date.now() - (30 * 24 - hour++) * 3_600_000);
      await test.db
        .insertInto('programme_session')
        .values({ referral_id: referralId, worker_id: workerActor.staffUserId, module_key: 'assessment', starts_at: starts, ends_at: new Date(starts.getTime() + 3_000_000), machine_id: 'choice-session', machine_version: 1, snapshot: JSON.stringify(newSessionSnapshot()), ...values })
        .execute();
    }
  };

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    worker = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    fiscal = await signedInClient(app.baseUrl, test.db, 'fiscal@demo.example');
  });
  afterAll(() => app?.stop());

  it('the worker starts the assessment from the case page', async () => {
    const { id } = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    const before = pageText((await worker.get(`/staff/referrals/${id}`)).text);
    expect(before).toContain('Arrange his assessment');
    expect(before).toContain('Start the assessment');
    const started = await post(worker, id, { event: 'START_ASSESSMENT' });
    expect(started.location).toBe(`/staff/referrals/${id}?done=START_ASSESSMENT`);
    expect((await referral(id)).state).toBe('assessment');
    expect(pageText((await worker.get(started.location!)).text)).toContain('Record the assessment and build his plan');
  });

  it('ending early asks for a reason and what happened, keeping what was typed', async () => {
    const { id } = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    const noReason = await post(worker, id, { event: 'END_EARLY', detail: 'He has stopped answering calls since 2 December.' });
    expect(noReason.status).toBe(400);
    const words = pageText(noReason.text);
    expect(words).toContain('Select why the programme is ending early');
    expect(noReason.text).toContain('He has stopped answering calls since 2 December.');
    const bogus = await post(worker, id, { event: 'END_EARLY', endReason: 'bored', detail: 'x' });
    expect(pageText(bogus.text)).toContain('Select why the programme is ending early');
    const noDetail = await post(worker, id, { event: 'END_EARLY', endReason: 'withdrawn', detail: '   ' });
    expect(pageText(noDetail.text)).toContain('Enter what happened');
    expect((await referral(id)).state).toBe('allocated');
  });

  it('ends early, emails the referrer without details, and the manager closes it with its outcome code', async () => {
    const { id, reference } = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example', { person_name: 'Quentin Example' });
    await stepCase(test.db, id, 'worker@demo.example', { type: 'START_ASSESSMENT' });
    await stepCase(test.db, id, 'manager@demo.example', { type: 'START_PROGRAMME' });
    // Ending for non-compliance waits for the programme's rule: three unacceptable absences by default.
    await pastSessions(id, 2, { state: 'not_attended', absence_judgement: 'unacceptable', absence_reason: 'No contact.' });
    const tooSoon = await post(worker, id, { event: 'END_EARLY', endReason: 'non_compliance', detail: 'Two sessions missed.' });
    expect(tooSoon.status).toBe(400);
    expect(pageText(tooSoon.text)).toContain('He has 2 unacceptable absences. Under the programme’s rule, it can end for non-compliance after 3');
    expect(tooSoon.text).toContain('Two sessions missed.');
    await pastSessions(id, 1, { state: 'not_attended', absence_judgement: 'unacceptable', absence_reason: 'No contact.' });
    const ended = await post(worker, id, { event: 'END_EARLY', endReason: 'non_compliance', detail: 'Three sessions missed without a reason.' });
    expect(ended.status).toBe(302);
    const row = await referral(id);
    expect(row).toMatchObject({ state: 'ended_early', end_reason: 'non_compliance' });
    // The ended-early report is made in the same step, waiting for a manager; the referrer cannot see it yet.
    const report = await test.db.selectFrom('report').selectAll().where('referral_id', '=', id).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ kind: 'ended_early', state: 'awaiting_sign_off' });
    expect(pageText((await fiscal.get(`/staff/referrals/${id}`)).text)).not.toContain('programme ended early');
    expect(pageText((await manager.get(`/staff/referrals/${id}`)).text)).toContain('Waiting for sign-off');

    // The referrer is emailed when there is something to read: the signed-off report, not the step.
    const fiscalMail = () => test.db.selectFrom('outbox_message').selectAll().where('subject', 'like', `%${reference}%`).where('to_address', '=', 'fiscal@demo.example').execute();
    expect(await fiscalMail()).toEqual([]);
    const managerActor = await staffActor(test.db, 'manager@demo.example');
    await signOffReport(test.db, { reportId: report.id, expectedVersion: report.version, actor: managerActor, siteUrl: 'http://localhost' });
    const [mail] = await fiscalMail();
    expect(mail!.subject).toContain(reference);
    expect(mail!.body_text).not.toContain('Quentin');
    expect(mail!.body_text).not.toContain('Three sessions');

    // The worker cannot close it; the manager sees the outcome it will record.
    expect(pageText((await worker.get(`/staff/referrals/${id}`)).text)).not.toContain('A note about the outcome');
    const managerView = pageText((await manager.get(`/staff/referrals/${id}`)).text);
    expect(managerView).toContain('Close this case');
    expect(managerView).toContain('recorded for statistics as “Ended early: non-compliance”');
    const closed = await post(manager, id, { event: 'CLOSE', outcome: 'The fiscal has the ended-early report.' });
    expect(closed.status).toBe(302);
    expect(await referral(id)).toMatchObject({ state: 'closed', outcome_code: 'ended_early_non_compliance', outcome: 'The fiscal has the ended-early report.' });

    const year = Number(new Date().toISOString().slice(0, 4));
    const statistics = await caseStatistics(test.db, year);
    expect(statistics.outcomes.find((o) => o.outcome === 'ended_early_non_compliance')?.byRoute.diversion).toBeGreaterThanOrEqual(1);
  });

  const signedOffPlan = (referralId: string, sessions: number) =>
    test.db
      .insertInto('case_plan')
      .values({ referral_id: referralId, modules: JSON.stringify([{ key: 'assessment', title: 'Assessment', sessions }]), programme_version: 1, state: 'signed_off' })
      .execute();

  it('offers ending early first, open, once the non-compliance rule’s end threshold is reached', async () => {
    const { id } = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    await stepCase(test.db, id, 'worker@demo.example', { type: 'START_ASSESSMENT' });
    await stepCase(test.db, id, 'manager@demo.example', { type: 'START_PROGRAMME' });
    const order = (html: string): [number, number] => [html.indexOf('Record the early end'), html.indexOf('Record that he has completed the programme')];
    const [endBefore, completeBefore] = order((await worker.get(`/staff/referrals/${id}`)).text);
    expect(completeBefore).toBeLessThan(endBefore);
    expect((await worker.get(`/staff/referrals/${id}`)).text).toContain('<summary class="govuk-details__summary"><span class="govuk-details__summary-text">End the programme early');
    await pastSessions(id, 3, { state: 'not_attended', absence_judgement: 'unacceptable', absence_reason: 'No contact.' });
    const page = (await worker.get(`/staff/referrals/${id}`)).text;
    const [endAfter, completeAfter] = order(page);
    expect(endAfter).toBeLessThan(completeAfter);
    expect(page).not.toContain('End the programme early</span>');
  });

  it('refuses completion with too few sessions, saying why; a manager may record it with a reason; the rule met completes it', async () => {
    const { id } = await allocatedReferral(test.db, 'socialworker.edinburgh@demo.example', 'worker@demo.example');
    await stepCase(test.db, id, 'worker@demo.example', { type: 'START_ASSESSMENT' });
    await stepCase(test.db, id, 'manager@demo.example', { type: 'START_PROGRAMME' });
    const noPlan = await post(worker, id, { event: 'COMPLETE', confirmComplete: 'yes' });
    expect(noPlan.status).toBe(400);
    expect(pageText(noPlan.text)).toContain('He has no signed-off plan, so no sessions count towards completion');
    await signedOffPlan(id, 3);
    await pastSessions(id, 1, { state: 'signed_off' });
    const tooFew = await post(worker, id, { event: 'COMPLETE', confirmComplete: 'yes' });
    expect(tooFew.status).toBe(400);
    expect(pageText(tooFew.text)).toContain('He has attended 1 session. Under the programme’s rule he must attend 3 sessions of the 3 sessions in his plan to complete');
    // A worker's "reason" is no override.
    const workerOverride = await post(worker, id, { event: 'COMPLETE', confirmComplete: 'yes', overrideReason: 'He did enough.' });
    expect(pageText(workerOverride.text)).toContain('Only a CHOICE manager can record completion with fewer sessions than the rule asks');
    expect((await referral(id)).state).toBe('in_programme');
    const managerPage = pageText((await manager.get(`/staff/referrals/${id}`)).text);
    expect(managerPage).toContain('As a manager, why is he completing with fewer sessions?');
    const overridden = await post(manager, id, { event: 'COMPLETE', confirmComplete: 'yes', overrideReason: 'He moved to a prison programme that covers the rest.' });
    expect(overridden.status).toBe(302);
    const event = await test.db.selectFrom('case_event').select(['event', 'reason', 'actor_staff_user_id']).where('referral_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ event: 'COMPLETE', actor_staff_user_id: manager.staff.userId });
    expect(event.reason).toBe('Completion recorded by a manager with 1 of the 3 sessions the rule asks for: He moved to a prison programme that covers the rest.');
    const audit = await test.db.selectFrom('audit_event').select('detail').where('object_id', '=', id).where('action', '=', 'case.complete').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ attended: 1, needed: 3, override: true });
  });

  it('records completion after confirmation once the plan’s sessions are attended, and closing records it as completed', async () => {
    const { id } = await allocatedReferral(test.db, 'socialworker.edinburgh@demo.example', 'worker@demo.example');
    await stepCase(test.db, id, 'worker@demo.example', { type: 'START_ASSESSMENT' });
    await stepCase(test.db, id, 'manager@demo.example', { type: 'START_PROGRAMME' });
    await signedOffPlan(id, 2);
    await pastSessions(id, 2, { state: 'signed_off' });
    const unconfirmed = await post(worker, id, { event: 'COMPLETE' });
    expect(pageText(unconfirmed.text)).toContain('Confirm that he has completed the programme');
    expect((await post(worker, id, { event: 'COMPLETE', confirmComplete: 'yes' })).status).toBe(302);
    expect(await test.db.selectFrom('report').select(['kind', 'state']).where('referral_id', '=', id).execute()).toEqual([{ kind: 'completion', state: 'awaiting_sign_off' }]);
    // Once the completion report is sent, it is not offered again.
    const managerActor = await staffActor(test.db, 'manager@demo.example');
    const managerViewer = { staffUserId: managerActor.staffUserId, organisationId: managerActor.organisationId!, organisationKind: 'choice_service' as const, role: 'manager' as const };
    const completed = await referral(id);
    expect(await preparableReportKinds(test.db, managerViewer, completed)).toEqual(['completion']);
    const report = await test.db.selectFrom('report').select(['id', 'version']).where('referral_id', '=', id).executeTakeFirstOrThrow();
    await signOffReport(test.db, { reportId: report.id, expectedVersion: report.version, actor: managerActor, siteUrl: 'http://localhost' });
    expect(await preparableReportKinds(test.db, managerViewer, completed)).toEqual([]);
    await post(manager, id, { event: 'CLOSE', outcome: 'Completion report sent to the court.' });
    expect(await referral(id)).toMatchObject({ state: 'closed', outcome_code: 'completed' });
  });

  it('shows the referrer sessions attended and missed, but not the reason he gave for missing one', async () => {
    const { id } = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    const workerActor = await staffActor(test.db, 'worker@demo.example');
    const snapshot = JSON.stringify(newSessionSnapshot());
    const at = (days: number) => new Date(Date.now() - days * 86_400_000);
    await test.db
      .insertInto('programme_session')
      .values([
        { referral_id: id, worker_id: workerActor.staffUserId, module_key: 'assessment', starts_at: at(14), ends_at: new Date(at(14).getTime() + 3_600_000), state: 'notes_recorded', machine_id: 'choice-session', machine_version: 1, snapshot, private_notes: 'PRIVATE-NOTE-TEXT' },
        { referral_id: id, worker_id: workerActor.staffUserId, module_key: 'assessment', starts_at: at(7), ends_at: new Date(at(7).getTime() + 3_600_000), state: 'not_attended', absence_judgement: 'unacceptable', absence_reason: 'ABSENCE-REASON-TEXT', machine_id: 'choice-session', machine_version: 1, snapshot },
      ])
      .execute();
    const referrerView = pageText((await fiscal.get(`/staff/referrals/${id}`)).text);
    expect(referrerView).toContain('Session attended: Assessment');
    expect(referrerView).toContain('Session missed without an acceptable reason: Assessment');
    expect(referrerView).not.toContain('ABSENCE-REASON-TEXT');
    expect(referrerView).not.toContain('PRIVATE-NOTE-TEXT');
    expect(pageText((await manager.get(`/staff/referrals/${id}`)).text)).toContain('ABSENCE-REASON-TEXT');
  });

  it('the statistics page counts closed cases, and explains a year it cannot show', async () => {
    const page = await manager.get('/staff/statistics?year=all');
    expect(page.status).toBe(200);
    const words = pageText(page.text);
    expect(words).toContain('Ended early: non-compliance');
    expect(words).toContain('Programme completed');
    for (const bad of ['1999', 'twenty', '2026-01', '9'.repeat(40)]) {
      const refused = await manager.get(`/staff/statistics?year=${encodeURIComponent(bad)}`);
      expect(refused.status, bad).toBe(400);
      expect(pageText(refused.text), bad).toMatch(/Enter a year (as four digits|from 2020 to \d{4})/);
    }
    expect((await worker.get('/staff/statistics')).status).toBe(403);
  });

  it('calls off booked sessions when the programme ends or the case moves to another worker, and the old worker loses the sessions', async () => {
    const { id } = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    const workerActor = await staffActor(test.db, 'worker@demo.example');
    const book = (daysAhead: number) =>
      scheduleSession(test.db, { referralId: id, workerId: workerActor.staffUserId, moduleKey: 'assessment', startsAt: new Date(Date.now() + daysAhead * 86_400_000), minutes: 60, actor: workerActor });
    const first = await book(40);
    await book(41);
    const opened = await worker.get(`/staff/sessions/${first.id}`);
    expect(opened.status).toBe(200);

    // Reallocated: the booked sessions are called off with a reason, and the first worker no longer sees them.
    const second = await test.db
      .insertInto('staff_user')
      .values({ organisation_id: workerActor.organisationId!, email: 'worker.three@demo.example', full_name: 'Wilma Worker', role: 'worker', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await post(manager, id, { event: 'ALLOCATE', workerId: second.id })).status).toBe(302);
    const sessions = await test.db.selectFrom('programme_session').select(['state']).where('referral_id', '=', id).execute();
    expect(sessions.map((row) => row.state)).toEqual(['cancelled', 'cancelled']);
    const events = await test.db.selectFrom('session_event').select(['event', 'reason']).where('session_id', '=', first.id).orderBy('id').execute();
    expect(events.at(-1)).toEqual({ event: 'CANCEL', reason: 'The case moved to another worker, who will book sessions again.' });
    expect((await worker.get(`/staff/sessions/${first.id}`)).status).toBe(404);
    expect((await manager.get(`/staff/sessions/${first.id}`)).status).toBe(200);

    // Ended: what the new worker booked is called off too.
    const wilma = await staffActor(test.db, 'worker.three@demo.example');
    await scheduleSession(test.db, { referralId: id, workerId: wilma.staffUserId, moduleKey: 'assessment', startsAt: new Date(Date.now() + 42 * 86_400_000), minutes: 60, actor: wilma });
    await stepCase(test.db, id, 'manager@demo.example', { type: 'START_ASSESSMENT' });
    expect((await post(manager, id, { event: 'END_EARLY', endReason: 'withdrawn', detail: 'He has moved abroad.' })).status).toBe(302);
    const after = await test.db.selectFrom('programme_session').select('state').where('referral_id', '=', id).where('state', '=', 'scheduled').execute();
    expect(after).toEqual([]);
  });

  it('answers an address holding hidden characters with "not found", never an error', async () => {
    const { id } = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    for (const path of ['/staff/sessions/%00', '/staff/sessions/a%00b/invite.ics', '/staff/referrals/%00', `/staff/referrals/%00/plan`, `/staff/referrals/%00/sessions/new`, `/staff/referrals/${id}/reports/%00`, `/staff/referrals/${id}/reports/%00.pdf`]) {
      const response = await manager.get(path);
      expect(response.status, path).toBe(404);
    }
    const denied = await test.db.selectFrom('audit_event').select('object_id').where('object_id', 'like', '%\uFFFD%').execute();
    expect(denied.length).toBeGreaterThan(0);
  });
});
