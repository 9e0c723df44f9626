/**
 * The managers' screening queue: which referrals are in it, oldest first, how long each
 * has waited and how near its deadline is, 25 a page both ways, one audit row a read,
 * and a plan that reads the partial index however many referrals the service has.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferrals } from '../../bench/seed-referrals';
import { seedDemoData } from '../../db/seed';
import { caseViewerOf } from '../../modules/referrals/access';
import { dayInScotland } from '../../modules/referrals/dates';
import { queuePageQuery, screeningQueue } from '../../modules/referrals/queue';
import { addDays, startOfDayInScotland } from '../../modules/sessions/calendar';
import { startInProcessApp } from '../support/app';
import { stepCase, submittedReferral } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText } from '../support/http-client';
import { signedInClient } from '../support/staff';


/** Every scan in an EXPLAIN (FORMAT JSON) plan, as "Seq Scan on referral". */
function scansOf(plan: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['Node Type'] === 'string' && typeof record['Relation Name'] === 'string') found.push(`${record['Node Type']} on ${record['Relation Name']}`);
    Object.values(record).forEach(walk);
  };
  walk(plan);
  return found;
}

describe('the screening queue', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
  });
  afterAll(() => app?.stop());

  it('lists what waits for CHOICE, the longest waiting first, 25 a page, with waiting times and deadlines', async () => {
    const made: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { id } = await submittedReferral(test.db, i % 2 ? 'fiscal@demo.example' : 'socialworker.glasgow@demo.example', {
        person_name: `Queue Person ${i}`,
        decision_date: addDays(dayInScotland(new Date()), i === 0 ? 5 : 40),
        eligibility_flags: i === 1 ? ['contact-offence'] : [],
      });
      // Sent 40 - i days ago (at noon in Scotland, so the clocks changing in between cannot move it a day): the first made has waited longest.
      const sentOn = addDays(dayInScotland(new Date()), -(40 - i));
      await test.db.updateTable('referral').set({ submitted_at: new Date(startOfDayInScotland(sentOn).getTime() + 12 * 3_600_000) }).where('id', '=', id).execute();
      made.push(id);
    }
    await stepCase(test.db, made[2]!, 'manager@demo.example', { type: 'START_SCREENING' });
    await stepCase(test.db, made[3]!, 'manager@demo.example', { type: 'REQUEST_INFORMATION', request: 'More, please.' });
    // Not in the queue: allocated, declined, and a draft.
    await stepCase(test.db, made[4]!, 'manager@demo.example', { type: 'DECLINE', reason: 'No.' });
    const accepted = made[5]!;
    await stepCase(test.db, accepted, 'manager@demo.example', { type: 'START_SCREENING' });
    await stepCase(test.db, accepted, 'manager@demo.example', { type: 'ACCEPT' });
    const allocated = made[6]!;
    await stepCase(test.db, allocated, 'manager@demo.example', { type: 'START_SCREENING' });
    await stepCase(test.db, allocated, 'manager@demo.example', { type: 'ACCEPT' });
    const worker = await test.db.selectFrom('staff_user').select('id').where('email', '=', 'worker@demo.example').executeTakeFirstOrThrow();
    await stepCase(test.db, allocated, 'manager@demo.example', { type: 'ALLOCATE', workerId: worker.id });

    const manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    const rows = (html: string) => [...html.matchAll(/href="\/staff\/referrals\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const first = await manager.get('/staff/screening');
    expect(first.status).toBe(200);
    const page1 = rows(first.text);
    const inQueue = made.filter((id) => id !== made[4] && id !== allocated);
    expect(inQueue).toHaveLength(28);
    expect(page1).toEqual(inQueue.slice(0, 25));
    const words = pageText(first.text);
    expect(words).toContain('26 referrals to screen or being screened');
    expect(words).toContain('1 waiting for the referrer to send more information');
    expect(words).toContain('1 accepted case to allocate');
    expect(words).toMatch(/Queue Person 0 Glasgow City Justice Social Work \(demo\) To screen 40 days \(\d+ working days\)/);
    expect(words).toMatch(/5 days left/);
    expect(first.text).toMatch(/govuk-tag--red">5 days left/);
    expect(first.text).toMatch(/govuk-tag--grey">40 days left/);
    expect(words).toMatch(/Queue Person 1 Check eligibility/);
    expect(words).toContain('Waiting for the referrer');
    expect(words).toContain('To allocate');

    expect(first.text).not.toContain('rel="prev"');
    const link = (html: string, rel: string) => new RegExp(`<a[^>]*rel="${rel}"[^>]*>|<a[^>]*href="[^"]*"[^>]*rel="${rel}"`).exec(html)?.[0].match(/href="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
    const next = link(first.text, 'next')!;
    expect(next).toMatch(/^\/staff\/screening\?after=/);
    const second = await manager.get(next);
    expect(rows(second.text)).toEqual(inQueue.slice(25));
    expect(second.text).not.toContain('rel="next"');
    const back = link(second.text, 'prev')!;
    expect(back).toMatch(/^\/staff\/screening\?before=/);
    expect(rows((await manager.get(back)).text)).toEqual(page1);

    // Any other address is the first page.
    for (const odd of ['?after=yesterday', '?before=2026-01-01T00:00:00.000000Z_nope', '?after=%00']) expect(rows((await manager.get(`/staff/screening${odd}`)).text)).toEqual(page1);

    const reads = await test.db.selectFrom('audit_event').select(['detail']).where('action', '=', 'case.list').where('actor_staff_user_id', '=', manager.staff.userId).execute();
    expect(reads).toHaveLength(6);
    expect(reads[0]!.detail).toEqual({ view: 'screening', rows: 25 });

    const worker2 = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    expect((await worker2.get('/staff/screening')).status).toBe(403);
  });

  it('reads a page through referral_queue_idx at 100,000 referrals, in a few milliseconds', async () => {
    await seedReferrals(test.db, 100_000);
    const manager = await test.db
      .selectFrom('staff_user')
      .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
      .select(['staff_user.id', 'staff_user.organisation_id', 'staff_user.role', 'organisation.kind as organisation_kind'])
      .where('email', '=', 'manager@demo.example')
      .executeTakeFirstOrThrow();
    const viewer = caseViewerOf(manager);
    const explained = await queuePageQuery(test.db, viewer, null).explain('json');
    const plan = JSON.stringify(explained);
    expect(plan).toContain('referral_queue_idx');
    expect(scansOf(explained).filter((scan) => scan.endsWith(' on referral'))).toEqual(['Index Scan on referral']);

    const page = await screeningQueue(test.db, viewer, { staffUserId: manager.id, organisationId: manager.organisation_id }, null);
    expect(page.rows).toHaveLength(25);
    const cursorPlan = JSON.stringify(await queuePageQuery(test.db, viewer, { direction: 'after', at: page.rows[24]!.cursor.split('_')[0]!, id: page.rows[24]!.id }).explain('json'));
    expect(cursorPlan).toContain('referral_queue_idx');

    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await queuePageQuery(test.db, viewer, null).execute();
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    // Generous: the point is that it does not read the whole table (which takes far longer).
    expect(timings[10]!).toBeLessThan(50);
    const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM referral`.execute(test.db);
    expect(total.rows[0]!.n).toBeGreaterThanOrEqual(100_000);
  }, 120_000);
});
