/**
 * The tables as Kysely sees them. Column names are the database's own (snake_case),
 * so a name means the same thing in SQL, in code and in the migration that made it.
 * Nullable columns are `T | null`; columns the database fills are `Generated<T>`.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills by default, which a writer may still set. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const ORGANISATION_KINDS = ['copfs_office', 'justice_social_work', 'choice_service'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const STAFF_ROLES = ['referrer', 'worker', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface StaffUserTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  full_name: string;
  role: StaffRole;
  /** argon2id hash; null until an invited person sets a password. */
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  recovery_salt: string | null;
  last_sign_in_at: Timestamp | null;
  deactivated_at: Timestamp | null;
}

export interface StaffRecoveryCodeTable {
  id: Generated<string>;
  staff_user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export const SESSION_STAGES = ['password_verified', 'enrolling_two_factor', 'signed_in'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export interface StaffSessionTable {
  /** SHA-256 of the random id in the cookie. */
  id_hash: string;
  staff_user_id: string;
  stage: SessionStage;
  csrf_token: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  /** The absolute limit, whatever the activity. */
  expires_at: Timestamp;
}

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: DefaultTimestamp;
  actor_staff_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: AuditOutcome;
  detail: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
}

export interface OutboxMessageTable {
  id: Generated<string>;
  created_at: DefaultTimestamp;
  to_address: string;
  subject: string;
  body_text: string;
  /** What the message is about (`password-reset`, `invitation`), never its content. */
  kind: Generated<string>;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  sent_at: Timestamp | null;
  last_error: string | null;
  /** The secret part of a link in the body (see modules/mail/outbox.ts), sealed; null once sent. */
  secret_sealed: string | null;
}

export interface PractitionerTable {
  id: Generated<string>;
  email: string;
  organisation_name: string;
  password_hash: string;
  email_verified_at: Timestamp | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  recovery_salt: string | null;
  created_at: DefaultTimestamp;
}

export const PRACTITIONER_SESSION_STAGES = ['password_verified', 'signed_in'] as const;
export type PractitionerSessionStage = (typeof PRACTITIONER_SESSION_STAGES)[number];

export interface PractitionerSessionTable {
  id_hash: string;
  practitioner_id: string;
  stage: PractitionerSessionStage;
  csrf_token: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export const TOKEN_PURPOSES = ['invitation', 'password_reset', 'practitioner_verification', 'practitioner_password_reset'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

export interface OneTimeTokenTable {
  token_hash: string;
  purpose: TokenPurpose;
  staff_user_id: string | null;
  practitioner_id: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SignInThrottleTable {
  key: string;
  points: number;
  expire: number | null;
}

export interface CheckCompletionCountTable {
  check_id: string;
  band: string;
  /** ISO 8601 week, such as 2026-W48. */
  iso_week: string;
  n: Generated<number>;
}

export interface ProgrammeDefinitionTable {
  version: number;
  definition: ColumnType<unknown, string, string>;
  created_by_staff_user_id: string | null;
  created_at: DefaultTimestamp;
}

export const REFERRAL_ROUTES = ['diversion', 'structured_deferred_sentence', 'community_payback_order', 'other_community_order', 'licence'] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];
export const PERSON_SEXES = ['male', 'female', 'another'] as const;
export type PersonSex = (typeof PERSON_SEXES)[number];
export const LEGAL_STATUSES = ['charged', 'convicted'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export const CONTACT_OFFENCE_ANSWERS = ['none_known', 'alleged', 'convicted'] as const;
export type ContactOffenceAnswer = (typeof CONTACT_OFFENCE_ANSWERS)[number];
export const CONSENT_ANSWERS = ['given', 'not_given', 'not_needed'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** A referral and the case it becomes (see modules/referrals). Dates of a day are 'YYYY-MM-DD' strings. */
export interface ReferralTable {
  id: Generated<string>;
  reference: Generated<string>;
  organisation_id: string;
  referrer_staff_user_id: string;
  state: Generated<string>;
  machine_id: string;
  machine_version: number;
  snapshot: ColumnType<unknown, string, string>;
  version: Generated<number>;
  allocated_worker_id: string | null;
  person_name: string | null;
  person_date_of_birth: string | null;
  person_sex: PersonSex | null;
  person_address: string | null;
  person_phone: string | null;
  person_email: string | null;
  interpreter_language: string | null;
  support_needs: string | null;
  route: ReferralRoute | null;
  legal_status: LegalStatus | null;
  charges: string | null;
  offence_from: string | null;
  offence_to: string | null;
  material_kinds: string[] | null;
  material_details: string | null;
  devices: string | null;
  contact_offence: ContactOffenceAnswer | null;
  decision_date: string | null;
  risk_information: string | null;
  consent: ConsentAnswer | null;
  consent_date: string | null;
  referrer_phone: string | null;
  eligibility_reason: string | null;
  eligibility_flags: Generated<string[]>;
  information_request: string | null;
  information_response: string | null;
  decline_reason: string | null;
  end_reason: string | null;
  outcome: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  submitted_at: Timestamp | null;
  first_submitted_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** When the referrer was told the decision date is near (sent once). */
  deadline_reminded_at: Timestamp | null;
  /** The outcome of a closed case, for statistics. */
  outcome_code: CaseOutcomeCode | null;
}

export const CASE_OUTCOME_CODES = [
  'declined',
  'completed',
  'ended_early_non_compliance',
  'ended_early_withdrawn',
  'ended_early_breached',
  'ended_early_returned_to_referrer',
] as const;
export type CaseOutcomeCode = (typeof CASE_OUTCOME_CODES)[number];

export interface CaseEventTable {
  id: Generated<number>;
  referral_id: string;
  occurred_at: DefaultTimestamp;
  actor_staff_user_id: string | null;
  event: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  version: number;
}

export const SESSION_ENGAGEMENTS = ['full', 'partial', 'little', 'none'] as const;
export type SessionEngagement = (typeof SESSION_ENGAGEMENTS)[number];
export const HOMEWORK_OUTCOMES = ['done', 'partly', 'not_done', 'not_set'] as const;
export type HomeworkOutcome = (typeof HOMEWORK_OUTCOMES)[number];

/** A programme session (see modules/sessions): its time, its workflow, and what happened. */
export interface ProgrammeSessionTable {
  id: Generated<string>;
  referral_id: string;
  worker_id: string;
  module_key: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  state: Generated<string>;
  machine_id: string;
  machine_version: number;
  snapshot: ColumnType<unknown, string, string>;
  version: Generated<number>;
  topics_covered: string | null;
  engagement: SessionEngagement | null;
  homework_set: string | null;
  homework_done: HomeworkOutcome | null;
  concerns: string | null;
  safeguarding_concern: Generated<boolean>;
  /** The worker's own notes: never shown to referrers. */
  private_notes: string | null;
  absence_judgement: 'acceptable' | 'unacceptable' | null;
  absence_reason: string | null;
  /** When the day-before reminder was queued for the worker. */
  reminded_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

/** The worker's assessment of a case (modules/assessment): structured notes, a validated tool's name and band, no score of ours. */
export interface AssessmentTable {
  referral_id: string;
  motivation: string | null;
  understanding: string | null;
  needs: string | null;
  risks: string | null;
  protective_factors: string | null;
  tool_name: string | null;
  tool_band: string | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by_staff_user_id: string | null;
}

/** One module of an individual plan, in the plan's order. */
export interface PlanModule {
  key: string;
  title: string;
  sessions: number;
}

export const PLAN_STATES = ['draft', 'awaiting_sign_off', 'signed_off'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** The individual plan of a case (modules/assessment/plan.ts). */
export interface CasePlanTable {
  referral_id: string;
  modules: ColumnType<PlanModule[], string, string>;
  programme_version: number;
  state: ColumnType<PlanState, PlanState | undefined, PlanState>;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by_staff_user_id: string | null;
  submitted_at: Timestamp | null;
  signed_off_at: Timestamp | null;
  signed_off_by_staff_user_id: string | null;
  /** Why a manager last sent the plan back to the worker; cleared when it is sent for sign-off again. */
  returned_reason: string | null;
  returned_at: Timestamp | null;
  returned_by_staff_user_id: string | null;
}

export const REPORT_STATES = ['awaiting_sign_off', 'signed_off'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** A report to the referrer (modules/reports): its facts are kept as they were when it was made. */
export interface ReportTable {
  id: Generated<string>;
  referral_id: string;
  kind: 'programme_start' | 'non_compliance' | 'progress_review' | 'completion' | 'ended_early';
  state: ColumnType<ReportState, ReportState | undefined, ReportState>;
  facts: ColumnType<unknown, string, string>;
  introduction: string | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  created_by_staff_user_id: string | null;
  updated_at: DefaultTimestamp;
  signed_off_at: Timestamp | null;
  signed_off_by_staff_user_id: string | null;
}

export interface SessionEventTable {
  id: Generated<number>;
  session_id: string;
  occurred_at: DefaultTimestamp;
  actor_staff_user_id: string | null;
  event: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  version: number;
}

export const SAFEGUARDING_STATES = ['open', 'acknowledged', 'actioned'] as const;
export type SafeguardingState = (typeof SAFEGUARDING_STATES)[number];

export interface SafeguardingConcernTable {
  id: Generated<string>;
  referral_id: string;
  session_id: string | null;
  raised_by_staff_user_id: string | null;
  raised_at: DefaultTimestamp;
  state: ColumnType<SafeguardingState, SafeguardingState | undefined, SafeguardingState>;
  acknowledged_by_staff_user_id: string | null;
  acknowledged_at: Date | null;
  action_taken: string | null;
  action_by: string | null;
  /** The day the action was taken, yyyy-mm-dd. */
  action_on: string | null;
  action_recorded_by_staff_user_id: string | null;
  action_recorded_at: Date | null;
  version: Generated<number>;
}

export interface Database {
  organisation: OrganisationTable;
  staff_user: StaffUserTable;
  check_completion_count: CheckCompletionCountTable;
  staff_recovery_code: StaffRecoveryCodeTable;
  staff_session: StaffSessionTable;
  audit_event: AuditEventTable;
  outbox_message: OutboxMessageTable;
  practitioner: PractitionerTable;
  practitioner_session: PractitionerSessionTable;
  programme_definition: ProgrammeDefinitionTable;
  referral: ReferralTable;
  case_event: CaseEventTable;
  programme_session: ProgrammeSessionTable;
  session_event: SessionEventTable;
  safeguarding_concern: SafeguardingConcernTable;
  assessment: AssessmentTable;
  case_plan: CasePlanTable;
  report: ReportTable;
  one_time_token: OneTimeTokenTable;
  sign_in_throttle: SignInThrottleTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type StaffUser = Selectable<StaffUserTable>;
export type NewStaffUser = Insertable<StaffUserTable>;
export type StaffUserUpdate = Updateable<StaffUserTable>;
export type Practitioner = Selectable<PractitionerTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type OutboxMessage = Selectable<OutboxMessageTable>;
export type Referral = Selectable<ReferralTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type Assessment = Selectable<AssessmentTable>;
export type CasePlan = Selectable<CasePlanTable>;
export type ReportRow = Selectable<ReportTable>;
export type ProgrammeSession = Selectable<ProgrammeSessionTable>;
export type SessionEventRow = Selectable<SessionEventTable>;
