/**
 * What an audit event says on screen: a plain name for its action, its outcome as a
 * badge, and its detail as short lines. Pure, so a unit test can call it.
 */
import type { AuditOutcome, StaffRole } from '#db/schema';
import { ROLE_LABELS } from './labels';

const ACTION_LABELS: Record<string, string> = {
  'sign-in.password': 'Password checked',
  'sign-in': 'Signed in',
  'sign-in.two-factor': 'Two-factor code checked',
  'sign-in.recovery-code': 'Recovery code checked',
  'two-factor.enrol': 'Two-factor authentication set up',
  'two-factor.recovery-code-used': 'Recovery code used',
  'two-factor.recovery-codes-replaced': 'New recovery codes made',
  'two-factor.reset': 'Two-factor authentication reset',
  'sign-out': 'Signed out',
  'sign-out.everywhere': 'Signed out of all devices',
  'password-reset.requested': 'Password reset link asked for',
  'password-reset.completed': 'Password reset',
  'invitation.accepted': 'Invitation accepted',
  'access.denied': 'Access refused',
  'organisation.create': 'Organisation added',
  'organisation.rename': 'Organisation renamed',
  'organisation.deactivate': 'Organisation deactivated',
  'organisation.reactivate': 'Organisation reactivated',
  'staff.invite': 'Account made and invitation sent',
  'staff.invitation-resent': 'Invitation sent again',
  'staff.role-change': 'Role changed',
  'staff.deactivate': 'Account deactivated',
  'staff.reactivate': 'Account reactivated',
  'audit.export': 'Audit log exported',
  'case.create': 'Referral started',
  'case.read': 'Case opened',
  'case.list': 'List of cases read',
  'case.update': 'Referral details changed',
  'case.submit': 'Referral sent to CHOICE',
  'case.start-screening': 'Screening started',
  'case.request-information': 'More information asked for',
  'case.provide-information': 'More information sent',
  'case.decline': 'Referral declined',
  'case.accept': 'Referral accepted',
  'case.allocate': 'Case allocated',
  'case.start-assessment': 'Assessment started',
  'case.start-programme': 'Programme started',
  'case.complete': 'Programme completed',
  'case.end-early': 'Programme ended early',
  'case.close': 'Case closed',
  'assessment.save': 'Assessment saved',
  'plan.save': 'Plan saved',
  'plan.submit': 'Plan sent for sign-off',
  'plan.return': 'Plan sent back to the worker',
  'plan.sign-off': 'Plan signed off',
  'session.schedule': 'Session booked',
  'session.read': 'Session opened',
  'session.mark-attended': 'Session attended',
  'session.mark-not-attended': 'Session missed',
  'session.record-notes': 'Session notes saved',
  'session.sign-off': 'Session signed off',
  'session.reschedule': 'Session moved',
  'session.cancel': 'Session cancelled',
  'diary.read': 'Diary opened',
  'programme.update': 'Programme definition saved',
  'report.create': 'Report prepared',
  'report.read': 'Report opened',
  'report.refresh': 'Report figures refreshed',
  'report.introduction': 'Report opening paragraph changed',
  'report.sign-off': 'Report signed off and sent',
};

export const ACTION_GROUP_LABELS: Record<string, string> = {
  'sign-in': 'Signing in',
  'sign-out': 'Signing out',
  'two-factor': 'Two-factor authentication',
  'password-reset': 'Password resets',
  invitation: 'Invitations accepted',
  access: 'Access refused',
  organisation: 'Organisations',
  staff: 'Staff accounts',
  audit: 'Audit log exports',
  case: 'Cases and referrals',
  assessment: 'Assessments',
  plan: 'Individual plans',
  session: 'Sessions',
  diary: 'Diaries',
  programme: 'Programme definition',
  report: 'Reports to referrers',
};

export const OBJECT_TYPE_LABELS: Record<string, string> = {
  staff_user: 'Staff account',
  organisation: 'Organisation',
  permission: 'Permission',
  referral: 'Referral',
  programme_definition: 'Programme definition version',
  programme_session: 'Session',
  report: 'Report',
};

export const OUTCOME_LABELS: Record<AuditOutcome, string> = { success: 'Success', failure: 'Failure', denied: 'Denied' };
export const OUTCOME_BADGES: Record<AuditOutcome, string> = { success: 'moj-badge--green', failure: 'moj-badge--red', denied: 'moj-badge--black' };

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

const DETAIL_LABELS: Record<string, string> = {
  sessionsEnded: 'Sessions ended',
  reason: 'Reason',
  method: 'Method',
  remaining: 'Recovery codes left',
  rehashed: 'Password hash upgraded',
  from: 'From',
  to: 'To',
  role: 'Role',
  kind: 'Kind',
  organisationId: 'Organisation id',
  rows: 'Rows',
  truncated: 'Cut short at the limit',
  recoveryCodesRemoved: 'Recovery codes removed',
  wasConfirmed: 'Two-factor was set up',
  referral: 'Referral id',
  version: 'Version',
  format: 'Format',
  edited: 'Opening paragraph edited',
  step: 'Step',
};

const DETAIL_ORDER = Object.keys(DETAIL_LABELS);
const detailRank = (key: string) => (DETAIL_ORDER.includes(key) ? DETAIL_ORDER.indexOf(key) : DETAIL_ORDER.length);

const isRole = (value: unknown): value is StaffRole => typeof value === 'string' && value in ROLE_LABELS;

function detailValue(action: string, key: string, value: unknown): string {
  if (action === 'staff.role-change' || key === 'role') return isRole(value) ? ROLE_LABELS[value] : String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value === null || value === undefined) return 'none';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The detail as "Label: value" lines; empty filter values of an export are left out. */
export function detailLines(action: string, detail: Record<string, unknown> | null): string[] {
  if (!detail) return [];
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    // jsonb keeps keys in its own order (shortest first); show them in the order above.
    .sort(([a], [b]) => detailRank(a) - detailRank(b))
    .map(([key, value]) => `${DETAIL_LABELS[key] ?? key}: ${detailValue(action, key, value)}`);
}
