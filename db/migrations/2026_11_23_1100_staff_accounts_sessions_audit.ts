import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff_user')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'timestamptz')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('recovery_salt', 'text')
    .addColumn('last_sign_in_at', 'timestamptz')
    .addColumn('deactivated_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('staff_recovery_code')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('staff_user_id', 'uuid', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('staff_recovery_code_user_idx').on('staff_recovery_code').column('staff_user_id').execute();

  // The cookie holds a random id; only its hash is stored, so a copy of this table opens no session.
  await db.schema
    .createTable('staff_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_user_id', 'uuid', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage IN ('password_verified', 'enrolling_two_factor', 'signed_in')`))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_session_user_idx').on('staff_session').column('staff_user_id').execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .addColumn('actor_organisation_id', 'uuid', (c) => c.references('organisation.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome IN ('success', 'failure', 'denied')`))
    .addColumn('detail', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_event_time_idx').on('audit_event').columns(['occurred_at', 'id']).execute();
  await db.schema.createIndex('audit_event_actor_idx').on('audit_event').columns(['actor_staff_user_id', 'occurred_at']).execute();
  await db.schema.createIndex('audit_event_object_idx').on('audit_event').columns(['object_type', 'object_id', 'occurred_at']).execute();
  // The audit log is append-only: the database itself refuses to change or remove a row.
  await sql`
    CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`.execute(db);
  await sql`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`.execute(db);

  await db.schema
    .createTable('outbox_message')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status IN ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('outbox_message_pending_idx').on('outbox_message').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('practitioner')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull().unique().check(sql`email = lower(email)`))
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'timestamptz')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Single-use links (invitations, password resets, practitioner email checks): hashed, with an expiry.
  await db.schema
    .createTable('one_time_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose IN ('invitation', 'password_reset', 'practitioner_verification')`))
    .addColumn('staff_user_id', 'uuid', (c) => c.references('staff_user.id').onDelete('cascade'))
    .addColumn('practitioner_id', 'uuid', (c) => c.references('practitioner.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addCheckConstraint('one_time_token_has_one_owner', sql`(staff_user_id IS NULL) <> (practitioner_id IS NULL)`)
    .execute();

  // rate-limiter-flexible's rows: a key (account or network address), points, expiry. Short-lived by design.
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sign_in_throttle', 'one_time_token', 'practitioner', 'outbox_message', 'audit_event', 'staff_session', 'staff_recovery_code']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`DROP FUNCTION audit_event_is_append_only()`.execute(db);
  await db.schema
    .alterTable('staff_user')
    .dropColumn('totp_secret')
    .dropColumn('totp_enabled_at')
    .dropColumn('totp_last_step')
    .dropColumn('recovery_salt')
    .dropColumn('last_sign_in_at')
    .dropColumn('deactivated_at')
    .execute();
}
