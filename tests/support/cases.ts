/**
 * Cases for tests, made through the module functions a referrer's form uses (draft,
 * details, SUBMIT) rather than through the form's pages (for those, see referrals.ts),
 * so a test of screening or of a case page starts from a real submitted referral:
 *
 *   const referral = await submittedReferral(test.db, 'fiscal@demo.example', { person_name: 'Alan Example' });
 *   await stepCase(test.db, referral.id, 'manager@demo.example', { type: 'START_SCREENING' });
 */
import type { Db } from '../../db/connection';
import type { ReferralRoute } from '../../db/schema';
import type { CaseEvent } from '../../modules/referrals/case-machine';
import { dayInScotland } from '../../modules/referrals/dates';
import { saveReferralDetails, type ReferralDetails } from '../../modules/referrals/details';
import { createDraftReferral, transitionCase, type TransitionActor, type TransitionResult } from '../../modules/referrals/transitions';

export async function staffActor(db: Db, email: string): Promise<TransitionActor & { kind: string }> {
  const user = await db
    .selectFrom('staff_user')
    .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .select(['staff_user.id', 'staff_user.organisation_id', 'organisation.kind'])
    .where('staff_user.email', '=', email)
    .executeTakeFirst();
  if (!user) throw new Error(`There is no staff account ${email}`);
  return { staffUserId: user.id, organisationId: user.organisation_id, kind: user.kind };
}

const daysFromNow = (days: number) => dayInScotland(new Date(Date.now() + days * 86_400_000));

/** A complete, eligible referral's details for a referrer of this kind of organisation. */
export function referralDetails(organisationKind: string, overrides: ReferralDetails = {}): ReferralDetails {
  const route: ReferralRoute = organisationKind === 'copfs_office' ? 'diversion' : 'structured_deferred_sentence';
  return {
    person_name: 'Test Person',
    person_date_of_birth: '1985-04-12',
    person_sex: 'male',
    person_address: '1 Test Street\nEdinburgh\nEH1 1AA',
    route,
    legal_status: route === 'diversion' ? 'charged' : 'convicted',
    charges: 'Civic Government (Scotland) Act 1982 s52A: possession',
    offence_from: '2025-01-01',
    offence_to: '2025-06-30',
    material_kinds: ['still_images'],
    devices: 'A laptop',
    contact_offence: 'none_known',
    decision_date: daysFromNow(60),
    risk_information: 'Assessed as low risk of contact offending.',
    consent: 'given',
    consent_date: daysFromNow(-7),
    referrer_phone: '0131 000 0000',
    ...overrides,
  };
}

/** A referral made and sent by `referrerEmail`, with details from `overrides` over sensible ones. */
export async function submittedReferral(db: Db, referrerEmail: string, overrides: ReferralDetails = {}): Promise<{ id: string; reference: string; version: number }> {
  const { kind, ...actor } = await staffActor(db, referrerEmail);
  const draft = await createDraftReferral(db, actor);
  const saved = await saveReferralDetails(db, { referralId: draft.id, expectedVersion: draft.version, details: referralDetails(kind, overrides), section: 'person', actor });
  const sent = await transitionCase(db, { referralId: draft.id, expectedVersion: saved.version, event: { type: 'SUBMIT' }, actor });
  return { id: draft.id, reference: draft.reference, version: sent.version };
}

/** One step on a case, by `email`, from whatever version it is at now. */
export async function stepCase(db: Db, referralId: string, email: string, event: CaseEvent): Promise<TransitionResult> {
  const { kind: _kind, ...actor } = await staffActor(db, email);
  const { version } = await db.selectFrom('referral').select('version').where('id', '=', referralId).executeTakeFirstOrThrow();
  return transitionCase(db, { referralId, expectedVersion: version, event, actor });
}

/** A referral taken by a manager to `allocated`, with `workerEmail`'s name on it. */
export async function allocatedReferral(db: Db, referrerEmail: string, workerEmail: string, overrides: ReferralDetails = {}) {
  const referral = await submittedReferral(db, referrerEmail, overrides);
  const manager = 'manager@demo.example';
  const worker = await staffActor(db, workerEmail);
  await stepCase(db, referral.id, manager, { type: 'START_SCREENING' });
  await stepCase(db, referral.id, manager, { type: 'ACCEPT' });
  const result = await stepCase(db, referral.id, manager, { type: 'ALLOCATE', workerId: worker.staffUserId });
  return { ...referral, version: result.version };
}
