/**
 * What every notice email shares: the shape of its words (what happened, where to sign
 * in and see it, and a footer saying it holds no case details), and the people notices
 * go to. Emails leave our systems, so they never carry a name, an offence, a reason or
 * a note: the page they link to does.
 */
import type { Executor } from '../audit/record';

const PRIVACY = ['For the privacy of everyone involved, this email does not contain any case details.', 'If you were not expecting it, tell your manager.'];

/** "<opening>\n\n<prompt>\n<link>\n\n<privacy footer>". */
export function noticeText(opening: string, prompt: string, link: string): string {
  return [opening, '', prompt, link, '', ...PRIVACY].join('\n');
}

/** The address of the referrer who made this referral, with its reference; null if their account is no longer active. */
export async function activeReferrerOf(trx: Executor, referralId: string): Promise<{ email: string; reference: string } | null> {
  const row = await trx
    .selectFrom('referral')
    .innerJoin('staff_user', 'staff_user.id', 'referral.referrer_staff_user_id')
    .select(['referral.reference', 'staff_user.email', 'staff_user.active'])
    .where('referral.id', '=', referralId)
    .executeTakeFirst();
  return row?.active ? { email: row.email, reference: row.reference } : null;
}

/** The addresses of every active manager of an active CHOICE service. */
export async function choiceManagerEmails(trx: Executor): Promise<string[]> {
  const managers = await trx
    .selectFrom('staff_user')
    .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .select('staff_user.email')
    .where('staff_user.role', '=', 'manager')
    .where('staff_user.active', '=', true)
    .where('organisation.kind', '=', 'choice_service')
    .where('organisation.active', '=', true)
    .orderBy('staff_user.email')
    .execute();
  return managers.map((manager) => manager.email);
}
