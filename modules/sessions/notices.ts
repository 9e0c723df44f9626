/**
 * The emails a session step sends. Like a case's (modules/referrals/notifications.ts)
 * they say only that something needs the person's attention, with the reference and a
 * link: never the man's name, the absence, its reason or the concern. They are queued
 * in the step's own transaction, so a step that rolls back sends nothing.
 */
import type { Executor } from '../audit/record';
import { queueMail, type MailMessage } from '../mail/outbox';
import { activeReferrerOf, choiceManagerEmails, noticeText } from '../mail/notices';

export const SESSION_MAIL_KIND = 'session-notification';

export type SessionNotice = 'attention' | 'decision-needed' | 'safeguarding';


export function sessionNoticeText(notice: SessionNotice, reference: string, link: string): { subject: string; text: string } {
  const { subject, opening } = {
    attention: { subject: `Something needs your attention on referral ${reference}`, opening: `Something needs your attention on referral ${reference}.` },
    'decision-needed': { subject: `A decision is needed on referral ${reference}`, opening: `CHOICE needs you to make a decision about referral ${reference}.` },
    safeguarding: { subject: `A safeguarding concern was recorded on case ${reference}`, opening: `A worker recorded a safeguarding concern on case ${reference}. Please look at it today.` },
  }[notice];
  return { subject, text: noticeText(opening, 'Sign in to see what needs your attention:', link) };
}

const caseLink = (siteUrl: string, referralId: string) => `${siteUrl.replace(/\/+$/, '')}/staff/referrals/${referralId}`;

/** To the referrer who made the referral, if their account is still active. */
export async function queueReferrerNotice(trx: Executor, notice: 'attention' | 'decision-needed', referralId: string, siteUrl: string): Promise<MailMessage[]> {
  const row = await activeReferrerOf(trx, referralId);
  if (!row) return [];
  const message: MailMessage = { to: row.email, ...sessionNoticeText(notice, row.reference, caseLink(siteUrl, referralId)), kind: SESSION_MAIL_KIND };
  await queueMail(trx, message);
  return [message];
}

/** To every active manager of an active CHOICE service, at once. */
export async function queueSafeguardingNotice(trx: Executor, referralId: string, siteUrl: string): Promise<MailMessage[]> {
  const { reference } = await trx.selectFrom('referral').select('reference').where('id', '=', referralId).executeTakeFirstOrThrow();
  const managers = await choiceManagerEmails(trx);
  const { subject, text } = sessionNoticeText('safeguarding', reference, caseLink(siteUrl, referralId));
  const messages = managers.map((email): MailMessage => ({ to: email, subject, text, kind: SESSION_MAIL_KIND }));
  for (const message of messages) await queueMail(trx, message);
  return messages;
}
