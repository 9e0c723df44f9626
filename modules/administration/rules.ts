/**
 * Which roles belong in which kind of organisation, and what an account's status is.
 * Pure functions: the pages, the forms and the unit tests all ask the same questions.
 */
import type { OrganisationKind, StaffRole } from '../../db/schema';

/**
 * Referrers work for the fiscal or a justice social work team; everyone who runs the
 * programme (workers, managers) or the service (administrators) works for CHOICE.
 */
export const ROLES_FOR_KIND: Readonly<Record<OrganisationKind, readonly StaffRole[]>> = {
  copfs_office: ['referrer'],
  justice_social_work: ['referrer'],
  choice_service: ['worker', 'manager', 'admin'],
};

export const roleFitsOrganisation = (role: StaffRole, kind: OrganisationKind): boolean => ROLES_FOR_KIND[kind].includes(role);

export const ACCOUNT_STATUSES = ['invited', 'two-factor-not-set-up', 'active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export function accountStatus(account: { active: boolean; password_hash: string | null; totp_enabled_at: Date | string | null }): AccountStatus {
  if (!account.active) return 'deactivated';
  if (!account.password_hash) return 'invited';
  if (!account.totp_enabled_at) return 'two-factor-not-set-up';
  return 'active';
}

/** Why a role cannot be given in an organisation of this kind, in words for the form. */
export function roleMismatch(role: StaffRole, kind: OrganisationKind): string | null {
  if (roleFitsOrganisation(role, kind)) return null;
  return role === 'referrer'
    ? 'Referrers work for a COPFS office or a justice social work team. Choose another role, or another organisation'
    : 'Only referrers belong to a COPFS office or a justice social work team. Choose Referrer, or an organisation of the CHOICE service';
}
