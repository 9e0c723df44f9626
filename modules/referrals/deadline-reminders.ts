/**
 * "The decision date is near": once per referral, the referrer who made an open
 * referral is emailed when its decision date (the fiscal's decision, the court date)
 * is 14 days away or less. The email has the reference and a link, nothing else. Run by
 * the job queue every hour (modules/mail/jobs.ts), so an hour missed is made up by the
 * next.
 *
 * Referrals are claimed a batch at a time: an UPDATE sets deadline_reminded_at on rows
 * a sub-select locked with FOR UPDATE SKIP LOCKED, and the emails are queued in the
 * same transaction. Two runs at once take different referrals, and a referral whose
 * reminder is set is never taken again. Only that column changes: not the version (so
 * nobody editing the case meets a conflict), not updated_at, not the timeline.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { queueMail, type MailMessage } from '../mail/outbox';
import type { CaseState } from './case-machine';
import { dayInScotland } from './dates';
import { noticeText } from '../mail/notices';

export const DEADLINE_REMINDER_KIND = 'deadline-reminder';
export const DEADLINE_REMINDER_DAYS = 14;
const BATCH = 100;

/** A referral is open from sending until it is declined, completed, ended or closed; drafts have no referrer waiting. */
export const OPEN_CASE_STATES: readonly CaseState[] = ['submitted', 'screening', 'more_information_requested', 'accepted', 'allocated', 'assessment', 'in_programme'];


export function deadlineReminderText(reference: string, link: string): { subject: string; text: string } {
  return {
    subject: `The decision date for referral ${reference} is near`,
    text: noticeText(`The decision date for referral ${reference} is near.`, 'Sign in to see the referral:', link),
  };
}

export interface DeadlineReminderRun {
  emails: number;
}

/** Queues the reminders due at `now`. Safe to run at any time, and twice at once. */
export async function queueDeadlineReminders(db: Db, siteUrl: string, now: Date = new Date()): Promise<DeadlineReminderRun> {
  const today = dayInScotland(now);
  const base = siteUrl.replace(/\/+$/, '');
  const run: DeadlineReminderRun = { emails: 0 };
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string; reference: string; email: string }>`
        UPDATE referral
           SET deadline_reminded_at = ${now}
          FROM staff_user
         WHERE staff_user.id = referral.referrer_staff_user_id
           AND referral.id IN (
             SELECT referral.id
               FROM referral
               JOIN staff_user referrer ON referrer.id = referral.referrer_staff_user_id
              WHERE referral.state IN (${sql.join(OPEN_CASE_STATES.map((state) => sql.lit(state)))})
                AND referral.deadline_reminded_at IS NULL
                AND referral.decision_date >= ${today}::date
                AND referral.decision_date <= ${today}::date + ${DEADLINE_REMINDER_DAYS}::int
                AND referrer.active
              ORDER BY referral.decision_date, referral.id
              LIMIT ${BATCH}
                FOR UPDATE OF referral SKIP LOCKED)
        RETURNING referral.id, referral.reference, staff_user.email`.execute(trx);
      for (const row of rows) {
        const message: MailMessage = { to: row.email, ...deadlineReminderText(row.reference, `${base}/staff/referrals/${row.id}`), kind: DEADLINE_REMINDER_KIND };
        await queueMail(trx, message);
      }
      return rows.length;
    });
    run.emails += claimed;
    if (claimed < BATCH) return run;
  }
}
