/**
 * Every route under /staff, found in Remix's own route manifest, is requested by a
 * signed-out visitor and by each role. What should happen comes from one table below:
 * a route missing from the table fails the test, so no staff page can be added
 * without saying who may see it.
 */
import type { ServerBuild } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import type { StaffRole } from '../../db/schema';
import { roleCan, type Permission } from '../../modules/auth/permissions';
import { createDraftReferral, transitionCase } from '../../modules/referrals/transitions';
import { scheduleSession } from '../../modules/sessions/sessions';
import { allocatedReferral } from '../support/cases';
import { loadBuild, startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { HttpClient } from '../support/http-client';
import { signInAs } from '../support/staff';

type Access =
  /** Open to anyone: sign-in, signed-out, password links. */
  | { kind: 'open' }
  /** A step of signing in: only for someone half-way through it. */
  | { kind: 'sign-in-step' }
  /** Only ever a redirect (a form's target with no page of its own). */
  | { kind: 'redirect'; to: string }
  | { kind: 'permission'; permission: Permission }
  /** Open to anyone with at least one of the permissions (a list each role sees its own part of). */
  | { kind: 'any-permission'; permissions: Permission[] }
  /**
   * A page about one case: the role check comes first (403 without the permission),
   * then the object check, which answers 404 to anyone the case is not visible to.
   */
  | { kind: 'case'; permission: Permission | Permission[]; visibleTo: StaffRole[] };

const ROLES: StaffRole[] = ['referrer', 'worker', 'manager', 'admin'];
const EMAIL: Record<StaffRole, string> = {
  referrer: 'fiscal@demo.example',
  worker: 'worker@demo.example',
  manager: 'manager@demo.example',
  admin: 'admin@demo.example',
};

const TOKEN = 'A'.repeat(43);
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const CASE_READ: Permission[] = ['case:read:own-organisation', 'case:read:allocated', 'case:read:service'];

/** The one table: route id → the address to request, and who may have it. */
const ACCESS: Record<string, { path: (ids: SeededIds) => string; access: Access }> = {
  'routes/staff': { path: () => '/staff', access: { kind: 'permission', permission: 'account:manage:own' } },
  'routes/staff._index': { path: () => '/staff', access: { kind: 'permission', permission: 'account:manage:own' } },
  'routes/staff.account': { path: () => '/staff/account', access: { kind: 'permission', permission: 'account:manage:own' } },
  'routes/staff.session-warning': { path: () => '/staff/session-warning', access: { kind: 'permission', permission: 'account:manage:own' } },
  'routes/staff.sign-out': { path: () => '/staff/sign-out', access: { kind: 'redirect', to: '/staff/account' } },
  'routes/staff.sign-in._index': { path: () => '/staff/sign-in', access: { kind: 'open' } },
  'routes/staff.sign-in.two-factor': { path: () => '/staff/sign-in/two-factor', access: { kind: 'sign-in-step' } },
  'routes/staff.sign-in.recovery-code': { path: () => '/staff/sign-in/recovery-code', access: { kind: 'sign-in-step' } },
  'routes/staff.sign-in.set-up-two-factor': { path: () => '/staff/sign-in/set-up-two-factor', access: { kind: 'sign-in-step' } },
  'routes/staff.signed-out': { path: () => '/staff/signed-out', access: { kind: 'open' } },
  'routes/staff.password-reset._index': { path: () => '/staff/password-reset', access: { kind: 'open' } },
  'routes/staff.password-reset.$token': { path: () => `/staff/password-reset/${TOKEN}`, access: { kind: 'open' } },
  'routes/staff.invitation.$token': { path: () => `/staff/invitation/${TOKEN}`, access: { kind: 'open' } },
  'routes/staff.password-set': { path: () => '/staff/password-set', access: { kind: 'open' } },
  'routes/staff.audit._index': { path: () => '/staff/audit', access: { kind: 'permission', permission: 'audit:read:any' } },
  'routes/staff.audit.export': { path: () => '/staff/audit/export', access: { kind: 'permission', permission: 'audit:export:any' } },
  'routes/staff.mailbox': { path: () => '/staff/mailbox', access: { kind: 'permission', permission: 'mail:read:any' } },
  'routes/staff.admin.organisations._index': { path: () => '/staff/admin/organisations', access: { kind: 'permission', permission: 'organisation:manage:any' } },
  'routes/staff.admin.organisations.new': { path: () => '/staff/admin/organisations/new', access: { kind: 'permission', permission: 'organisation:manage:any' } },
  'routes/staff.admin.organisations.$organisationId': {
    path: (ids) => `/staff/admin/organisations/${ids.organisationId}`,
    access: { kind: 'permission', permission: 'organisation:manage:any' },
  },
  'routes/staff.admin.staff._index': { path: () => '/staff/admin/staff', access: { kind: 'permission', permission: 'staff:manage:any' } },
  'routes/staff.admin.staff.invite': { path: () => '/staff/admin/staff/invite', access: { kind: 'permission', permission: 'staff:manage:any' } },
  'routes/staff.admin.staff.$staffUserId': { path: (ids) => `/staff/admin/staff/${ids.staffUserId}`, access: { kind: 'permission', permission: 'staff:manage:any' } },
  'routes/staff.referrals._index': {
    path: () => '/staff/referrals',
    access: { kind: 'any-permission', permissions: ['case:read:own-organisation', 'case:read:allocated', 'case:read:service'] },
  },
  'routes/staff.referrals.new': { path: () => '/staff/referrals/new', access: { kind: 'permission', permission: 'case:create:own-organisation' } },
  'routes/staff.referrals.$referralId.details.$section': {
    path: (ids) => `/staff/referrals/${ids.draftReferralId}/details/person`,
    access: { kind: 'case', permission: 'case:create:own-organisation', visibleTo: ['referrer'] },
  },
  'routes/staff.referrals.$referralId.check-answers': {
    path: (ids) => `/staff/referrals/${ids.draftReferralId}/check-answers`,
    access: { kind: 'case', permission: 'case:create:own-organisation', visibleTo: ['referrer'] },
  },
  'routes/staff.referrals.$referralId._index': {
    path: (ids) => `/staff/referrals/${ids.submittedReferralId}`,
    access: { kind: 'case', permission: ['case:read:own-organisation', 'case:read:allocated', 'case:read:service'], visibleTo: ['referrer', 'manager'] },
  },
  'routes/staff.screening': { path: () => '/staff/screening', access: { kind: 'permission', permission: 'case:screen:service' } },
  'routes/staff.programme': { path: () => '/staff/programme', access: { kind: 'permission', permission: 'programme:manage:service' } },
  'routes/staff.safeguarding._index': { path: () => '/staff/safeguarding', access: { kind: 'permission', permission: 'safeguarding:manage:service' } },
  'routes/staff.safeguarding.$concernId': {
    path: () => `/staff/safeguarding/${NO_SUCH_ID}`,
    access: { kind: 'case', permission: 'safeguarding:manage:service', visibleTo: [] },
  },
  // No report has this id: everyone the role check lets through is told it is not there.
  'routes/staff.referrals.$referralId.reports.$reportId': {
    path: (ids) => `/staff/referrals/${ids.submittedReferralId}/reports/${NO_SUCH_ID}`,
    access: { kind: 'case', permission: CASE_READ, visibleTo: [] },
  },
  'routes/staff.referrals.$referralId.reports.$reportId[.pdf]': {
    path: (ids) => `/staff/referrals/${ids.submittedReferralId}/reports/${NO_SUCH_ID}.pdf`,
    access: { kind: 'case', permission: CASE_READ, visibleTo: [] },
  },
  'routes/staff.referrals.$referralId.reports.new': {
    path: (ids) => `/staff/referrals/${ids.submittedReferralId}/reports/new`,
    access: { kind: 'case', permission: 'case:update:allocated', visibleTo: ['manager'] },
  },
  'routes/staff.referrals.$referralId.assessment': {
    path: (ids) => `/staff/referrals/${ids.submittedReferralId}/assessment`,
    access: { kind: 'case', permission: 'case:update:allocated', visibleTo: ['manager'] },
  },
  'routes/staff.referrals.$referralId.plan': {
    path: (ids) => `/staff/referrals/${ids.submittedReferralId}/plan`,
    access: { kind: 'case', permission: 'case:update:allocated', visibleTo: ['manager'] },
  },
  'routes/staff.referrals.$referralId.sessions.new': {
    path: (ids) => `/staff/referrals/${ids.allocatedReferralId}/sessions/new`,
    access: { kind: 'case', permission: 'case:update:allocated', visibleTo: ['worker', 'manager'] },
  },
  'routes/staff.sessions.$sessionId': {
    path: (ids) => `/staff/sessions/${ids.sessionId}`,
    access: { kind: 'case', permission: 'case:read:allocated', visibleTo: ['worker', 'manager'] },
  },
  'routes/staff.sessions.$sessionId.invite[.ics]': {
    path: (ids) => `/staff/sessions/${ids.sessionId}/invite.ics`,
    access: { kind: 'case', permission: 'case:read:allocated', visibleTo: ['worker', 'manager'] },
  },
  'routes/staff.diary': { path: () => '/staff/diary', access: { kind: 'permission', permission: 'case:read:allocated' } },
  'routes/staff.statistics': { path: () => '/staff/statistics', access: { kind: 'permission', permission: 'case:read:service' } },
  'routes/staff.referrals.$referralId.confirmation': {
    path: (ids) => `/staff/referrals/${ids.submittedReferralId}/confirmation`,
    access: { kind: 'case', permission: 'case:create:own-organisation', visibleTo: ['referrer'] },
  },
};

interface SeededIds {
  organisationId: string;
  staffUserId: string;
  /** A draft referral made by fiscal@demo.example, and one the fiscal has sent. */
  draftReferralId: string;
  submittedReferralId: string;
  /** A case allocated to worker@demo.example, with one session booked. */
  allocatedReferralId: string;
  sessionId: string;
}

function fullPath(build: ServerBuild, id: string): string {
  const route = build.routes[id]!;
  const parent = route.parentId ? fullPath(build, route.parentId) : '';
  return [parent, route.path ?? ''].filter(Boolean).join('/');
}

describe('who may reach each /staff route (from the route manifest)', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let build: ServerBuild;
  let staffRoutes: string[] = [];
  let ids: SeededIds;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    build = await loadBuild();
    staffRoutes = Object.keys(build.routes).filter((id) => /^staff(\/|$)/.test(fullPath(build, id)));
    const worker = await test.db.selectFrom('staff_user').select(['id', 'organisation_id']).where('email', '=', 'worker@demo.example').executeTakeFirstOrThrow();
    const fiscal = await test.db.selectFrom('staff_user').select(['id', 'organisation_id']).where('email', '=', 'fiscal@demo.example').executeTakeFirstOrThrow();
    const actor = { staffUserId: fiscal.id, organisationId: fiscal.organisation_id };
    const draft = await createDraftReferral(test.db, actor);
    const sent = await createDraftReferral(test.db, actor);
    await transitionCase(test.db, { referralId: sent.id, expectedVersion: sent.version, event: { type: 'SUBMIT' }, actor });
    const allocated = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    const session = await scheduleSession(test.db, {
      referralId: allocated.id,
      workerId: worker.id,
      moduleKey: 'assessment',
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      minutes: 60,
      actor: { staffUserId: worker.id, organisationId: worker.organisation_id },
    });
    ids = { organisationId: worker.organisation_id, staffUserId: worker.id, draftReferralId: draft.id, submittedReferralId: sent.id, allocatedReferralId: allocated.id, sessionId: session.id };
  });
  afterAll(() => app?.stop());

  it('has an entry in the access table for every staff route, and none for routes that do not exist', () => {
    expect(staffRoutes.length).toBeGreaterThan(10);
    const missing = staffRoutes.filter((id) => !ACCESS[id]);
    expect(missing, `add these routes to the access table: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(ACCESS).filter((id) => !staffRoutes.includes(id));
    expect(stale, `these routes no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  it('a signed-out visitor reaches only the open pages, and is sent to sign in from all others', async () => {
    for (const id of staffRoutes) {
      const { path, access } = ACCESS[id]!;
      const response = await new HttpClient(app.baseUrl).get(path(ids));
      const seen = `${id}: GET ${path(ids)} → ${response.status} ${response.location ?? ''}`;
      if (access.kind === 'open') expect(response.status, seen).toBe(200);
      else if (access.kind === 'redirect') expect(response.location, seen).toBe(access.to);
      else expect(response.location, seen).toBe('/staff/sign-in');
    }
  });

  for (const role of ROLES) {
    it(`a ${role} is allowed or refused as the table says, for reading and for posting`, async () => {
      const session = await signInAs(test.db, EMAIL[role]);
      for (const id of staffRoutes) {
        const { path, access } = ACCESS[id]!;
        const client = new HttpClient(app.baseUrl);
        client.cookies.set(session.cookieName, session.cookieValue);
        client.csrfToken = session.csrfToken;
        const url = path(ids);
        const read = await client.get(url);
        const seen = `${role} ${id}: GET ${url} → ${read.status} ${read.location ?? ''}`;
        if (access.kind === 'permission' || access.kind === 'any-permission' || access.kind === 'case') {
          const permitted = access.kind === 'any-permission' ? access.permissions.some((p) => roleCan(role, p)) : [access.permission].flat().some((p) => roleCan(role, p));
          const expected = !permitted ? 403 : access.kind === 'case' && !access.visibleTo.includes(role) ? 404 : 200;
          expect(read.status, seen).toBe(expected);
          if (read.status === 403 && build.routes[id]!.module.default) expect(read.text, seen).toContain('You cannot see this page');
          // A form posted by someone without the permission is refused too.
          if (!permitted && build.routes[id]!.module.action) {
            const posted = await client.post(url, { intent: 'anything' });
            expect(posted.status, `${role} ${id}: POST`).toBe(403);
          }
        } else if (access.kind === 'sign-in-step') {
          expect(read.location, seen).toBe('/staff');
        } else if (access.kind === 'redirect') {
          expect(read.location, seen).toBe(access.to);
        } else {
          expect([200, 302], seen).toContain(read.status);
        }
      }
    });
  }

  it('records each refusal in the audit log', async () => {
    const denied = await test.db.selectFrom('audit_event').select(['object_id']).where('action', '=', 'access.denied').execute();
    expect(denied.length).toBeGreaterThan(5);
    expect(new Set(denied.map((d) => d.object_id))).toContain('staff:manage:any');
  });
});
