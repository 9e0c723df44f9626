/**
 * The outbox: every email the service sends is first a row here, written in the same
 * transaction as the change that causes it, with a job on the queue to send it. If the
 * change rolls back, no mail goes; if the mail server is down, the job retries.
 */
import { sql } from 'kysely';
import type { OutboxMessageTable } from '../../db/schema';
import type { Executor } from '../audit/record';
import { dataKeyRing, type KeyRing } from '../crypto/key-ring';

export const SEND_MAIL_TASK = 'send_mail';

/**
 * Where a link's secret part (a one-time token) goes in a message's text. The outbox
 * keeps the text with this placeholder and the secret sealed beside it; the secret is
 * put in only as the message is sent, and dropped once it has gone.
 */
export const SECRET_PLACEHOLDER = '{{link-secret}}';
const SEAL_CONTEXT = 'outbox_message.secret_sealed';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text only; never case details (a link and what it is for). */
  text: string;
  /** What the message is about, for the mailbox list: `password-reset`, `invitation`. */
  kind: string;
  /** The secret part of a link, written as SECRET_PLACEHOLDER in `text`. */
  secret?: string;
}

/** Puts a job on the queue (graphile-worker), in the caller's transaction. */
export async function addJob(db: Executor, task: string, payload: Record<string, string>, maxAttempts = 10): Promise<void> {
  await sql`SELECT graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json, max_attempts => ${maxAttempts}::int)`.execute(db);
}

export async function queueMail(db: Executor, message: MailMessage, ring: KeyRing = dataKeyRing()): Promise<string> {
  if (message.secret !== undefined && !message.text.includes(SECRET_PLACEHOLDER)) throw new Error('A secret needs its placeholder in the text.');
  const { id } = await db
    .insertInto('outbox_message')
    .values({
      to_address: message.to,
      subject: message.subject,
      body_text: message.text,
      kind: message.kind,
      secret_sealed: message.secret === undefined ? null : ring.seal(message.secret, SEAL_CONTEXT),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addJob(db, SEND_MAIL_TASK, { id });
  return id;
}

/**
 * A message's text as it is (or was) sent: the secret put back while the outbox still
 * holds it; after sending, the link says it was removed.
 */
export function readableText(message: Pick<OutboxMessageTable, 'body_text' | 'secret_sealed'>, ring: KeyRing = dataKeyRing()): string {
  if (!message.body_text.includes(SECRET_PLACEHOLDER)) return message.body_text;
  const secret = message.secret_sealed ? ring.open(message.secret_sealed, SEAL_CONTEXT) : null;
  return message.body_text.replaceAll(SECRET_PLACEHOLDER, secret ?? '[removed once sent]');
}

/** Whether a message of one of these kinds went to this address since `since`. */
export async function mailSentSince(db: Executor, to: string, kinds: string[], since: Date): Promise<boolean> {
  const row = await db.selectFrom('outbox_message').select('id').where('to_address', '=', to).where('kind', 'in', kinds).where('created_at', '>', since).executeTakeFirst();
  return !!row;
}

/** The development mailbox: the newest messages first. */
export function recentMail(db: Executor, limit = 50) {
  return db.selectFrom('outbox_message').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
