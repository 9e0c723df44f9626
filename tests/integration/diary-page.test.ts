/**
 * The worker's diary through HTTP: a week from Monday to Sunday in Scotland, grouped by
 * day, with links to the week before and after and to this week; what needs the
 * worker's attention; a manager choosing whose diary to see, and a worker who cannot;
 * addresses the page cannot use answered with a message, never an error; the audit row.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { DIARY_PAGE_SIZE } from '../../modules/sessions/diary';
import { DIARY_MESSAGES } from '../../modules/sessions/diary-page';
import { scheduleSession, transitionSession } from '../../modules/sessions/sessions';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor, stepCase } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText, type HttpClient } from '../support/http-client';
import { signedInClient } from '../support/staff';

type Client = HttpClient & { staff: { userId: string } };

const WORKER = 'worker@demo.example';
const REFERRER = 'fiscal@demo.example';
const SITE = 'https://choice.example';

describe('the worker’s diary', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let worker: Client;
  let secondWorker: Client;
  let manager: Client;
  let referrer: Client;
  let admin: Client;
  let workerId: string;
  let choiceId: string;

  const book = async (referralId: string, at: string, minutes = 60, who = WORKER) => {
    const { kind: _kind, ...actor } = await staffActor(test.db, who);
    return scheduleSession(test.db, { referralId, workerId: actor.staffUserId, moduleKey: 'motivation', startsAt: new Date(at), minutes, actor });
  };
  const open = async (client: Client, path: string) => {
    const response = await client.get(path);
    return { ...response, words: pageText(response.text) };
  };
  /** The text of one day's section of the page. */
  const daySection = (html: string, day: string) => pageText(new RegExp(`<section[^>]*aria-labelledby="day-${day}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '');

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    choiceId = (await test.db.selectFrom('organisation').select('id').where('kind', '=', 'choice_service').executeTakeFirstOrThrow()).id;
    await test.db
      .insertInto('staff_user')
      .values({ organisation_id: choiceId, email: 'worker.two@demo.example', full_name: 'Walter Worker', role: 'worker', password_hash: 'x' })
      .execute();
    app = await startInProcessApp(test.db);
    worker = await signedInClient(app.baseUrl, test.db, WORKER);
    secondWorker = await signedInClient(app.baseUrl, test.db, 'worker.two@demo.example');
    manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    referrer = await signedInClient(app.baseUrl, test.db, REFERRER);
    admin = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
    workerId = worker.staff.userId;
  });
  afterAll(() => app?.stop());

  it('shows one week, Monday to Sunday, grouped by day, with each session’s case, name, module, status and link', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER, { person_name: 'Harold Diarist' });
    // Week 10 of 2027: Monday 8 to Sunday 14 March, in GMT.
    const monday = await book(referral.id, '2027-03-08T09:00:00Z');
    const afternoon = await book(referral.id, '2027-03-08T14:00:00Z', 90);
    const wednesday = await book(referral.id, '2027-03-10T10:00:00Z');
    const sundayNight = await book(referral.id, '2027-03-14T23:00:00Z', 30);
    const nextMonday = await book(referral.id, '2027-03-15T00:00:00Z', 30);
    const before = await book(referral.id, '2027-03-07T23:00:00Z', 30);

    const page = await open(worker, '/staff/diary?week=2027-W10');
    expect(page.status).toBe(200);
    expect(page.words).toContain('Your diary');
    expect(page.words).toContain('8 to 14 March 2027');
    const mondayText = daySection(page.text, '2027-03-08');
    expect(mondayText).toContain('Monday 8 March 2027');
    expect(mondayText).toMatch(/09:00 to 10:00 .*Harold Diarist Motivation Booked Open session.* 14:00 to 15:30/);
    expect(mondayText).toContain(referral.reference);
    expect(daySection(page.text, '2027-03-09')).toContain('Tuesday 9 March 2027 No sessions.');
    expect(daySection(page.text, '2027-03-10')).toContain('10:00 to 11:00');
    expect(daySection(page.text, '2027-03-14')).toContain('23:00 to 23:30');
    for (const session of [monday, afternoon, wednesday, sundayNight]) expect(page.text).toContain(`href="/staff/sessions/${session.id}"`);
    for (const session of [nextMonday, before]) expect(page.text).not.toContain(`href="/staff/sessions/${session.id}"`);
    expect(page.text).toContain(`href="/staff/referrals/${referral.id}"`);
    // The days in order, Monday first.
    expect(page.text.indexOf('day-2027-03-08')).toBeLessThan(page.text.indexOf('day-2027-03-14'));

    // A week away and back, and this week.
    expect(page.text).toContain('href="/staff/diary?week=2027-W09"');
    expect(page.text).toContain('href="/staff/diary?week=2027-W11"');
    expect(page.words).toMatch(/Previous week.*Next week/);
    expect(page.text).toMatch(/<a[^>]*href="\/staff\/diary"[^>]*>This week<\/a>/);
    const following = await open(worker, '/staff/diary?week=2027-W11');
    expect(following.text).toContain(`href="/staff/sessions/${nextMonday.id}"`);
    expect(daySection(following.text, '2027-03-15')).toContain('00:00 to 00:30');
    // The same week by any of its days.
    const byDay = await open(worker, '/staff/diary?from=2027-03-12');
    expect(byDay.words).toContain('8 to 14 March 2027');
    expect(byDay.text).toContain(`href="/staff/sessions/${wednesday.id}"`);

    // Reading the diary is audited, with how many sessions it showed.
    const audit = await test.db
      .selectFrom('audit_event')
      .select(['object_type', 'object_id', 'outcome', 'detail'])
      .where('action', '=', 'diary.read')
      .where('actor_staff_user_id', '=', workerId)
      .orderBy('id')
      .execute();
    expect(audit[0]).toEqual({ object_type: 'staff_user', object_id: workerId, outcome: 'success', detail: { week: '2027-W10', count: 4, attention: 0 } });
    expect(audit).toHaveLength(3);
  });

  it('keeps the days of a summer week in BST: 00:30 on Monday is Monday, not Sunday', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER);
    const early = await book(referral.id, '2027-07-04T23:30:00Z', 30); // 00:30 BST on Monday 5 July
    const summer = await open(worker, '/staff/diary?week=2027-W27');
    expect(summer.words).toContain('5 to 11 July 2027');
    expect(daySection(summer.text, '2027-07-05')).toContain('00:30 to 01:00');
    expect((await open(worker, '/staff/diary?week=2027-W26')).text).not.toContain(early.id);
  });

  it('lists what needs the worker’s attention, oldest first: attendance to record, notes to write', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER, { person_name: 'Albert Attention' });
    const daysAgo = (days: number, hour: number) => {
      const at = new Date(Date.now() - days * 86_400_000);
      at.setUTCHours(hour, 0, 0, 0);
      return at.toISOString();
    };
    const unrecorded = await book(referral.id, daysAgo(2, 9));
    const attended = await book(referral.id, daysAgo(3, 9));
    const written = await book(referral.id, daysAgo(4, 9));
    const longAgo = await book(referral.id, daysAgo(300, 9));
    const { kind: _kind, ...actor } = await staffActor(test.db, WORKER);
    await transitionSession(test.db, { sessionId: attended.id, expectedVersion: 1, event: { type: 'MARK_ATTENDED' }, actor, siteUrl: SITE });
    await transitionSession(test.db, { sessionId: written.id, expectedVersion: 1, event: { type: 'MARK_ATTENDED' }, actor, siteUrl: SITE });
    await transitionSession(test.db, { sessionId: written.id, expectedVersion: 2, event: { type: 'RECORD_NOTES' }, actor, siteUrl: SITE, changes: { topics_covered: 'Goals' } });

    const page = await open(worker, '/staff/diary');
    const panel = pageText(/<section[^>]*id="attention"[\s\S]*?<\/section>/.exec(page.text)?.[0] ?? '');
    expect(panel).toMatch(/Needs your attention .*Write the session notes .*Record whether he attended/);
    expect(panel).toContain('Albert Attention');
    expect(page.text).toContain(`href="/staff/sessions/${attended.id}"`);
    expect(page.text).toContain(`href="/staff/sessions/${unrecorded.id}"`);
    expect(panel).not.toContain(written.id);
    expect(page.text).not.toContain(`href="/staff/sessions/${longAgo.id}"`);
    // A manager looking at this worker's diary sees the same, as "Needs attention".
    const seen = await open(manager, `/staff/diary?worker=${workerId}`);
    expect(seen.words).toMatch(/Needs attention .*Write the session notes/);
  });

  it('lets a manager choose a worker of the service, keeping the choice in the week links', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER, { person_name: 'Manny Chosen' });
    const session = await book(referral.id, '2027-05-04T10:00:00Z');
    const own = await open(manager, '/staff/diary?week=2027-W18');
    expect(own.words).toContain('Your diary');
    expect(own.words).toContain('Whose diary');
    expect(own.text).toMatch(new RegExp(`<option value="${workerId}">Wendy Worker</option>`));
    expect(own.text).not.toContain(session.id);

    const chosen = await open(manager, `/staff/diary?worker=${workerId}&week=2027-W18`);
    expect(chosen.status).toBe(200);
    expect(chosen.words).toContain('Diary of Wendy Worker');
    expect(chosen.words).toContain('Manny Chosen');
    expect(chosen.text).toContain(`href="/staff/sessions/${session.id}"`);
    expect(chosen.text).toContain(`href="/staff/diary?worker=${workerId}&amp;week=2027-W17"`);
    expect(chosen.text).toContain(`href="/staff/diary?worker=${workerId}"`);
    const audit = await test.db
      .selectFrom('audit_event')
      .select(['object_id', 'detail'])
      .where('action', '=', 'diary.read')
      .where('actor_staff_user_id', '=', manager.staff.userId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ object_id: workerId, detail: { week: '2027-W18', count: 1 } });

    // Someone who is not a worker of the service, nobody at all, and not an id: a message, and the manager's own diary.
    const { staffUserId: referrerId } = await staffActor(test.db, REFERRER);
    for (const asked of [referrerId, '00000000-0000-4000-8000-000000000000', 'not-an-id', "' OR 1=1 --", '%00']) {
      const refused = await open(manager, `/staff/diary?worker=${encodeURIComponent(asked)}&week=2027-W18`);
      expect(refused.status).toBe(200);
      expect(refused.words).toContain('There is a problem');
      expect(refused.words).toContain(DIARY_MESSAGES.worker);
      expect(refused.words).toContain('Your diary');
      expect(refused.text).not.toContain(session.id);
    }
  });

  it('never shows a worker another worker’s diary, and says so', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER, { person_name: 'Private Person' });
    const session = await book(referral.id, '2027-06-08T10:00:00Z');
    const page = await open(secondWorker, `/staff/diary?worker=${workerId}&week=2027-W23`);
    expect(page.status).toBe(200);
    expect(page.words).toContain(DIARY_MESSAGES.notYours);
    expect(page.words).toContain('Your diary');
    expect(page.words).not.toContain('Private Person');
    expect(page.text).not.toContain(session.id);
    expect(page.text).not.toContain(referral.reference);
    expect(page.words).not.toContain('Whose diary');
    const denied = await test.db
      .selectFrom('audit_event')
      .select(['object_id', 'outcome'])
      .where('action', '=', 'diary.read')
      .where('actor_staff_user_id', '=', secondWorker.staff.userId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ object_id: workerId, outcome: 'denied' }]);
  });

  it('shows the reference alone, without the name or a link to the case, for a case since moved to another worker', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, WORKER, { person_name: 'Moved Along' });
    const session = await book(referral.id, '2027-09-07T10:00:00Z');
    await stepCase(test.db, referral.id, 'manager@demo.example', { type: 'ALLOCATE', workerId: secondWorker.staff.userId });
    const page = await open(worker, '/staff/diary?week=2027-W36');
    expect(page.words).toContain(`${referral.reference} Now with another worker`);
    expect(page.words).not.toContain('Moved Along');
    expect(page.text).not.toContain(`href="/staff/referrals/${referral.id}"`);
    expect(page.text).toContain(`href="/staff/sessions/${session.id}"`);
    // The manager still sees whose it is.
    expect((await open(manager, `/staff/diary?worker=${workerId}&week=2027-W36`)).words).toContain('Moved Along');
  });

  it('answers an address it cannot use with a message and this week, never an error', async () => {
    const cases: Array<[string, string]> = [
      ['week=2026-W99', DIARY_MESSAGES.week],
      ['week=2025-W53', DIARY_MESSAGES.week],
      ['week=yesterday', DIARY_MESSAGES.week],
      ['week=1900-W01', DIARY_MESSAGES.weekRange],
      [`week=${'W'.repeat(10_000)}`, DIARY_MESSAGES.week],
      ['from=31/02/2027', DIARY_MESSAGES.from],
      ['from=12%0003%002027', DIARY_MESSAGES.from],
      ['from=<script>alert(1)</script>', DIARY_MESSAGES.from],
      ['from=3000-01-01', DIARY_MESSAGES.fromRange],
    ];
    for (const [query, message] of cases) {
      const page = await open(worker, `/staff/diary?${query}`);
      expect(page.status, query).toBe(200);
      expect(page.words, query).toContain('There is a problem');
      expect(page.words, query).toContain(message);
      expect(page.words, query).toContain('This week');
      expect(page.text, query).not.toContain('<script>alert(1)');
    }
    // Odd but harmless: repeated, unknown and empty parameters, and a place that is not one.
    for (const query of ['week=2027-W10&week=nonsense', 'week[]=2027-W10', 'week=&from=', 'from=%00%00', 'after=2027-03-08T09:00:00.000Z_x', 'after=' + 'x'.repeat(5000)]) {
      const page = await open(worker, `/staff/diary?${query}`);
      expect(page.status, query).toBe(200);
      expect(page.words, query).not.toContain('There is a problem');
    }
  });

  it('pages through a week with more sessions than one page holds', async () => {
    const referral = await allocatedReferral(test.db, REFERRER, 'worker.two@demo.example');
    const first = await book(referral.id, '2027-10-04T00:00:00Z', 30, 'worker.two@demo.example');
    // Half-hour sessions back to back from Monday, straight into the table: a page and a half.
    await sql`
      INSERT INTO programme_session (referral_id, worker_id, module_key, starts_at, ends_at, machine_id, machine_version, snapshot)
      SELECT referral_id, worker_id, module_key, starts_at + n * interval '30 minutes', ends_at + n * interval '30 minutes', machine_id, machine_version, snapshot
        FROM programme_session, generate_series(1, ${DIARY_PAGE_SIZE + 50}) AS n
       WHERE id = ${first.id}`.execute(test.db);
    const page = await open(secondWorker, '/staff/diary?week=2027-W40');
    expect((page.text.match(/href="\/staff\/sessions\//g) ?? []).length).toBe(DIARY_PAGE_SIZE);
    const later = /href="(\/staff\/diary\?week=2027-W40&amp;after=[^"]+)"[^>]*>Later sessions this week/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
    expect(later).toBeTruthy();
    const rest = await open(secondWorker, later!);
    expect((rest.text.match(/href="\/staff\/sessions\//g) ?? []).length).toBe(51);
    expect(rest.words).toContain('these are the later ones');
    expect(rest.text).not.toContain('Later sessions this week');
    expect(rest.text).toContain('href="/staff/diary?week=2027-W40"');
  });

  it('is for programme workers and managers: referrers and administrators are refused, and it is in their menu', async () => {
    expect((await referrer.get('/staff/diary')).status).toBe(403);
    expect((await admin.get('/staff/diary')).status).toBe(403);
    const anonymous = await fetch(`${app.baseUrl}/staff/diary`, { redirect: 'manual' });
    expect(anonymous.headers.get('location')).toBe('/staff/sign-in');
    expect((await worker.get('/staff')).text).toMatch(/<a[^>]*href="\/staff\/diary"[^>]*>Diary<\/a>/);
    expect((await referrer.get('/staff')).text).not.toContain('href="/staff/diary"');
  });
});
