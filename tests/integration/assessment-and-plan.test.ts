/**
 * The assessment and the individual plan on a real PostgreSQL: saving with versions
 * (a stale save names who saved since), the states that allow it, sending the plan for
 * sign-off (only with the assessment complete; the managers emailed a link and
 * nothing else), sending it back, and signing it off, which moves the case to
 * in_programme in the same transaction (a stale plan, or a failure after it, leaves
 * the case where it was). Then the two pages over HTTP with CSRF, who may open them,
 * and hostile bodies posted to both.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { AssessmentConflictError, AssessmentNotEditableError, readAssessment, saveAssessment } from '../../modules/assessment/assessment';
import type { AssessmentFields } from '../../modules/assessment/forms';
import { defaultPlan } from '../../modules/assessment/plan-builder';
import { PlanConflictError, PlanInvalidError, PlanNotAllowedError, PlanNotReadyError, readPlan, returnPlan, savePlan, signOffPlan, submitPlanForSignOff } from '../../modules/assessment/plan';
import { assessmentAndPlanSummary } from '../../modules/assessment/summary';
import { DEFAULT_PROGRAMME, ensureProgrammeDefinition } from '../../modules/programme/definition';
import { CaseConflictError, type TransitionActor } from '../../modules/referrals/transitions';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor, stepCase } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText, type HttpClient } from '../support/http-client';
import { signedInClient } from '../support/staff';
import { HOSTILE_TEXT, FORM_NOT_ACCEPTED } from '../support/fuzz';

const SITE = 'https://choice.example';
const REFERRER = 'fiscal@demo.example';
const WORKER = 'worker@demo.example';
const OTHER_WORKER = 'worker.two@demo.example';
const MANAGER = 'manager@demo.example';
const SECOND_MANAGER = 'manager.two@demo.example';

const EMPTY: AssessmentFields = { motivation: null, understanding: null, needs: null, risks: null, protective_factors: null, tool_name: null, tool_band: null };
const COMPLETE: AssessmentFields = {
  motivation: 'He wants to keep his family together.',
  understanding: 'He describes how the viewing escalated over two years.',
  needs: 'Help with isolation; shift work.',
  risks: 'Late-night internet use when alone.',
  protective_factors: 'Supportive partner; steady work.',
  tool_name: null,
  tool_band: null,
};

type Client = HttpClient & { staff: { userId: string } };

describe('the assessment and the individual plan', () => {
  const test = useTestDatabase();
  let worker: TransitionActor;
  let otherWorker: TransitionActor;
  let manager: TransitionActor;

  const actor = async (email: string): Promise<TransitionActor> => {
    const { kind: _kind, ...found } = await staffActor(test.db, email);
    return found;
  };
  const referralRow = (id: string) => test.db.selectFrom('referral').select(['state', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const auditFor = (id: string, prefix: string) =>
    test.db.selectFrom('audit_event').select(['action', 'actor_staff_user_id', 'detail']).where('object_id', '=', id).where('action', 'like', `${prefix}%`).orderBy('id').execute();
  const mailAbout = async (reference: string) =>
    (await test.db.selectFrom('outbox_message').select(['to_address', 'subject', 'body_text', 'kind']).where('subject', 'like', `%${reference}%`).execute()).sort((a, b) =>
      a.to_address < b.to_address ? -1 : 1,
    );

  /** A case allocated to `workerEmail` and taken into assessment by them. */
  const caseInAssessment = async (workerEmail = WORKER, overrides = {}) => {
    const referral = await allocatedReferral(test.db, REFERRER, workerEmail, overrides);
    const moved = await stepCase(test.db, referral.id, workerEmail, { type: 'START_ASSESSMENT' });
    return { ...referral, version: moved.version };
  };

  /** A case whose assessment is complete and whose default plan is waiting for sign-off. */
  const caseAwaitingSignOff = async () => {
    const referral = await caseInAssessment();
    await saveAssessment(test.db, { referralId: referral.id, expectedVersion: 0, fields: COMPLETE, actor: worker });
    const saved = await savePlan(test.db, { referralId: referral.id, expectedVersion: 0, modules: defaultPlan(DEFAULT_PROGRAMME), actor: worker });
    const sent = await submitPlanForSignOff(test.db, { referralId: referral.id, expectedVersion: saved.version, actor: worker, siteUrl: SITE });
    return { ...referral, planVersion: sent.plan.version, caseVersion: (await referralRow(referral.id)).version };
  };

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    await ensureProgrammeDefinition(test.db);
    const choice = await test.db.selectFrom('organisation').select('id').where('kind', '=', 'choice_service').executeTakeFirstOrThrow();
    await test.db
      .insertInto('staff_user')
      .values([
        { organisation_id: choice.id, email: SECOND_MANAGER, full_name: 'Mhairi Second', role: 'manager', password_hash: 'x' },
        { organisation_id: choice.id, email: 'manager.gone@demo.example', full_name: 'Gone Manager', role: 'manager', password_hash: 'x', active: false },
        { organisation_id: choice.id, email: OTHER_WORKER, full_name: 'Walter Worker', role: 'worker', password_hash: 'x' },
      ])
      .execute();
    worker = await actor(WORKER);
    otherWorker = await actor(OTHER_WORKER);
    manager = await actor(MANAGER);
  });

  describe('saving the assessment', () => {
    it('saves with a version, an audit row each time, and names who saved since when a save is stale', async () => {
      const { id } = await caseInAssessment();
      expect(await readAssessment(test.db, id)).toBeNull();
      const first = await saveAssessment(test.db, { referralId: id, expectedVersion: 0, fields: { ...EMPTY, motivation: 'First thoughts.' }, actor: worker });
      expect(first).toMatchObject({ version: 1, motivation: 'First thoughts.', updatedByName: 'Wendy Worker' });
      const second = await saveAssessment(test.db, { referralId: id, expectedVersion: 1, fields: { ...COMPLETE, tool_name: 'A validated tool', tool_band: 'Low' }, actor: manager });
      expect(second).toMatchObject({ version: 2, tool_band: 'Low', updatedByName: 'Morag Manager' });

      const stale = await saveAssessment(test.db, { referralId: id, expectedVersion: 1, fields: { ...EMPTY, motivation: 'Typed on an old page.' }, actor: worker }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(AssessmentConflictError);
      expect((stale as AssessmentConflictError).current).toMatchObject({ version: 2, updatedByName: 'Morag Manager', risks: COMPLETE.risks });
      // A second "first save" is stale too: someone saved the first one already.
      await expect(saveAssessment(test.db, { referralId: id, expectedVersion: 0, fields: EMPTY, actor: worker })).rejects.toBeInstanceOf(AssessmentConflictError);
      expect((await readAssessment(test.db, id))!.motivation).toBe(COMPLETE.motivation);

      const audit = await auditFor(id, 'assessment.');
      expect(audit.map((a) => [a.action, a.actor_staff_user_id])).toEqual([
        ['assessment.save', worker.staffUserId],
        ['assessment.save', manager.staffUserId],
      ]);
      expect(audit[1]!.detail).toEqual({ version: 2, changed: 'motivation,understanding,needs,risks,protective_factors,tool_name,tool_band', complete: true });
      // The audit row names the parts, never their words.
      expect(JSON.stringify(audit)).not.toContain('family');
    });

    it('is refused before the assessment starts, after the case ends, and to a worker the case is not allocated to', async () => {
      const allocated = await allocatedReferral(test.db, REFERRER, WORKER);
      const early = await saveAssessment(test.db, { referralId: allocated.id, expectedVersion: 0, fields: COMPLETE, actor: worker }).catch((e: unknown) => e);
      expect(early).toBeInstanceOf(AssessmentNotEditableError);
      expect((early as Error).message).toBe('The assessment has not started yet. Start it from the case page first.');

      const { id } = await caseInAssessment();
      await expect(saveAssessment(test.db, { referralId: id, expectedVersion: 0, fields: COMPLETE, actor: otherWorker })).rejects.toThrow('Only the worker the case is allocated to');
      await stepCase(test.db, id, WORKER, { type: 'END_EARLY', reason: 'withdrawn', detail: 'He moved away.' });
      const ended = await saveAssessment(test.db, { referralId: id, expectedVersion: 0, fields: COMPLETE, actor: worker }).catch((e: unknown) => e);
      expect((ended as Error).message).toBe('The programme has finished for this case, so the assessment can no longer be changed.');
      expect(await test.db.selectFrom('assessment').select('referral_id').where('referral_id', 'in', [allocated.id, id]).execute()).toEqual([]);
      expect(await auditFor(id, 'assessment.')).toEqual([]);
    });
  });

  describe('the plan', () => {
    it('is saved as a draft, checked against the programme, and a stale save names who saved since', async () => {
      const { id } = await caseInAssessment();
      const chosen = [
        { key: 'relapse-prevention-and-safety-planning', title: 'Anything', sessions: 4 },
        { key: 'motivation', title: 'Motivation', sessions: 1 },
      ];
      const saved = await savePlan(test.db, { referralId: id, expectedVersion: 0, modules: chosen, actor: worker });
      expect(saved).toMatchObject({ state: 'draft', version: 1, programmeVersion: 1, updatedByName: 'Wendy Worker' });
      // Titles are the programme's own.
      expect(saved.modules.map((m) => m.title)).toEqual(['Relapse prevention and safety planning', 'Motivation']);

      await expect(savePlan(test.db, { referralId: id, expectedVersion: 1, modules: [{ key: 'forged', title: 'Forged', sessions: 2 }], actor: worker })).rejects.toBeInstanceOf(PlanInvalidError);
      await expect(savePlan(test.db, { referralId: id, expectedVersion: 1, modules: [{ key: 'motivation', title: 'M', sessions: 53 }], actor: worker })).rejects.toBeInstanceOf(PlanInvalidError);
      await expect(savePlan(test.db, { referralId: id, expectedVersion: 1, modules: [], actor: worker })).rejects.toThrow('Include at least one module');

      await savePlan(test.db, { referralId: id, expectedVersion: 1, modules: defaultPlan(DEFAULT_PROGRAMME), actor: manager });
      const stale = await savePlan(test.db, { referralId: id, expectedVersion: 1, modules: chosen, actor: worker }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(PlanConflictError);
      expect((stale as PlanConflictError).current).toMatchObject({ version: 2, updatedByName: 'Morag Manager', state: 'draft' });
      expect((await readPlan(test.db, id))!.modules).toHaveLength(DEFAULT_PROGRAMME.modules.length);
      expect((await auditFor(id, 'plan.')).map((a) => a.action)).toEqual(['plan.save', 'plan.save']);
    });

    it('goes for sign-off only with the assessment complete, saying exactly what is missing', async () => {
      const { id, reference } = await caseInAssessment();
      const saved = await savePlan(test.db, { referralId: id, expectedVersion: 0, modules: defaultPlan(DEFAULT_PROGRAMME), actor: worker });
      await expect(submitPlanForSignOff(test.db, { referralId: id, expectedVersion: saved.version, actor: worker, siteUrl: SITE })).rejects.toThrow(
        'The assessment is not complete yet. Before the plan can be signed off, fill in motivation, understanding of the offending, needs, risks and protective factors in the assessment.',
      );
      await saveAssessment(test.db, { referralId: id, expectedVersion: 0, fields: { ...COMPLETE, needs: null }, actor: worker });
      const notReady = await submitPlanForSignOff(test.db, { referralId: id, expectedVersion: saved.version, actor: worker, siteUrl: SITE }).catch((e: unknown) => e);
      expect(notReady).toBeInstanceOf(PlanNotReadyError);
      expect((notReady as PlanNotReadyError).missing).toEqual(['Needs']);
      expect((await readPlan(test.db, id))!.state).toBe('draft');
      expect(await mailAbout(reference)).toEqual([]);
      expect(await auditFor(id, 'plan.submit')).toEqual([]);
    });

    it('emails every active manager a link and nothing else when it goes for sign-off, in the same transaction', async () => {
      const { id, reference } = await caseInAssessment(WORKER, { person_name: 'Unmistakable Name' });
      await saveAssessment(test.db, { referralId: id, expectedVersion: 0, fields: COMPLETE, actor: worker });
      const saved = await savePlan(test.db, { referralId: id, expectedVersion: 0, modules: defaultPlan(DEFAULT_PROGRAMME), actor: worker });
      const sent = await submitPlanForSignOff(test.db, { referralId: id, expectedVersion: saved.version, actor: worker, siteUrl: SITE });
      expect(sent.plan).toMatchObject({ state: 'awaiting_sign_off', version: 2 });
      expect(sent.plan.submittedAt).toBeInstanceOf(Date);

      const mail = await mailAbout(reference);
      expect(mail.map((m) => m.to_address)).toEqual([MANAGER, SECOND_MANAGER].sort());
      for (const message of mail) {
        expect(message).toMatchObject({ subject: `A plan is waiting for sign-off on case ${reference}`, kind: 'plan-notification' });
        expect(message.body_text).toContain(`${SITE}/staff/referrals/${id}/plan`);
        expect(message.body_text).not.toContain('Unmistakable');
        expect(message.body_text).not.toContain('Motivation');
      }
      const jobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'send_mail'`.execute(test.db);
      expect(jobs.rows[0]!.n).toBeGreaterThanOrEqual(2);
      expect((await auditFor(id, 'plan.submit')).map((a) => a.detail)).toEqual([{ version: 2, from: 'draft', to: 'awaiting_sign_off' }]);

      // Sending again is refused; changing it takes it back to draft.
      await expect(submitPlanForSignOff(test.db, { referralId: id, expectedVersion: 2, actor: worker, siteUrl: SITE })).rejects.toThrow('already waiting for a manager');
      const changed = await savePlan(test.db, { referralId: id, expectedVersion: 2, modules: defaultPlan(DEFAULT_PROGRAMME).slice(1), actor: worker });
      expect(changed).toMatchObject({ state: 'draft', version: 3, submittedAt: null });
    });

    it('is sent back by a manager with a reason the worker reads; the audit row has no words of it', async () => {
      const { id, reference, planVersion } = await caseAwaitingSignOff();
      await expect(returnPlan(test.db, { referralId: id, expectedVersion: planVersion, reason: 'Add more on triggers.', actor: worker, siteUrl: SITE })).rejects.toBeInstanceOf(PlanNotAllowedError);
      await expect(returnPlan(test.db, { referralId: id, expectedVersion: planVersion, reason: '   ', actor: manager, siteUrl: SITE })).rejects.toBeInstanceOf(PlanInvalidError);
      const returned = await returnPlan(test.db, { referralId: id, expectedVersion: planVersion, reason: ' Add more sessions on internet use and triggers. ', actor: manager, siteUrl: SITE });
      expect(returned.plan).toMatchObject({ state: 'draft', returnedReason: 'Add more sessions on internet use and triggers.', returnedByName: 'Morag Manager', submittedAt: null });
      expect(returned.mail).toEqual([expect.objectContaining({ to: WORKER, subject: `The plan for case ${reference} has been sent back to you` })]);
      expect(returned.mail[0]!.text).not.toContain('triggers');
      const audit = await auditFor(id, 'plan.return');
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0]!.detail)).not.toContain('triggers');

      expect((await assessmentAndPlanSummary(test.db, id)).plan).toMatchObject({ state: 'draft', returnedReason: 'Add more sessions on internet use and triggers.' });
      const again = await submitPlanForSignOff(test.db, { referralId: id, expectedVersion: returned.plan.version, actor: worker, siteUrl: SITE });
      expect(again.plan).toMatchObject({ state: 'awaiting_sign_off', returnedReason: null });
      expect((await assessmentAndPlanSummary(test.db, id)).plan).not.toHaveProperty('returnedReason');
    });

    it('is signed off by a manager: the case moves to in_programme with its event and audit rows, and the caller’s writes, in one transaction', async () => {
      const { id, reference, planVersion, caseVersion } = await caseAwaitingSignOff();
      await expect(signOffPlan(test.db, { referralId: id, expectedPlanVersion: planVersion, expectedCaseVersion: caseVersion, actor: worker, siteUrl: SITE })).rejects.toThrow(
        'Only a manager of the CHOICE service can sign a plan off.',
      );
      let seenInside: unknown = null;
      const signed = await signOffPlan(test.db, {
        referralId: id,
        expectedPlanVersion: planVersion,
        expectedCaseVersion: caseVersion,
        actor: manager,
        siteUrl: SITE,
        alsoDo: async (trx, result) => {
          seenInside = { state: result.state, plan: result.plan.state };
          await trx.insertInto('report').values({ referral_id: id, kind: 'programme_start', facts: JSON.stringify({ test: true }), created_by_staff_user_id: manager.staffUserId }).execute();
        },
      });
      expect(seenInside).toEqual({ state: 'in_programme', plan: 'signed_off' });
      expect(signed.case).toMatchObject({ from: 'assessment', state: 'in_programme', version: caseVersion + 1 });
      expect(signed.plan).toMatchObject({ state: 'signed_off', version: planVersion + 1, signedOffByName: 'Morag Manager' });
      expect(signed.mail).toEqual([expect.objectContaining({ to: WORKER, subject: `The plan for case ${reference} has been signed off` })]);

      expect(await referralRow(id)).toEqual({ state: 'in_programme', version: caseVersion + 1 });
      const event = await test.db.selectFrom('case_event').selectAll().where('referral_id', '=', id).where('event', '=', 'START_PROGRAMME').executeTakeFirstOrThrow();
      expect(event).toMatchObject({ from_state: 'assessment', to_state: 'in_programme', actor_staff_user_id: manager.staffUserId, version: caseVersion + 1 });
      expect((await auditFor(id, 'case.start-programme')).map((a) => a.actor_staff_user_id)).toEqual([manager.staffUserId]);
      expect((await auditFor(id, 'plan.sign-off')).map((a) => a.detail)).toEqual([{ version: planVersion + 1, from: 'awaiting_sign_off', to: 'signed_off', caseVersion: caseVersion + 1 }]);
      // The sign-off prepares the programme start report itself; the caller's own row is there too.
      const reports = await test.db.selectFrom('report').select(['kind', 'facts']).where('referral_id', '=', id).execute();
      expect(reports.map((r) => r.kind)).toEqual(['programme_start', 'programme_start']);
      expect(reports.filter((r) => (r.facts as { reference?: string }).reference === reference)).toHaveLength(1);

      // The plan is fixed now; the assessment stays open for a reassessment during the programme.
      await expect(savePlan(test.db, { referralId: id, expectedVersion: signed.plan.version, modules: defaultPlan(DEFAULT_PROGRAMME), actor: worker })).rejects.toThrow(
        'The plan has been signed off and the programme has started',
      );
      const current = (await readAssessment(test.db, id))!;
      const reassessed = await saveAssessment(test.db, { referralId: id, expectedVersion: current.version, fields: { ...COMPLETE, risks: 'Reassessed: lower.' }, actor: worker });
      expect(reassessed.risks).toBe('Reassessed: lower.');
      const summary = await assessmentAndPlanSummary(test.db, id);
      expect(summary).toMatchObject({ assessment: { complete: true, updatedByName: 'Wendy Worker' }, plan: { state: 'signed_off', totalSessions: 24, signedOffByName: 'Morag Manager' } });
    });

    it('rolls the case’s move back when the plan is stale, or when anything after it fails', async () => {
      const { id, planVersion, caseVersion } = await caseAwaitingSignOff();
      const eventsBefore = (await test.db.selectFrom('case_event').select('id').where('referral_id', '=', id).execute()).length;
      // Another manager sends it back while this one looks at it.
      await returnPlan(test.db, { referralId: id, expectedVersion: planVersion, reason: 'Fewer sessions.', actor: await actor(SECOND_MANAGER), siteUrl: SITE });
      const stale = await signOffPlan(test.db, { referralId: id, expectedPlanVersion: planVersion, expectedCaseVersion: caseVersion, actor: manager, siteUrl: SITE }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(PlanConflictError);
      expect((stale as PlanConflictError).current).toMatchObject({ state: 'draft', updatedByName: 'Mhairi Second' });
      expect(await referralRow(id)).toEqual({ state: 'assessment', version: caseVersion });
      expect((await test.db.selectFrom('case_event').select('id').where('referral_id', '=', id).execute()).length).toBe(eventsBefore);
      expect(await auditFor(id, 'case.start-programme')).toEqual([]);

      const resent = await submitPlanForSignOff(test.db, { referralId: id, expectedVersion: planVersion + 1, actor: worker, siteUrl: SITE });
      const failing = signOffPlan(test.db, {
        referralId: id,
        expectedPlanVersion: resent.plan.version,
        expectedCaseVersion: caseVersion,
        actor: manager,
        siteUrl: SITE,
        alsoDo: async () => {
          throw new Error('The report could not be made');
        },
      });
      await expect(failing).rejects.toThrow('The report could not be made');
      expect(await referralRow(id)).toEqual({ state: 'assessment', version: caseVersion });
      expect(await readPlan(test.db, id)).toMatchObject({ state: 'awaiting_sign_off', version: resent.plan.version, signedOffAt: null });
      expect(await auditFor(id, 'plan.sign-off')).toEqual([]);

      // A stale case: the case's own conflict, and the plan untouched.
      await stepCase(test.db, id, MANAGER, { type: 'ALLOCATE', workerId: otherWorker.staffUserId });
      await expect(signOffPlan(test.db, { referralId: id, expectedPlanVersion: resent.plan.version, expectedCaseVersion: caseVersion, actor: manager, siteUrl: SITE })).rejects.toBeInstanceOf(
        CaseConflictError,
      );
      expect((await readPlan(test.db, id))!.state).toBe('awaiting_sign_off');
    });
  });

  describe('the pages', () => {
    let app: Awaited<ReturnType<typeof startInProcessApp>>;
    let workerClient: Client;
    let otherWorkerClient: Client;
    let managerClient: Client;

    const versionIn = (html: string, name = 'version') => new RegExp(`name="${name}" value="(\\d+)"`).exec(html)?.[1];
    const words = (html: string) => pageText(html);

    beforeAll(async () => {
      app = await startInProcessApp(test.db);
      workerClient = await signedInClient(app.baseUrl, test.db, WORKER);
      otherWorkerClient = await signedInClient(app.baseUrl, test.db, OTHER_WORKER);
      managerClient = await signedInClient(app.baseUrl, test.db, MANAGER);
    });
    afterAll(() => app?.stop());

    it('open to the allocated worker and managers only: another worker gets 404, a referrer or administrator 403', async () => {
      const { id } = await caseInAssessment();
      for (const page of ['assessment', 'plan']) {
        const path = `/staff/referrals/${id}/${page}`;
        expect((await workerClient.get(path)).status, path).toBe(200);
        expect((await managerClient.get(path)).status, path).toBe(200);
        expect((await otherWorkerClient.get(path)).status, path).toBe(404);
        expect((await otherWorkerClient.post(path, { intent: 'save', version: '0', motivation: 'x' })).status, path).toBe(404);
        expect((await otherWorkerClient.get(`/staff/referrals/not-a-case/${page}`)).status).toBe(404);
        for (const email of [REFERRER, 'admin@demo.example']) {
          const client = await signedInClient(app.baseUrl, test.db, email);
          expect((await client.get(path)).status, `${email} ${path}`).toBe(403);
          expect((await client.post(path, { intent: 'save', version: '0' })).status, `${email} ${path}`).toBe(403);
        }
      }
      expect(await test.db.selectFrom('assessment').select('referral_id').where('referral_id', '=', id).execute()).toEqual([]);
      const denied = await test.db.selectFrom('audit_event').select('actor_staff_user_id').where('action', '=', 'case.read').where('object_id', '=', id).where('outcome', '=', 'denied').execute();
      expect(denied.map((d) => d.actor_staff_user_id)).toContain(otherWorkerClient.staff.userId);
      // A form without the session's CSRF token is refused before anything else.
      expect((await workerClient.post(`/staff/referrals/${id}/assessment`, { version: '0', motivation: 'x' }, { csrf: false })).status).toBe(403);
    });

    it('saves the assessment through the form, keeps what was typed on an error, and shows a stale save what the other person saved', async () => {
      const { id } = await caseInAssessment();
      const path = `/staff/referrals/${id}/assessment`;
      const opened = await workerClient.get(path);
      expect(words(opened.text)).toContain('Assessment');
      expect(words(opened.text)).toContain('this records the assessor’s result. The platform never computes a score of its own');
      expect(opened.text).toContain(`href="/staff/referrals/${id}"`);

      const halfTool = await workerClient.post(path, { version: '0', intent: 'save', motivation: 'He wants to change.', tool_name: 'Some tool' });
      expect(halfTool.status).toBe(400);
      expect(words(halfTool.text)).toContain('There is a problem');
      expect(words(halfTool.text)).toContain('Enter the band the tool gave, or clear the name of the tool');
      expect(halfTool.text).toContain('He wants to change.</textarea>');
      expect(halfTool.text).toContain('value="Some tool"');

      const saved = await workerClient.post(path, { version: '0', intent: 'save', motivation: 'He wants to change.' });
      expect(saved.location).toBe(`${path}?done=saved`);
      const after = await workerClient.get(saved.location!);
      expect(words(after.text)).toContain('Assessment saved.');
      expect(words(after.text)).toContain('Last saved by Wendy Worker');
      expect(words(after.text)).toContain('fill in: Understanding of the offending, Needs, Risks, Protective factors');
      const version = versionIn(after.text)!;
      expect(version).toBe('1');

      // The manager saves from the same version first.
      expect((await managerClient.post(path, { version, intent: 'save', motivation: 'He wants to change.', risks: 'Manager’s view of the risks.' })).status).toBe(302);
      const stale = await workerClient.post(path, { version, intent: 'save', motivation: 'He wants to change, for his children.', needs: 'Typed by the worker.' });
      expect(stale.status).toBe(409);
      const seen = words(stale.text);
      expect(seen).toContain('This assessment was changed by someone else while you were editing it');
      expect(seen).toMatch(/Morag Manager saved it at \d+ \w+ \d{4} at \d\d:\d\d/);
      expect(seen).toMatch(/Saved by Morag Manager\s*: Manager’s view of the risks\./);
      expect(stale.text).toContain('Typed by the worker.</textarea>');
      expect(stale.text).toContain('He wants to change, for his children.</textarea>');
      expect(versionIn(stale.text)).toBe('2');
      expect((await readAssessment(test.db, id))!.needs).toBeNull();

      const again = await workerClient.post(path, { version: '2', intent: 'save-and-plan', ...COMPLETE, motivation: 'He wants to change, for his children.' } as Record<string, string>);
      expect(again.location).toBe(`/staff/referrals/${id}/plan?done=assessment-saved`);
      expect((await readAssessment(test.db, id))!.motivation).toBe('He wants to change, for his children.');
    });

    it('shows a read-only assessment once the case has ended', async () => {
      const { id } = await caseInAssessment();
      await saveAssessment(test.db, { referralId: id, expectedVersion: 0, fields: COMPLETE, actor: worker });
      await stepCase(test.db, id, WORKER, { type: 'END_EARLY', reason: 'withdrawn', detail: 'He withdrew.' });
      const page = await workerClient.get(`/staff/referrals/${id}/assessment`);
      expect(words(page.text)).toContain('The programme has finished for this case, so the assessment can no longer be changed.');
      expect(words(page.text)).toContain(COMPLETE.risks!);
      expect(page.text).not.toContain('name="motivation"');
      const refused = await workerClient.post(`/staff/referrals/${id}/assessment`, { version: '1', intent: 'save', motivation: 'Late change' });
      expect(refused.status).toBe(409);
      expect(words(refused.text)).toContain('The programme has finished for this case');
    });

    it('builds the plan through the form, sends it, is sent back, and is signed off, starting the programme', async () => {
      const { id, reference } = await caseInAssessment();
      const path = `/staff/referrals/${id}/plan`;
      const opened = await workerClient.get(path);
      const seen = words(opened.text);
      expect(seen).toContain('No plan has been saved yet');
      expect(seen).toContain('Suggested plan 10 modules, 24 sessions (24 hours)');
      expect(opened.text).toContain('id="include-motivation"');
      expect(opened.text).toMatch(/name="sessions-motivation"[^>]*value="2"/);

      const choose = (rows: Array<[string, string, string, boolean?]>, version = '0', intent = 'save'): Array<[string, string]> => [
        ['version', version],
        ['intent', intent],
        ...rows.flatMap(([key, order, sessions, include = true]): Array<[string, string]> => [
          ...(include ? ([['include', key]] as Array<[string, string]>) : []),
          [`order-${key}`, order],
          [`sessions-${key}`, sessions],
        ]),
      ];

      const twice = await workerClient.post(path, choose([['motivation', '1', '2'], ['impact-on-children', '2', '3'], ['emotions-and-coping', '2', '99']]));
      expect(twice.status).toBe(400);
      const twiceWords = words(twice.text);
      expect(twiceWords).toContain('Two modules have order 2');
      expect(twiceWords).toContain('Emotions and coping can have at most 52 sessions');
      expect(twice.text).toMatch(/name="sessions-emotions-and-coping"[^>]*value="99"/);
      expect(twice.text).toContain('href="#order-emotions-and-coping"');

      const none = await workerClient.post(path, choose([['motivation', '1', '2', false]]));
      expect(words(none.text)).toContain('Include at least one module');
      const forged = await workerClient.post(path, choose([['motivation', '1', '2'], ['not-a-module', '2', '2']]));
      expect(forged.status).toBe(400);
      expect(words(forged.text)).toContain('The plan can include only the modules of the programme');

      const saved = await workerClient.post(path, choose([['relapse-prevention-and-safety-planning', '2', '4'], ['motivation', '1', '2']]));
      expect(saved.location).toBe(`${path}?done=saved`);
      expect((await readPlan(test.db, id))!.modules.map((m) => [m.key, m.sessions])).toEqual([
        ['motivation', 2],
        ['relapse-prevention-and-safety-planning', 4],
      ]);
      const draft = await workerClient.get(saved.location!);
      expect(words(draft.text)).toContain('Plan saved as a draft.');
      expect(words(draft.text)).toContain('Saved plan 2 modules, 6 sessions (6 hours)');

      // Not sent while the assessment is incomplete; the plan is still saved.
      const notYet = await workerClient.post(path, choose([['motivation', '1', '3'], ['relapse-prevention-and-safety-planning', '2', '4']], '1', 'submit'));
      expect(notYet.status).toBe(409);
      expect(words(notYet.text)).toContain('Your plan is saved as a draft, but it has not been sent. The assessment is not complete yet.');
      expect(await readPlan(test.db, id)).toMatchObject({ state: 'draft', version: 2 });
      expect(versionIn(notYet.text)).toBe('2');

      await saveAssessment(test.db, { referralId: id, expectedVersion: 0, fields: COMPLETE, actor: worker });
      const sent = await workerClient.post(path, choose([['motivation', '1', '3'], ['relapse-prevention-and-safety-planning', '2', '4']], '2', 'submit'));
      expect(sent.location).toBe(`${path}?done=submitted`);
      expect((await mailAbout(reference)).map((m) => m.to_address)).toEqual([MANAGER, SECOND_MANAGER].sort());
      expect(words((await workerClient.get(path)).text)).toContain('waiting for a manager');

      // The worker cannot sign off; the manager sees the decision.
      const planVersion = String((await readPlan(test.db, id))!.version);
      const caseVersion = String((await referralRow(id)).version);
      expect((await workerClient.post(path, { intent: 'sign-off', planVersion, caseVersion })).status).toBe(403);
      const managerView = await managerClient.get(path);
      expect(words(managerView.text)).toContain('Wendy Worker sent this plan for sign-off');
      expect(words(managerView.text)).toContain('Sign off the plan and start the programme');
      expect(versionIn(managerView.text, 'caseVersion')).toBe(caseVersion);

      const noReason = await managerClient.post(path, { intent: 'return', planVersion, reason: ' ' });
      expect(noReason.status).toBe(400);
      expect(words(noReason.text)).toContain('Enter what the worker needs to change');
      const returned = await managerClient.post(path, { intent: 'return', planVersion, reason: 'Add internet use and triggers.' });
      expect(returned.location).toBe(`${path}?done=returned`);
      const back = words((await workerClient.get(path)).text);
      expect(back).toContain('Morag Manager sent the plan back');
      expect(back).toContain('Add internet use and triggers.');

      const resent = await workerClient.post(
        path,
        choose([['motivation', '1', '3'], ['internet-use-and-triggers', '2', '3'], ['relapse-prevention-and-safety-planning', '3', '4']], String((await readPlan(test.db, id))!.version), 'submit'),
      );
      expect(resent.location).toBe(`${path}?done=submitted`);

      // A stale page: the case's version from before, so the sign-off is refused with what changed.
      const staleCase = await managerClient.post(path, { intent: 'sign-off', planVersion: String((await readPlan(test.db, id))!.version), caseVersion: String(Number(caseVersion) - 1) });
      expect(staleCase.status).toBe(409);
      expect(words(staleCase.text)).toContain('This case was changed by someone else');
      expect((await referralRow(id)).state).toBe('assessment');

      const signedOff = await managerClient.post(path, { intent: 'sign-off', planVersion: String((await readPlan(test.db, id))!.version), caseVersion });
      expect(signedOff.location).toBe(`${path}?done=signed-off`);
      expect((await referralRow(id)).state).toBe('in_programme');
      const final = words((await workerClient.get(path)).text);
      expect(final).toContain('Signed off by Morag Manager');
      expect(final).toContain('The programme has started');
      expect(final).not.toContain('Save plan');
    });

    describe('under hostile input', () => {
      const VERSION = 987_654_321;
      const NASTY = [
        ...HOSTILE_TEXT,
        'x'.repeat(5000),
        '99999999999999999999',
        '-1',
        '1e309',
        'NaN',
        '0',
        '1',
        '2',
        '53',
        'save',
        'submit',
        'sign-off',
        'return',
        'save-and-plan',
        'motivation',
        'impact-on-children',
        'forged-module',
        '__proto__',
      ];
      const FIELDS = [
        'intent',
        'version',
        'planVersion',
        'caseVersion',
        'reason',
        'include',
        'order-motivation',
        'sessions-motivation',
        'order-impact-on-children',
        'sessions-impact-on-children',
        'order-__proto__',
        'motivation',
        'understanding',
        'needs',
        'risks',
        'protective_factors',
        'tool_name',
        'tool_band',
        '__proto__',
        'constructor',
        'x',
      ];
      const hostile = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.stringMatching(/^\d{1,6}$/));
      const body = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), hostile), { maxLength: 10 });

      it('answers every hostile body to either page with a page that says what is wrong, never a 500, and changes nothing', async () => {
        const { id } = await caseInAssessment();
        await saveAssessment(test.db, { referralId: id, expectedVersion: 0, fields: { ...COMPLETE, needs: null }, actor: worker });
        await savePlan(test.db, { referralId: id, expectedVersion: 0, modules: defaultPlan(DEFAULT_PROGRAMME), actor: worker });
        await test.db.updateTable('assessment').set({ version: VERSION }).where('referral_id', '=', id).execute();
        await test.db.updateTable('case_plan').set({ version: VERSION }).where('referral_id', '=', id).execute();
        const before = { referral: await referralRow(id), assessment: await readAssessment(test.db, id), plan: await readPlan(test.db, id) };
        const mailBefore = (await test.db.selectFrom('outbox_message').select('id').execute()).length;

        let requests = 0;
        for (const client of [workerClient, managerClient]) {
          for (const page of ['assessment', 'plan']) {
            await fc.assert(
              fc.asyncProperty(body, async (fields) => {
                requests++;
                const response = await client.post(`/staff/referrals/${id}/${page}`, fields.filter(([name]) => name !== 'csrf'));
                const said = `${page} ${JSON.stringify(fields).slice(0, 300)} → ${response.status}`;
                expect([400, 403, 409], said).toContain(response.status);
                if (response.status !== 403) expect(pageText(response.text), said).toMatch(new RegExp(`There is a problem|changed by someone else|${FORM_NOT_ACCEPTED.source}`));
              }),
              { numRuns: 50 },
            );
          }
        }
        expect(requests).toBe(200);
        expect({ referral: await referralRow(id), assessment: await readAssessment(test.db, id), plan: await readPlan(test.db, id) }).toEqual(before);
        expect((await test.db.selectFrom('outbox_message').select('id').execute()).length).toBe(mailBefore);
      });
    });
  });
});
