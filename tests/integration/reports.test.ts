/**
 * Reports to the referrer on a real PostgreSQL and through HTTP: the facts read from a
 * case with sessions (and never its private notes, concerns, assessment or risk text),
 * a report made inside a step that fails leaving nothing, preparing by hand at each
 * stage, a manager editing the opening paragraph and signing off (the referrer emailed
 * a link and nothing else), a stale version, who may see which report, the page as
 * each role, the PDF read back as text, and hostile posts never answered with a 500.
 */
import fc from 'fast-check';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { DEFAULT_PROGRAMME } from '../../modules/programme/definition';
import { caseViewerOf, type CaseViewer } from '../../modules/referrals/access';
import { dayInScotland } from '../../modules/referrals/dates';
import { transitionCase, type TransitionActor } from '../../modules/referrals/transitions';
import { ReportConflictError, ReportNotAllowedError, ReportNotFoundError, ReportSignedOffError } from '../../modules/reports/errors';
import { caseReports, createReport, prepareReport, preparableReportKinds, readReport, reportFactsFor, refreshReport, saveReportIntroduction, signOffReport } from '../../modules/reports/reports';
import { scheduleSession, transitionSession } from '../../modules/sessions/sessions';
import type { SessionEvent } from '../../modules/sessions/session-machine';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor, stepCase } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText, type HttpClient } from '../support/http-client';
import { signedInClient, type SignedInStaff } from '../support/staff';
import { HOSTILE_TEXT, FORM_NOT_ACCEPTED } from '../support/fuzz';

type Client = HttpClient & { staff: SignedInStaff };

const SITE = 'https://choice.example';
const WORKER = 'worker@demo.example';
const OTHER_WORKER = 'worker.two@demo.example';
const MANAGER = 'manager@demo.example';
const OTHER_MANAGER = 'manager.two@demo.example';
const FISCAL = 'fiscal@demo.example';
const GLASGOW = 'socialworker.glasgow@demo.example';
const EDINBURGH = 'socialworker.edinburgh@demo.example';

const PRIVATE_NOTE = 'PRIVATE-NOTE he spoke about his brother in Dundee';
const CONCERN = 'CONCERN-TEXT mentioned visiting a nephew';
const ASSESSMENT_RISK = 'ASSESSMENT-RISK-TEXT escalation noted';
const RISK_INFORMATION = 'RISK-INFORMATION-TEXT from the referral';
const PERSON = 'Alasdair Reportson';

