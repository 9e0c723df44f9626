/**
 * The outbox: every email the service sends is first a row here, written in the same
 * transaction as the change that causes it, with a job on the queue to send it. If the
 * change rolls back, no mail goes; if the mail server is down, the job retries.
 */
import { sql } from 'kysely';
import type { Executor } from '../audit/record';

export const SEND_MAIL_TASK = 'send_mail';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text only; never case details (a link and what it is for). */
  text: string;
  /** What the message is about, for the mailbox list: `password-reset`, `invitation`. */
  kind: string;
}

export async function queueMail(db: Executor, message: MailMessage): Promise<string> {
  const { id } = await db
    .insertInto('outbox_message')
    .values({ to_address: message.to, subject: message.subject, body_text: message.text, kind: message.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`SELECT graphile_worker.add_job(${SEND_MAIL_TASK}, json_build_object('id', ${id}::text), max_attempts => 10)`.execute(db);
  return id;
}

/** The development mailbox: the newest messages first. */
export function recentMail(db: Executor, limit = 50) {
  return db.selectFrom('outbox_message').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
