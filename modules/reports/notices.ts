/**
 * The email a signed-off report sends to the referrer. Like every case email
 * (modules/sessions/notices.ts) it says only that something is ready, with the
 * reference and a link: never the man's name, his attendance or a word of the report.
 * It is queued in the sign-off's own transaction, so a sign-off that rolls back sends
 * nothing.
 */
import type { Executor } from '../audit/record';
import { queueMail, type MailMessage } from '../mail/outbox';
import { activeReferrerOf, noticeText } from '../mail/notices';

export const REPORT_MAIL_KIND = 'report-notification';


export function reportReadyText(reference: string, link: string): { subject: string; text: string } {
  return {
    subject: `A CHOICE report is ready on referral ${reference}`,
    text: noticeText(`A CHOICE report is ready on referral ${reference}.`, 'Sign in to read it:', link),
  };
}

export const reportPath = (referralId: string, reportId: string) => `/staff/referrals/${referralId}/reports/${reportId}`;

/** To the referrer who made the referral, if their account is still active. */
export async function queueReportReadyNotice(trx: Executor, referralId: string, reportId: string, siteUrl: string): Promise<MailMessage[]> {
  const row = await activeReferrerOf(trx, referralId);
  if (!row) return [];
  const link = `${siteUrl.replace(/\/+$/, '')}${reportPath(referralId, reportId)}`;
  const message: MailMessage = { to: row.email, ...reportReadyText(row.reference, link), kind: REPORT_MAIL_KIND };
  await queueMail(trx, message);
  return [message];
}
