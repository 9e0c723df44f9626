/**
 * Every route in Remix's own route manifest that has a loader or an action is
 * requested with hostile return-to values in its query and in a posted form, signed
 * out and as each staff role. Wherever the answer is a redirect, it must be to a path
 * on this site. A route added later is covered without being listed here.
 */
import type { ServerBuild } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { scheduleSession } from '../../modules/sessions/sessions';
import { loadBuild, startInProcessApp } from '../support/app';
import { allocatedReferral } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { HttpClient } from '../support/http-client';
import { signInAs } from '../support/staff';

const HOSTILE = [
  '//evil.example/staff',
  '/\\evil.example',
  '\\\\evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%09/evil.example',
  '/\t/evil.example',
  '/..//evil.example',
];
const FIELDS = ['returnTo', 'return', 'redirectTo', 'redirect', 'next', 'to', 'continue'];
const EMAILS = [null, 'fiscal@demo.example', 'worker@demo.example', 'manager@demo.example', 'admin@demo.example'];
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

function fullPath(build: ServerBuild, id: string): string {
  const route = build.routes[id]!;
  const parent = route.parentId ? fullPath(build, route.parentId) : '';
  return [parent, route.path ?? ''].filter(Boolean).join('/');
}

function locationStaysOnSite(location: string, base: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (!location.startsWith('/') || location.startsWith('//') || /[\\\u0000-\u001f]/.test(location)) return false;
  let decoded = location.split(/[?#]/, 1)[0]!;
  for (let round = 0; round < 4; round += 1, decoded = decodeURIComponent(decoded)) if (decoded.startsWith('//') || decoded.includes('\\')) return false;
  return new URL(location, base).origin === new URL(base).origin;
}

describe('redirect targets on every route (from the route manifest)', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let build: ServerBuild;
  let params: Record<string, string>;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    build = await loadBuild();
    const worker = await test.db.selectFrom('staff_user').select(['id', 'organisation_id']).where('email', '=', 'worker@demo.example').executeTakeFirstOrThrow();
    const referral = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    const session = await scheduleSession(test.db, {
      referralId: referral.id,
      workerId: worker.id,
      moduleKey: 'assessment',
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      minutes: 60,
      actor: { staffUserId: worker.id, organisationId: worker.organisation_id },
    });
    params = {
      referralId: referral.id,
      sessionId: session.id,
      organisationId: worker.organisation_id,
      staffUserId: worker.id,
      reportId: NO_SUCH_ID,
      token: 'A'.repeat(43),
      check: 'online-viewing',
      section: 'person',
      '*': 'somewhere',
    };
  });
  afterAll(() => app?.stop());

  const address = (id: string) =>
    `/${fullPath(build, id)}`
      .replace(/:(\w+)\??/g, (_, name: string) => params[name] ?? 'x')
      .replace(/\*/, params['*']!)
      .replace(/\/+$/, '') || '/';

  it('answers every hostile return-to with a path on this site, or no redirect at all', async () => {
    const routes = Object.keys(build.routes).filter((id) => build.routes[id]!.module.loader || build.routes[id]!.module.action);
    expect(routes.length).toBeGreaterThan(40);
    const redirected = new Set<string>();
    for (const [routeIndex, id] of routes.entries()) {
      const path = address(id);
      for (const [emailIndex, email] of EMAILS.entries()) {
        // Each field gets a different hostile value, turning with each request, so
        // every value reaches every field name across the run.
        const fields = FIELDS.map((field, i): [string, string] => [field, HOSTILE[(i + routeIndex + emailIndex * FIELDS.length) % HOSTILE.length]!]);
        // A fresh session each time: a post to sign out ends the one it is sent with.
        const client = new HttpClient(app.baseUrl);
        if (email) {
          const staff = await signInAs(test.db, email);
          client.cookies.set(staff.cookieName, staff.cookieValue);
          client.csrfToken = staff.csrfToken;
        }
        const query = new URLSearchParams(fields);
        const answers = [await client.get(`${path}?${query}`)];
        if (build.routes[id]!.module.action) answers.push(await client.post(`${path}?${query}`, [...fields, ['intent', 'save']]));
        for (const answer of answers) {
          if (answer.status < 300 || answer.status >= 400) continue;
          redirected.add(id);
          const seen = `${email ?? 'signed out'} ${id} ${path} → ${answer.status} ${answer.location}`;
          expect(answer.location, seen).not.toBeNull();
          expect(locationStaysOnSite(answer.location!, app.baseUrl), seen).toBe(true);
          // A page may carry its own query along (the audit export does); never as its path.
          expect(answer.location!.split('?', 1)[0], seen).not.toContain('evil');
        }
      }
    }
    // The staff side sends a signed-out visitor to sign in from each of its pages, so
    // most routes are seen redirecting at least once.
    expect(redirected.size).toBeGreaterThan(25);
  }, 300_000);
});
