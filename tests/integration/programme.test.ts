/**
 * The programme definition: the labelled default as version 1 in every environment,
 * a manager's save as a new version (with its audit row), a stale save refused, and
 * the edit page through HTTP, adding and removing module rows without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { currentProgramme, DEFAULT_PROGRAMME, DEFAULT_PROGRAMME_LABEL, ensureProgrammeDefinition, programmeHistory, saveProgramme } from '../../modules/programme/definition';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor } from '../support/cases';
import { reportFactsFor } from '../../modules/reports/reports';
import { useTestDatabase } from '../support/database';
import { pageText } from '../support/http-client';
import { signedInClient } from '../support/staff';

describe('the programme definition', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
  });
  afterAll(() => app?.stop());

  it('starts from the labelled default, stored once as version 1', async () => {
    expect(await currentProgramme(test.db)).toMatchObject({ version: 0, definition: DEFAULT_PROGRAMME });
    expect(await ensureProgrammeDefinition(test.db)).toBe(true);
    expect(await ensureProgrammeDefinition(test.db)).toBe(false);
    const current = await currentProgramme(test.db);
    expect(current.version).toBe(1);
    expect(current.definition.label).toBe(DEFAULT_PROGRAMME_LABEL);
    expect(current.createdByName).toBeNull();
  });

  it('saves a new version, refuses one made from a stale version, and lets one of two at once win', async () => {
    const manager = await staffActor(test.db, 'manager@demo.example');
    const changed = { ...DEFAULT_PROGRAMME, label: 'Service version, January', sessionMinutes: 75 };
    expect(await saveProgramme(test.db, manager, changed, 1)).toEqual({ status: 'saved', version: 2 });
    expect((await currentProgramme(test.db)).definition.sessionMinutes).toBe(75);

    const stale = await saveProgramme(test.db, manager, { ...changed, sessionMinutes: 90 }, 1);
    expect(stale.status).toBe('conflict');
    expect(stale.status === 'conflict' && stale.current.version).toBe(2);

    const both = await Promise.all([saveProgramme(test.db, manager, { ...changed, label: 'One' }, 2), saveProgramme(test.db, manager, { ...changed, label: 'Two' }, 2)]);
    expect(both.map((r) => r.status).sort()).toEqual(['conflict', 'saved']);
    expect((await programmeHistory(test.db)).map((h) => h.version)).toEqual([3, 2, 1]);
    const audit = await test.db.selectFrom('audit_event').select(['object_id', 'actor_staff_user_id']).where('action', '=', 'programme.update').orderBy('id').execute();
    expect(audit).toEqual([
      { object_id: '2', actor_staff_user_id: manager.staffUserId },
      { object_id: '3', actor_staff_user_id: manager.staffUserId },
    ]);
  });

  it('is edited on its page: rows added and removed without JavaScript, saved as a new version, a stale save kept', async () => {
    const manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    const opened = await manager.get('/staff/programme');
    expect(opened.status).toBe(200);
    const fields = () => {
      const html = opened.text;
      const pairs: Array<[string, string]> = [];
      for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) if (m[1] !== 'csrf' && m[1] !== 'intent') pairs.push([m[1]!, m[2]!.replace(/&#x27;/g, "'").replace(/&amp;/g, '&')]);
      for (const m of html.matchAll(/<input[^>]*value="([^"]*)"[^>]*name="([^"]+)"/g)) if (!pairs.some(([n]) => n === m[2]) && m[2] !== 'csrf' && m[2] !== 'intent') pairs.push([m[2]!, m[1]!]);
      for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) pairs.push([m[1]!, m[2]!.replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"')]);
      return pairs;
    };
    const form = fields();
    const version = form.find(([n]) => n === 'version')![1];
    expect(Number(version)).toBe((await currentProgramme(test.db)).version);
    expect(form.filter(([n]) => /^module-\d+-title$/.test(n))).toHaveLength(10);

    const added = await manager.post('/staff/programme', [...form, ['intent', 'add-module']]);
    expect(added.status).toBe(200);
    expect(added.text).toContain('name="module-10-title"');
    const removed = await manager.post('/staff/programme', [...form, ['intent', 'remove-module-0']]);
    expect(removed.text).not.toContain('value="Assessment"');

    const invalid = await manager.post('/staff/programme', [...form.map(([n, v]): [string, string] => [n, n === 'sessionMinutes' ? 'an hour' : v]), ['intent', 'save']]);
    expect(invalid.status).toBe(400);
    expect(pageText(invalid.text)).toContain('Enter the length of a session in minutes as a number');
    expect(invalid.text).toContain('value="an hour"');

    const contact: Record<string, string> = { contactPhone: '0131 496 0000', contactEmail: 'choice@example.org' };
    const relabelled = form.map(([n, v]): [string, string] => [n, n === 'label' ? 'Agreed with the service, version 4' : (contact[n] ?? v)]);
    const saved = await manager.post('/staff/programme', [...relabelled, ['intent', 'save']]);
    expect(saved.location).toBe('/staff/programme?done=saved');
    const after = pageText((await manager.get(saved.location!)).text);
    expect(after).toContain('Saved. The new version is in force from now on.');
    expect(after).toMatch(/Version 4\s*: Agreed with the service, version 4 Morag Manager, CHOICE service \(demo\)/);
    // The service's own contact details, kept with the version, and read into a report prepared from now on.
    expect((await currentProgramme(test.db)).definition.contact).toEqual({ phone: '0131 496 0000', email: 'choice@example.org', address: '' });
    const referral = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    expect((await reportFactsFor(test.db, referral.id)).serviceContact).toEqual({ phone: '0131 496 0000', email: 'choice@example.org', address: '' });

    const stale = await manager.post('/staff/programme', [...form.map(([n, v]): [string, string] => [n, n === 'label' ? 'My stale edit' : v]), ['intent', 'save']]);
    expect(stale.status).toBe(409);
    expect(pageText(stale.text)).toContain('Someone else saved version 4');
    expect(stale.text).toContain('value="My stale edit"');
    expect((await currentProgramme(test.db)).definition.label).toBe('Agreed with the service, version 4');

    const worker = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    expect((await worker.get('/staff/programme')).status).toBe(403);
    expect((await worker.post('/staff/programme', [['intent', 'save']])).status).toBe(403);
  });
});
