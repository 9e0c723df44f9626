/**
 * The emails about a plan. Like a case's (modules/referrals/notifications.ts) they say
 * only that a plan needs the person's attention, with the case reference and a link:
 * never the man's name, the plan's modules or a manager's reason. They are queued in
 * the step's own transaction, so a step that rolls back sends nothing.
 */
import type { Executor } from '../audit/record';
import { queueMail, type MailMessage } from '../mail/outbox';
import { choiceManagerEmails, noticeText } from '../mail/notices';

export const PLAN_MAIL_KIND = 'plan-notification';

export const planLink = (siteUrl: string, referralId: string) => `${siteUrl.replace(/\/+$/, '')}/staff/referrals/${referralId}/plan`;


/** The email about a plan: that it needs attention, the reference and a link, nothing else. */
export function planNoticeText(notice: 'awaiting-sign-off' | 'returned' | 'signed-off', reference: string, href: string): { subject: string; text: string } {
  const { subject, opening } = {
    'awaiting-sign-off': { subject: `A plan is waiting for sign-off on case ${reference}`, opening: `The individual plan for case ${reference} is waiting for a manager to sign it off.` },
    returned: { subject: `The plan for case ${reference} has been sent back to you`, opening: `A manager has sent the individual plan for case ${reference} back to you, with a note on what to change.` },
    'signed-off': { subject: `The plan for case ${reference} has been signed off`, opening: `A manager has signed off the individual plan for case ${reference}, and the programme has started.` },
  }[notice];
  return { subject, text: noticeText(opening, 'Sign in to see it:', href) };
}

/** To every active manager of an active CHOICE service. */
export async function queueManagerNotice(trx: Executor, reference: string, href: string): Promise<MailMessage[]> {
  const managers = await choiceManagerEmails(trx);
  const { subject, text } = planNoticeText('awaiting-sign-off', reference, href);
  const messages = managers.map((email): MailMessage => ({ to: email, subject, text, kind: PLAN_MAIL_KIND }));
  for (const message of messages) await queueMail(trx, message);
  return messages;
}

/** To the worker the case is allocated to, if their account is active and they did not make the change themselves. */
export async function queueWorkerNotice(trx: Executor, notice: 'returned' | 'signed-off', referral: { reference: string; allocated_worker_id: string | null }, actorId: string, href: string) {
  if (!referral.allocated_worker_id || referral.allocated_worker_id === actorId) return [];
  const worker = await trx.selectFrom('staff_user').select(['email', 'active']).where('id', '=', referral.allocated_worker_id).executeTakeFirst();
  if (!worker?.active) return [];
  const message: MailMessage = { to: worker.email, ...planNoticeText(notice, referral.reference, href), kind: PLAN_MAIL_KIND };
  await queueMail(trx, message);
  return [message];
}
