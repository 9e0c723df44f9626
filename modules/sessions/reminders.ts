/**
 * The day-before reminder to programme workers: one email per worker listing nothing
 * but how many sessions they have tomorrow (the day in Scotland) and a link to their
 * diary. Run by the job queue every hour (modules/mail/jobs.ts), so an hour missed is
 * made up by the next; each session is reminded once, ever.
 *
 * Each worker is one transaction: the sessions are claimed (reminded_at set, by an
 * UPDATE … RETURNING that only takes sessions not yet claimed) and the email queued
 * together, or neither. A per-worker advisory lock lets only one run at a time work on
 * a worker, so two runs at once never send a worker two emails for the same sessions.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import type { Executor } from '../audit/record';
import { queueMail, type MailMessage } from '../mail/outbox';
import { formatWeekday, isoWeekOf, tomorrowInScotland } from './calendar';
import { SCHEDULABLE_CASE_STATES } from './sessions';
import { noticeText } from '../mail/notices';

export const SESSION_REMINDER_KIND = 'session-reminder';


/** The reminder's words: how many, which day, and the link. Nothing about any man or case. */
export function sessionReminderText(count: number, day: string, link: string): { subject: string; text: string } {
  const sessions = `${count} CHOICE session${count === 1 ? '' : 's'}`;
  return {
    subject: `You have ${sessions} tomorrow`,
    text: noticeText(`You have ${sessions} tomorrow, ${formatWeekday(day)}.`, 'See them in your diary:', link),
  };
}

export const diaryLink = (siteUrl: string, day: string) => `${siteUrl.replace(/\/+$/, '')}/staff/diary?week=${isoWeekOf(day)}`;

// The partial index programme_session_reminder_idx is (starts_at) WHERE state = 'scheduled' AND reminded_at IS NULL;
// the state is written as a literal so the planner can match it.
const dueTomorrow = (db: Executor, from: Date, to: Date) =>
  db
    .selectFrom('programme_session')
    .where('programme_session.state', '=', sql.lit('scheduled'))
    .where('programme_session.reminded_at', 'is', null)
    .where('programme_session.starts_at', '>=', from)
    .where('programme_session.starts_at', '<', to);

async function remindWorker(db: Db, workerId: string, tomorrow: ReturnType<typeof tomorrowInScotland>, siteUrl: string, now: Date): Promise<{ message: MailMessage; sessions: number } | null> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(${`session-reminder:${workerId}`})) AS locked`.execute(trx);
    // Another run is reminding this worker right now: it sends the email.
    if (!rows[0]?.locked) return null;
    const worker = await trx.selectFrom('staff_user').select(['email', 'active']).where('id', '=', workerId).executeTakeFirst();
    if (!worker?.active) return null;
    const claimed = await trx
      .updateTable('programme_session')
      .set({ reminded_at: now })
      .where('worker_id', '=', workerId)
      .where('state', '=', sql.lit('scheduled'))
      .where('reminded_at', 'is', null)
      .where('starts_at', '>=', tomorrow.from)
      .where('starts_at', '<', tomorrow.to)
      // Only the sessions of a case still being worked on, with this worker on it.
      .where('referral_id', 'in', (eb) =>
        eb.selectFrom('referral').select('referral.id').where('referral.state', 'in', SCHEDULABLE_CASE_STATES).where('referral.allocated_worker_id', '=', workerId),
      )
      .returning('id')
      .execute();
    if (!claimed.length) return null;
    const message: MailMessage = { to: worker.email, ...sessionReminderText(claimed.length, tomorrow.day, diaryLink(siteUrl, tomorrow.day)), kind: SESSION_REMINDER_KIND };
    await queueMail(trx, message);
    return { message, sessions: claimed.length };
  });
}

export interface SessionReminderRun {
  /** Tomorrow in Scotland, 'YYYY-MM-DD'. */
  day: string;
  emails: number;
  sessions: number;
}

/** Queues tomorrow's reminders for every worker who has sessions not yet reminded. Safe to run at any time, and twice at once. */
export async function queueSessionReminders(db: Db, siteUrl: string, now: Date = new Date()): Promise<SessionReminderRun> {
  const tomorrow = tomorrowInScotland(now);
  const workers = await dueTomorrow(db, tomorrow.from, tomorrow.to)
    .innerJoin('staff_user', 'staff_user.id', 'programme_session.worker_id')
    .where('staff_user.active', '=', true)
    .select('programme_session.worker_id')
    .distinct()
    .orderBy('programme_session.worker_id')
    .execute();
  const run: SessionReminderRun = { day: tomorrow.day, emails: 0, sessions: 0 };
  for (const { worker_id } of workers) {
    const reminded = await remindWorker(db, worker_id, tomorrow, siteUrl, now);
    if (!reminded) continue;
    run.emails += 1;
    run.sessions += reminded.sessions;
  }
  return run;
}
