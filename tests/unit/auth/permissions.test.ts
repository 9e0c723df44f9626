import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, roleCan } from '../../../modules/auth/permissions';

describe('role permissions', () => {
  it('grants only known permissions', () => {
    for (const granted of Object.values(ROLE_PERMISSIONS)) for (const p of granted) expect(PERMISSIONS).toContain(p);
  });

  it('never lets an administrator read case content', () => {
    expect(ROLE_PERMISSIONS.admin.filter((p) => p.startsWith('case:'))).toEqual([]);
  });

  it('lets referrers see only their own organisation, and workers only what is allocated to them', () => {
    expect(roleCan('referrer', 'case:read:own-organisation')).toBe(true);
    expect(roleCan('referrer', 'case:read:service')).toBe(false);
    expect(roleCan('worker', 'case:read:allocated')).toBe(true);
    expect(roleCan('worker', 'case:screen:service')).toBe(false);
    expect(roleCan('manager', 'case:screen:service')).toBe(true);
    expect(roleCan('manager', 'staff:manage:any')).toBe(false);
  });

  it('lets everyone manage their own account', () => {
    for (const role of ['referrer', 'worker', 'manager', 'admin'] as const) expect(roleCan(role, 'account:manage:own')).toBe(true);
  });
});
