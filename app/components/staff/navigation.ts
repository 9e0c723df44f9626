import type { Permission } from '#modules/auth/permissions';
import type { StaffNavigationItem } from './staff-layout';

const ITEMS: Array<StaffNavigationItem & { permission: Permission; mailboxOnly?: boolean }> = [
  { to: '/staff', label: 'Home', permission: 'account:manage:own' },
  { to: '/staff/referrals', label: 'Referrals', permission: 'case:create:own-organisation' },
  { to: '/staff/screening', label: 'Screening', permission: 'case:screen:service' },
  { to: '/staff/safeguarding', label: 'Safeguarding', permission: 'safeguarding:manage:service' },
  { to: '/staff/referrals', label: 'Cases', permission: 'case:read:allocated' },
  { to: '/staff/diary', label: 'Diary', permission: 'case:read:allocated' },
  { to: '/staff/programme', label: 'Programme', permission: 'programme:manage:service' },
  { to: '/staff/statistics', label: 'Statistics', permission: 'case:read:service' },
  { to: '/staff/audit', label: 'Audit log', permission: 'audit:read:any' },
  { to: '/staff/admin/organisations', label: 'Organisations', permission: 'organisation:manage:any' },
  { to: '/staff/admin/staff', label: 'Staff accounts', permission: 'staff:manage:any' },
  { to: '/staff/mailbox', label: 'Mailbox', permission: 'mail:read:any', mailboxOnly: true },
  { to: '/staff/account', label: 'Your account', permission: 'account:manage:own' },
];

/** The menu a staff member sees: only the places their role may go. */
export function staffNavigation(can: (permission: Permission) => boolean, mailbox: boolean): StaffNavigationItem[] {
  const items = ITEMS.filter((item) => can(item.permission) && (!item.mailboxOnly || mailbox));
  // One entry per place: a manager, who may also work cases, sees "Cases" once.
  return items.filter((item, index) => items.findIndex((other) => other.to === item.to) === index).map(({ to, label }) => ({ to, label }));
}
