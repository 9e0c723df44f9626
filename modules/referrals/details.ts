/**
 * Saving what a referrer types into a draft (or into a referral sent back for more
 * information): the same version rule as a transition, so two people editing one
 * referral never overwrite each other, and an event row so the conflict page can say
 * what changed.
 */
import type { Db } from '../../db/connection';
import type { Updateable } from 'kysely';
import type { ReferralTable } from '../../db/schema';
import { recordAudit } from '../audit/record';
import type { CaseState } from './case-machine';
import { CaseConflictError, changesSince, type TransitionActor } from './transitions';

export type ReferralDetails = Partial<
  Pick<
    Updateable<ReferralTable>,
    | 'person_name'
    | 'person_date_of_birth'
    | 'person_sex'
    | 'person_address'
    | 'person_phone'
    | 'person_email'
    | 'interpreter_language'
    | 'support_needs'
    | 'route'
    | 'legal_status'
    | 'charges'
    | 'offence_from'
    | 'offence_to'
    | 'material_kinds'
    | 'material_details'
    | 'devices'
    | 'contact_offence'
    | 'decision_date'
    | 'risk_information'
    | 'consent'
    | 'consent_date'
    | 'referrer_phone'
    | 'eligibility_reason'
    | 'eligibility_flags'
  >
>;

/** States in which the referrer may still change the details. */
export const EDITABLE_STATES: readonly CaseState[] = ['draft', 'more_information_requested'];

export async function saveReferralDetails(
  db: Db,
  request: { referralId: string; expectedVersion: number; details: ReferralDetails; section: string; actor: TransitionActor; now?: Date },
): Promise<{ version: number }> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('referral')
      .set((eb) => ({ ...request.details, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', request.referralId)
      .where('version', '=', request.expectedVersion)
      .where('state', 'in', EDITABLE_STATES)
      .returning(['version', 'state'])
      .executeTakeFirst();
    if (!updated) {
      const current = await trx.selectFrom('referral').select(['version', 'state']).where('id', '=', request.referralId).executeTakeFirst();
      if (!current) throw new Error('The referral no longer exists.');
      throw new CaseConflictError({ version: current.version, state: current.state as CaseState }, await changesSince(trx, request.referralId, request.expectedVersion));
    }
    await trx
      .insertInto('case_event')
      .values({
        referral_id: request.referralId,
        occurred_at: now,
        actor_staff_user_id: request.actor.staffUserId,
        event: 'EDIT',
        from_state: updated.state,
        to_state: updated.state,
        reason: request.section,
        version: updated.version,
      })
      .execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'case.update',
      object: { type: 'referral', id: request.referralId },
      outcome: 'success',
      detail: { section: request.section, version: updated.version },
    });
    return { version: updated.version };
  });
}
