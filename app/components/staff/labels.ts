import type { OrganisationKind, StaffRole } from '#db/schema';
import type { AccountStatus } from '#modules/administration/rules';

/** What each role and organisation kind is called on screen. */
export const ROLE_LABELS: Record<StaffRole, string> = {
  referrer: 'Referrer',
  worker: 'Programme worker',
  manager: 'Team manager',
  admin: 'Administrator',
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  copfs_office: 'COPFS office',
  justice_social_work: 'Justice social work team',
  choice_service: 'CHOICE service',
};

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  invited: 'Invited',
  'two-factor-not-set-up': 'Two-factor not set up',
  active: 'Active',
  deactivated: 'Deactivated',
};

/** The MOJ badge colour of each account status. */
export const ACCOUNT_STATUS_BADGES: Record<AccountStatus, string> = {
  invited: 'moj-badge--blue',
  'two-factor-not-set-up': 'moj-badge--purple',
  active: 'moj-badge--green',
  deactivated: 'moj-badge--grey',
};
