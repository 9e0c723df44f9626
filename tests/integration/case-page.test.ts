/**
 * The case page through HTTP, as each role: screening, asking for more information
 * (the referrer is emailed a link and nothing else, sees the request and answers it),
 * declining, accepting, allocating and reallocating with caseloads; a stale page's
 * conflict; who may see which case; and the audit rows of every read and write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { caseloads } from '../../modules/referrals/allocation';
import { createDraftReferral } from '../../modules/referrals/transitions';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor, stepCase, submittedReferral } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText, type HttpClient } from '../support/http-client';
import { signedInClient } from '../support/staff';

type Client = HttpClient & { staff: { userId: string } };

const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1];

describe('the case page', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let manager: Client;
  let secondManager: Client;
  let fiscal: Client;
  let glasgow: Client;
  let worker: Client;
  let secondWorker: Client;
  let choiceId: string;

  const referral = (id: string) => test.db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const page = async (client: Client, id: string) => {
    const response = await client.get(`/staff/referrals/${id}`);
    return { ...response, words: pageText(response.text) };
  };
  const post = async (client: Client, id: string, fields: Record<string, string>, version?: string) =>
    client.post(`/staff/referrals/${id}`, { version: version ?? String((await referral(id)).version), ...fields });

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    const choice = await test.db.selectFrom('organisation').select('id').where('kind', '=', 'choice_service').executeTakeFirstOrThrow();
    choiceId = choice.id;
    await test.db
      .insertInto('staff_user')
      .values([
        { organisation_id: choiceId, email: 'manager.two@demo.example', full_name: 'Mhairi Second', role: 'manager', password_hash: 'x' },
        { organisation_id: choiceId, email: 'worker.two@demo.example', full_name: 'Walter Worker', role: 'worker', password_hash: 'x' },
        { organisation_id: choiceId, email: 'worker.gone@demo.example', full_name: 'Gone Worker', role: 'worker', password_hash: 'x', active: false },
      ])
      .execute();
    app = await startInProcessApp(test.db);
    manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    secondManager = await signedInClient(app.baseUrl, test.db, 'manager.two@demo.example');
    fiscal = await signedInClient(app.baseUrl, test.db, 'fiscal@demo.example');
    glasgow = await signedInClient(app.baseUrl, test.db, 'socialworker.glasgow@demo.example');
    worker = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    secondWorker = await signedInClient(app.baseUrl, test.db, 'worker.two@demo.example');
  });
  afterAll(() => app?.stop());

  it('lets a manager screen a referral and ask for more information; the referrer is emailed a link, never the case', async () => {
    const { id, reference } = await submittedReferral(test.db, 'fiscal@demo.example', { person_name: 'Alan Unmistakable' });
    const opened = await page(manager, id);
    expect(opened.status).toBe(200);
    expect(opened.words).toContain(`Referral ${reference}`);
    expect(opened.words).toContain('Screen this referral');
    expect(opened.words).toContain('Alan Unmistakable');
    expect(opened.words).toMatch(/Decision date .* \d+ days left/);

    const screened = await post(manager, id, { event: 'START_SCREENING' });
    expect(screened.location).toBe(`/staff/referrals/${id}?done=START_SCREENING`);
    expect((await page(manager, screened.location!)).status).toBe(404);
    const after = await manager.get(screened.location!);
    expect(pageText(after.text)).toContain('Screening started. Other managers can see');
    expect(pageText(after.text)).toContain('Decide on this referral');

    const asked = await post(manager, id, { event: 'REQUEST_INFORMATION', request: 'Please send the charge sheet and his previous convictions.' });
    expect(asked.status).toBe(302);
    expect(await referral(id)).toMatchObject({ state: 'more_information_requested', information_request: 'Please send the charge sheet and his previous convictions.' });

    const mail = await test.db.selectFrom('outbox_message').selectAll().where('to_address', '=', 'fiscal@demo.example').where('kind', '=', 'case-notification').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`CHOICE needs more information about referral ${reference}`);
    expect(mail[0]!.body_text).toContain(`${app.baseUrl}/staff/referrals/${id}`);
    expect(mail[0]!.body_text).not.toContain('Unmistakable');
    expect(mail[0]!.body_text).not.toContain('charge sheet');

    const audit = await test.db.selectFrom('audit_event').select(['action', 'outcome', 'actor_staff_user_id']).where('object_id', '=', id).orderBy('id').execute();
    const byManager = audit.filter((a) => a.actor_staff_user_id === manager.staff.userId).map((a) => a.action);
    expect(byManager).toEqual(expect.arrayContaining(['case.read', 'case.start-screening', 'case.request-information']));
    // Two page views and two posts: each read the case and wrote one read row.
    expect(byManager.filter((a) => a === 'case.read')).toHaveLength(4);
  });

  it('shows the referrer CHOICE’s request and takes their answer, which sends the referral back to CHOICE', async () => {
    const { id } = await submittedReferral(test.db, 'fiscal@demo.example');
    await stepCase(test.db, id, 'manager@demo.example', { type: 'REQUEST_INFORMATION', request: 'When is the next court date?' });

    const seen = await page(fiscal, id);
    expect(seen.words).toContain('What needs your attention CHOICE has asked for more information');
    expect(seen.words).toContain('When is the next court date?');
    expect(seen.text).toContain(`href="/staff/referrals/${id}/check-answers"`);
    expect(seen.words).toContain('Send your answer');
    expect(seen.words).not.toContain('Decline referral');

    const empty = await post(fiscal, id, { event: 'PROVIDE_INFORMATION', response: '   ' });
    expect(empty.status).toBe(400);
    expect(pageText(empty.text)).toContain('Enter your answer to CHOICE’s request');

    const answered = await post(fiscal, id, { event: 'PROVIDE_INFORMATION', response: 'The next hearing is on 4 March.' });
    expect(answered.location).toBe(`/staff/referrals/${id}?done=PROVIDE_INFORMATION`);
    expect(await referral(id)).toMatchObject({ state: 'submitted', information_response: 'The next hearing is on 4 March.' });
    const timeline = (await page(manager, id)).words;
    expect(timeline).toContain('More information sent to CHOICE by Fiona Fiscal, COPFS Edinburgh (demo)');
    expect(timeline).toContain('CHOICE asked for more information by Morag Manager, CHOICE service (demo)');
    expect(timeline).toContain('Screen this referral');
  });

  it('keeps another organisation’s cases out of sight: 404 to read or post, and the refusal audited', async () => {
    const { id } = await submittedReferral(test.db, 'socialworker.edinburgh@demo.example');
    expect((await glasgow.get(`/staff/referrals/${id}`)).status).toBe(404);
    expect((await fiscal.get(`/staff/referrals/${id}`)).status).toBe(404);
    expect((await post(glasgow, id, { event: 'PROVIDE_INFORMATION', response: 'x' })).status).toBe(404);
    expect((await glasgow.get('/staff/referrals/not-a-uuid')).status).toBe(404);
    const denied = await test.db.selectFrom('audit_event').select('actor_staff_user_id').where('action', '=', 'case.read').where('object_id', '=', id).where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.actor_staff_user_id)).toContain(glasgow.staff.userId);
    // A referrer cannot take a manager's step on their own referral either.
    const { id: own } = await submittedReferral(test.db, 'fiscal@demo.example');
    expect((await post(fiscal, own, { event: 'ACCEPT' })).status).toBe(403);
    expect((await referral(own)).state).toBe('submitted');
  });

  it('shows a draft only to its referrer, with "finish and send"', async () => {
    const actor = await staffActor(test.db, 'fiscal@demo.example');
    const draft = await createDraftReferral(test.db, { staffUserId: actor.staffUserId, organisationId: actor.organisationId });
    const seen = await page(fiscal, draft.id);
    expect(seen.words).toContain('Finish and send this referral');
    expect(seen.text).toContain(`href="/staff/referrals/${draft.id}/check-answers"`);
    expect((await manager.get(`/staff/referrals/${draft.id}`)).status).toBe(404);
  });

  it('needs a reason and a confirmation to decline, emails the referrer, and refuses a step the state no longer takes', async () => {
    const { id, reference } = await submittedReferral(test.db, 'socialworker.edinburgh@demo.example');
    const noReason = await post(manager, id, { event: 'DECLINE', reason: '', confirmDecline: 'yes' });
    expect(noReason.status).toBe(400);
    expect(pageText(noReason.text)).toContain('Enter why CHOICE cannot accept this referral');
    const unconfirmed = await post(manager, id, { event: 'DECLINE', reason: 'A contact offence is alleged.' });
    expect(unconfirmed.status).toBe(400);
    expect(pageText(unconfirmed.text)).toContain('Confirm that you want to decline this referral');
    expect(unconfirmed.text).toContain('A contact offence is alleged.</textarea>');

    expect((await post(manager, id, { event: 'DECLINE', reason: 'A contact offence is alleged.', confirmDecline: 'yes' })).status).toBe(302);
    const mail = await test.db.selectFrom('outbox_message').select(['subject', 'body_text']).where('to_address', '=', 'socialworker.edinburgh@demo.example').execute();
    expect(mail).toEqual([expect.objectContaining({ subject: `CHOICE has made a decision about referral ${reference}` })]);
    expect(mail[0]!.body_text).not.toContain('contact offence');

    const refused = await post(manager, id, { event: 'ACCEPT' });
    expect(refused.status).toBe(409);
    expect(pageText(refused.text)).toContain('This referral has already been declined, so it cannot be accepted.');
    expect((await referral(id)).state).toBe('declined');

    const referrerView = await page(await signedInClient(app.baseUrl, test.db, 'socialworker.edinburgh@demo.example'), id);
    expect(referrerView.words).toContain('CHOICE has declined this referral');
    expect(referrerView.words).toContain('A contact offence is alleged.');

    expect((await post(manager, id, { event: 'CLOSE', outcome: 'The social worker has been told.' })).status).toBe(302);
    expect(await referral(id)).toMatchObject({ state: 'closed', outcome: 'The social worker has been told.' });
  });

  it('tells the second of two managers what the first did, and keeps what they typed', async () => {
    const { id } = await submittedReferral(test.db, 'fiscal@demo.example');
    const mine = await manager.get(`/staff/referrals/${id}`);
    const theirs = await secondManager.get(`/staff/referrals/${id}`);
    const version = versionIn(mine.text)!;
    expect(versionIn(theirs.text)).toBe(version);

    expect((await post(secondManager, id, { event: 'START_SCREENING' }, version)).status).toBe(302);
    const stale = await post(manager, id, { event: 'REQUEST_INFORMATION', request: 'Typed before I knew: is he working?' }, version);
    expect(stale.status).toBe(409);
    const words = pageText(stale.text);
    expect(words).toContain('This referral was changed by someone else while you were looking at it');
    expect(words).toMatch(/Screening started\s*, by Mhairi Second, CHOICE service \(demo\)/);
    expect(words).toContain('What you typed is still in the form below');
    expect(stale.text).toContain('Typed before I knew: is he working?</textarea>');
    const fresh = versionIn(stale.text)!;
    expect(Number(fresh)).toBe((await referral(id)).version);

    // Once the other manager has declined it, the request is no longer possible: the words are still shown.
    await stepCase(test.db, id, 'manager.two@demo.example', { type: 'DECLINE', reason: 'Outside the criteria.' });
    const gone = await post(manager, id, { event: 'REQUEST_INFORMATION', request: 'Second try: is he working?' }, fresh);
    expect(gone.status).toBe(409);
    expect(pageText(gone.text)).toMatch(/Referral declined\s*, by Mhairi Second/);
    expect(pageText(gone.text)).toMatch(/Reason\s*: Outside the criteria\./);
    expect(pageText(gone.text)).toContain('That step is no longer possible. This is what you typed');
    expect(pageText(gone.text)).toContain('Second try: is he working?');
    expect((await referral(id)).information_request).toBeNull();
  });

  it('allocates with each person’s caseload, emails the worker, and reallocates', async () => {
    await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    const theirs = await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example');
    const { id } = await submittedReferral(test.db, 'fiscal@demo.example', { person_name: 'Allocated Person' });
    await stepCase(test.db, id, 'manager@demo.example', { type: 'START_SCREENING' });
    await stepCase(test.db, id, 'manager@demo.example', { type: 'ACCEPT' });

    const seen = await page(manager, id);
    expect(seen.words).toContain('Allocate this case');
    expect(seen.words).toContain('Wendy Worker Programme worker: 2 cases');
    expect(seen.words).toContain('Walter Worker Programme worker: No cases');
    expect(seen.words).toContain('Mhairi Second Team manager: No cases');
    expect(seen.words).not.toContain('Gone Worker');

    const walter = await staffActor(test.db, 'worker.two@demo.example');
    const wendy = await staffActor(test.db, 'worker@demo.example');
    const fiscalActor = await staffActor(test.db, 'fiscal@demo.example');
    expect((await post(manager, id, { event: 'ALLOCATE', workerId: fiscalActor.staffUserId })).status).toBe(400);
    expect((await post(manager, id, { event: 'ALLOCATE', workerId: walter.staffUserId })).location).toBe(`/staff/referrals/${id}?done=ALLOCATE`);
    expect(await referral(id)).toMatchObject({ state: 'allocated', allocated_worker_id: walter.staffUserId });
    const mail = await test.db.selectFrom('outbox_message').select(['subject', 'body_text']).where('to_address', '=', 'worker.two@demo.example').execute();
    expect(mail).toEqual([expect.objectContaining({ subject: 'A case has been allocated to you' })]);
    expect(mail[0]!.body_text).not.toContain('Allocated Person');

    // The allocated worker sees it and what to do; another worker does not.
    const walterView = await page(secondWorker, id);
    expect(walterView.status).toBe(200);
    expect(walterView.words).toContain('Arrange his assessment');
    expect(walterView.words).toContain('Allocated Person');
    expect((await worker.get(`/staff/referrals/${id}`)).status).toBe(404);
    expect((await worker.get(`/staff/referrals/${theirs.id}`)).status).toBe(200);
    expect((await post(secondWorker, id, { event: 'ALLOCATE', workerId: wendy.staffUserId })).status).toBe(403);

    // Same person again: refused with a message; someone else: reallocated, and the timeline says so.
    const same = await post(manager, id, { event: 'ALLOCATE', workerId: walter.staffUserId });
    expect(same.status).toBe(400);
    expect(pageText(same.text)).toContain('Walter Worker already has this case');
    expect((await post(manager, id, { event: 'ALLOCATE', workerId: wendy.staffUserId })).status).toBe(302);
    expect((await referral(id)).allocated_worker_id).toBe(wendy.staffUserId);
    const history = (await page(fiscal, id)).words;
    expect(history).toContain('Case reallocated to Wendy Worker by Morag Manager');
    expect(history).toContain('Case allocated to Walter Worker by Morag Manager');
    expect(history).not.toContain('What you can do');

    const loads = Object.fromEntries((await caseloads(test.db, choiceId)).map((c) => [c.fullName, c.cases]));
    expect(loads).toEqual({ 'Mhairi Second': 0, 'Morag Manager': 0, 'Walter Worker': 0, 'Wendy Worker': 3 });
    const events = await test.db.selectFrom('case_event').select(['event', 'reason']).where('referral_id', '=', id).where('event', '=', 'ALLOCATE').orderBy('id').execute();
    expect(events.map((e) => e.reason)).toEqual([walter.staffUserId, wendy.staffUserId]);
  });

  it('refuses an administrator', async () => {
    const { id } = await submittedReferral(test.db, 'fiscal@demo.example');
    const admin = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
    expect((await admin.get(`/staff/referrals/${id}`)).status).toBe(403);
    expect((await post(admin, id, { event: 'START_SCREENING' })).status).toBe(403);
  });
});
