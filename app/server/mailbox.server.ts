/**
 * The development mailbox: where mail goes when no SMTP server is set. Only for those
 * who may read it, and only on a machine without SMTP (anywhere else it does not exist).
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { readableText, recentMail } from '#modules/mail/outbox';
import { notFound } from './http.server';
import { requireStaff } from './staff-auth.server';

export async function mailboxLoader(args: LoaderFunctionArgs) {
  await requireStaff(args, 'mail:read:any');
  if (args.context.mailTransportKind !== 'mailbox') notFound();
  const messages = await recentMail(args.context.db, 100);
  return json({
    messages: messages.map((m) => ({ id: m.id, createdAt: m.created_at, to: m.to_address, subject: m.subject, kind: m.kind, status: m.status, body: readableText(m) })),
  });
}
