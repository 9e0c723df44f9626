import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS, STAFF_ROLES } from '../../../db/schema';
import { accountStatus, roleFitsOrganisation, roleMismatch } from '../../../modules/administration/rules';

describe('which roles fit which organisation', () => {
  it('puts referrers only in COPFS offices and justice social work teams, and everyone else only in the CHOICE service', () => {
    const fits = Object.fromEntries(ORGANISATION_KINDS.map((kind) => [kind, STAFF_ROLES.filter((role) => roleFitsOrganisation(role, kind))]));
    expect(fits).toEqual({
      copfs_office: ['referrer'],
      justice_social_work: ['referrer'],
      choice_service: ['worker', 'manager', 'admin'],
    });
  });

  it('says why a role does not fit, in words about the choice to make', () => {
    expect(roleMismatch('referrer', 'choice_service')).toMatch(/Referrers work for a COPFS office or a justice social work team/);
    expect(roleMismatch('admin', 'copfs_office')).toMatch(/Only referrers belong/);
    expect(roleMismatch('worker', 'choice_service')).toBeNull();
  });
});

describe('the status of an account', () => {
  const account = { active: true, password_hash: 'hash', totp_enabled_at: new Date() };
  it('is deactivated first, then invited (no password), then two-factor not set up, then active', () => {
    expect(accountStatus({ ...account, active: false, password_hash: null })).toBe('deactivated');
    expect(accountStatus({ ...account, password_hash: null, totp_enabled_at: null })).toBe('invited');
    expect(accountStatus({ ...account, totp_enabled_at: null })).toBe('two-factor-not-set-up');
    expect(accountStatus(account)).toBe('active');
  });
});
