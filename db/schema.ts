/**
 * The tables as Kysely sees them. Column names are the database's own (snake_case),
 * so a name means the same thing in SQL, in code and in the migration that made it.
 * Nullable columns are `T | null`; columns the database fills are `Generated<T>`.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const ORGANISATION_KINDS = ['copfs_office', 'justice_social_work', 'choice_service'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const STAFF_ROLES = ['referrer', 'worker', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
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
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CheckCompletionCountTable {
  check_id: string;
  band: string;
  /** ISO 8601 week, such as 2026-W48. */
  iso_week: string;
  n: Generated<number>;
}

export interface Database {
  organisation: OrganisationTable;
  staff_user: StaffUserTable;
  check_completion_count: CheckCompletionCountTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type StaffUser = Selectable<StaffUserTable>;
export type NewStaffUser = Insertable<StaffUserTable>;
export type StaffUserUpdate = Updateable<StaffUserTable>;
