/**
 * The worker's assessment of a case: five structured parts written over one or more
 * sessions, and the name and band of a validated tool if a trained assessor used one.
 * The platform records the assessor's result; it never works out a score of its own.
 *
 * Saving is one transaction with the same version rule as a case: a save made from a
 * stale page never overwrites silently, and the caller is told who saved since, when,
 * and what they saved.
 */
import type { Db } from '../../db/connection';
import type { Assessment } from '../../db/schema';
import { recordAudit, type Executor } from '../audit/record';
import type { CaseState } from '../referrals/case-machine';
import { CaseNotFoundError, type TransitionActor } from '../referrals/transitions';
import { ASSESSMENT_FIELDS, ASSESSMENT_LABELS, ASSESSMENT_TEXT_FIELDS, type AssessmentField, type AssessmentFields } from './forms';
import { mayWorkOn } from '../sessions/sessions';

/** The case states in which the assessment may be written: during the assessment, and reassessment during the programme. */
export const ASSESSMENT_EDITABLE_STATES: readonly CaseState[] = ['assessment', 'in_programme'];

export const isAssessmentEditable = (state: string) => (ASSESSMENT_EDITABLE_STATES as readonly string[]).includes(state);

export interface AssessmentRecord extends AssessmentFields {
  referralId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedByStaffUserId: string | null;
  /** Who saved it last, by name (null if their account is gone). */
  updatedByName: string | null;
}

export class AssessmentConflictError extends Error {
  constructor(
    /** The assessment as it is now (who saved it, when, and what), or null if there is none. */
    readonly current: AssessmentRecord | null,
  ) {
    super('This assessment was changed by someone else.');
    this.name = 'AssessmentConflictError';
  }
}

/** The case is not at a stage where the assessment can be written, or this person may not write it. */
export class AssessmentNotEditableError extends Error {
  constructor(
    message: string,
    readonly state: CaseState | null,
  ) {
    super(message);
    this.name = 'AssessmentNotEditableError';
  }
}

/** Why the assessment cannot be changed in this state, in words for the page. */
export function notEditableMessage(state: string): string {
  switch (state) {
    case 'allocated':
      return 'The assessment has not started yet. Start it from the case page first.';
    case 'completed':
    case 'ended_early':
    case 'closed':
      return 'The programme has finished for this case, so the assessment can no longer be changed.';
    default:
      return 'The assessment can be written only once the case is in assessment.';
  }
}

const toRecord = (row: Assessment & { updated_by_name: string | null }): AssessmentRecord => ({
  referralId: row.referral_id,
  motivation: row.motivation,
  understanding: row.understanding,
  needs: row.needs,
  risks: row.risks,
  protective_factors: row.protective_factors,
  tool_name: row.tool_name,
  tool_band: row.tool_band,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  updatedByStaffUserId: row.updated_by_staff_user_id,
  updatedByName: row.updated_by_name,
});

/** The assessment of a case, or null if nothing has been saved yet. The caller has read the case through readCase. */
export async function readAssessment(db: Executor, referralId: string): Promise<AssessmentRecord | null> {
  const row = await db
    .selectFrom('assessment')
    .leftJoin('staff_user', 'staff_user.id', 'assessment.updated_by_staff_user_id')
    .selectAll('assessment')
    .select('staff_user.full_name as updated_by_name')
    .where('assessment.referral_id', '=', referralId)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The five structured parts that are still empty, by their labels (the tool is optional). */
export function missingFromAssessment(assessment: Pick<AssessmentFields, (typeof ASSESSMENT_TEXT_FIELDS)[number]> | null): string[] {
  return ASSESSMENT_TEXT_FIELDS.filter((field) => !assessment?.[field]?.trim()).map((field) => ASSESSMENT_LABELS[field]);
}

/** Complete when every one of the five structured parts is filled in; the tool is optional. */
export const isAssessmentComplete = (assessment: Pick<AssessmentFields, (typeof ASSESSMENT_TEXT_FIELDS)[number]> | null): boolean =>
  assessment !== null && missingFromAssessment(assessment).length === 0;

/** The fields whose saved text differs between two versions (for the audit row, and the conflict page). */
export function changedFields(before: AssessmentFields | null, after: AssessmentFields): AssessmentField[] {
  return ASSESSMENT_FIELDS.filter((field) => (before?.[field] ?? null) !== (after[field] ?? null));
}

export interface SaveAssessmentRequest {
  referralId: string;
  /** The version the person started from: 0 when nothing was saved yet. */
  expectedVersion: number;
  fields: AssessmentFields;
  actor: TransitionActor;
  now?: Date;
}

export async function saveAssessment(db: Db, request: SaveAssessmentRequest): Promise<AssessmentRecord> {
  const now = request.now ?? new Date();
  const { fields, actor } = request;
  return db.transaction().execute(async (trx) => {
    // The case's row is held for the length of the save, so the case cannot leave the assessment half-way through it.
    const referral = await trx.selectFrom('referral').select(['id', 'state', 'allocated_worker_id']).where('id', '=', request.referralId).forShare().executeTakeFirst();
    if (!referral) throw new CaseNotFoundError();
    if (!(await mayWorkOn(trx, actor.staffUserId, referral.allocated_worker_id))) {
      throw new AssessmentNotEditableError('Only the worker the case is allocated to, or a manager, can write the assessment.', referral.state as CaseState);
    }
    if (!isAssessmentEditable(referral.state)) throw new AssessmentNotEditableError(notEditableMessage(referral.state), referral.state as CaseState);

    const before = await readAssessment(trx, referral.id);
    const values = { ...fields, updated_at: now, updated_by_staff_user_id: actor.staffUserId };
    const written =
      request.expectedVersion === 0
        ? await trx
            .insertInto('assessment')
            .values({ referral_id: referral.id, ...values, created_at: now })
            .onConflict((oc) => oc.column('referral_id').doNothing())
            .returning('version')
            .executeTakeFirst()
        : await trx
            .updateTable('assessment')
            .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
            .where('referral_id', '=', referral.id)
            .where('version', '=', request.expectedVersion)
            .returning('version')
            .executeTakeFirst();
    if (!written) throw new AssessmentConflictError(await readAssessment(trx, referral.id));

    const changed = changedFields(before, fields);
    await recordAudit(trx, {
      actor,
      action: 'assessment.save',
      object: { type: 'referral', id: referral.id },
      outcome: 'success',
      detail: { version: written.version, changed: changed.join(',') || null, complete: isAssessmentComplete(fields) },
    });
    return (await readAssessment(trx, referral.id))!;
  });
}
