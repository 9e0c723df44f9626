/**
 * The email a session step sends: managers are told at once of a safeguarding concern.
 * Like a case's (modules/referrals/notifications.ts) it gives only the reference and a
 * link: never the man's name or the concern. It is queued in the step's own
 * transaction, so a step that rolls back sends nothing. The referrer hears of
 * non-compliance when its report is signed off, and is emailed by a session step only
 * when a correction undoes a non-compliance report they were already sent.
 */
import type { Executor } from '../audit/record';
import { queueMail, type MailMessage } from '../mail/outbox';
import { activeReferrerOf, choiceManagerEmails, noticeText } from '../mail/notices';

export const SESSION_MAIL_KIND = 'session-notification';

export function safeguardingNoticeText(reference: string, link: string): { subject: string; text: string } {
  const opening = `A worker recorded a safeguarding concern on case ${reference}. Please acknowledge it today and record what was done.`;
  return { subject: `A safeguarding concern was recorded on case ${reference}`, text: noticeText(opening, 'Sign in to see what needs your attention:', link) };
}

const caseLink = (siteUrl: string, referralId: string) => `${siteUrl.replace(/\/+$/, '')}/staff/referrals/${referralId}`;

/** To every active manager of an active CHOICE service, at once. */
export async function queueSafeguardingNotice(trx: Executor, referralId: string, siteUrl: string): Promise<MailMessage[]> {
  const { reference } = await trx.selectFrom('referral').select('reference').where('id', '=', referralId).executeTakeFirstOrThrow();
  const managers = await choiceManagerEmails(trx);
  const { subject, text } = safeguardingNoticeText(reference, caseLink(siteUrl, referralId));
  const messages = managers.map((email): MailMessage => ({ to: email, subject, text, kind: SESSION_MAIL_KIND }));
  for (const message of messages) await queueMail(trx, message);
  return messages;
}

/** To the referrer, when an attendance record behind a non-compliance report sent to them has been corrected. */
export async function queueCorrectionNotice(trx: Executor, referralId: string, siteUrl: string): Promise<MailMessage[]> {
  const row = await activeReferrerOf(trx, referralId);
  if (!row) return [];
  const opening = `CHOICE has corrected an attendance record on referral ${row.reference}. The non-compliance report you were sent no longer reflects his attendance.`;
  const message: MailMessage = { to: row.email, subject: `An attendance record was corrected on referral ${row.reference}`, text: noticeText(opening, 'Sign in to see the corrected entry:', caseLink(siteUrl, referralId)), kind: SESSION_MAIL_KIND };
  await queueMail(trx, message);
  return [message];
}
