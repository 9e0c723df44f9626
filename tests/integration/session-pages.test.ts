/**
 * The session pages through HTTP, with CSRF, as each role: booking from the case (and
 * the double-booking message), he came → notes → a manager's sign-off, absences at each
 * non-compliance threshold with the banner and the referrer's email, the safeguarding
 * email, moving a session in one transaction, the conflict page with two people, who
 * may open a session, and the calendar invite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { caseViewerOf, type CaseViewer } from '../../modules/referrals/access';
import type { TransitionActor } from '../../modules/referrals/transitions';
import { caseSessions } from '../../modules/sessions/case-sessions';
import { scheduleSession, transitionSession } from '../../modules/sessions/sessions';
import { formatSessionDay, toScottishClock } from '../../modules/sessions/times';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor, stepCase } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText, type HttpClient } from '../support/http-client';
import { signedInClient } from '../support/staff';

type Client = HttpClient & { staff: { userId: string } };

const WORKER = 'worker@demo.example';
const MANAGER = 'manager@demo.example';
const REFERRER = 'fiscal@demo.example';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1];

/** The booking form's date and time fields for `days` from today at `time`, on Scottish clocks. */
function slotIn(days: number, time: string): Record<string, string> {
  const { day } = toScottishClock(new Date(Date.now() + days * DAY));
  const [year, month, date] = day.split('-');
  return { 'date-day': String(Number(date)), 'date-month': String(Number(month)), 'date-year': year!, time };
}

