import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { renameOrganisation } from '../../modules/administration/organisations';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { pageText } from '../support/http-client';
import { signedInClient } from '../support/staff';

describe('organisations, as an administrator manages them', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let admin: Awaited<ReturnType<typeof signedInClient>>;
  const orgId = async (name: string) => (await test.db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const versionOf = async (path: string) => /name="version" value="(\d+)"/.exec((await admin.get(path)).text)?.[1] ?? '';
  const audit = (action: string, id: string) => test.db.selectFrom('audit_event').selectAll().where('action', '=', action).where('object_id', '=', id).execute();

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    admin = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
  });
  afterAll(() => app?.stop());

  it('lists organisations with their kind, active staff and status, sortable by each column without JavaScript', async () => {
    const page = await admin.get('/staff/admin/organisations');
    expect(page.status).toBe(200);
    const text = pageText(page.text);
    expect(text).toContain('CHOICE service (demo) CHOICE service 3 Active');
    expect(text).toContain('COPFS Edinburgh (demo) COPFS office 1 Active');
    expect(page.text).toContain('aria-sort="ascending"');
    const byStaff = pageText((await admin.get('/staff/admin/organisations?sort=staff&order=desc')).text);
    expect(byStaff.indexOf('CHOICE service (demo) CHOICE')).toBeLessThan(byStaff.indexOf('COPFS Edinburgh (demo) COPFS'));
    expect((await admin.get('/staff/admin/organisations?sort=%27;drop&order=sideways')).status).toBe(200);
  });

  it('adds an organisation, refusing an empty form and a name already taken in any case', async () => {
    expect((await admin.get('/staff/admin/organisations/new')).status).toBe(200);
    const empty = await admin.post('/staff/admin/organisations/new', { name: '  ' });
    expect(empty.status).toBe(400);
    expect(pageText(empty.text)).toMatch(/There is a problem Enter the name of the organisation Select the kind of organisation/);

    const taken = await admin.post('/staff/admin/organisations/new', { name: 'copfs edinburgh (DEMO)', kind: 'copfs_office' });
    expect(taken.status).toBe(400);
    expect(pageText(taken.text)).toContain('There is already an organisation with this name');
    expect(taken.text).toContain('value="copfs edinburgh (DEMO)"');
    expect(taken.text).toMatch(/checked="" value="copfs_office"/);

    const created = await admin.post('/staff/admin/organisations/new', { name: 'Fife Justice Social Work', kind: 'justice_social_work' });
    expect(created.status).toBe(302);
    const id = await orgId('Fife Justice Social Work');
    expect(created.location).toBe(`/staff/admin/organisations/${id}?done=created`);
    expect(await audit('organisation.create', id)).toEqual([expect.objectContaining({ outcome: 'success', detail: { kind: 'justice_social_work' } })]);
    expect(pageText((await admin.get(created.location!)).text)).toContain('Organisation added. You can now invite its staff.');
  });

  it('renames, with a concurrency check: a stale form shows the current name and keeps what was typed', async () => {
    const id = await orgId('Fife Justice Social Work');
    const path = `/staff/admin/organisations/${id}`;
    const stale = await versionOf(path);
    expect((await admin.post(path, { intent: 'rename', name: 'Fife Council Justice Social Work', version: stale })).location).toBe(`${path}?done=renamed`);
    expect(await audit('organisation.rename', id)).toEqual([expect.objectContaining({ detail: { from: 'Fife Justice Social Work', to: 'Fife Council Justice Social Work' } })]);

    const conflict = await admin.post(path, { intent: 'rename', name: 'Fife JSW', version: stale });
    expect(conflict.status).toBe(409);
    expect(pageText(conflict.text)).toContain('This organisation was changed by someone else while you were editing it. Its name is now ‘Fife Council Justice Social Work’');
    expect(conflict.text).toContain('value="Fife JSW"');
    expect(/name="version" value="(\d+)"/.exec(conflict.text)?.[1]).toBe(await versionOf(path));
    expect((await test.db.selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name).toBe('Fife Council Justice Social Work');

    const taken = await admin.post(path, { intent: 'rename', name: 'CHOICE SERVICE (demo)', version: await versionOf(path) });
    expect(pageText(taken.text)).toContain('There is already an organisation with this name');
  });

  it('writes neither the new name nor its audit row when the audit row fails', async () => {
    const id = await orgId('Glasgow City Justice Social Work (demo)');
    const version = await versionOf(`/staff/admin/organisations/${id}`);
    await sql`CREATE FUNCTION refuse_rename_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`.execute(test.db);
    await sql`CREATE TRIGGER refuse_rename_audit BEFORE INSERT ON audit_event FOR EACH ROW WHEN (NEW.action = 'organisation.rename') EXECUTE FUNCTION refuse_rename_audit()`.execute(test.db);
    try {
      await expect(renameOrganisation(test.db, { staffUserId: admin.staff.userId, organisationId: null }, id, { name: 'Half-saved', version })).rejects.toThrow(/audit store unavailable/);
    } finally {
      await sql`DROP TRIGGER refuse_rename_audit ON audit_event`.execute(test.db);
      await sql`DROP FUNCTION refuse_rename_audit()`.execute(test.db);
    }
    expect((await test.db.selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name).toBe('Glasgow City Justice Social Work (demo)');
  });

  it('deactivating an organisation signs out all its staff at once; reactivating lets them back', async () => {
    const id = await orgId('City of Edinburgh Justice Social Work (demo)');
    const path = `/staff/admin/organisations/${id}`;
    const socialWorker = await signedInClient(app.baseUrl, test.db, 'socialworker.edinburgh@demo.example');
    expect((await socialWorker.get('/staff')).status).toBe(200);

    const unconfirmed = await admin.post(path, { intent: 'deactivate' });
    expect(unconfirmed.status).toBe(400);
    expect(pageText(unconfirmed.text)).toContain('Confirm that you want to deactivate this organisation');

    expect((await admin.post(path, { intent: 'deactivate', confirmDeactivate: 'yes' })).location).toBe(`${path}?done=deactivated`);
    expect((await socialWorker.get('/staff')).location).toBe('/staff/sign-in');
    expect(await audit('organisation.deactivate', id)).toEqual([expect.objectContaining({ detail: { sessionsEnded: 1 } })]);
    const list = pageText((await admin.get('/staff/admin/organisations')).text);
    expect(list).toContain('City of Edinburgh Justice Social Work (demo) Justice social work team 1 Deactivated');
    expect((await admin.post(path, { intent: 'deactivate', confirmDeactivate: 'yes' })).location).toBe(`${path}?done=already-deactivated`);

    expect((await admin.post(path, { intent: 'reactivate' })).location).toBe(`${path}?done=reactivated`);
    const again = await signedInClient(app.baseUrl, test.db, 'socialworker.edinburgh@demo.example');
    expect((await again.get('/staff')).status).toBe(200);
    const timeline = pageText((await admin.get(path)).text);
    expect(timeline).toMatch(/Organisation reactivated by Adam Admin.*Organisation deactivated by Adam Admin.*Sessions ended: 1/);
  });

  it('does not let an administrator deactivate their own organisation', async () => {
    const path = `/staff/admin/organisations/${await orgId('CHOICE service (demo)')}`;
    expect(pageText((await admin.get(path)).text)).toContain('This is your own organisation, so you cannot deactivate it.');
    const refused = await admin.post(path, { intent: 'deactivate', confirmDeactivate: 'yes' });
    expect(refused.status).toBe(400);
    expect(pageText(refused.text)).toContain('You cannot deactivate your own organisation');
  });

  it('answers 404 for an organisation that does not exist', async () => {
    expect((await admin.get('/staff/admin/organisations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/staff/admin/organisations/x')).status).toBe(404);
  });
});
