/**
 * What a referrer sees is theirs: a unique marker is written into every field CHOICE
 * keeps for itself (session notes, private notes, concerns, absence, cancellation,
 * move and correction reasons, what was done about a safeguarding concern, the
 * assessment, a plan's return reason, a completion
 * override's reason, the closing note), two cases are taken to their ends with every
 * report signed off, and then every page the referrer can open, every report's PDF and
 * every email they were sent is searched for any marker.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { caseViewerOf, type CaseViewer } from '../../modules/referrals/access';
import type { TransitionActor } from '../../modules/referrals/transitions';
import { caseReports, preparableReportKinds, prepareReport, signOffReport } from '../../modules/reports/reports';
import { recordConcernAction } from '../../modules/safeguarding/concerns';
import { correctAttendance, rescheduleSession, scheduleSession, transitionSession } from '../../modules/sessions/sessions';
import type { SessionEvent } from '../../modules/sessions/session-machine';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor, stepCase } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText, type HttpClient } from '../support/http-client';
import { signedInClient, type SignedInStaff } from '../support/staff';

type Client = HttpClient & { staff: SignedInStaff };

const SITE = 'https://choice.example';
const WORKER = 'worker@demo.example';
const MANAGER = 'manager@demo.example';
const FISCAL = 'fiscal@demo.example';
const DAY = 86_400_000;

/** Every internal field gets its own marker, so a leak names the field it came from. */
const marker = (field: string) => `INTERNAL-${field}-7Q`;
const ANY_MARKER = /INTERNAL-[a-z_-]+-7Q/g;