describe('the session pages', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let worker: Client;
  let secondWorker: Client;
  let manager: Client;
  let fiscal: Client;
  let admin: Client;
  let workerActor: TransitionActor;
  let pastSlot = 0;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    const choice = await test.db.selectFrom('organisation').select('id').where('kind', '=', 'choice_service').executeTakeFirstOrThrow();
    await test.db
      .insertInto('staff_user')
      .values([
        { organisation_id: choice.id, email: 'manager.two@demo.example', full_name: 'Mhairi Second', role: 'manager', password_hash: 'x' },
        { organisation_id: choice.id, email: 'worker.two@demo.example', full_name: 'Walter Worker', role: 'worker', password_hash: 'x' },
      ])
      .execute();
    app = await startInProcessApp(test.db);
    worker = await signedInClient(app.baseUrl, test.db, WORKER);
    secondWorker = await signedInClient(app.baseUrl, test.db, 'worker.two@demo.example');
    manager = await signedInClient(app.baseUrl, test.db, MANAGER);
    fiscal = await signedInClient(app.baseUrl, test.db, REFERRER);
    admin = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
    const { kind: _kind, ...actor } = await staffActor(test.db, WORKER);
    workerActor = actor;
  });
  afterAll(() => app?.stop());

  const session = (id: string) => test.db.selectFrom('programme_session').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const page = async (client: Client, path: string) => {
    const response = await client.get(path);
    return { ...response, words: pageText(response.text) };
  };
  const postStep = async (client: Client, id: string, fields: Record<string, string>, version?: string) =>
    client.post(`/staff/sessions/${id}`, { version: version ?? String((await session(id)).version), ...fields });
  /** A session that has already started (so whether he came can be recorded), each in its own past hour. */
  const startedSession = async (referralId: string, moduleKey = 'assessment') => {
    const startsAt = new Date(Date.now() - (2 + 3 * pastSlot++) * HOUR);
    return scheduleSession(test.db, { referralId, workerId: workerActor.staffUserId, moduleKey, startsAt, minutes: 60, actor: workerActor });
  };
  const attendedSession = async (referralId: string) => {
    const booked = await startedSession(referralId);
    await transitionSession(test.db, { sessionId: booked.id, expectedVersion: 1, event: { type: 'MARK_ATTENDED' }, actor: workerActor, siteUrl: app.baseUrl });
    return booked;
  };
  const mailTo = (address: string, reference: string) =>
    test.db.selectFrom('outbox_message').select(['subject', 'body_text']).where('to_address', '=', address).where('subject', 'like', `%${reference}%`).orderBy('created_at').execute();

  it('books a session from the case, and names a double booking, keeping what was typed', async () => {
    const first = await allocatedReferral(test.db, REFERRER, WORKER);
    const second = await allocatedReferral(test.db, REFERRER, WORKER);
    const form = await page(worker, `/staff/referrals/${first.id}/sessions/new`);
    expect(form.status).toBe(200);
    expect(form.words).toContain('Book a session');
    expect(form.words).toContain('Assessment (0 of 2 sessions)');
    expect(form.words).not.toContain('Motivation');
    expect(form.words).toContain('Use the 24-hour clock, for example, 14:30');
    expect(form.text).toMatch(/name="minutes"[^>]*value="60"/);

    const booked = await worker.post(`/staff/referrals/${first.id}/sessions/new`, { module: 'assessment', ...slotIn(30, '14:00'), minutes: '60' });
    expect(booked.status).toBe(302);
    const id = /^\/staff\/sessions\/([0-9a-f-]{36})\?done=SCHEDULE$/.exec(booked.location ?? '')?.[1];
    expect(id).toBeTruthy();
    const row = await session(id!);
    expect(row).toMatchObject({ referral_id: first.id, worker_id: worker.staff.userId, module_key: 'assessment', state: 'scheduled' });
    expect(toScottishClock(row.starts_at).time).toBe('14:00');
    const shown = await page(worker, booked.location!);
    expect(shown.words).toContain(`Session booked for ${formatSessionDay(row.starts_at, { weekday: true })}, 14:00 to 15:00.`);
    expect(shown.text).toContain(`href="/staff/sessions/${id}/invite.ics"`);

    const clash = await worker.post(`/staff/referrals/${second.id}/sessions/new`, { module: 'assessment', ...slotIn(30, '14:30'), minutes: '45' });
    expect(clash.status).toBe(400);
    const day = formatSessionDay(row.starts_at, { year: toScottishClock(row.starts_at).day.slice(0, 4) !== toScottishClock(new Date()).day.slice(0, 4) });
    expect(pageText(clash.text)).toContain(`There is a problem You already have a session from 14:00 to 15:00 on ${day} (case ${first.reference})`);
    expect(clash.text).toMatch(/name="time"[^>]*value="14:30"/);
    expect(clash.text).toMatch(/name="minutes"[^>]*value="45"/);
    expect(clash.text).toMatch(new RegExp(`name="date-day"[^>]*value="${slotIn(30, '14:30')['date-day']}"`));

    const byManager = await manager.post(`/staff/referrals/${second.id}/sessions/new`, { module: 'assessment', ...slotIn(30, '14:30') });
    expect(pageText(byManager.text)).toContain(`Wendy Worker already has a session from 14:00 to 15:00 on ${day} (case ${first.reference})`);
    expect(await test.db.selectFrom('programme_session').select('id').where('referral_id', '=', second.id).execute()).toEqual([]);
  });

  it('says exactly what is wrong with a booking', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const path = `/staff/referrals/${referral.id}/sessions/new`;
    const empty = pageText((await worker.post(path, {})).text);
    expect(empty).toContain('Select the module for this session');
    expect(empty).toContain('Enter the day of the session');
    expect(empty).toContain('Enter the time of the session');
    expect(pageText((await worker.post(path, { module: 'assessment', ...slotIn(3, '2pm') })).text)).toContain('Enter a time in the format 14:30');
    expect(pageText((await worker.post(path, { module: 'assessment', ...slotIn(-1, '10:00') })).text)).toContain('The session must be in the future');
    expect(pageText((await worker.post(path, { module: 'motivation', ...slotIn(3, '10:00') })).text)).toContain('Select a module from the list');
    expect(pageText((await worker.post(path, { module: 'assessment', ...slotIn(3, '10:00'), minutes: '500' })).text)).toContain('A session must be 480 minutes (8 hours) or shorter');
    // Without the session's CSRF token the post is refused outright.
    expect((await worker.post(path, { module: 'assessment', ...slotIn(3, '10:00') }, { csrf: false })).status).toBe(403);
    expect(await test.db.selectFrom('programme_session').select('id').where('referral_id', '=', referral.id).execute()).toEqual([]);
  });

  it('offers the case’s plan once it is in the programme', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    await stepCase(test.db, referral.id, WORKER, { type: 'START_ASSESSMENT' });
    await stepCase(test.db, referral.id, MANAGER, { type: 'START_PROGRAMME' });
    await test.db
      .insertInto('case_plan')
      .values({
        referral_id: referral.id,
        programme_version: 0,
        state: 'signed_off',
        modules: JSON.stringify([
          { key: 'impact-on-children', title: 'Impact on children', sessions: 2 },
          { key: 'motivation', title: 'Motivation', sessions: 1 },
        ]),
      })
      .execute();
    const form = await page(manager, `/staff/referrals/${referral.id}/sessions/new`);
    expect(form.words).toMatch(/Impact on children \(0 of 2 sessions\) Motivation \(0 of 1 session\)/);
    expect(form.words).not.toContain('Assessment (');
    expect(form.words).toContain('The session will be held by Wendy Worker');
    expect(form.text).toMatch(/<option value="impact-on-children" selected="">/);
  });

  it('refuses booking to a referrer and an administrator, and to a worker whose case it is not', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const path = `/staff/referrals/${referral.id}/sessions/new`;
    expect((await fiscal.get(path)).status).toBe(403);
    expect((await admin.get(path)).status).toBe(403);
    expect((await secondWorker.get(path)).status).toBe(404);
    expect((await secondWorker.post(path, { module: 'assessment', ...slotIn(3, '10:00') })).status).toBe(404);
    expect((await worker.get('/staff/referrals/not-a-case/sessions/new')).status).toBe(404);
  });

  it('records that he came, then the notes, and only a manager signs the session off', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER, { person_name: 'Sandy Sessionman' });
    const booked = await startedSession(referral.id);
    const opened = await page(worker, `/staff/sessions/${booked.id}`);
    expect(opened.status).toBe(200);
    expect(opened.words).toContain('Sandy Sessionman');
    expect(opened.text).toContain(`href="/staff/referrals/${referral.id}"`);
    expect(opened.words).toContain(referral.reference);
    expect(opened.words).toContain('Booked');
    for (const step of ['He came', 'He did not come', 'Move the session', 'Cancel the session']) expect(opened.words).toContain(step);
    expect(opened.words).not.toContain('Sign off the session');
    expect(opened.words).not.toContain('Record the session');

    const came = await postStep(worker, booked.id, { step: 'MARK_ATTENDED' });
    expect(came.location).toBe(`/staff/sessions/${booked.id}?done=MARK_ATTENDED`);
    const afterCame = await page(worker, came.location!);
    expect(afterCame.words).toContain('Recorded that he came. Now record what happened in the session.');
    expect(afterCame.words).toContain('Record the session');
    expect(afterCame.words).toContain('Only CHOICE staff see these. They never go to the referrer or into a report.');
    expect(afterCame.words).toContain('This is a safeguarding concern A manager is emailed at once.');
    // Recording an absence is no longer offered; putting a mistake right is, folded away.
    expect(afterCame.text).not.toContain('value="MARK_NOT_ATTENDED"');
    expect(afterCame.words).toContain('Correct whether he came');

    const noted = await postStep(worker, booked.id, {
      step: 'RECORD_NOTES',
      topics: 'Assessment: his routine and supports',
      engagement: 'full',
      homeworkSet: 'Keep a diary of internet use',
      homeworkDone: 'not_set',
      concerns: '',
      privateNotes: 'Tired; mentioned a new job',
    });
    expect(noted.location).toBe(`/staff/sessions/${booked.id}?done=RECORD_NOTES`);
    expect(await session(booked.id)).toMatchObject({
      state: 'notes_recorded',
      topics_covered: 'Assessment: his routine and supports',
      engagement: 'full',
      homework_set: 'Keep a diary of internet use',
      homework_done: 'not_set',
      concerns: null,
      private_notes: 'Tired; mentioned a new job',
      safeguarding_concern: false,
    });
    const recorded = await page(worker, noted.location!);
    expect(recorded.words).toContain('Notes saved.');
    expect(recorded.words).toContain('Correct the record of the session');
    expect(recorded.text).toContain('Tired; mentioned a new job</textarea>');
    expect(recorded.words).not.toContain('Sign off the session');

    const refused = await postStep(worker, booked.id, { step: 'SIGN_OFF' });
    expect(refused.status).toBe(403);
    expect((await session(booked.id)).state).toBe('notes_recorded');

    const managerView = await page(manager, `/staff/sessions/${booked.id}`);
    expect(managerView.words).toContain('Sign off the session');
    expect(managerView.words).toContain('Private notes (CHOICE staff only) Tired; mentioned a new job');
    const signed = await postStep(manager, booked.id, { step: 'SIGN_OFF' });
    expect(signed.location).toBe(`/staff/sessions/${booked.id}?done=SIGN_OFF`);
    const done = await page(worker, `/staff/sessions/${booked.id}`);
    expect(done.words).toContain('Signed off');
    // Signed off, nothing more is recorded on it: only a correction of whether he came remains.
    expect(done.words).toMatch(/What you can do Correct whether he came .* Correct the record History/);
    expect(done.text).not.toContain('value="RECORD_NOTES"');
    expect(done.words).toMatch(/History Signed off by Morag Manager, CHOICE service \(demo\).*Notes recorded by Wendy Worker.*He came by Wendy Worker.*Session booked by Wendy Worker/);

    const audit = await test.db.selectFrom('audit_event').select(['action', 'actor_staff_user_id', 'outcome', 'object_type']).where('object_id', '=', booked.id).orderBy('id').execute();
    expect(audit.filter((a) => a.action !== 'session.read').map((a) => [a.action, a.outcome])).toEqual([
      ['session.schedule', 'success'],
      ['session.mark-attended', 'success'],
      ['session.record-notes', 'success'],
      ['access.denied', 'denied'],
      ['session.sign-off', 'success'],
    ]);
    const reads = audit.filter((a) => a.action === 'session.read');
    // Every page view and every post read the session: 4 views and 3 posts by the worker (one refused), 1 view and 1 post by the manager.
    expect(reads.filter((a) => a.actor_staff_user_id === worker.staff.userId)).toHaveLength(7);
    expect(reads.filter((a) => a.actor_staff_user_id === manager.staff.userId)).toHaveLength(2);
    expect(reads.every((a) => a.object_type === 'programme_session' && a.outcome === 'success')).toBe(true);
  });

  it('records absences with each judgement, and says what each unacceptable one set off at the thresholds', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const absent = async (judgement: string, reason = 'He did not get in touch') => {
      const booked = await startedSession(referral.id);
      const response = await postStep(worker, booked.id, { step: 'MARK_NOT_ATTENDED', judgement, absenceReason: reason });
      expect(response.status).toBe(302);
      return { id: booked.id, words: (await page(worker, response.location!)).words };
    };

    const missing = await startedSession(referral.id);
    const incomplete = await postStep(worker, missing.id, { step: 'MARK_NOT_ATTENDED', absenceReason: 'His bus was cancelled' });
    expect(incomplete.status).toBe(400);
    expect(pageText(incomplete.text)).toContain('There is a problem Select whether he had an acceptable reason for not coming');
    expect(incomplete.text).toContain('His bus was cancelled</textarea>');
    expect((await session(missing.id)).state).toBe('scheduled');

    const excused = await absent('acceptable', 'In hospital');
    expect(excused.words).toContain('Recorded that he did not come, with an acceptable reason. It does not count towards non-compliance.');
    expect(excused.words).toContain('Absence He had an acceptable reason Why he did not come In hospital');
    expect(await session(excused.id)).toMatchObject({ state: 'not_attended', absence_judgement: 'acceptable', absence_reason: 'In hospital' });

    const first = await absent('unacceptable');
    expect(first.words).toContain('This is his 1st unacceptable absence.');
    expect(first.words).not.toContain('emailed');
    expect(await mailTo(REFERRER, referral.reference)).toEqual([]);

    // The programme's default: he is warned at the second (the referrer is not told), and the report is prepared at the third.
    const second = await absent('unacceptable');
    expect(second.words).toContain('This is his 2nd unacceptable absence. Under the programme’s rule he is now warned: give him the warning in writing at your next contact. The referrer is not told at this stage.');
    expect(await mailTo(REFERRER, referral.reference)).toEqual([]);

    const third = await absent('unacceptable');
    expect(third.words).toContain(
      'This is his 3rd unacceptable absence. Under the programme’s rule the case can now be ended early for non-compliance. The non-compliance report is waiting for a manager to sign it off; the referrer is told once it is signed off.',
    );
    expect(await mailTo(REFERRER, referral.reference)).toEqual([]);

    const fourth = await absent('unacceptable');
    expect(fourth.words).toContain('This is his 4th unacceptable absence.');
    expect(fourth.words).not.toContain('emailed');
    expect(await mailTo(REFERRER, referral.reference)).toEqual([]);
  });

  it('corrects a mistaken absence from the page: folded away, only a different record offered, a reason asked for, and the referrer sees the corrected entry', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const booked = await startedSession(referral.id);
    expect((await postStep(worker, booked.id, { step: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', absenceReason: 'He did not get in touch' })).status).toBe(302);

    const before = await page(worker, `/staff/sessions/${booked.id}`);
    expect(before.words).toContain('Correct whether he came');
    expect(before.words).toContain('The record says: He did not come, without an acceptable reason');
    expect(before.words).toContain('The programme worker can correct this for 7 days after it was recorded; after that, a CHOICE manager can.');
    expect(before.text).toContain('value="attended"');
    expect(before.text).not.toContain('name="attendance" type="radio" value="unacceptable"');

    // No reason: the choice is kept, and the message is about the reason.
    const noReason = await postStep(worker, booked.id, { step: 'CORRECT_ATTENDANCE', attendance: 'attended', correctionReason: '  ' });
    expect(noReason.status).toBe(400);
    expect(pageText(noReason.text)).toContain('There is a problem Enter why the record is being corrected');
    expect(noReason.text).toMatch(/value="attended"[^>]*checked|checked[^>]*value="attended"/);
    // The record as it stands is not a correction.
    const same = await postStep(worker, booked.id, { step: 'CORRECT_ATTENDANCE', attendance: 'unacceptable', correctionReason: 'Just checking' });
    expect(same.status).toBe(400);
    expect(pageText(same.text)).toContain('This is what the record already says. Select what really happened');
    expect((await session(booked.id)).state).toBe('not_attended');

    const corrected = await postStep(worker, booked.id, { step: 'CORRECT_ATTENDANCE', attendance: 'attended', correctionReason: 'I pressed the wrong button: he was there.' });
    expect(corrected.location).toBe(`/staff/sessions/${booked.id}?done=CORRECT_ATTENDANCE&mailed=0`);
    const after = await page(worker, corrected.location!);
    expect(after.words).toContain('Record corrected. The non-compliance count and any reports waiting for sign-off are up to date. The referrer sees the corrected entry on the case.');
    expect(after.words).toContain('Attendance record corrected');
    expect(after.words).toContain('Now recorded as : He came Reason : I pressed the wrong button: he was there.');
    expect(await session(booked.id)).toMatchObject({ state: 'attended', absence_judgement: null });

    // The fiscal sees that the record was corrected, and what it says now; the reason stays with CHOICE.
    const seen = await page(fiscal, `/staff/referrals/${referral.id}`);
    expect(seen.words).toContain('Attendance record corrected');
    expect(seen.words).not.toContain('I pressed the wrong button');
  });

  it('emails the managers once when a safeguarding concern is recorded, and keeps the flag on a correction', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const booked = await attendedSession(referral.id);
    const notes = { step: 'RECORD_NOTES', topics: 'Assessment', engagement: 'partial', homeworkDone: 'not_set' };

    const undescribed = await postStep(worker, booked.id, { ...notes, safeguarding: 'yes' });
    expect(undescribed.status).toBe(400);
    expect(pageText(undescribed.text)).toContain('Describe the safeguarding concern');
    expect(undescribed.text).toMatch(/name="safeguarding"[^>]*checked=""[^>]*value="yes"/);

    const flagged = await postStep(worker, booked.id, { ...notes, safeguarding: 'yes', concerns: 'He said he babysits for a neighbour' });
    expect(flagged.location).toBe(`/staff/sessions/${booked.id}?done=RECORD_NOTES&mailed=2&safeguarding=yes`);
    expect((await page(worker, flagged.location!)).words).toContain('The managers of the CHOICE service have been emailed about the safeguarding concern.');
    const mail = await test.db.selectFrom('outbox_message').select(['to_address', 'body_text']).where('subject', '=', `A safeguarding concern was recorded on case ${referral.reference}`).orderBy('to_address').execute();
    expect(mail.map((m) => m.to_address)).toEqual(['manager.two@demo.example', MANAGER]);
    for (const message of mail) expect(message.body_text).not.toContain('babysits');

    const view = await page(worker, `/staff/sessions/${booked.id}`);
    expect(view.words).toContain('A safeguarding concern is recorded for this session and managers have been told.');
    const corrected = await postStep(worker, booked.id, { ...notes, concerns: 'He said he babysits for a neighbour; the police know' });
    expect(corrected.location).toBe(`/staff/sessions/${booked.id}?done=RECORD_NOTES`);
    expect(await session(booked.id)).toMatchObject({ safeguarding_concern: true, concerns: 'He said he babysits for a neighbour; the police know' });
    expect(await test.db.selectFrom('outbox_message').select('id').where('subject', '=', `A safeguarding concern was recorded on case ${referral.reference}`).execute()).toHaveLength(2);
  });

  it('moves a session in one transaction: a clash rolls both back; a free time books the new one', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const other = await allocatedReferral(test.db, REFERRER, WORKER);
    const booked = await worker.post(`/staff/referrals/${referral.id}/sessions/new`, { module: 'assessment', ...slotIn(40, '10:00') });
    const id = /\/staff\/sessions\/([0-9a-f-]{36})/.exec(booked.location ?? '')![1]!;
    expect((await worker.post(`/staff/referrals/${other.id}/sessions/new`, { module: 'assessment', ...slotIn(41, '10:00') })).status).toBe(302);
    const future = await page(worker, `/staff/sessions/${id}`);
    expect(future.words).toContain('You can record whether he came once the session has started.');
    expect(future.words).not.toContain('He came');
    expect((await postStep(worker, id, { step: 'MARK_ATTENDED' })).status).toBe(409);

    const clash = await postStep(worker, id, { step: 'RESCHEDULE', moveReason: 'He starts a new job', ...slotIn(41, '10:30') });
    expect(clash.status).toBe(400);
    expect(pageText(clash.text)).toMatch(new RegExp(`There is a problem You already have a session from 10:00 to 11:00 on .* \\(case ${other.reference}\\)`));
    expect(clash.text).toContain('He starts a new job</textarea>');
    expect(clash.text).toMatch(/name="time"[^>]*value="10:30"/);
    expect(clash.text).toMatch(/name="minutes"[^>]*value="60"/);
    expect(await session(id)).toMatchObject({ state: 'scheduled', version: 1 });
    expect(await test.db.selectFrom('programme_session').select('id').where('referral_id', '=', referral.id).execute()).toHaveLength(1);
    expect(await test.db.selectFrom('session_event').select('id').where('session_id', '=', id).execute()).toHaveLength(1);

    const moved = await postStep(worker, id, { step: 'RESCHEDULE', moveReason: 'He starts a new job', ...slotIn(42, '17:30') });
    expect(moved.status).toBe(302);
    const newId = /\/staff\/sessions\/([0-9a-f-]{36})\?done=RESCHEDULE$/.exec(moved.location ?? '')![1]!;
    expect(newId).not.toBe(id);
    const newPage = await page(worker, moved.location!);
    expect(newPage.words).toContain('Session moved. This is the new session.');
    expect(newPage.words).toMatch(/Session booked by Wendy Worker.*Note\s*: Moved from 10:00 to 11:00 on .* He starts a new job/);
    expect((await session(newId)).ends_at.getTime() - (await session(newId)).starts_at.getTime()).toBe(60 * 60_000);
    const oldPage = await page(worker, `/staff/sessions/${id}`);
    expect(oldPage.words).toContain('Moved');
    expect(oldPage.words).toContain('This session was moved to');
    expect(oldPage.text).toContain(`href="/staff/sessions/${newId}"`);
    expect(oldPage.words).not.toContain('Download the calendar invite');
  });

  it('shows the second of two people what the first did, with the saved notes, and keeps what they typed', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const booked = await attendedSession(referral.id);
    const mine = await worker.get(`/staff/sessions/${booked.id}`);
    const theirs = await manager.get(`/staff/sessions/${booked.id}`);
    const version = versionIn(mine.text)!;
    expect(versionIn(theirs.text)).toBe(version);
    const notes = { step: 'RECORD_NOTES', engagement: 'full', homeworkDone: 'done' };

    expect((await postStep(manager, booked.id, { ...notes, topics: 'Written by the manager first' }, version)).status).toBe(302);
    const stale = await postStep(worker, booked.id, { ...notes, topics: 'Typed by the worker meanwhile', privateNotes: 'My own private words' }, version);
    expect(stale.status).toBe(409);
    const words = pageText(stale.text);
    expect(words).toContain('This session was changed by someone else while you were looking at it');
    expect(words).toMatch(/Notes recorded\s*, by Morag Manager, CHOICE service \(demo\)/);
    expect(words).toContain('The notes as saved now Module and topics covered Written by the manager first');
    expect(words).toContain('What you typed is still in the form below');
    expect(stale.text).toContain('Typed by the worker meanwhile</textarea>');
    expect(stale.text).toContain('My own private words</textarea>');
    const fresh = versionIn(stale.text)!;
    expect(Number(fresh)).toBe((await session(booked.id)).version);
    expect((await session(booked.id)).topics_covered).toBe('Written by the manager first');

    // Sent again with the fresh version, the worker's notes replace the manager's, knowingly.
    expect((await postStep(worker, booked.id, { ...notes, topics: 'Typed by the worker meanwhile' }, fresh)).status).toBe(302);
    expect((await session(booked.id)).topics_covered).toBe('Typed by the worker meanwhile');

    // Once the manager has signed it off, the correction is no longer possible: the words are shown, not lost.
    const beforeSignOff = versionIn((await worker.get(`/staff/sessions/${booked.id}`)).text)!;
    expect((await postStep(manager, booked.id, { step: 'SIGN_OFF' })).status).toBe(302);
    const gone = await postStep(worker, booked.id, { ...notes, topics: 'A late correction' }, beforeSignOff);
    expect(gone.status).toBe(409);
    expect(pageText(gone.text)).toMatch(/Signed off\s*, by Morag Manager/);
    expect(pageText(gone.text)).toContain('That step is no longer possible. This is what you typed, so that you can keep it: Module and topics covered A late correction');
    expect((await session(booked.id)).topics_covered).toBe('Typed by the worker meanwhile');
  });

  it('refuses a referrer and an administrator, and tells a worker of another case it is not found', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const booked = await startedSession(referral.id);
    const path = `/staff/sessions/${booked.id}`;
    expect((await fiscal.get(path)).status).toBe(403);
    expect((await admin.get(path)).status).toBe(403);
    expect((await fiscal.post(path, { step: 'MARK_ATTENDED', version: '1' })).status).toBe(403);
    expect((await secondWorker.get(path)).status).toBe(404);
    expect((await secondWorker.post(path, { step: 'MARK_ATTENDED', version: '1' })).status).toBe(404);
    expect((await secondWorker.get(`${path}/invite.ics`)).status).toBe(404);
    expect((await fiscal.get(`${path}/invite.ics`)).status).toBe(403);
    expect((await worker.get('/staff/sessions/not-a-session')).status).toBe(404);
    expect((await worker.get('/staff/sessions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await session(booked.id)).state).toBe('scheduled');
    const denied = await test.db.selectFrom('audit_event').select('actor_staff_user_id').where('action', '=', 'session.read').where('object_id', '=', booked.id).where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.actor_staff_user_id)).toEqual([secondWorker.staff.userId, secondWorker.staff.userId, secondWorker.staff.userId]);

    // Once the case is reallocated, the new worker sees the session and the old one no longer does, as with the case itself.
    await stepCase(test.db, referral.id, MANAGER, { type: 'ALLOCATE', workerId: secondWorker.staff.userId });
    expect((await secondWorker.get(path)).status).toBe(200);
    expect((await worker.get(path)).status).toBe(404);
  });

  it('lists a case’s sessions as each person may see them: a referrer never gets the notes', async () => {
    const viewerOf = async (email: string): Promise<CaseViewer> => {
      const user = await test.db
        .selectFrom('staff_user')
        .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
        .select(['staff_user.id', 'staff_user.organisation_id', 'organisation.kind as organisation_kind', 'staff_user.role'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      return caseViewerOf(user);
    };
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const held = await attendedSession(referral.id);
    await transitionSession(test.db, {
      sessionId: held.id,
      expectedVersion: 2,
      event: { type: 'RECORD_NOTES' },
      actor: workerActor,
      siteUrl: app.baseUrl,
      changes: { topics_covered: 'Secret topics', concerns: 'A worrying remark', private_notes: 'Private words', safeguarding_concern: true, engagement: 'little', homework_done: 'not_set' },
    });
    const missed = await startedSession(referral.id);
    await transitionSession(test.db, { sessionId: missed.id, expectedVersion: 1, event: { type: 'MARK_NOT_ATTENDED', judgement: 'acceptable', reason: 'Unwell with flu' }, actor: workerActor, siteUrl: app.baseUrl });
    const upcoming = await scheduleSession(test.db, { referralId: referral.id, workerId: workerActor.staffUserId, moduleKey: 'assessment', startsAt: new Date(Date.now() + 60 * DAY), minutes: 60, actor: workerActor });

    const forReferrer = await caseSessions(test.db, await viewerOf(REFERRER), referral.id);
    expect(forReferrer?.canSchedule).toBe(false);
    expect(forReferrer?.bookHref).toBeNull();
    // Oldest first: the missed session started before the held one (each started session is further in the past).
    expect(forReferrer?.sessions.map((s) => s.outcome.label)).toEqual(['Missed – reason accepted', 'Attended', 'Booked']);
    for (const row of forReferrer!.sessions) expect(Object.keys(row).sort()).toEqual(['audience', 'date', 'moduleTitle', 'outcome', 'startsAt', 'time']);
    expect(JSON.stringify(forReferrer)).not.toMatch(/Secret|worrying|Private|flu|safeguarding/i);
    expect(forReferrer?.sessions[0]).toMatchObject({ audience: 'referrer', moduleTitle: 'Assessment' });

    const forWorker = await caseSessions(test.db, await viewerOf(WORKER), referral.id);
    expect(forWorker).toMatchObject({ canSchedule: true, bookHref: `/staff/referrals/${referral.id}/sessions/new` });
    expect(forWorker?.sessions.map((s) => (s.audience === 'staff' ? [s.status.label, s.dueLabel, s.safeguardingConcern, s.href] : null))).toEqual([
      ['Missed – reason accepted', null, false, `/staff/sessions/${missed.id}`],
      ['Notes recorded – sign-off due', 'Sign-off due', true, `/staff/sessions/${held.id}`],
      ['Booked', null, false, `/staff/sessions/${upcoming.id}`],
    ]);
    expect(forWorker?.sessions[1]).toMatchObject({ signOffDue: true, notesDue: false });
    expect(await caseSessions(test.db, await viewerOf('worker.two@demo.example'), referral.id)).toBeNull();
    expect(await caseSessions(test.db, await viewerOf('socialworker.glasgow@demo.example'), referral.id)).toBeNull();
  });

  it('gives the worker a calendar invite that names the case by its reference only', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER, { person_name: 'Invite Person', charges: 'Possession of indecent images' });
    const booked = await worker.post(`/staff/referrals/${referral.id}/sessions/new`, { module: 'assessment', ...slotIn(50, '09:15'), minutes: '75' });
    const id = /\/staff\/sessions\/([0-9a-f-]{36})/.exec(booked.location ?? '')![1]!;
    const row = await session(id);
    const invite = await worker.get(`/staff/sessions/${id}/invite.ics`);
    expect(invite.status).toBe(200);
    expect(invite.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(invite.headers.get('content-disposition')).toBe(`attachment; filename="choice-session-${toScottishClock(row.starts_at).day}.ics"`);
    expect(invite.headers.get('cache-control')?.split(/,\s*/)).toEqual(expect.arrayContaining(['no-store']));
    expect(invite.headers.get('cache-control')).not.toMatch(/public|max-age/);
    const lines = invite.text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    const utc = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
    expect(lines).toContain(`DTSTART:${utc(row.starts_at)}`);
    expect(lines).toContain(`DTEND:${utc(row.ends_at)}`);
    expect(lines).toContain(`SUMMARY:CHOICE session (${referral.reference})`);
    expect(lines).toContain(`UID:session-${id}@${new URL(app.baseUrl).host}`);
    expect(invite.text.replace(/\r\n /g, '')).toContain(`${app.baseUrl}/staff/sessions/${id}`);
    expect(invite.text).not.toMatch(/Invite Person|indecent|images|Assessment/i);
    const read = await test.db.selectFrom('audit_event').select(['detail', 'outcome']).where('action', '=', 'session.read').where('object_id', '=', id).where('actor_staff_user_id', '=', worker.staff.userId).execute();
    expect(read).toContainEqual({ detail: { view: 'invite' }, outcome: 'success' });

    expect((await manager.get(`/staff/sessions/${id}/invite.ics`)).status).toBe(200);
    expect((await postStep(worker, id, { step: 'CANCEL', cancelReason: 'He has moved to Aberdeen' })).status).toBe(302);
    expect((await worker.get(`/staff/sessions/${id}/invite.ics`)).status).toBe(404);
  });
});