const reportPage = (referralId: string, reportId: string) => `/staff/referrals/${referralId}/reports/${reportId}`;
const pdfText = async (bytes: Uint8Array) => (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text.replace(/\s+/g, ' ');

describe('reports to the referrer', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let worker: TransitionActor;
  let manager: TransitionActor;
  let clients: Record<'manager' | 'otherManager' | 'worker' | 'otherWorker' | 'fiscal' | 'glasgow' | 'edinburgh' | 'admin', Client>;
  let caseCount = 0;

  const actorOf = async (email: string): Promise<TransitionActor> => {
    const { kind: _kind, ...actor } = await staffActor(test.db, email);
    return actor;
  };
  const viewerOf = async (email: string): Promise<CaseViewer> => {
    const user = await test.db
      .selectFrom('staff_user')
      .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
      .select(['staff_user.id', 'staff_user.organisation_id', 'staff_user.role', 'organisation.kind as organisation_kind'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return caseViewerOf(user);
  };

  /** A case of the fiscal's in the programme, with the worker allocated, its own hour of the day for sessions. */
  const inProgramme = async (referrer = FISCAL) => {
    const referral = await allocatedReferral(test.db, referrer, WORKER, { person_name: PERSON, risk_information: RISK_INFORMATION });
    await stepCase(test.db, referral.id, MANAGER, { type: 'START_ASSESSMENT' });
    await stepCase(test.db, referral.id, MANAGER, { type: 'START_PROGRAMME' });
    return { ...referral, hour: 8 + caseCount++ };
  };

  const sessionStep = async (sessionId: string, event: SessionEvent, changes?: Parameters<typeof transitionSession>[1]['changes']) => {
    const { version } = await test.db.selectFrom('programme_session').select('version').where('id', '=', sessionId).executeTakeFirstOrThrow();
    return transitionSession(test.db, { sessionId, expectedVersion: version, event, actor: worker, siteUrl: SITE, changes });
  };

  const session = async (referralId: string, hour: number, day: string, moduleKey: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return scheduleSession(test.db, { referralId, workerId: worker.staffUserId, moduleKey, startsAt: new Date(Date.UTC(y, m - 1, d, hour % 24)), minutes: 30, actor: worker });
  };

  const attend = async (referralId: string, hour: number, day: string, moduleKey: string) => {
    const booked = await session(referralId, hour, day, moduleKey);
    await sessionStep(booked.id, { type: 'MARK_ATTENDED' });
    await sessionStep(booked.id, { type: 'RECORD_NOTES' }, { topics_covered: 'Goals', engagement: 'full', homework_done: 'not_set', private_notes: PRIVATE_NOTE, concerns: CONCERN, safeguarding_concern: false });
    return booked;
  };
  const miss = async (referralId: string, hour: number, day: string, judgement: 'acceptable' | 'unacceptable') => {
    const booked = await session(referralId, hour, day, 'motivation');
    await sessionStep(booked.id, { type: 'MARK_NOT_ATTENDED', judgement, reason: `${judgement} reason ${PRIVATE_NOTE}` });
    return booked;
  };

  /** Three sessions attended (one signed off), one unacceptable and one acceptable absence, one cancelled, one still to come. */
  const withSessions = async (referralId: string, hour: number) => {
    const first = await attend(referralId, hour, '2026-10-05', 'assessment');
    await transitionSession(test.db, { sessionId: first.id, expectedVersion: 3, event: { type: 'SIGN_OFF' }, actor: manager, siteUrl: SITE });
    await attend(referralId, hour, '2026-10-12', 'motivation');
    await miss(referralId, hour, '2026-10-19', 'unacceptable');
    await attend(referralId, hour, '2026-10-26', 'motivation');
    await miss(referralId, hour, '2026-11-02', 'acceptable');
    const cancelled = await session(referralId, hour, '2026-11-09', 'motivation');
    await sessionStep(cancelled.id, { type: 'CANCEL', reason: 'Worker unwell' });
    await session(referralId, hour, '2026-11-16', 'understanding-the-offending');
  };

  const withPlan = (referralId: string) =>
    test.db
      .insertInto('case_plan')
      .values({
        referral_id: referralId,
        modules: JSON.stringify([
          { key: 'assessment', title: 'Assessment', sessions: 2 },
          { key: 'motivation', title: 'Motivation', sessions: 4 },
          { key: 'understanding-the-offending', title: 'Understanding the offending', sessions: 3 },
        ]),
        programme_version: 1,
        state: 'signed_off',
      })
      .execute();

  const withAssessment = (referralId: string) => test.db.insertInto('assessment').values({ referral_id: referralId, risks: ASSESSMENT_RISK, motivation: ASSESSMENT_RISK }).execute();

  const reportRow = (id: string) => test.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const fetchPdf = async (client: Client, path: string) => {
    const response = await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: client.staff.cookie } });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  const expectNothingPrivate = (text: string) => {
    for (const secret of ['PRIVATE-NOTE', 'CONCERN-TEXT', 'ASSESSMENT-RISK-TEXT', 'RISK-INFORMATION-TEXT', 'nephew', 'Dundee']) expect(text).not.toContain(secret);
  };

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    const choice = await test.db.selectFrom('organisation').select('id').where('kind', '=', 'choice_service').executeTakeFirstOrThrow();
    await test.db
      .insertInto('staff_user')
      .values([
        { organisation_id: choice.id, email: OTHER_MANAGER, full_name: 'Mhairi Second', role: 'manager', password_hash: 'x' },
        { organisation_id: choice.id, email: OTHER_WORKER, full_name: 'Walter Worker', role: 'worker', password_hash: 'x' },
      ])
      .execute();
    worker = await actorOf(WORKER);
    manager = await actorOf(MANAGER);
    app = await startInProcessApp(test.db);
    clients = {
      manager: await signedInClient(app.baseUrl, test.db, MANAGER),
      otherManager: await signedInClient(app.baseUrl, test.db, OTHER_MANAGER),
      worker: await signedInClient(app.baseUrl, test.db, WORKER),
      otherWorker: await signedInClient(app.baseUrl, test.db, OTHER_WORKER),
      fiscal: await signedInClient(app.baseUrl, test.db, FISCAL),
      glasgow: await signedInClient(app.baseUrl, test.db, GLASGOW),
      edinburgh: await signedInClient(app.baseUrl, test.db, EDINBURGH),
      admin: await signedInClient(app.baseUrl, test.db, 'admin@demo.example'),
    };
  });
  afterAll(() => app?.stop());

  it('reads the facts from a case with sessions and its plan, and nothing private', async () => {
    const referral = await inProgramme();
    await withSessions(referral.id, referral.hour);
    await withAssessment(referral.id);
    const now = new Date('2026-11-20T12:00:00Z');

    const withoutPlan = await reportFactsFor(test.db, referral.id, now);
    expect(withoutPlan.sessions.planned).toBe(DEFAULT_PROGRAMME.modules.reduce((sum, m) => sum + m.plannedSessions, 0));
    expect(withoutPlan.programme.modules.map((m) => m.key)).toEqual(DEFAULT_PROGRAMME.modules.map((m) => m.key));

    await withPlan(referral.id);
    const facts = await reportFactsFor(test.db, referral.id, now);
    expect(facts).toMatchObject({
      reference: referral.reference,
      route: 'diversion',
      referrerOrganisation: 'COPFS Edinburgh (demo)',
      personName: PERSON,
      dateOfBirth: '1985-04-12',
      workerName: 'Wendy Worker',
      generatedOn: '2026-11-20',
      endReason: null,
      endedOn: null,
      programme: { label: DEFAULT_PROGRAMME.label, reportTemplates: DEFAULT_PROGRAMME.reportTemplates },
      sessions: {
        attended: 3,
        planned: 9,
        absences: [
          { date: '2026-10-19', acceptable: false },
          { date: '2026-11-02', acceptable: true },
        ],
        modulesCovered: ['assessment', 'motivation'],
        firstSessionDate: '2026-10-05',
        lastSessionDate: '2026-10-26',
      },
    });
    expect(facts.programme.modules).toEqual([
      { key: 'assessment', title: 'Assessment', plannedSessions: 2 },
      { key: 'motivation', title: 'Motivation', plannedSessions: 4 },
      { key: 'understanding-the-offending', title: 'Understanding the offending', plannedSessions: 3 },
    ]);
    expectNothingPrivate(JSON.stringify(facts));
  });

  it('makes a report inside a step’s transaction, and leaves nothing when that transaction fails', async () => {
    const referral = await allocatedReferral(test.db, FISCAL, WORKER);
    await stepCase(test.db, referral.id, MANAGER, { type: 'START_ASSESSMENT' });
    const { version } = await test.db.selectFrom('referral').select('version').where('id', '=', referral.id).executeTakeFirstOrThrow();
    const auditCount = async () => (await test.db.selectFrom('audit_event').select('id').where('action', 'like', 'report.%').execute()).length;
    const before = await auditCount();

    const failed = transitionCase(test.db, {
      referralId: referral.id,
      expectedVersion: version,
      event: { type: 'START_PROGRAMME' },
      actor: manager,
      alsoDo: async (trx) => {
        await createReport(trx, { referralId: referral.id, kind: 'programme_start', actor: manager });
        throw new Error('The power went off');
      },
    });
    await expect(failed).rejects.toThrow('The power went off');
    expect(await test.db.selectFrom('report').select('id').where('referral_id', '=', referral.id).execute()).toEqual([]);
    expect(await auditCount()).toBe(before);
    expect((await test.db.selectFrom('referral').select('state').where('id', '=', referral.id).executeTakeFirstOrThrow()).state).toBe('assessment');

    let made: { id: string; version: number; created: boolean } | undefined;
    await transitionCase(test.db, {
      referralId: referral.id,
      expectedVersion: version,
      event: { type: 'START_PROGRAMME' },
      actor: manager,
      alsoDo: async (trx) => {
        made = await createReport(trx, { referralId: referral.id, kind: 'programme_start', actor: manager });
      },
    });
    expect(made).toMatchObject({ version: 1, created: true });
    const row = await reportRow(made!.id);
    expect(row).toMatchObject({ referral_id: referral.id, kind: 'programme_start', state: 'awaiting_sign_off', introduction: null, created_by_staff_user_id: manager.staffUserId });
    expect((row.facts as { reference: string }).reference).toBe(referral.reference);
    const audit = await test.db.selectFrom('audit_event').select(['action', 'actor_staff_user_id']).where('object_id', '=', made!.id).execute();
    expect(audit).toEqual([{ action: 'report.create', actor_staff_user_id: manager.staffUserId }]);

    // A second report of the same kind while the first waits: the first is refreshed instead.
    const again = await test.db.transaction().execute((trx) => createReport(trx, { referralId: referral.id, kind: 'programme_start', actor: manager }));
    expect(again).toEqual({ id: made!.id, version: 2, created: false });
    expect(await test.db.selectFrom('report').select('id').where('referral_id', '=', referral.id).execute()).toHaveLength(1);
  });

  it('prepares by hand only the kinds that fit the stage of the case, refreshing one already waiting', async () => {
    const workerViewer = await viewerOf(WORKER);
    const managerViewer = await viewerOf(MANAGER);
    const fiscalViewer = await viewerOf(FISCAL);
    const otherWorkerViewer = await viewerOf(OTHER_WORKER);
    const prepare = (viewer: CaseViewer, referralId: string, kind: Parameters<typeof prepareReport>[2]['kind']) => prepareReport(test.db, viewer, { referralId, kind, actor: worker });
    const kinds = async (viewer: CaseViewer, id: string) => preparableReportKinds(test.db, viewer, await test.db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

    const allocated = await allocatedReferral(test.db, FISCAL, WORKER);
    expect(await kinds(workerViewer, allocated.id)).toEqual([]);
    await expect(prepare(workerViewer, allocated.id, 'programme_start')).rejects.toBeInstanceOf(ReportNotAllowedError);

    const referral = await inProgramme();
    expect(await kinds(workerViewer, referral.id)).toEqual(['programme_start', 'progress_review']);
    await expect(prepare(workerViewer, referral.id, 'non_compliance')).rejects.toBeInstanceOf(ReportNotAllowedError);
    await expect(prepare(workerViewer, referral.id, 'completion')).rejects.toBeInstanceOf(ReportNotAllowedError);
    await miss(referral.id, referral.hour, '2026-12-01', 'unacceptable');
    expect(await kinds(workerViewer, referral.id)).toEqual(['programme_start', 'non_compliance', 'progress_review']);
    const first = await prepare(workerViewer, referral.id, 'non_compliance');
    expect(first).toMatchObject({ version: 1, created: true });
    const second = await prepareReportAs(managerViewer, referral.id, 'non_compliance');
    expect(second).toEqual({ id: first.id, version: 2, created: false });
    // Not his case, or not CHOICE's to prepare.
    await expect(prepare(otherWorkerViewer, referral.id, 'progress_review')).rejects.toBeInstanceOf(ReportNotFoundError);
    await expect(prepare(fiscalViewer, referral.id, 'progress_review')).rejects.toBeInstanceOf(ReportNotAllowedError);
    expect(await kinds(fiscalViewer, referral.id)).toEqual([]);

    await stepCase(test.db, referral.id, MANAGER, { type: 'COMPLETE', attended: 0, needed: 0, override: 'Recorded by hand in this test.' });
    expect(await kinds(workerViewer, referral.id)).toEqual(['completion']);
    await expect(prepare(workerViewer, referral.id, 'progress_review')).rejects.toBeInstanceOf(ReportNotAllowedError);
    const completion = await prepare(workerViewer, referral.id, 'completion');
    expect((await reportRow(completion.id)).facts).toMatchObject({ endedOn: dayInScotland(), endReason: null });

    const ended = await inProgramme();
    // What happened, as written with the step, is for the referrer: the ended-early report gives it.
    await stepCase(test.db, ended.id, MANAGER, { type: 'END_EARLY', reason: 'non_compliance', detail: 'Missed three sessions in a row without contact.' });
    expect(await kinds(managerViewer, ended.id)).toEqual(['ended_early']);
    const endedReport = await prepareReportAs(managerViewer, ended.id, 'ended_early');
    const facts = (await reportRow(endedReport.id)).facts;
    expect(facts).toMatchObject({ endReason: 'non_compliance', endedOn: dayInScotland(), endDetail: 'Missed three sessions in a row without contact.' });
    expectNothingPrivate(JSON.stringify(facts));

    const closedReferral = await inProgramme();
    await stepCase(test.db, closedReferral.id, MANAGER, { type: 'COMPLETE', attended: 0, needed: 0, override: 'Recorded by hand in this test.' });
    await stepCase(test.db, closedReferral.id, MANAGER, { type: 'CLOSE', outcome: 'Completed' });
    expect(await kinds(managerViewer, closedReferral.id)).toEqual([]);

    async function prepareReportAs(viewer: CaseViewer, referralId: string, kind: Parameters<typeof prepareReport>[2]['kind']) {
      return prepareReport(test.db, viewer, { referralId, kind, actor: manager });
    }
  });

  it('lets a manager edit the opening paragraph and sign off; the referrer is emailed a link and nothing else', async () => {
    const referral = await inProgramme();
    await withSessions(referral.id, referral.hour);
    await withPlan(referral.id);
    const made = await test.db.transaction().execute((trx) => createReport(trx, { referralId: referral.id, kind: 'progress_review', actor: worker }));
    const path = reportPage(referral.id, made.id);

    // The worker sees it and may refresh it, but not edit or sign it off.
    const seenByWorker = await clients.worker.get(path);
    expect(seenByWorker.status).toBe(200);
    const workerWords = pageText(seenByWorker.text);
    expect(workerWords).toContain('CHOICE progress review');
    expect(workerWords).toContain('Waiting for sign-off');
    expect(workerWords).toContain('Refresh the figures from the case');
    expect(workerWords).toContain('A CHOICE manager must sign this report off before the referrer can see it');
    expect(seenByWorker.text).not.toContain('name="introduction"');
    expect((await clients.worker.post(path, { intent: 'save', version: '1', introduction: 'Mine' })).status).toBe(403);
    expect((await clients.worker.post(path, { intent: 'sign-off', version: '1', confirm: 'yes' })).status).toBe(403);
    const refreshed = await clients.worker.post(path, { intent: 'refresh', version: '1' });
    expect(refreshed.location).toBe(`${path}?done=refreshed`);
    expect(pageText((await clients.worker.get(refreshed.location!)).text)).toContain('The figures have been refreshed from the case');

    // The manager sees the template's paragraph in the box, edits it, and signs off.
    const seenByManager = await clients.manager.get(path);
    expect(seenByManager.status).toBe(200);
    const template = `Referral ${referral.reference}: progress review for ${PERSON} on`;
    expect(seenByManager.text).toMatch(new RegExp(`<textarea[^>]*name="introduction"[^>]*>${template}`));
    expect(pageText(seenByManager.text)).toContain('I have read this report and it is ready for the referrer');
    expect(pageText(seenByManager.text)).toContain('He has attended 3 of 9 planned sessions.');
    expectNothingPrivate(seenByManager.text);

    const tooLong = await clients.manager.post(path, { intent: 'save', version: '2', introduction: 'x'.repeat(5_001) });
    expect(tooLong.status).toBe(400);
    expect(pageText(tooLong.text)).toContain('The opening paragraph must be 5,000 characters or fewer');
    const nul = await clients.manager.post(path, { intent: 'save', version: '2', introduction: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(pageText(nul.text)).toContain('The opening paragraph must not contain hidden characters');

    const edited = '  He has engaged well with the programme, and we have no concerns about his attendance since October.  ';
    const saved = await clients.manager.post(path, { intent: 'save', version: '2', introduction: edited });
    expect(saved.location).toBe(`${path}?done=saved`);
    expect(await reportRow(made.id)).toMatchObject({ introduction: edited.trim(), version: 3, state: 'awaiting_sign_off' });

    const unconfirmed = await clients.manager.post(path, { intent: 'sign-off', version: '3', introduction: edited.trim() });
    expect(unconfirmed.status).toBe(400);
    expect(pageText(unconfirmed.text)).toContain('Confirm that you have read this report and it is ready for the referrer');
    expect(unconfirmed.text).toContain('He has engaged well with the programme');

    const signed = await clients.manager.post(path, { intent: 'sign-off', version: '3', introduction: edited.trim(), confirm: 'yes' });
    expect(signed.location).toBe(`${path}?done=signed-off`);
    const row = await reportRow(made.id);
    expect(row).toMatchObject({ state: 'signed_off', version: 4, signed_off_by_staff_user_id: clients.manager.staff.userId, introduction: edited.trim() });
    expect(row.signed_off_at).toBeInstanceOf(Date);
    const after = pageText((await clients.manager.get(signed.location!)).text);
    expect(after).toContain('Report signed off. We have emailed the referrer');
    expect(after).toContain('Sent to the referrer');
    expect(after).toContain('Signed off by Morag Manager, CHOICE manager');
    expect(after).not.toContain('Refresh the figures from the case');

    const mail = await test.db.selectFrom('outbox_message').selectAll().where('kind', '=', 'report-notification').where('subject', 'like', `%${referral.reference}%`).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to_address: FISCAL, subject: `A CHOICE report is ready on referral ${referral.reference}` });
    expect(mail[0]!.body_text).toContain(`A CHOICE report is ready on referral ${referral.reference}.`);
    expect(mail[0]!.body_text).toContain(`${app.baseUrl}${path}`);
    for (const detail of [PERSON, 'Alasdair', 'engaged well', 'progress review', 'Motivation', 'attended', 'Wendy']) expect(mail[0]!.body_text).not.toContain(detail);

    const audit = await test.db.selectFrom('audit_event').select(['action', 'actor_staff_user_id', 'outcome']).where('object_id', '=', made.id).where('action', '!=', 'report.read').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([
      ['report.create', 'success'],
      ['access.denied', 'denied'],
      ['access.denied', 'denied'],
      ['report.refresh', 'success'],
      ['report.introduction', 'success'],
      ['report.sign-off', 'success'],
    ]);

    // Sent: the referrer reads it, and it never changes again.
    const seenByFiscal = await clients.fiscal.get(path);
    expect(seenByFiscal.status).toBe(200);
    const fiscalWords = pageText(seenByFiscal.text);
    expect(fiscalWords).toContain('He has engaged well with the programme');
    expect(fiscalWords).toContain('For the procurator fiscal, COPFS Edinburgh (demo)');
    expect(fiscalWords).toContain('Download as PDF');
    expect(fiscalWords).not.toContain('Figures read from the case');
    expectNothingPrivate(seenByFiscal.text);
    expect((await clients.fiscal.post(path, { intent: 'refresh', version: '4' })).status).toBe(403);
    const late = await clients.manager.post(path, { intent: 'refresh', version: '4' });
    expect(late.status).toBe(409);
    expect(pageText(late.text)).toContain('This report has been signed off and sent to the referrer, so it can no longer change');
    await expect(refreshReport(test.db, { reportId: made.id, expectedVersion: 4, actor: manager })).rejects.toBeInstanceOf(ReportSignedOffError);
    expect((await reportRow(made.id)).version).toBe(4);
  });

  it('never overwrites a newer version: the manager is told who changed the report and when, and keeps what they typed', async () => {
    const referral = await inProgramme();
    const made = await test.db.transaction().execute((trx) => createReport(trx, { referralId: referral.id, kind: 'programme_start', actor: worker }));
    const path = reportPage(referral.id, made.id);
    const otherManager = await actorOf(OTHER_MANAGER);

    await saveReportIntroduction(test.db, { reportId: made.id, expectedVersion: 1, introduction: 'Morag’s words', actor: manager });
    const stale = await saveReportIntroduction(test.db, { reportId: made.id, expectedVersion: 1, introduction: 'Mhairi’s words', actor: otherManager }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ReportConflictError);
    expect((stale as ReportConflictError).current).toEqual({ version: 2, state: 'awaiting_sign_off' });
    expect((stale as ReportConflictError).changes).toEqual([expect.objectContaining({ title: 'Opening paragraph changed', byline: 'Morag Manager, CHOICE service (demo)' })]);
    expect((await reportRow(made.id)).introduction).toBe('Morag’s words');

    const conflict = await clients.otherManager.post(path, { intent: 'sign-off', version: '1', introduction: 'Typed by the second manager', confirm: 'yes' });
    expect(conflict.status).toBe(409);
    const words = pageText(conflict.text);
    expect(words).toContain('This report was changed by someone else while you were looking at it');
    expect(words).toMatch(/Opening paragraph changed ?, by Morag Manager, CHOICE service \(demo\)/);
    expect(conflict.text).toMatch(/<textarea[^>]*name="introduction"[^>]*>Typed by the second manager<\/textarea>/);
    expect(conflict.text).toContain('name="version" value="2"');
    expect(await reportRow(made.id)).toMatchObject({ state: 'awaiting_sign_off', version: 2 });

    // Putting the template's own words back, or nothing, means "the template".
    const back = await clients.manager.post(path, { intent: 'save', version: '2', introduction: '   ' });
    expect(back.location).toBe(`${path}?done=template`);
    expect(await reportRow(made.id)).toMatchObject({ introduction: null, version: 3 });

    // Signed off by one manager while the other still has the page open.
    await signOffReport(test.db, { reportId: made.id, expectedVersion: 3, actor: manager, siteUrl: SITE });
    const tooLate = await clients.otherManager.post(path, { intent: 'save', version: '3', introduction: 'Second thoughts' });
    expect(tooLate.status).toBe(409);
    expect(pageText(tooLate.text)).toMatch(/Signed off and sent to the referrer ?, by Morag Manager/);
    expect(pageText(tooLate.text)).toContain('That step is no longer possible. This is what you typed');
    expect(tooLate.text).toContain('Second thoughts');
  });

  it('shows each person only the reports theirs to see: 404 otherwise, and every read audited', async () => {
    const referral = await inProgramme();
    const awaiting = await test.db.transaction().execute((trx) => createReport(trx, { referralId: referral.id, kind: 'programme_start', actor: worker }));
    const sent = await test.db.transaction().execute((trx) => createReport(trx, { referralId: referral.id, kind: 'progress_review', actor: worker }));
    await signOffReport(test.db, { reportId: sent.id, expectedVersion: 1, actor: manager, siteUrl: SITE });
    const other = await inProgramme();
    const otherReport = await test.db.transaction().execute((trx) => createReport(trx, { referralId: other.id, kind: 'programme_start', actor: worker }));
    await signOffReport(test.db, { reportId: otherReport.id, expectedVersion: 1, actor: manager, siteUrl: SITE });

    const status = async (client: Client, path: string) => (await client.get(path)).status;
    const awaitingPath = reportPage(referral.id, awaiting.id);
    const sentPath = reportPage(referral.id, sent.id);
    expect(await status(clients.manager, awaitingPath)).toBe(200);
    expect(await status(clients.worker, awaitingPath)).toBe(200);
    expect(await status(clients.fiscal, awaitingPath)).toBe(404);
    expect(await status(clients.fiscal, `${awaitingPath}.pdf`)).toBe(404);
    expect(await status(clients.fiscal, sentPath)).toBe(200);
    expect(await status(clients.glasgow, sentPath)).toBe(404);
    expect(await status(clients.glasgow, `${sentPath}.pdf`)).toBe(404);
    expect(await status(clients.otherWorker, sentPath)).toBe(404);
    expect(await status(clients.otherWorker, awaitingPath)).toBe(404);
    expect(await status(clients.admin, sentPath)).toBe(403);
    // A report of another case, under this case's address.
    expect(await status(clients.manager, reportPage(referral.id, otherReport.id))).toBe(404);
    expect(await status(clients.manager, reportPage(referral.id, 'not-a-report'))).toBe(404);
    expect((await clients.glasgow.post(sentPath, { intent: 'refresh', version: '2' })).status).toBe(404);

    const denied = await test.db.selectFrom('audit_event').select(['action', 'outcome', 'actor_staff_user_id']).where('object_id', '=', awaiting.id).where('action', '=', 'report.read').execute();
    expect(denied).toEqual(expect.arrayContaining([{ action: 'report.read', outcome: 'denied', actor_staff_user_id: clients.fiscal.staff.userId }]));
    expect(denied).toEqual(expect.arrayContaining([{ action: 'report.read', outcome: 'success', actor_staff_user_id: clients.manager.staff.userId }]));

    // The case's list: all of them for CHOICE, only the one sent for the referrer.
    const forManager = await caseReports(test.db, await viewerOf(MANAGER), referral.id);
    expect(forManager.map((r) => [r.id, r.state])).toEqual([
      [sent.id, 'signed_off'],
      [awaiting.id, 'awaiting_sign_off'],
    ]);
    expect(forManager[0]).toMatchObject({ title: 'CHOICE progress review', href: sentPath, createdByName: 'Wendy Worker', signedOffByName: 'Morag Manager' });
    expect((await caseReports(test.db, await viewerOf(FISCAL), referral.id)).map((r) => r.id)).toEqual([sent.id]);
    expect(await caseReports(test.db, await viewerOf(GLASGOW), referral.id)).toEqual([]);
    expect(await caseReports(test.db, await viewerOf(OTHER_WORKER), referral.id)).toEqual([]);
    expect(await readReport(test.db, await viewerOf(FISCAL), referral.id, awaiting.id)).toBeNull();
    expect((await readReport(test.db, await viewerOf(FISCAL), referral.id, sent.id))?.may).toEqual({ refresh: false, edit: false, signOff: false });
  });

  it('downloads the report as a PDF whose text is the report, and nothing private', async () => {
    const referral = await inProgramme(EDINBURGH);
    await withSessions(referral.id, referral.hour);
    const made = await test.db.transaction().execute((trx) => createReport(trx, { referralId: referral.id, kind: 'non_compliance', actor: worker }));
    await saveReportIntroduction(test.db, { reportId: made.id, expectedVersion: 1, introduction: 'The manager’s own opening words.', actor: manager });
    const path = `${reportPage(referral.id, made.id)}.pdf`;

    const forManager = await fetchPdf(clients.manager, path);
    expect(forManager.response.status).toBe(200);
    expect(forManager.response.headers.get('content-type')).toBe('application/pdf');
    expect(forManager.response.headers.get('content-disposition')).toBe(`attachment; filename="choice-non-compliance-${referral.reference}.pdf"`);
    expect(forManager.response.headers.get('cache-control')).toBe('no-store');
    const draft = await pdfText(forManager.bytes);
    expect(draft).toContain('Not yet signed off by a CHOICE manager');

    await signOffReport(test.db, { reportId: made.id, expectedVersion: 2, actor: manager, siteUrl: SITE });
    expect((await fetchPdf(clients.fiscal, path)).response.status).toBe(404);
    const forReferrer = await fetchPdf(clients.edinburgh, path);
    expect(forReferrer.response.status).toBe(200);
    const text = await pdfText(forReferrer.bytes);
    expect(text).toContain('CHOICE non-compliance report');
    expect(text).toContain(referral.reference);
    expect(text).toContain('The manager’s own opening words.');
    expect(text).toContain('For the justice social worker, City of Edinburgh Justice Social Work (demo), preparing the supplementary report for the court on');
    expect(text).toContain('19 October 2026: absent, with no acceptable reason');
    expect(text).toContain('Signed off by Morag Manager, CHOICE manager');
    expectNothingPrivate(text);

    const reads = await test.db.selectFrom('audit_event').select(['detail', 'outcome']).where('object_id', '=', made.id).where('action', '=', 'report.read').execute();
    expect(reads).toEqual(expect.arrayContaining([{ outcome: 'success', detail: { referral: referral.id, format: 'pdf' } }]));
  });

  it('prepares a report from the prepare page, offering only the kinds that fit', async () => {
    const referral = await inProgramme();
    const path = `/staff/referrals/${referral.id}/reports/new`;
    const page = await clients.worker.get(path);
    expect(page.status).toBe(200);
    const words = pageText(page.text);
    expect(words).toContain('Which report do you want to prepare?');
    expect(words).toContain('CHOICE programme start report');
    expect(words).toContain('CHOICE progress review');
    expect(words).not.toContain('CHOICE completion report');
    expect(words).not.toContain('CHOICE non-compliance report');

    const none = await clients.worker.post(path, {});
    expect(none.status).toBe(400);
    expect(pageText(none.text)).toContain('Select the report to prepare');
    const wrong = await clients.worker.post(path, { kind: 'completion' });
    expect(wrong.status).toBe(400);
    expect(pageText(wrong.text)).toContain('that report cannot be prepared at this stage of the case');

    const made = await clients.worker.post(path, { kind: 'progress_review' });
    const [id] = await test.db.selectFrom('report').select('id').where('referral_id', '=', referral.id).execute();
    expect(made.location).toBe(`${reportPage(referral.id, id!.id)}?done=prepared`);
    expect(pageText((await clients.worker.get(made.location!)).text)).toContain('Report prepared. A CHOICE manager must sign it off');
    expect(pageText((await clients.worker.get(path)).text)).toContain('One is already waiting for sign-off');
    const again = await clients.manager.post(path, { kind: 'progress_review' });
    expect(again.location).toBe(`${reportPage(referral.id, id!.id)}?done=prepared-again`);

    expect((await clients.fiscal.get(path)).status).toBe(403);
    expect((await clients.fiscal.post(path, { kind: 'progress_review' })).status).toBe(403);
    expect((await clients.otherWorker.get(path)).status).toBe(404);
    expect((await clients.otherWorker.post(path, { kind: 'progress_review' })).status).toBe(404);
    expect((await clients.admin.get(path)).status).toBe(403);

    const allocated = await allocatedReferral(test.db, FISCAL, WORKER);
    const early = await clients.worker.get(`/staff/referrals/${allocated.id}/reports/new`);
    expect(pageText(early.text)).toContain('No report can be prepared at this stage of the case');
    expect((await clients.worker.post(`/staff/referrals/${allocated.id}/reports/new`, { kind: 'programme_start' })).status).toBe(400);
    expect(await test.db.selectFrom('report').select('id').where('referral_id', '=', allocated.id).execute()).toEqual([]);
  });
});

