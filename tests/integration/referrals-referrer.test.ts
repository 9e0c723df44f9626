/**
 * The referrer's side through HTTP: a draft made section by section, left and picked up
 * again, checked and sent; what the form does with bad input, the eligibility rules,
 * two tabs saving the same section, another organisation's referral, and the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { createDraftReferral, transitionCase } from '../../modules/referrals/transitions';
import { dayInScotland } from '../../modules/referrals/dates';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { pageText, type HttpClient } from '../support/http-client';
import { ANSWERS, body, dateFields } from '../support/referrals';
import { signedInClient } from '../support/staff';

type Client = HttpClient & { staff: { userId: string } };

describe('making a referral, as a referrer', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let fiscal: Client;
  let edinburgh: Client;
  let glasgow: Client;

  const versionOf = async (id: string) => (await test.db.selectFrom('referral').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const referral = (id: string) => test.db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** Posts one section at the referral's current version. */
  async function save(client: Client, id: string, section: string, fields: Record<string, string | string[]>, intent = 'continue') {
    return client.post(`/staff/referrals/${id}/details/${section}`, body(fields, { version: String(await versionOf(id)), intent }));
  }

  /** A new draft through the start page, with the given sections answered. */
  async function draftWith(client: Client, answers: Record<string, Record<string, string | string[]>>) {
    const created = await client.post('/staff/referrals/new', {});
    expect(created.status).toBe(302);
    const id = /\/staff\/referrals\/([0-9a-f-]{36})\/details\/person$/.exec(created.location ?? '')?.[1];
    expect(id).toBeDefined();
    for (const [section, fields] of Object.entries(answers)) {
      const saved = await save(client, id!, section, fields);
      expect(saved.status, `${section}: ${pageText(saved.text).slice(0, 400)}`).toBe(302);
    }
    return id!;
  }

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    fiscal = await signedInClient(app.baseUrl, test.db, 'fiscal@demo.example');
    edinburgh = await signedInClient(app.baseUrl, test.db, 'socialworker.edinburgh@demo.example');
    glasgow = await signedInClient(app.baseUrl, test.db, 'socialworker.glasgow@demo.example');
  });
  afterAll(() => app?.stop());

  it('makes a draft, saves it section by section, leaves, comes back, checks the answers and sends it', async () => {
    const start = await fiscal.get('/staff/referrals/new');
    expect(start.status).toBe(200);
    expect(pageText(start.text)).toContain('Diversion from prosecution');

    const created = await fiscal.post('/staff/referrals/new', {});
    const id = /\/staff\/referrals\/([0-9a-f-]{36})\/details\/person$/.exec(created.location ?? '')![1]!;
    const { reference } = await referral(id);
    const first = await fiscal.get(`/staff/referrals/${id}/details/person`);
    expect(first.status).toBe(200);
    expect(pageText(first.text)).toContain(`Referral ${reference} · Section 1 of 7`);

    expect((await save(fiscal, id, 'person', ANSWERS.person!)).location).toBe(`/staff/referrals/${id}/details/route`);
    expect((await save(fiscal, id, 'route', ANSWERS.route!)).location).toBe(`/staff/referrals/${id}/details/offence`);
    // Half the offence section, then "Save and come back later".
    const later = await save(fiscal, id, 'offence', { charges: ANSWERS.offence!.charges!, devices: 'Laptop' }, 'save-later');
    expect(later.location).toBe(`/staff/referrals?saved=${reference}`);
    const list = pageText((await fiscal.get(later.location!)).text);
    expect(list).toContain(`Your answers to referral ${reference} are saved`);
    expect(list).toMatch(new RegExp(`${reference} Alan Example Diversion from prosecution – Draft`));

    // Back again: the answers so far fill the page; check your answers says what is missing.
    const resumed = await fiscal.get(`/staff/referrals/${id}/details/offence`);
    expect(resumed.text).toContain('Section 52A of the Civic Government (Scotland) Act 1982');
    expect(resumed.text).toContain('>Laptop</textarea>');
    const unfinished = pageText((await fiscal.get(`/staff/referrals/${id}/check-answers`)).text);
    expect(unfinished).toContain('You have not finished 5 sections');
    expect(unfinished).toContain('Enter the date the offending started');
    expect(unfinished).not.toContain('Send referral');

    for (const section of ['offence', 'dates', 'risk', 'consent', 'contact']) {
      const saved = await save(fiscal, id, section, ANSWERS[section]!);
      expect(saved.status, pageText(saved.text).slice(0, 300)).toBe(302);
    }
    // A change from check your answers goes back there.
    const changed = await fiscal.post(`/staff/referrals/${id}/details/risk`, body({ riskInformation: 'None known.' }, { version: String(await versionOf(id)), returnTo: 'check-answers' }));
    expect(changed.location).toBe(`/staff/referrals/${id}/check-answers`);

    const check = await fiscal.get(`/staff/referrals/${id}/check-answers`);
    const checkText = pageText(check.text);
    expect(checkText).toContain('Check your answers before sending the referral');
    expect(checkText).toContain('Full name Alan Example Change full name');
    expect(checkText).toContain('Kinds of material Still images Videos');
    expect(checkText).toContain('Send referral');
    const version = /name="version" value="(\d+)"/.exec(check.text)![1]!;
    const sent = await fiscal.post(`/staff/referrals/${id}/check-answers`, { version });
    expect(sent.location).toBe(`/staff/referrals/${id}/confirmation`);
    const confirmation = pageText((await fiscal.get(sent.location!)).text);
    expect(confirmation).toContain(`Referral sent Your reference ${reference}`);
    expect(confirmation).toContain('What happens next');

    const row = await referral(id);
    expect(row).toMatchObject({ state: 'submitted', person_name: 'Alan Example', legal_status: 'charged', material_kinds: ['still_images', 'videos'], eligibility_flags: [] });
    // A sent referral's form pages now open its case page.
    expect((await fiscal.get(`/staff/referrals/${id}/details/person`)).location).toBe(`/staff/referrals/${id}`);

    const events = await test.db.selectFrom('case_event').select(['event', 'reason', 'to_state']).where('referral_id', '=', id).orderBy('id').execute();
    expect(events.map((e) => e.event)).toEqual(['CREATE', 'EDIT', 'EDIT', 'EDIT', 'EDIT', 'EDIT', 'EDIT', 'EDIT', 'EDIT', 'EDIT', 'SUBMIT']);
    expect(events.at(-1)).toMatchObject({ to_state: 'submitted' });
    const audit = await test.db.selectFrom('audit_event').select(['action', 'actor_staff_user_id', 'outcome']).where('object_id', '=', id).orderBy('id').execute();
    const actions = audit.map((a) => a.action);
    expect(actions[0]).toBe('case.create');
    expect(actions.filter((a) => a === 'case.update')).toHaveLength(9);
    expect(actions.filter((a) => a === 'case.submit')).toHaveLength(1);
    // Every page of the case was a read of it, and each read is recorded.
    expect(actions.filter((a) => a === 'case.read').length).toBeGreaterThanOrEqual(15);
    expect(audit.every((a) => a.actor_staff_user_id === fiscal.staff.userId && a.outcome === 'success')).toBe(true);
  });

  it('shows bad answers again with their messages, and saves the good ones when asked to save for later', async () => {
    const id = await draftWith(fiscal, {});
    const typed = { personName: 'Brian <b>Example</b>', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1985', personPhone: 'ring me', supportNeeds: 'Dyslexia' };
    const refused = await save(fiscal, id, 'person', typed);
    expect(refused.status).toBe(400);
    const text = pageText(refused.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Date of birth must be a real date');
    expect(text).toContain('Enter a telephone number, like');
    expect(text).toContain('Select his sex');
    expect(refused.text).toContain('<a href="#dateOfBirth">Date of birth must be a real date</a>');
    expect(refused.text).toContain('value="Brian &lt;b&gt;Example&lt;/b&gt;"');
    expect(refused.text).toContain('value="31"');
    expect(refused.text).toContain('value="ring me"');
    expect(refused.text).toContain('>Dyslexia</textarea>');
    expect((await referral(id)).person_name).toBeNull();

    const partly = await save(fiscal, id, 'person', { ...typed, 'dateOfBirth-month': '' }, 'save-later');
    expect(partly.status).toBe(400);
    expect(pageText(partly.text)).toContain('We saved the answers that were complete');
    expect(pageText(partly.text)).toContain('Date of birth must include a month');
    expect(partly.text).toContain('value="ring me"');
    expect(await referral(id)).toMatchObject({ person_name: 'Brian <b>Example</b>', support_needs: 'Dyslexia', person_date_of_birth: null, person_phone: null });
    expect(pageText(partly.text)).not.toContain('Select his sex');
  });

  it('stops a referral of someone under 18 on the person page, and again at check-answers and on sending', async () => {
    const id = await draftWith(fiscal, ANSWERS);
    const seventeen = await save(fiscal, id, 'person', { ...ANSWERS.person!, ...dateFields('dateOfBirth', -18, 1) });
    expect(seventeen.status).toBe(400);
    expect(pageText(seventeen.text)).toContain('CHOICE is for adults. He must be 18 or over on the day of the referral');
    expect(seventeen.text).toContain('<a href="#dateOfBirth">CHOICE is for adults.');
    const kept = (await referral(id)).person_date_of_birth;
    expect(kept).not.toBeNull();
    // A date saved before the rule moved to this page (or written some other way) is still caught later.
    const [y, m, d] = dayInScotland().split('-').map(Number) as [number, number, number];
    const underAge = new Date(Date.UTC(y - 18, m - 1, d + 1)).toISOString().slice(0, 10);
    await test.db.updateTable('referral').set({ person_date_of_birth: underAge }).where('id', '=', id).execute();
    const page = pageText((await fiscal.get(`/staff/referrals/${id}/check-answers`)).text);
    expect(page).toContain('Why this referral cannot be sent');
    expect(page).toContain('CHOICE is for adults. He must be 18 or over on the day of the referral');
    expect(page).not.toContain('Send referral');
    const refused = await fiscal.post(`/staff/referrals/${id}/check-answers`, { version: String(await versionOf(id)) });
    expect(refused.status).toBe(400);
    expect(pageText(refused.text)).toContain('This referral cannot be sent to CHOICE as it stands');
    expect((await referral(id)).state).toBe('draft');

    // On his 18th birthday he may be referred.
    await save(fiscal, id, 'person', { ...ANSWERS.person!, ...dateFields('dateOfBirth', -18) });
    expect((await fiscal.post(`/staff/referrals/${id}/check-answers`, { version: String(await versionOf(id)) })).status).toBe(302);
  });

  it('asks for a reason where a rule is a matter of judgement, and flags it for the manager', async () => {
    const id = await draftWith(fiscal, { ...ANSWERS, offence: { ...ANSWERS.offence!, contactOffence: 'alleged' } });
    const page = pageText((await fiscal.get(`/staff/referrals/${id}/check-answers`)).text);
    expect(page).toContain('If a contact offence is alleged but not proven, say why you think CHOICE is still suitable');
    expect(page).toContain('Why do you think CHOICE is right for him?');
    const version = String(await versionOf(id));
    const refused = await fiscal.post(`/staff/referrals/${id}/check-answers`, { version, eligibilityReason: '  ' });
    expect(refused.status).toBe(400);
    expect(pageText(refused.text)).toContain('Say why you think CHOICE is right for him');
    const sent = await fiscal.post(`/staff/referrals/${id}/check-answers`, { version, eligibilityReason: 'The complainer withdrew the allegation.' });
    expect(sent.status).toBe(302);
    expect(await referral(id)).toMatchObject({ state: 'submitted', eligibility_flags: ['contact-offence'], eligibility_reason: 'The complainer withdrew the allegation.' });
  });

  it('keeps another organisation’s referrals out of sight: 404 for its pages, and not in the list', async () => {
    const id = await draftWith(edinburgh, { person: { ...ANSWERS.person!, personName: 'Edinburgh Only' } });
    const { reference } = await referral(id);
    for (const page of ['details/person', 'check-answers', 'confirmation']) {
      expect((await glasgow.get(`/staff/referrals/${id}/${page}`)).status, page).toBe(404);
      expect((await fiscal.get(`/staff/referrals/${id}/${page}`)).status, page).toBe(404);
    }
    const posted = await glasgow.post(`/staff/referrals/${id}/details/person`, { personName: 'Changed', version: '2', intent: 'continue' });
    expect(posted.status).toBe(404);
    expect((await referral(id)).person_name).toBe('Edinburgh Only');
    for (const path of ['/staff/referrals', `/staff/referrals?q=${reference}`, '/staff/referrals?q=Edinburgh']) {
      const list = await glasgow.get(path);
      expect(list.status).toBe(200);
      expect(pageText(list.text)).not.toContain(reference);
      expect(pageText(list.text)).not.toContain('Edinburgh Only');
    }
    expect(pageText((await edinburgh.get(`/staff/referrals?q=${reference}`)).text)).toContain('Edinburgh Only');
    const denied = await test.db.selectFrom('audit_event').select('actor_staff_user_id').where('action', '=', 'case.read').where('object_id', '=', id).where('outcome', '=', 'denied').execute();
    expect(denied.some((row) => row.actor_staff_user_id === glasgow.staff.userId)).toBe(true);
  });

  it('tells the second of two tabs saving the same section that the first saved, and keeps what it typed', async () => {
    const id = await draftWith(fiscal, { person: ANSWERS.person! });
    const tabOne = await fiscal.get(`/staff/referrals/${id}/details/person`);
    const tabTwo = await fiscal.get(`/staff/referrals/${id}/details/person`);
    const version = /name="version" value="(\d+)"/.exec(tabOne.text)![1]!;
    expect(/name="version" value="(\d+)"/.exec(tabTwo.text)![1]).toBe(version);

    const first = await fiscal.post(`/staff/referrals/${id}/details/person`, body({ ...ANSWERS.person!, personName: 'Alan First' }, { version, intent: 'continue' }));
    expect(first.status).toBe(302);
    const second = await fiscal.post(`/staff/referrals/${id}/details/person`, body({ ...ANSWERS.person!, personName: 'Alan Second' }, { version, intent: 'continue' }));
    expect(second.status).toBe(409);
    const text = pageText(second.text);
    expect(text).toContain('This referral was changed by someone else');
    expect(text).toContain('You (in another tab or window) changed ‘About him’');
    expect(second.text).toContain('value="Alan Second"');
    expect((await referral(id)).person_name).toBe('Alan First');

    // Saving again, knowing, keeps the second tab's answers.
    const newVersion = /name="version" value="(\d+)"/.exec(second.text)![1]!;
    expect(newVersion).toBe(String(await versionOf(id)));
    const again = await fiscal.post(`/staff/referrals/${id}/details/person`, body({ ...ANSWERS.person!, personName: 'Alan Second' }, { version: newVersion, intent: 'continue' }));
    expect(again.status).toBe(302);
    expect((await referral(id)).person_name).toBe('Alan Second');
  });

  it('tells a referrer sending a referral that a colleague changed it first', async () => {
    const id = await draftWith(fiscal, ANSWERS);
    const stale = String(await versionOf(id));
    const colleague = await signedInClient(app.baseUrl, test.db, 'fiscal@demo.example');
    expect((await save(colleague, id, 'risk', { riskInformation: 'Now known: works at a school.' })).status).toBe(302);
    const refused = await fiscal.post(`/staff/referrals/${id}/check-answers`, { version: stale, eligibilityReason: 'typed but not needed' });
    expect(refused.status).toBe(409);
    const text = pageText(refused.text);
    expect(text).toContain('This referral was changed by someone else');
    expect(text).toContain('changed ‘Risk’');
    expect(text).toContain('Now known: works at a school.');
    expect((await referral(id)).state).toBe('draft');
  });

  it('lists the organisation’s referrals 25 a page, newest change first, with status filters and a search', async () => {
    const social = await test.db.selectFrom('staff_user').select(['id', 'organisation_id']).where('email', '=', 'socialworker.edinburgh@demo.example').executeTakeFirstOrThrow();
    const actor = { staffUserId: social.id, organisationId: social.organisation_id };
    const made: string[] = [];
    for (let i = 0; i < 30; i++) made.push((await createDraftReferral(test.db, actor, new Date(Date.UTC(2026, 0, 1, 0, i)))).id);
    const sent = await createDraftReferral(test.db, actor);
    await transitionCase(test.db, { referralId: sent.id, expectedVersion: sent.version, event: { type: 'SUBMIT' }, actor });
    await transitionCase(test.db, { referralId: sent.id, expectedVersion: sent.version + 1, event: { type: 'REQUEST_INFORMATION', request: 'Please send the charge sheet.' }, actor });

    const since = (await test.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0;
    const firstPage = await edinburgh.get('/staff/referrals');
    const rows = (html: string) => [...html.matchAll(/href="\/staff\/referrals\/([0-9a-f-]{36})(?:\/check-answers)?"/g)].map((m) => m[1]!);
    const page1 = rows(firstPage.text);
    expect(page1).toHaveLength(25);
    expect(page1[0]).toBe(sent.id);
    expect(pageText(firstPage.text)).toContain('More information needed');
    expect(firstPage.text).not.toContain('rel="prev"');
    const link = (html: string, rel: 'next' | 'prev') => /href="([^"]+)"/.exec(new RegExp(`<a [^>]*rel="${rel}"[^>]*>`).exec(html)?.[0] ?? '')?.[1]?.replace(/&amp;/g, '&');
    const next = link(firstPage.text, 'next')!;
    expect(next).toMatch(/^\/staff\/referrals\?after=/);
    const secondPage = await edinburgh.get(next);
    const page2 = rows(secondPage.text);
    // 30 drafts made here, one from an earlier test, and the one sent: 32 in all.
    expect(page2).toHaveLength(7);
    expect(new Set([...page1, ...page2]).size).toBe(32);
    expect(secondPage.text).not.toContain('rel="next"');
    const previous = link(secondPage.text, 'prev')!;
    expect(previous).toMatch(/^\/staff\/referrals\?before=/);
    expect(rows((await edinburgh.get(previous)).text)).toEqual(page1);

    expect(rows((await edinburgh.get('/staff/referrals?status=needs-attention')).text)).toEqual([sent.id]);
    expect(rows((await edinburgh.get('/staff/referrals?status=with-choice')).text)).toEqual([]);
    expect(rows((await edinburgh.get('/staff/referrals?status=drafts')).text)).toHaveLength(25);
    const { reference } = await referral(made[3]!);
    expect(rows((await edinburgh.get(`/staff/referrals?q=${reference.toLowerCase()}`)).text)).toEqual([made[3]]);
    expect(rows((await edinburgh.get(`/staff/referrals?q=${reference.slice(-4)}`)).text)).toContain(made[3]);
    expect(rows((await edinburgh.get('/staff/referrals?q=%25')).text)).toEqual([]);
    expect(rows((await edinburgh.get('/staff/referrals?q=edinburgh%20only')).text)).toHaveLength(1);

    // Each read of the list is one audit row, which says what was shown but not what was searched for.
    const reads = await test.db.selectFrom('audit_event').select(['detail']).where('action', '=', 'case.list').where('actor_staff_user_id', '=', edinburgh.staff.userId).where('id', '>', since).orderBy('id').execute();
    expect(reads.length).toBeGreaterThanOrEqual(10);
    expect(reads[0]!.detail).toMatchObject({ rows: 25, status: 'all', searched: false, page: 'first' });
    expect(JSON.stringify(reads)).not.toContain('edinburgh only');
  });

  it('shows a programme worker and a manager their own part, and an administrator nothing', async () => {
    const worker = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    const manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    const admin = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
    const workerPage = await worker.get('/staff/referrals');
    expect(workerPage.status).toBe(200);
    expect(pageText(workerPage.text)).toContain('There are no cases for you yet');
    const managerPage = pageText((await manager.get('/staff/referrals')).text);
    expect(managerPage).toContain('To screen');
    expect(managerPage).not.toContain('Draft');
    expect(managerPage).toContain('COPFS Edinburgh (demo)');
    expect((await admin.get('/staff/referrals')).status).toBe(403);
    expect((await manager.get('/staff/referrals/new')).status).toBe(403);
  });
});
