/**
 * Sending what the outbox holds. With SMTP_URL set, nodemailer sends it; without, the
 * message stays in the outbox, marked delivered to the development mailbox, where an
 * administrator can read it.
 */
import nodemailer from 'nodemailer';
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
  const transporter = nodemailer.createTransport(url);
  const from = env.MAIL_FROM?.trim() || 'CHOICE service <no-reply@choice.invalid>';
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
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
