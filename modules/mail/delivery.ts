/**
 * Sending what the outbox holds. With SMTP_URL set, nodemailer sends it; without, the
 * message stays in the outbox, marked delivered to the development mailbox, where an
 * administrator can read it.
 */
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { Executor } from '../audit/record';
import { readableText } from './outbox';

export interface MailTransport {
  /** 'smtp' or 'mailbox' (development: kept for the admin-only mailbox page). */
  kind: 'smtp' | 'mailbox';
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export function mailTransport(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const url = env.SMTP_URL?.trim();
  if (!url) return { kind: 'mailbox', send: async () => undefined };
  const transporter = nodemailer.createTransport(url, { disableFileAccess: true, disableUrlAccess: true });
  const from = env.MAIL_FROM?.trim() || 'CHOICE service <no-reply@choice.invalid>';
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail(smtpMessage(from, message));
    },
  };
}

/**
 * The only message nodemailer is ever given: four plain strings. Addresses and words
 * come from what staff and practitioners type, and nodemailer reads a file or fetches
 * a URL for `raw`, for attachments or alternatives with `path`/`href`, and for any
 * content given as `{ path }` or `{ href }` (GHSA-p6gq-j5cr-w38f). So no field is ever
 * passed through as an object, nothing else is copied across, and file and URL access
 * are switched off on the message as well as the transport in case a later change
 * adds one.
 */
export function smtpMessage(from: string, message: { to: string; subject: string; text: string }): Mail.Options {
  for (const value of [from, message.to, message.subject, message.text]) {
    if (typeof value !== 'string') throw new TypeError('A mail message is made of text only');
  }
  return { from, to: message.to, subject: message.subject, text: message.text, disableFileAccess: true, disableUrlAccess: true };
}

/** Sends one queued message; a failure is recorded and thrown so the queue retries it. */
export async function deliverMessage(db: Executor, id: string, transport: MailTransport): Promise<'sent' | 'already-sent' | 'missing'> {
  const message = await db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirst();
  if (!message) return 'missing';
  if (message.status === 'sent') return 'already-sent';
  try {
    await transport.send({ to: message.to_address, subject: message.subject, text: readableText(message) });
  } catch (error) {
    await db
      .updateTable('outbox_message')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error instanceof Error ? error.message.slice(0, 500) : 'Unknown error' }))
      .where('id', '=', id)
      .execute();
    throw error;
  }
  await db
    .updateTable('outbox_message')
    // Once sent, the outbox keeps no usable link. The development mailbox is where such
    // mail is read, so there the sealed secret stays for the link to be followed.
    .set((eb) => ({
      status: 'sent',
      sent_at: new Date(),
      attempts: eb('attempts', '+', 1),
      last_error: null,
      ...(transport.kind === 'smtp' ? { secret_sealed: null } : {}),
    }))
    .where('id', '=', id)
    .execute();
  return 'sent';
}
