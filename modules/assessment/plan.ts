/**
 * The individual plan of a case: the worker builds it during the assessment (draft),
 * sends it to a manager (awaiting_sign_off), and a manager either sends it back with a
 * reason (draft again) or signs it off, which starts the programme: the case moves
 * `assessment → in_programme` in the same transaction as the plan's sign-off.
 *
 * Every change is one transaction with a version check (a stale page never overwrites
 * silently), an audit row, and any email through the outbox. Emails say only that a
 * plan needs attention, with the case reference and a link.
 *
 * The rules for what a plan may contain are in plan-builder.ts (pure) and are asked
 * again here, so a caller that skips the page cannot save a plan the page would refuse.
 */
import type { Db } from '../../db/connection';
import type { Updateable } from 'kysely';
import type { CasePlan, CasePlanTable, PlanModule, PlanState } from '../../db/schema';
import { recordAudit, type Executor } from '../audit/record';
import type { MailMessage } from '../mail/outbox';
import { currentProgramme } from '../programme/definition';
import type { CaseState } from '../referrals/case-machine';
import { createReport } from '../reports/reports';
import { CaseNotFoundError, transitionCase, type TransitionActor, type TransitionResult } from '../referrals/transitions';
import { isChoiceManager } from '../referrals/access';
import { mayWorkOn } from '../sessions/sessions';
import { missingFromAssessment, readAssessment } from './assessment';
import { PlanConflictError, PlanInvalidError, PlanNotAllowedError, PlanNotReadyError } from './plan-errors';
import { returnReasonField } from './forms';
import { buildPlan, choicesOf, planTotals } from './plan-builder';
import { planLink, queueManagerNotice, queueWorkerNotice } from './plan-notices';
import { refuseSignOffWhileConcernOpen } from '../safeguarding/concerns';

export { PlanConflictError, PlanInvalidError, PlanNotAllowedError, PlanNotReadyError } from './plan-errors';
export { PLAN_MAIL_KIND, planNoticeText } from './plan-notices';
export { buildPlan, defaultPlan, planTotals, PLAN_MAX_SESSIONS, type BuiltPlan, type PlanChoice, type PlanTotals } from './plan-builder';

export interface PlanRecord {
  referralId: string;
  /** In the order they will be worked through. */
  modules: PlanModule[];
  programmeVersion: number;
  state: PlanState;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedByStaffUserId: string | null;
  updatedByName: string | null;
  submittedAt: Date | null;
  signedOffAt: Date | null;
  signedOffByName: string | null;
  /** Why a manager sent it back, until it is sent for sign-off again. */
  returnedReason: string | null;
  returnedAt: Date | null;
  returnedByName: string | null;
}

/** A jsonb list of modules as stored, read defensively: anything not shaped like a module is left out. */
function storedModules(value: unknown): PlanModule[] {
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { key, title, sessions } = item as Record<string, unknown>;
    return typeof key === 'string' && typeof title === 'string' && typeof sessions === 'number' ? [{ key, title, sessions }] : [];
  });
}

type PlanRow = CasePlan & { updated_by_name: string | null; signed_off_by_name: string | null; returned_by_name: string | null };

const toRecord = (row: PlanRow): PlanRecord => ({
  referralId: row.referral_id,
  modules: storedModules(row.modules),
  programmeVersion: row.programme_version,
  state: row.state,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  updatedByStaffUserId: row.updated_by_staff_user_id,
  updatedByName: row.updated_by_name,
  submittedAt: row.submitted_at,
  signedOffAt: row.signed_off_at,
  signedOffByName: row.signed_off_by_name,
  returnedReason: row.returned_reason,
  returnedAt: row.returned_at,
  returnedByName: row.returned_by_name,
});

