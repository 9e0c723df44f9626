import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// A link that opens an account (an invitation, a password reset, an email
// confirmation) is no longer kept in the outbox in the clear: its secret part waits
// sealed (AES-256-GCM, key ring from the environment) in `secret_sealed`, the body
// holds a placeholder, and the sealed secret is cleared once the message is sent.
// Messages already sent lose the secret part of their links here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_message').addColumn('secret_sealed', 'text').execute();
  await sql`
    UPDATE outbox_message
       SET body_text = regexp_replace(body_text, '(/(staff/(password-reset|invitation)|practitioners/(verify|password-reset))/)[A-Za-z0-9_-]{20,}', '\\1[removed once sent]', 'g')
     WHERE status = 'sent'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_message').dropColumn('secret_sealed').execute();
}
