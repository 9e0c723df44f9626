import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed';
import { setStaffActive } from '../../modules/administration/staff-accounts';
import { replaceRecoveryCodes } from '../../modules/auth/sign-in';
import { newTotpSecret } from '../../modules/auth/totp';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { HttpClient, pageText } from '../support/http-client';
import { readableText } from '../../modules/mail/outbox';
import { signedInClient, signInAs } from '../support/staff';

describe('staff accounts, as an administrator manages them', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let admin: Awaited<ReturnType<typeof signedInClient>>;
  const ids: Record<string, string> = {};

  const idOf = async (email: string) => (await test.db.selectFrom('staff_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const orgId = async (name: string) => (await test.db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const auditRows = (action: string, objectId?: string) => {
    let query = test.db.selectFrom('audit_event').selectAll().where('action', '=', action);
    if (objectId) query = query.where('object_id', '=', objectId);
    return query.orderBy('id').execute();
  };
  const versionOf = async (path: string) => /name="version" value="(\d+)"/.exec((await admin.get(path)).text)?.[1] ?? '';

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    admin = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
    for (const email of ['worker@demo.example', 'manager@demo.example', 'admin@demo.example', 'fiscal@demo.example']) ids[email] = await idOf(email);
    ids.choice = await orgId('CHOICE service (demo)');
    ids.copfs = await orgId('COPFS Edinburgh (demo)');
  });
  afterAll(() => app?.stop());

  it('lists accounts with their status, and filters by organisation, role, status and a name or email search', async () => {
    await test.db.updateTable('staff_user').set({ totp_enabled_at: new Date() }).where('email', '=', 'manager@demo.example').execute();
    const all = pageText((await admin.get('/staff/admin/staff')).text);
    expect(all).toContain('6 accounts');
    expect(all).toMatch(/Morag Manager manager@demo\.example CHOICE service \(demo\) Team manager Active/);
    expect(all).toMatch(/Wendy Worker worker@demo\.example CHOICE service \(demo\) Programme worker Two-factor not set up/);

    const referrers = pageText((await admin.get('/staff/admin/staff?role=referrer')).text);
    expect(referrers).toContain('3 accounts');
    expect(referrers).not.toContain('Wendy Worker');
    expect(pageText((await admin.get(`/staff/admin/staff?organisationId=${ids.copfs}`)).text)).toContain('1 account');
    expect(pageText((await admin.get('/staff/admin/staff?status=active')).text)).toContain('1 account');
    const search = pageText((await admin.get('/staff/admin/staff?q=GLASGOW')).text);
    expect(search).toContain('1 account');
    expect(search).toContain('Gina Glasgow');
    // A search for the wildcard itself finds nothing, rather than everything.
    expect(pageText((await admin.get('/staff/admin/staff?q=%25')).text)).toContain('No accounts match');
    const sortedPage = pageText((await admin.get('/staff/admin/staff?sort=name&order=desc')).text);
    const sorted = sortedPage.slice(sortedPage.indexOf('Last signed in'));
    expect(sorted.indexOf('Wendy Worker')).toBeLessThan(sorted.indexOf('Adam Admin'));
  });

  it('invites someone: an account without a password, a one-time link by email, and the audit row, all together', async () => {
    const page = await admin.get('/staff/admin/staff/invite');
    expect(page.status).toBe(200);
    const response = await admin.post('/staff/admin/staff/invite', { fullName: 'Nina New', email: ' Nina.New@Demo.Example ', organisationId: ids.choice!, role: 'worker' });
    expect(response.status).toBe(302);
    const account = await test.db.selectFrom('staff_user').selectAll().where('email', '=', 'nina.new@demo.example').executeTakeFirstOrThrow();
    expect(response.location).toBe(`/staff/admin/staff/${account.id}?done=invited`);
    expect(account).toMatchObject({ full_name: 'Nina New', role: 'worker', password_hash: null, active: true });
    const mail = await test.db.selectFrom('outbox_message').selectAll().where('to_address', '=', 'nina.new@demo.example').execute();
    expect(mail).toHaveLength(1);
    expect(readableText(mail[0]!)).toMatch(new RegExp(`${app.baseUrl}/staff/invitation/[A-Za-z0-9_-]{43}`));
    expect(await auditRows('staff.invite', account.id)).toEqual([expect.objectContaining({ actor_staff_user_id: ids['admin@demo.example'], outcome: 'success', detail: { role: 'worker', organisationId: ids.choice } })]);

    const shown = pageText((await admin.get(response.location!)).text);
    expect(shown).toContain('Account made. We have emailed them a link');
    expect(shown).toContain('Nina New Invited');
    expect(shown).toContain('Account made and invitation sent');

    // Again: the old link stops working, a new one is sent, and that is audited too.
    const again = await admin.post(`/staff/admin/staff/${account.id}`, { intent: 'resend-invitation' });
    expect(again.location).toBe(`/staff/admin/staff/${account.id}?done=invitation-resent`);
    expect(await test.db.selectFrom('outbox_message').select('id').where('to_address', '=', 'nina.new@demo.example').execute()).toHaveLength(2);
    expect(await test.db.selectFrom('one_time_token').select('token_hash').where('staff_user_id', '=', account.id).where('used_at', 'is', null).execute()).toHaveLength(1);
    expect(await auditRows('staff.invitation-resent', account.id)).toHaveLength(1);
  });

  it('refuses a role that does not fit the organisation, a taken email and empty fields, keeping what was typed', async () => {
    const referrerInChoice = await admin.post('/staff/admin/staff/invite', { fullName: 'Rab Referrer', email: 'rab@demo.example', organisationId: ids.choice!, role: 'referrer' });
    expect(referrerInChoice.status).toBe(400);
    const text = pageText(referrerInChoice.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Referrers work for a COPFS office or a justice social work team');
    expect(referrerInChoice.text).toContain('value="Rab Referrer"');
    expect(referrerInChoice.text).toContain('value="rab@demo.example"');

    const adminInCopfs = await admin.post('/staff/admin/staff/invite', { fullName: 'Al Admin', email: 'al@demo.example', organisationId: ids.copfs!, role: 'admin' });
    expect(pageText(adminInCopfs.text)).toContain('Only referrers belong to a COPFS office or a justice social work team');

    const taken = await admin.post('/staff/admin/staff/invite', { fullName: 'Wendy Again', email: 'WORKER@demo.example', organisationId: ids.choice!, role: 'worker' });
    expect(taken.status).toBe(400);
    expect(pageText(taken.text)).toContain('There is already an account with this email address');
    expect(taken.text).toContain(`/staff/admin/staff/${ids['worker@demo.example']}`);

    const empty = await admin.post('/staff/admin/staff/invite', {});
    expect(pageText(empty.text)).toMatch(/Enter their full name.*Enter their email address.*Select their organisation.*Select their role/);
    expect(await test.db.selectFrom('staff_user').select('email').where('email', 'in', ['rab@demo.example', 'al@demo.example']).execute()).toEqual([]);
  });

  it('changes a role within the organisation’s kind, ending their sessions so they sign in again under the new role', async () => {
    const manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    expect((await manager.get('/staff/audit')).status).toBe(200);
    const path = `/staff/admin/staff/${ids['manager@demo.example']}`;
    const response = await admin.post(path, { intent: 'change-role', role: 'worker', version: await versionOf(path) });
    expect(response.location).toBe(`${path}?done=role-changed`);
    expect(await auditRows('staff.role-change', ids['manager@demo.example'])).toEqual([expect.objectContaining({ detail: { from: 'manager', to: 'worker', sessionsEnded: 1 } })]);
    expect((await manager.get('/staff/audit')).location).toBe('/staff/sign-in');
    const asWorker = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    expect((await asWorker.get('/staff/audit')).status).toBe(403);

    const misfit = await admin.post(path, { intent: 'change-role', role: 'referrer', version: await versionOf(path) });
    expect(misfit.status).toBe(400);
    expect(pageText(misfit.text)).toContain('Referrers work for a COPFS office');
    await admin.post(path, { intent: 'change-role', role: 'manager', version: await versionOf(path) });
  });

  it('never lets two administrators silently overwrite each other: the second sees the current role and keeps their choice', async () => {
    const path = `/staff/admin/staff/${ids['worker@demo.example']}`;
    const other = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
    const seenByBoth = await versionOf(path);
    const first = await other.post(path, { intent: 'change-role', role: 'manager', version: seenByBoth });
    expect(first.status).toBe(302);
    const second = await admin.post(path, { intent: 'change-role', role: 'admin', version: seenByBoth });
    expect(second.status).toBe(409);
    const text = pageText(second.text);
    expect(text).toContain('This account was changed by someone else while you were editing it. Their role is now Team manager');
    expect(second.text).toMatch(/checked="" value="admin"/);
    const fresh = /name="version" value="(\d+)"/.exec(second.text)?.[1];
    expect(fresh).not.toBe(seenByBoth);
    expect((await test.db.selectFrom('staff_user').select('role').where('id', '=', ids['worker@demo.example']!).executeTakeFirstOrThrow()).role).toBe('manager');
    // Having seen the current value, saving again is their decision.
    expect((await admin.post(path, { intent: 'change-role', role: 'worker', version: fresh! })).status).toBe(302);
  });

  it('does not let administrators deactivate, demote or reset themselves', async () => {
    const path = `/staff/admin/staff/${ids['admin@demo.example']}`;
    const page = pageText((await admin.get(path)).text);
    expect(page).toContain('You cannot change your own role');
    expect(page).not.toContain('Deactivate account');
    const account = await test.db.selectFrom('staff_user').select(sql<string>`floor(extract(epoch from updated_at) * 1000000)::bigint::text`.as('v')).where('id', '=', ids['admin@demo.example']!).executeTakeFirstOrThrow();
    const demoteNow = await admin.post(path, { intent: 'change-role', role: 'worker', version: account.v });
    expect(demoteNow.status).toBe(400);
    expect(pageText(demoteNow.text)).toContain('You cannot change your own role');
    const deactivate = await admin.post(path, { intent: 'deactivate', confirmDeactivate: 'yes' });
    expect(pageText(deactivate.text)).toContain('You cannot deactivate your own account');
    const reset = await admin.post(path, { intent: 'reset-two-factor', confirmReset: 'yes' });
    expect(pageText(reset.text)).toContain('You cannot reset your own two-factor authentication here');
    expect(await test.db.selectFrom('staff_user').select(['role', 'active']).where('id', '=', ids['admin@demo.example']!).executeTakeFirstOrThrow()).toEqual({ role: 'admin', active: true });
  });

  it('deactivation asks for confirmation, ends every session at once, and can be undone', async () => {
    const worker = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    const workerElsewhere = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    expect((await worker.get('/staff')).status).toBe(200);
    const path = `/staff/admin/staff/${ids['worker@demo.example']}`;

    const unconfirmed = await admin.post(path, { intent: 'deactivate' });
    expect(unconfirmed.status).toBe(400);
    expect(pageText(unconfirmed.text)).toContain('Confirm that you want to deactivate this account');
    expect((await worker.get('/staff')).status).toBe(200);

    const done = await admin.post(path, { intent: 'deactivate', confirmDeactivate: 'yes' });
    expect(done.location).toBe(`${path}?done=deactivated`);
    for (const client of [worker, workerElsewhere]) {
      const next = await client.get('/staff');
      expect(next.status).toBe(302);
      expect(next.location).toBe('/staff/sign-in');
    }
    expect(await test.db.selectFrom('staff_session').select('id_hash').where('staff_user_id', '=', ids['worker@demo.example']!).execute()).toEqual([]);
    expect(await auditRows('staff.deactivate', ids['worker@demo.example'])).toEqual([expect.objectContaining({ detail: { sessionsEnded: 2 } })]);

    const signIn = await new HttpClient(app.baseUrl).post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
    expect(signIn.status).toBe(400);

    const twice = await admin.post(path, { intent: 'deactivate', confirmDeactivate: 'yes' });
    expect(twice.location).toBe(`${path}?done=nothing-to-do-already-deactivated`);
    expect(pageText((await admin.get(twice.location!)).text)).toContain('This account was already deactivated, perhaps by someone else');

    expect((await admin.post(path, { intent: 'reactivate' })).location).toBe(`${path}?done=reactivated`);
    expect(await auditRows('staff.reactivate', ids['worker@demo.example'])).toHaveLength(1);
    const back = await new HttpClient(app.baseUrl).post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
    expect(back.status).toBe(302);
  });

  it('writes nothing at all when the audit row cannot be written: the change and its record are one transaction', async () => {
    const target = ids['fiscal@demo.example']!;
    await signInAs(test.db, 'fiscal@demo.example');
    await sql`CREATE FUNCTION refuse_deactivation_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`.execute(test.db);
    await sql`CREATE TRIGGER refuse_deactivation_audit BEFORE INSERT ON audit_event FOR EACH ROW WHEN (NEW.action = 'staff.deactivate') EXECUTE FUNCTION refuse_deactivation_audit()`.execute(test.db);
    try {
      const actor = { staffUserId: ids['admin@demo.example']!, organisationId: ids.choice! };
      await expect(setStaffActive(test.db, actor, target, false)).rejects.toThrow(/audit store unavailable/);
    } finally {
      await sql`DROP TRIGGER refuse_deactivation_audit ON audit_event`.execute(test.db);
      await sql`DROP FUNCTION refuse_deactivation_audit()`.execute(test.db);
    }
    const account = await test.db.selectFrom('staff_user').select(['active', 'deactivated_at']).where('id', '=', target).executeTakeFirstOrThrow();
    expect(account).toEqual({ active: true, deactivated_at: null });
    expect((await test.db.selectFrom('staff_session').select('id_hash').where('staff_user_id', '=', target).execute()).length).toBeGreaterThan(0);
  });

  it('resets two-factor: confirmation, codes and secret gone, signed out, audited, and the next sign-in sets it up again', async () => {
    const target = ids['worker@demo.example']!;
    await test.db.updateTable('staff_user').set({ totp_secret: newTotpSecret(), totp_enabled_at: new Date(), totp_last_step: 1 }).where('id', '=', target).execute();
    await replaceRecoveryCodes(test.db, target);
    const worker = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    await signInAs(test.db, 'worker@demo.example');
    const path = `/staff/admin/staff/${target}`;
    await test.db.deleteFrom('staff_session').where('staff_user_id', '=', target).where('stage', '<>', 'signed_in').execute();
    const page = pageText((await admin.get(path)).text);
    expect(page).toContain('Recovery codes left 10');
    expect(page).toContain('Signed in now Yes, on 2 devices');

    const unconfirmed = await admin.post(path, { intent: 'reset-two-factor' });
    expect(pageText(unconfirmed.text)).toContain('Confirm that you want to reset their two-factor authentication');

    expect((await admin.post(path, { intent: 'reset-two-factor', confirmReset: 'yes' })).location).toBe(`${path}?done=two-factor-reset`);
    const account = await test.db.selectFrom('staff_user').select(['totp_secret', 'totp_enabled_at', 'totp_last_step', 'recovery_salt']).where('id', '=', target).executeTakeFirstOrThrow();
    expect(account).toEqual({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_salt: null });
    expect(await test.db.selectFrom('staff_recovery_code').select('id').where('staff_user_id', '=', target).execute()).toEqual([]);
    expect((await worker.get('/staff')).location).toBe('/staff/sign-in');
    expect(await auditRows('two-factor.reset', target)).toEqual([
      expect.objectContaining({ actor_staff_user_id: ids['admin@demo.example'], outcome: 'success', detail: { sessionsEnded: 2, recoveryCodesRemoved: 10, wasConfirmed: true } }),
    ]);

    const signIn = await new HttpClient(app.baseUrl).post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
    expect(signIn.location).toBe('/staff/sign-in/set-up-two-factor');

    const nothing = await admin.post(path, { intent: 'reset-two-factor', confirmReset: 'yes' });
    expect(nothing.location).toBe(`${path}?done=nothing-to-do-no-two-factor`);
  });

  it('shows the account’s history as a timeline from the audit log', async () => {
    const page = pageText((await admin.get(`/staff/admin/staff/${ids['worker@demo.example']}`)).text);
    expect(page).toContain('Two-factor authentication reset by Adam Admin, CHOICE service (demo)');
    expect(page).toContain('Account deactivated');
    expect(page).toContain('From: Programme worker To: Team manager');
  });

  it('answers 404 for an account that does not exist or an id that is not one', async () => {
    expect((await admin.get('/staff/admin/staff/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/staff/admin/staff/not-an-id')).status).toBe(404);
    expect((await admin.post('/staff/admin/staff/not-an-id', { intent: 'reactivate' })).status).toBe(404);
  });
});