describe('what a referrer sees is theirs', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let worker: TransitionActor;
  let manager: TransitionActor;
  let managerViewer: CaseViewer;
  let fiscal: Client;
  let hour = 6;

  const actorOf = async (email: string): Promise<TransitionActor> => {
    const { kind: _kind, ...actor } = await staffActor(test.db, email);
    return actor;
  };
  const versionOf = async (sessionId: string) => (await test.db.selectFrom('programme_session').select('version').where('id', '=', sessionId).executeTakeFirstOrThrow()).version;
  const step = async (sessionId: string, event: SessionEvent, by = worker, changes?: Parameters<typeof transitionSession>[1]['changes']) =>
    transitionSession(test.db, { sessionId, expectedVersion: await versionOf(sessionId), event, actor: by, siteUrl: SITE, changes });
  const book = (referralId: string, daysAgo: number, moduleKey = 'motivation') =>
    scheduleSession(test.db, { referralId, workerId: worker.staffUserId, moduleKey, startsAt: new Date(Date.now() - daysAgo * DAY + hour++ * 2_400_000), minutes: 30, actor: worker });

  /** Prepares and signs off every report the case can have now, as a manager would. */
  const sendReports = async (referralId: string) => {
    const row = await test.db.selectFrom('referral').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();
    for (const kind of await preparableReportKinds(test.db, managerViewer, row)) await prepareReport(test.db, managerViewer, { referralId, kind, actor: manager });
    for (const report of await test.db.selectFrom('report').select(['id', 'version']).where('referral_id', '=', referralId).where('state', '=', 'awaiting_sign_off').execute()) {
      await signOffReport(test.db, { reportId: report.id, expectedVersion: report.version, actor: manager, siteUrl: SITE });
    }
  };

  /** A case in the programme with a marked assessment and plan, and sessions carrying every kind of internal words. */
  const markedCase = async () => {
    const referral = await allocatedReferral(test.db, FISCAL, WORKER, { person_name: 'Iain Visibility' });
    await stepCase(test.db, referral.id, MANAGER, { type: 'START_ASSESSMENT' });
    await test.db
      .insertInto('assessment')
      .values({
        referral_id: referral.id,
        motivation: marker('assessment-motivation'),
        understanding: marker('assessment-understanding'),
        needs: marker('assessment-needs'),
        risks: marker('assessment-risks'),
        protective_factors: marker('assessment-protective'),
        tool_name: marker('assessment-tool'),
        tool_band: marker('assessment-band'),
      })
      .execute();
    await test.db
      .insertInto('case_plan')
      .values({
        referral_id: referral.id,
        modules: JSON.stringify([
          { key: 'assessment', title: 'Assessment', sessions: 1 },
          { key: 'motivation', title: 'Motivation', sessions: 3 },
        ]),
        programme_version: 1,
        state: 'signed_off',
        returned_reason: marker('plan-returned'),
      })
      .execute();
    await stepCase(test.db, referral.id, MANAGER, { type: 'START_PROGRAMME' });

    const held = await book(referral.id, 20, 'assessment');
    await step(held.id, { type: 'MARK_ATTENDED' });
    await step(held.id, { type: 'RECORD_NOTES' }, worker, {
      topics_covered: marker('topics'),
      engagement: 'full',
      homework_set: marker('homework'),
      homework_done: 'not_set',
      concerns: marker('concerns'),
      private_notes: marker('private'),
      safeguarding_concern: true,
    });
    // A manager deals with the concern (its item's words are internal too) before anything is signed off.
    const concern = await test.db.selectFrom('safeguarding_concern').select(['id', 'version']).where('session_id', '=', held.id).executeTakeFirstOrThrow();
    await recordConcernAction(test.db, { concernId: concern.id, expectedVersion: concern.version, actor: manager, action: { what: marker('safeguarding-action'), who: marker('safeguarding-who'), on: '2026-11-01' } });
    await step(held.id, { type: 'SIGN_OFF' }, manager);

    const missed = await book(referral.id, 15);
    await step(missed.id, { type: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', reason: marker('absence') });
    const excused = await book(referral.id, 14);
    await step(excused.id, { type: 'MARK_NOT_ATTENDED', judgement: 'acceptable', reason: marker('absence-acceptable') });
    const mistaken = await book(referral.id, 13);
    await step(mistaken.id, { type: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', reason: marker('absence-mistaken') });
    await correctAttendance(test.db, { sessionId: mistaken.id, expectedVersion: await versionOf(mistaken.id), attendance: 'attended', reason: marker('correction'), actor: manager, siteUrl: SITE });
    const cancelled = await scheduleSession(test.db, { referralId: referral.id, workerId: worker.staffUserId, moduleKey: 'motivation', startsAt: new Date(Date.now() + 3 * DAY + hour++ * 2_400_000), minutes: 30, actor: worker });
    await step(cancelled.id, { type: 'CANCEL', reason: marker('cancel') });
    const moved = await scheduleSession(test.db, { referralId: referral.id, workerId: worker.staffUserId, moduleKey: 'motivation', startsAt: new Date(Date.now() + 4 * DAY + hour++ * 2_400_000), minutes: 30, actor: worker });
    await rescheduleSession(test.db, { sessionId: moved.id, expectedVersion: 1, reason: marker('move'), startsAt: new Date(Date.now() + 5 * DAY + hour++ * 2_400_000), minutes: 30, actor: worker });
    await sendReports(referral.id);
    return referral;
  };

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    worker = await actorOf(WORKER);
    manager = await actorOf(MANAGER);
    const user = await test.db
      .selectFrom('staff_user')
      .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
      .select(['staff_user.id', 'staff_user.organisation_id', 'staff_user.role', 'organisation.kind as organisation_kind'])
      .where('email', '=', MANAGER)
      .executeTakeFirstOrThrow();
    managerViewer = caseViewerOf(user);
    app = await startInProcessApp(test.db);
    fiscal = await signedInClient(app.baseUrl, test.db, FISCAL);
  });
  afterAll(() => app?.stop());

  it('no internal field reaches any page, PDF or email of the referrer', async () => {
    // One case completed below the rule by a manager's override, then closed with a note.
    const completed = await markedCase();
    await stepCase(test.db, completed.id, MANAGER, { type: 'COMPLETE', attended: 2, needed: 4, override: marker('override') });
    await sendReports(completed.id);
    await stepCase(test.db, completed.id, MANAGER, { type: 'CLOSE', outcome: marker('closing-note') });
    // One ended early (what happened is the referrer's, in the ended-early report), then closed with a note.
    const ended = await markedCase();
    await stepCase(test.db, ended.id, MANAGER, { type: 'END_EARLY', reason: 'non_compliance', detail: 'He stopped coming after the second session.' });
    await sendReports(ended.id);
    await stepCase(test.db, ended.id, MANAGER, { type: 'CLOSE', outcome: marker('closing-note-ended') });

    const seen: Array<{ where: string; text: string }> = [];
    const read = async (path: string) => {
      const response = await fiscal.get(path);
      expect(response.status, path).toBe(200);
      seen.push({ where: path, text: pageText(response.text) });
      return response.text;
    };
    await read('/staff');
    await read('/staff/referrals');
    for (const referral of [completed, ended]) {
      const casePage = await read(`/staff/referrals/${referral.id}`);
      // Every link the referrer is given from their case page, opened.
      const links = [...new Set([...casePage.matchAll(/href="(\/staff\/referrals\/[^"#?]+)"/g)].map((m) => m[1]!))].filter((href) => !href.endsWith('.pdf'));
      for (const href of links) await read(href);
      const reports = await caseReports(test.db, await fiscalViewer(), referral.id);
      expect(reports.length, 'reports the referrer can read').toBeGreaterThanOrEqual(3);
      for (const report of reports) {
        const path = `/staff/referrals/${referral.id}/reports/${report.id}`;
        await read(path);
        const pdf = await fetch(`${app.baseUrl}${path}.pdf`, { headers: { Cookie: fiscal.staff.cookie } });
        expect(pdf.status).toBe(200);
        const text = (await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true })).text;
        seen.push({ where: `${path}.pdf`, text });
      }
    }
    const mail = await test.db.selectFrom('outbox_message').select(['subject', 'body_text']).where('to_address', '=', FISCAL).execute();
    expect(mail.length).toBeGreaterThan(0);
    for (const message of mail) seen.push({ where: `email "${message.subject}"`, text: `${message.subject}\n${message.body_text}` });

    // The pages are the real ones: the corrected entry and the ended-early report's account are there.
    expect(seen.some((page) => page.text.includes('Attendance record corrected'))).toBe(true);
    expect(seen.some((page) => page.where.endsWith('.pdf') && page.text.includes('He stopped coming after the second session.'))).toBe(true);
    const leaks = seen.flatMap((page) => [...page.text.matchAll(ANY_MARKER)].map((m) => `${m[0]} on ${page.where}`));
    expect([...new Set(leaks)]).toEqual([]);
    // And the staff do see them: the markers are real text, not something no page shows.
    const staff = await signedInClient(app.baseUrl, test.db, MANAGER);
    const staffPage = pageText((await staff.get(`/staff/referrals/${completed.id}`)).text);
    expect(staffPage).toContain(marker('closing-note'));
    expect(staffPage).toContain(marker('override'));
  });

  async function fiscalViewer(): Promise<CaseViewer> {
    const user = await test.db
      .selectFrom('staff_user')
      .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
      .select(['staff_user.id', 'staff_user.organisation_id', 'staff_user.role', 'organisation.kind as organisation_kind'])
      .where('email', '=', FISCAL)
      .executeTakeFirstOrThrow();
    return caseViewerOf(user);
  }
});