describe('the report pages under hostile input', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  // Far beyond any number the generators make, so a posted version can only be stale.
  const VERSION = 7_342_195;

  const NASTY = [
    ...HOSTILE_TEXT,
    '{{7*7}}',
    'x'.repeat(6000),
    '99999999999999999999',
    '-1',
    '1e309',
    'NaN',
    '0',
    '1',
    'yes',
    'save',
    'refresh',
    'sign-off',
    'programme_start',
    'non_compliance',
    'progress_review',
    'completion',
    'ended_early',
    '00000000-0000-4000-8000-000000000000',
  ];
  const FIELDS = ['intent', 'version', 'introduction', 'confirm', 'kind', '__proto__', 'constructor', 'intent[0]', 'version.x', 'x'];
  const hostile = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.uuid(), fc.stringMatching(/^\d{1,6}$/));
  const body = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), hostile), { maxLength: 8 });

  let referralId: string;
  let reportId: string;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    const referral = await allocatedReferral(test.db, FISCAL, WORKER);
    await stepCase(test.db, referral.id, MANAGER, { type: 'START_ASSESSMENT' });
    await stepCase(test.db, referral.id, MANAGER, { type: 'START_PROGRAMME' });
    referralId = referral.id;
    const { kind: _kind, ...actor } = await staffActor(test.db, WORKER);
    reportId = (await test.db.transaction().execute((trx) => createReport(trx, { referralId, kind: 'programme_start', actor }))).id;
    await test.db.updateTable('report').set({ version: VERSION }).where('id', '=', reportId).execute();
  });
  afterAll(() => app?.stop());

  it('answers every hostile body on the report page with a page or a refusal, and never changes the report', async () => {
    const before = await test.db.selectFrom('report').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    let requests = 0;
    for (const [email, runs] of [
      [MANAGER, 100],
      [WORKER, 60],
      [FISCAL, 40],
    ] as const) {
      const client = await signedInClient(app.baseUrl, test.db, email);
      await fc.assert(
        fc.asyncProperty(body, async (fields) => {
          requests++;
          const response = await client.post(reportPage(referralId, reportId), fields.filter(([name]) => name !== 'csrf'));
          const seen = `${email} ${JSON.stringify(fields).slice(0, 300)} → ${response.status}`;
          expect([400, 403, 404, 409], seen).toContain(response.status);
          if (response.status === 400 || response.status === 409) expect(pageText(response.text), seen).toMatch(new RegExp(`There is a problem|changed by someone else|${FORM_NOT_ACCEPTED.source}`));
        }),
        { numRuns: runs },
      );
    }
    expect(requests).toBe(200);
    expect(await test.db.selectFrom('report').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow()).toEqual(before);
    expect(await test.db.selectFrom('outbox_message').select('id').where('kind', '=', 'report-notification').execute()).toEqual([]);
  });

  it('answers every hostile body on the prepare page with a page, a refusal or a report of a kind that fits', async () => {
    for (const email of [MANAGER, WORKER]) {
      const client = await signedInClient(app.baseUrl, test.db, email);
      await fc.assert(
        fc.asyncProperty(body, async (fields) => {
          const response = await client.post(`/staff/referrals/${referralId}/reports/new`, fields.filter(([name]) => name !== 'csrf'));
          const seen = `${email} ${JSON.stringify(fields).slice(0, 300)} → ${response.status}`;
          expect([302, 400], seen).toContain(response.status);
          if (response.status === 302) expect(response.location, seen).toMatch(new RegExp(`^/staff/referrals/${referralId}/reports/[0-9a-f-]{36}\\?done=prepared`));
          else expect(pageText(response.text), seen).toMatch(new RegExp(`There is a problem|${FORM_NOT_ACCEPTED.source}`));
        }),
        { numRuns: 60 },
      );
    }
    const kinds = await test.db.selectFrom('report').select('kind').where('referral_id', '=', referralId).where('state', '=', 'awaiting_sign_off').execute();
    for (const { kind } of kinds) expect(['programme_start', 'progress_review']).toContain(kind);
    expect(new Set(kinds.map((k) => k.kind)).size).toBe(kinds.length);
  });

  it('answers hostile report addresses with "not found"', async () => {
    const manager = await signedInClient(app.baseUrl, test.db, MANAGER);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 60 }), fc.uuid(), fc.constantFrom('%00', '%2e%2e', reportId.toUpperCase())).filter((id) => !['', '.', '..', 'new'].includes(id)), async (id) => {
        const response = await manager.get(`${reportPage(referralId, encodeURIComponent(id))}`);
        expect([200, 404], `${id} → ${response.status}`).toContain(response.status);
        if (response.status === 200) expect(id.toLowerCase()).toBe(reportId);
      }),
      { numRuns: 40 },
    );
  });
});