/** The plan of a case, or null if none has been saved. The caller has read the case through readCase. */
export async function readPlan(db: Executor, referralId: string): Promise<PlanRecord | null> {
  const row = await db
    .selectFrom('case_plan')
    .leftJoin('staff_user as updater', 'updater.id', 'case_plan.updated_by_staff_user_id')
    .leftJoin('staff_user as signer', 'signer.id', 'case_plan.signed_off_by_staff_user_id')
    .leftJoin('staff_user as returner', 'returner.id', 'case_plan.returned_by_staff_user_id')
    .selectAll('case_plan')
    .select(['updater.full_name as updated_by_name', 'signer.full_name as signed_off_by_name', 'returner.full_name as returned_by_name'])
    .where('case_plan.referral_id', '=', referralId)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The plan's row, held until the transaction ends, so two changes to one plan happen one after the other. */
const lockPlan = (trx: Executor, referralId: string) =>
  trx.selectFrom('case_plan').select(['version', 'state']).where('referral_id', '=', referralId).forUpdate().executeTakeFirst();

/** The case, held (shared) for the transaction: it cannot change state half-way through a change to its plan. */
async function caseOf(trx: Executor, referralId: string) {
  const referral = await trx
    .selectFrom('referral')
    .select(['id', 'reference', 'state', 'allocated_worker_id'])
    .where('id', '=', referralId)
    .forShare()
    .executeTakeFirst();
  if (!referral) throw new CaseNotFoundError();
  return referral;
}

const NOT_IN_ASSESSMENT: Partial<Record<CaseState, string>> = {
  allocated: 'The plan is made during the assessment. Start the assessment from the case page first.',
  in_programme: 'The plan has been signed off and the programme has started, so the plan can no longer be changed.',
};

function requireAssessmentState(state: string): void {
  if (state === 'assessment') return;
  throw new PlanNotAllowedError(NOT_IN_ASSESSMENT[state as CaseState] ?? 'The plan can be changed only while the case is in assessment.');
}

const STATE_REFUSALS: Record<PlanState, string> = {
  draft: 'The plan has not been sent for sign-off.',
  awaiting_sign_off: 'The plan is already waiting for a manager to sign it off.',
  signed_off: 'The plan has already been signed off.',
};

export interface SavePlanRequest {
  referralId: string;
  /** The plan's version the person started from: 0 when none was saved yet. */
  expectedVersion: number;
  /** In the order they will be worked through (as buildPlan returns them). */
  modules: readonly PlanModule[];
  actor: TransitionActor;
  now?: Date;
}

/**
 * Moves the plan on from the version the person saw, in the caller's transaction: the
 * new version, or a PlanConflictError (with the plan as it is now) if someone got there
 * first. The callers write their own audit rows.
 */
async function updatePlanAt(trx: Executor, referralId: string, expectedVersion: number, values: Updateable<CasePlanTable>, from?: PlanState): Promise<number> {
  let query = trx
    .updateTable('case_plan')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('referral_id', '=', referralId)
    .where('version', '=', expectedVersion);
  if (from) query = query.where('state', '=', from);
  const updated = await query.returning('version').executeTakeFirst();
  if (!updated) throw new PlanConflictError(await readPlan(trx, referralId));
  return updated.version;
}

/**
 * Saves the plan as a draft. A plan waiting for sign-off goes back to draft (the
 * manager would otherwise sign off something other than what they were sent); a
 * signed-off plan cannot be changed.
 */
export async function savePlan(db: Db, request: SavePlanRequest): Promise<PlanRecord> {
  const now = request.now ?? new Date();
  const { actor } = request;
  return db.transaction().execute(async (trx) => {
    const referral = await caseOf(trx, request.referralId);
    if (!(await mayWorkOn(trx, actor.staffUserId, referral.allocated_worker_id))) {
      throw new PlanNotAllowedError('Only the worker the case is allocated to, or a manager, can change the plan.');
    }
    requireAssessmentState(referral.state);
    const programme = await currentProgramme(trx);
    const built = buildPlan(programme.definition, choicesOf(request.modules));
    if (built.status === 'invalid') throw new PlanInvalidError(built.errors);

    const existing = await lockPlan(trx, referral.id);
    const values = {
      modules: JSON.stringify(built.modules),
      programme_version: programme.version,
      state: 'draft' as const,
      submitted_at: null,
      updated_at: now,
      updated_by_staff_user_id: actor.staffUserId,
    };
    let version: number;
    if (request.expectedVersion === 0) {
      const inserted = await trx
        .insertInto('case_plan')
        .values({ referral_id: referral.id, ...values, created_at: now })
        .onConflict((oc) => oc.column('referral_id').doNothing())
        .returning('version')
        .executeTakeFirst();
      if (!inserted) throw new PlanConflictError(await readPlan(trx, referral.id));
      version = inserted.version;
    } else {
      if (!existing || existing.version !== request.expectedVersion) throw new PlanConflictError(await readPlan(trx, referral.id));
      if (existing.state === 'signed_off') throw new PlanNotAllowedError('The plan has been signed off, so it can no longer be changed.');
      version = await updatePlanAt(trx, referral.id, request.expectedVersion, values);
    }
    const totals = planTotals(built.modules);
    await recordAudit(trx, {
      actor,
      action: 'plan.save',
      object: { type: 'referral', id: referral.id },
      outcome: 'success',
      detail: { version, from: existing?.state ?? null, to: 'draft', modules: totals.modules, sessions: totals.sessions, programmeVersion: programme.version },
    });
    return (await readPlan(trx, referral.id))!;
  });
}

export interface PlanStepRequest {
  referralId: string;
  /** The plan's version the person was looking at. */
  expectedVersion: number;
  actor: TransitionActor;
  /** The site's address, for the link in the email. */
  siteUrl: string;
  now?: Date;
}

export interface PlanStepResult {
  plan: PlanRecord;
  /** The emails queued in the same transaction. */
  mail: MailMessage[];
}

/** The plan's row for a step: there, at the version the person saw, and in the state the step starts from. */
async function planAt(trx: Executor, referralId: string, expectedVersion: number, from: PlanState, missing: string) {
  const existing = await lockPlan(trx, referralId);
  if (!existing) {
    if (expectedVersion === 0) throw new PlanNotAllowedError(missing);
    throw new PlanConflictError(null);
  }
  if (existing.version !== expectedVersion) throw new PlanConflictError(await readPlan(trx, referralId));
  if (existing.state !== from) throw new PlanNotAllowedError(from === 'awaiting_sign_off' ? 'The plan is not waiting for sign-off.' : STATE_REFUSALS[existing.state]);
  return existing;
}

/** The worker sends the saved plan to the managers; the assessment must be complete. */
export async function submitPlanForSignOff(db: Db, request: PlanStepRequest): Promise<PlanStepResult> {
  const now = request.now ?? new Date();
  const { actor } = request;
  return db.transaction().execute(async (trx) => {
    const referral = await caseOf(trx, request.referralId);
    if (!(await mayWorkOn(trx, actor.staffUserId, referral.allocated_worker_id))) {
      throw new PlanNotAllowedError('Only the worker the case is allocated to, or a manager, can send the plan for sign-off.');
    }
    requireAssessmentState(referral.state);
    await planAt(trx, referral.id, request.expectedVersion, 'draft', 'Save the plan before sending it for sign-off.');
    const missing = missingFromAssessment(await readAssessment(trx, referral.id));
    if (missing.length) throw new PlanNotReadyError(missing);

    const version = await updatePlanAt(trx, referral.id, request.expectedVersion, {
      state: 'awaiting_sign_off',
      submitted_at: now,
      returned_reason: null,
      returned_at: null,
      returned_by_staff_user_id: null,
      updated_at: now,
      updated_by_staff_user_id: actor.staffUserId,
    });
    await recordAudit(trx, {
      actor,
      action: 'plan.submit',
      object: { type: 'referral', id: referral.id },
      outcome: 'success',
      detail: { version, from: 'draft', to: 'awaiting_sign_off' },
    });
    const mail = await queueManagerNotice(trx, referral.reference, planLink(request.siteUrl, referral.id));
    return { plan: (await readPlan(trx, referral.id))!, mail };
  });
}

/** A manager sends the plan back to draft, saying what to change; the worker reads it on the plan page. */
export async function returnPlan(db: Db, request: PlanStepRequest & { reason: string }): Promise<PlanStepResult> {
  const now = request.now ?? new Date();
  const { actor } = request;
  const reason = returnReasonField.safeParse(request.reason);
  if (!reason.success) throw new PlanInvalidError({ reason: reason.error.issues[0]?.message ?? 'Enter what the worker needs to change' });
  return db.transaction().execute(async (trx) => {
    const referral = await caseOf(trx, request.referralId);
    if (!(await isChoiceManager(trx, actor.staffUserId))) throw new PlanNotAllowedError('Only a manager of the CHOICE service can send a plan back.');
    requireAssessmentState(referral.state);
    await planAt(trx, referral.id, request.expectedVersion, 'awaiting_sign_off', 'There is no plan to send back.');

    const version = await updatePlanAt(trx, referral.id, request.expectedVersion, {
      state: 'draft',
      submitted_at: null,
      returned_reason: reason.data,
      returned_at: now,
      returned_by_staff_user_id: actor.staffUserId,
      updated_at: now,
      updated_by_staff_user_id: actor.staffUserId,
    });
    // The reason is case content: it is kept on the plan, and the audit row says only that one was given.
    await recordAudit(trx, {
      actor,
      action: 'plan.return',
      object: { type: 'referral', id: referral.id },
      outcome: 'success',
      detail: { version, from: 'awaiting_sign_off', to: 'draft', reasonLength: reason.data.length },
    });
    const mail = await queueWorkerNotice(trx, 'returned', referral, actor.staffUserId, planLink(request.siteUrl, referral.id));
    return { plan: (await readPlan(trx, referral.id))!, mail };
  });
}

export interface SignOffResult extends PlanStepResult {
  /** The case's move to in_programme. */
  case: TransitionResult;
}

export interface SignOffRequest {
  referralId: string;
  expectedPlanVersion: number;
  expectedCaseVersion: number;
  actor: TransitionActor;
  siteUrl: string;
  /** Further writes in the same transaction, after the plan is signed off (for example the programme start report). */
  alsoDo?: (trx: Executor, result: TransitionResult & { plan: PlanRecord }) => Promise<void>;
  now?: Date;
}

/**
 * A manager signs the plan off and the programme starts. One transaction, opened by
 * transitionCase (START_PROGRAMME, with its snapshot, case event and audit row); the
 * plan is signed off inside it, only if still at the version the manager saw, so a
 * stale plan rolls the case's move back too.
 */
export async function signOffPlan(db: Db, request: SignOffRequest): Promise<SignOffResult> {
  const now = request.now ?? new Date();
  const { actor } = request;
  // Asked first so that a person who may not sign off is told so, rather than about the case's version.
  if (!(await isChoiceManager(db, actor.staffUserId))) throw new PlanNotAllowedError('Only a manager of the CHOICE service can sign a plan off.');
  // Filled in by the step inside the transaction.
  const signed: { plan?: PlanRecord; mail: MailMessage[] } = { mail: [] };
  const moved = await transitionCase(db, {
    referralId: request.referralId,
    expectedVersion: request.expectedCaseVersion,
    event: { type: 'START_PROGRAMME' },
    actor,
    now,
    alsoDo: async (trx, result) => {
      // Asked again inside the transaction: the account may have changed since.
      if (!(await isChoiceManager(trx, actor.staffUserId))) throw new PlanNotAllowedError('Only a manager of the CHOICE service can sign a plan off.');
      await planAt(trx, result.referralId, request.expectedPlanVersion, 'awaiting_sign_off', 'There is no plan to sign off.');
      await refuseSignOffWhileConcernOpen(trx, result.referralId);
      const missing = missingFromAssessment(await readAssessment(trx, result.referralId));
      if (missing.length) throw new PlanNotReadyError(missing);

      const version = await updatePlanAt(
        trx,
        result.referralId,
        request.expectedPlanVersion,
        { state: 'signed_off', signed_off_at: now, signed_off_by_staff_user_id: actor.staffUserId, updated_at: now, updated_by_staff_user_id: actor.staffUserId },
        'awaiting_sign_off',
      );
      await recordAudit(trx, {
        actor,
        action: 'plan.sign-off',
        object: { type: 'referral', id: result.referralId },
        outcome: 'success',
        detail: { version, from: 'awaiting_sign_off', to: 'signed_off', caseVersion: result.version },
      });
      const plan = (await readPlan(trx, result.referralId))!;
      signed.plan = plan;
      const referral = await trx.selectFrom('referral').select(['reference', 'allocated_worker_id']).where('id', '=', result.referralId).executeTakeFirstOrThrow();
      signed.mail = await queueWorkerNotice(trx, 'signed-off', referral, actor.staffUserId, planLink(request.siteUrl, result.referralId));
      // The programme has started: its start report is prepared in the same step, for a manager to sign off.
      await createReport(trx, { referralId: result.referralId, kind: 'programme_start', actor, now });
      if (request.alsoDo) await request.alsoDo(trx, { ...result, plan });
    },
  });
  return { case: moved, plan: signed.plan!, mail: signed.mail };
}
