/** Helpers for practitioner tests: the emailed links, and the text of a pack. */
import { extractText, getDocumentProxy } from 'unpdf';
import type { Db } from '../../db/connection';
import { hashPassword } from '../../modules/auth/password';
import { readableText } from '../../modules/mail/outbox';

/** The newest email to this address, as written to the outbox. */
export async function latestMailTo(db: Db, email: string) {
  return db.selectFrom('outbox_message').selectAll().where('to_address', '=', email).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/** The confirmation link (its path) in the newest email to this address. */
export async function verificationPathFor(db: Db, email: string): Promise<string> {
  const mail = await latestMailTo(db, email);
  const link = /https?:\/\/[^\s/]+(\/practitioners\/verify\/[A-Za-z0-9_-]{43})/.exec(mail ? readableText(mail) : '')?.[1];
  if (!link) throw new Error(`No confirmation link has been emailed to ${email}`);
  return link;
}

/**
 * The password reset link (its path) in the newest email to this address. The link is
 * made by a queued job after the page answers: a running server's job queue makes it
 * within moments, so this waits a little for it.
 */
export async function passwordResetPathFor(db: Db, email: string, waitMs = 10_000): Promise<string> {
  const until = Date.now() + waitMs;
  for (;;) {
    const mail = await latestMailTo(db, email);
    const link = /https?:\/\/[^\s/]+(\/practitioners\/password-reset\/[A-Za-z0-9_-]{43})/.exec(mail ? readableText(mail) : '')?.[1];
    if (link) return link;
    if (Date.now() > until) throw new Error(`No password reset link has been emailed to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** A practitioner made straight in the database (verified unless told otherwise), with `password`. */
export async function createPractitioner(db: Db, email: string, password: string, options: { verified?: boolean; totpSecret?: string } = {}): Promise<{ id: string }> {
  return db
    .insertInto('practitioner')
    .values({
      email,
      organisation_name: 'Test Primary School',
      password_hash: await hashPassword(password),
      email_verified_at: options.verified === false ? null : new Date(),
      totp_secret: options.totpSecret ?? null,
      totp_enabled_at: options.totpSecret ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
