import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The programme's shape (modules, sessions, the non-compliance rule, report templates)
  // is Sacro's and not public: it is configuration a manager edits. Each edit is a new
  // version; the newest is in force.
  await db.schema
    .createTable('programme_definition')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await sql`CREATE SEQUENCE referral_reference_seq START 1`.execute(db);

  // A referral, and the case it becomes: one row from the referrer's draft to closure.
  await db.schema
    .createTable('referral')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique().defaultTo(sql`'CH-' || lpad(nextval('referral_reference_seq')::text, 6, '0')`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('referrer_staff_user_id', 'uuid', (c) => c.notNull().references('staff_user.id'))
    // The workflow: state (for queries), the persisted machine snapshot, its machine version,
    // and the row version every change must name (optimistic concurrency).
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('machine_id', 'text', (c) => c.notNull())
    .addColumn('machine_version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('allocated_worker_id', 'uuid', (c) => c.references('staff_user.id'))
    // The man referred.
    .addColumn('person_name', 'text')
    .addColumn('person_date_of_birth', 'date')
    .addColumn('person_sex', 'text', (c) => c.check(sql`person_sex IN ('male', 'female', 'another')`))
    .addColumn('person_address', 'text')
    .addColumn('person_phone', 'text')
    .addColumn('person_email', 'text')
    .addColumn('interpreter_language', 'text')
    .addColumn('support_needs', 'text')
    // The route and the offence.
    .addColumn('route', 'text', (c) =>
      c.check(sql`route IN ('diversion', 'structured_deferred_sentence', 'community_payback_order', 'other_community_order', 'licence')`),
    )
    .addColumn('legal_status', 'text', (c) => c.check(sql`legal_status IN ('charged', 'convicted')`))
    .addColumn('charges', 'text')
    .addColumn('offence_from', 'date')
    .addColumn('offence_to', 'date')
    .addColumn('material_kinds', sql`text[]`)
    .addColumn('material_details', 'text')
    .addColumn('devices', 'text')
    .addColumn('contact_offence', 'text', (c) => c.check(sql`contact_offence IN ('none_known', 'alleged', 'convicted')`))
    .addColumn('decision_date', 'date')
    .addColumn('risk_information', 'text')
    .addColumn('consent', 'text', (c) => c.check(sql`consent IN ('given', 'not_given', 'not_needed')`))
    .addColumn('consent_date', 'date')
    .addColumn('referrer_phone', 'text')
    // A referrer may submit outside the eligibility rules that are matters of judgement, saying why.
    .addColumn('eligibility_reason', 'text')
    .addColumn('eligibility_flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('information_request', 'text')
    .addColumn('information_response', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('first_submitted_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .execute();
  // The referrer's list: their organisation's referrals, newest change first (keyset).
  await db.schema.createIndex('referral_organisation_idx').on('referral').columns(['organisation_id', 'updated_at desc', 'id desc']).execute();
  // The manager's queue: referrals waiting to be screened, oldest first.
  await sql`CREATE INDEX referral_queue_idx ON referral (submitted_at, id) WHERE state IN ('submitted', 'screening', 'more_information_requested', 'accepted')`.execute(db);
  // Caseloads and a worker's own cases.
  await sql`CREATE INDEX referral_worker_idx ON referral (allocated_worker_id, updated_at DESC, id DESC) WHERE allocated_worker_id IS NOT NULL`.execute(db);
  await db.schema.createIndex('referral_state_idx').on('referral').columns(['state', 'updated_at desc', 'id desc']).execute();

  // The case's own history: who moved it from which state to which, when and why.
  await db.schema
    .createTable('case_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referral.id').onDelete('cascade'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_event_referral_idx').on('case_event').columns(['referral_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_event').execute();
  await db.schema.dropTable('referral').execute();
  await sql`DROP SEQUENCE referral_reference_seq`.execute(db);
  await db.schema.dropTable('programme_definition').execute();
}
