/**
 * The emails a case step sends. An email says only that something needs the person's
 * attention, with the reference and a link to sign in and see it: never the man's
 * name, the offence, a reason or a request (email leaves our systems; the case page
 * does not). They are queued in the step's own transaction (modules/mail/outbox.ts).
 */
import type { Executor } from '../audit/record';
import { queueMail, type MailMessage } from '../mail/outbox';
import type { CaseEventType } from './case-machine';
import { noticeText } from '../mail/notices';

export const CASE_MAIL_KIND = 'case-notification';

type Recipient = 'referrer' | 'worker';

const NOTICES: Partial<Record<CaseEventType, { to: Recipient; subject: (reference: string) => string; opening: (reference: string) => string }>> = {
  REQUEST_INFORMATION: {
    to: 'referrer',
    subject: (reference) => `CHOICE needs more information about referral ${reference}`,
    opening: (reference) => `CHOICE has asked for more information about referral ${reference}.`,
  },
  DECLINE: {
    to: 'referrer',
    subject: (reference) => `CHOICE has made a decision about referral ${reference}`,
    opening: (reference) => `CHOICE has made a decision about referral ${reference}.`,
  },
  ACCEPT: {
    to: 'referrer',
    subject: (reference) => `CHOICE has made a decision about referral ${reference}`,
    opening: (reference) => `CHOICE has made a decision about referral ${reference}.`,
  },
  // Ending early sends nothing here: the referrer is emailed when the ended-early report is signed off, when there is something to read and act on.
  ALLOCATE: {
    to: 'worker',
    subject: () => 'A case has been allocated to you',
    opening: (reference) => `Case ${reference} has been allocated to you in CHOICE case management.`,
  },
};

/** Who an event's email goes to, and what it says; null when the event sends none. */
export function caseNotice(event: CaseEventType, reference: string, link: string): { to: Recipient; subject: string; text: string } | null {
  const notice = NOTICES[event];
  if (!notice) return null;
  const text = noticeText(notice.opening(reference), 'Sign in to see what needs your attention:', link);
  return { to: notice.to, subject: notice.subject(reference), text };
}

/**
 * Queues the email for a step, if it sends one, to the referrer who made the referral
 * or to the worker it was allocated to. Nobody is emailed whose account is deactivated.
 */
export async function queueCaseNotice(
  trx: Executor,
  step: { event: CaseEventType; referralId: string; workerId?: string | null },
  siteUrl: () => string,
): Promise<MailMessage | null> {
  const referral = await trx.selectFrom('referral').select(['reference', 'referrer_staff_user_id']).where('id', '=', step.referralId).executeTakeFirst();
  if (!referral) return null;
  const notice = caseNotice(step.event, referral.reference, `${siteUrl()}/staff/referrals/${step.referralId}`);
  if (!notice) return null;
  const recipientId = notice.to === 'referrer' ? referral.referrer_staff_user_id : step.workerId;
  if (!recipientId) return null;
  const recipient = await trx.selectFrom('staff_user').select(['email', 'active']).where('id', '=', recipientId).executeTakeFirst();
  if (!recipient?.active) return null;
  const message: MailMessage = { to: recipient.email, subject: notice.subject, text: notice.text, kind: CASE_MAIL_KIND };
  await queueMail(trx, message);
  return message;
}
