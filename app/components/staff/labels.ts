import type { OrganisationKind, StaffRole } from '#db/schema';

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
