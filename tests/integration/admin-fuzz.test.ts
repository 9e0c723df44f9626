/**
 * Hostile form bodies and addresses against every administration action and filter:
 * the answer is always a page (never a 500), a refusal always says what is wrong, and
 * a password typed anywhere never comes back.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { pageText } from '../support/http-client';
import { signedInClient } from '../support/staff';
import { HOSTILE_TEXT, FORM_NOT_ACCEPTED } from '../support/fuzz';

const FIELDS = ['intent', 'name', 'kind', 'version', 'role', 'confirmDeactivate', 'confirmReset', 'fullName', 'email', 'organisationId', 'q', '__proto__', 'constructor', 'role[0]', 'name.first', 'x'];
const NASTY = [
  ...HOSTILE_TEXT,
  '{{7*7}}',
  '=HYPERLINK("http://x")',
  'x'.repeat(5000),
  '99999999999999999999',
  '-1',
  '1e309',
  'NaN',
  '00000000-0000-4000-8000-000000000000',
  'yes',
  'on',
  'rename',
  'deactivate',
  'reactivate',
  'change-role',
  'reset-two-factor',
  'resend-invitation',
  'admin',
  'referrer',
  'choice_service',
  'copfs_office',
  'Fuzz@Demo.Example',
];

const hostile = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.uuid(), fc.stringMatching(/^\d{1,20}$/));
const body = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), hostile), { maxLength: 8 });

describe('administration under hostile input', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let admin: Awaited<ReturnType<typeof signedInClient>>;
  let targets: string[] = [];
  let requests = 0;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    admin = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
    const organisation = await test.db.insertInto('organisation').values({ name: 'Fuzz JSW', kind: 'justice_social_work' }).returning('id').executeTakeFirstOrThrow();
    const choice = await test.db.selectFrom('organisation').select('id').where('kind', '=', 'choice_service').executeTakeFirstOrThrow();
    const person = await test.db
      .insertInto('staff_user')
      .values({ organisation_id: choice.id, email: 'fuzz.target@demo.example', full_name: 'Fuzz Target', role: 'worker', password_hash: 'not-a-real-hash' })
      .returning('id')
      .executeTakeFirstOrThrow();
    targets = [
      '/staff/admin/organisations/new',
      `/staff/admin/organisations/${organisation.id}`,
      '/staff/admin/staff/invite',
      `/staff/admin/staff/${person.id}`,
      `/staff/admin/staff/${admin.staff.userId}`,
    ];
  });
  afterAll(() => app?.stop());

  it('answers every hostile form with a page and a message, never a 500, never the password', async () => {
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(body, fc.stringMatching(/^[a-f0-9]{12}$/), async (fields, secret) => {
          const marker = `Pw-${secret}-secret`;
          requests++;
          const response = await admin.post(target, [...fields.filter(([name]) => name !== 'csrf'), ['password', marker]]);
          const seen = `${target} ${JSON.stringify(fields).slice(0, 300)} → ${response.status}`;
          expect([200, 302, 400, 404, 409], seen).toContain(response.status);
          expect(response.text, seen).not.toContain(marker);
          if (response.status === 400 || response.status === 409) expect(pageText(response.text), seen).toMatch(new RegExp(`There is a problem|${FORM_NOT_ACCEPTED.source}`));
          if (response.status === 302) expect(response.location, seen).toMatch(/^\/staff\/admin\//);
        }),
        { numRuns: target.endsWith(admin.staff.userId) ? 60 : 120 },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(500);
    // The administrator is still an administrator, and still signed in.
    expect(await test.db.selectFrom('staff_user').select(['role', 'active', 'totp_secret']).where('id', '=', admin.staff.userId).executeTakeFirstOrThrow()).toEqual({
      role: 'admin',
      active: true,
      totp_secret: null,
    });
    expect((await admin.get('/staff')).status).toBe(200);
  });

  it('reads any hostile filter address without failing', async () => {
    const query = fc.array(fc.tuple(fc.constantFrom('action', 'outcome', 'actor', 'objectType', 'objectId', 'from', 'to', 'older', 'newer', 'organisationId', 'role', 'status', 'q', 'sort', 'order', 'page'), hostile), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/staff/audit', '/staff/admin/staff', '/staff/admin/organisations', '/staff/audit/export'), query, async (path, params) => {
        const search = new URLSearchParams(params.map(([k, v]) => [k, v.slice(0, 500)]));
        const response = await admin.get(`${path}?${search}`);
        const seen = `${path}?${search.toString().slice(0, 300)} → ${response.status}`;
        expect(path.endsWith('export') ? [200, 302] : [200], seen).toContain(response.status);
      }),
      { numRuns: 120 },
    );
  });

  it('refuses a form without the session’s token, whatever else it says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async (target, fields) => {
        const response = await admin.post(target, [...fields, ['csrf', 'forged']]);
        // Refused either way: for the forged token (403), or before that for a name no form of ours has (400).
        expect([400, 403]).toContain(response.status);
        if (response.status === 400) expect(pageText(response.text)).toMatch(FORM_NOT_ACCEPTED);
      }),
      { numRuns: 20 },
    );
  });
});
