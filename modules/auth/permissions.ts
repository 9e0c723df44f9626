/**
 * What each staff role may do, by name. Every staff loader and action names the
 * permission it needs before anything else; anything not granted here is denied.
 * Permissions say *which* objects (own organisation, allocated, service); the module
 * that loads an object checks that the object is one of them.
 */
import type { StaffRole } from '../../db/schema';

export const PERMISSIONS = [
  /** Every signed-in person: their own two-factor settings and sessions. */
  'account:manage:own',
  /** Referrers: make referrals and follow those of their own organisation. */
  'case:create:own-organisation',
  'case:read:own-organisation',
  /** Programme workers: the cases allocated to them. */
  'case:read:allocated',
  'case:update:allocated',
  /** Managers: every case of their service; screening, allocation and sign-off. */
  'case:read:service',
  'case:screen:service',
  'report:sign-off:service',
  'plan:sign-off:service',
  'programme:manage:service',
  /** Safeguarding concerns of the service's cases: acknowledge them and record what was done. */
  'safeguarding:manage:service',
  /** Reading and exporting the audit log. */
  'audit:read:any',
  'audit:export:any',
  /** Administrators: organisations and accounts, never case content. */
  'organisation:manage:any',
  'staff:manage:any',
  /** The development mailbox, where mail goes when no SMTP server is set. */
  'mail:read:any',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  referrer: ['account:manage:own', 'case:create:own-organisation', 'case:read:own-organisation'],
  worker: ['account:manage:own', 'case:read:allocated', 'case:update:allocated'],
  manager: [
    'account:manage:own',
    'case:read:allocated',
    'case:update:allocated',
    'case:read:service',
    'case:screen:service',
    'report:sign-off:service',
    'plan:sign-off:service',
    'programme:manage:service',
    'safeguarding:manage:service',
    'audit:read:any',
    'audit:export:any',
  ],
  admin: ['account:manage:own', 'organisation:manage:any', 'staff:manage:any', 'audit:read:any', 'audit:export:any', 'mail:read:any'],
};

export function roleCan(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export class PermissionDeniedError extends Error {
  constructor(readonly permission: Permission) {
    super(`This account does not have the permission ${permission}.`);
    this.name = 'PermissionDeniedError';
  }
}
