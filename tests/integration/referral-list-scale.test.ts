/**
 * The referral list at 100,000 referrals: every page a referrer, a worker or a manager
 * can ask for (each status filter, a search, the next page) reads fewer than 500 index
 * and table pages, and none reads the whole table. Pages read (PostgreSQL's buffers), not
 * milliseconds, so the test says the same on a busy machine as on a quiet one.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { caseViewerOf, type CaseViewer } from '../../modules/referrals/access';
import { listReferrals, parseListQuery, referralListQuery } from '../../modules/referrals/list';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { signedInClient } from '../support/staff';

/** Out of 1,000: most cases long closed, a few in the queue, as a live service would have them. */
const MIX: Array<[string, number]> = [
  ['closed', 850],
  ['declined', 30],
  ['completed', 10],
  ['ended_early', 10],
  ['allocated', 40],
  ['in_programme', 20],
  ['assessment', 10],
  ['draft', 10],
  ['submitted', 8],
  ['screening', 4],
  ['more_information_requested', 4],
  ['accepted', 4],
];

interface Plan {
  'Execution Time': number;
  Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** How the plan reads the referral table, node by node. */
const scansOfReferral = (node: PlanNode): string[] => [
  ...(node['Relation Name'] === 'referral' ? [node['Node Type']] : []),
  ...(node.Plans ?? []).flatMap(scansOfReferral),
];

describe('the referral list at 100,000 referrals', () => {
  const test = useTestDatabase();
  const viewers: Record<string, CaseViewer> = {};
  let app: Awaited<ReturnType<typeof startInProcessApp>>;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    const staff = await test.db
      .selectFrom('staff_user')
      .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
      .select(['staff_user.id', 'staff_user.email', 'staff_user.organisation_id', 'staff_user.role', 'organisation.kind as organisation_kind'])
      .execute();
    for (const person of staff) viewers[person.email] = caseViewerOf(person);
    const referrers = staff.filter((s) => s.role === 'referrer');
    const worker = viewers['worker@demo.example']!.staffUserId;
    const states = MIX.flatMap(([state, share]) => Array.from({ length: share }, () => state));
    await sql`
      INSERT INTO referral (organisation_id, referrer_staff_user_id, state, machine_id, machine_version, snapshot, allocated_worker_id, person_name, created_at, updated_at)
      SELECT (r ->> 'org')::uuid, (r ->> 'id')::uuid, s, 'choice-case', 1, '{}'::jsonb,
             CASE WHEN s IN ('allocated', 'assessment', 'in_programme', 'completed', 'ended_early') THEN ${worker}::uuid END,
             (ARRAY['James', 'John', 'Robert', 'David', 'Andrew', 'Mark', 'Paul', 'Craig', 'Scott', 'Stuart', 'Gary', 'Kevin', 'Iain', 'Graham', 'Neil', 'Ross', 'Alan', 'Derek', 'Euan', 'Fraser'])[1 + g % 20]
               || ' ' || (ARRAY['Smith', 'Brown', 'Wilson', 'Campbell', 'Stewart', 'Robertson', 'Thomson', 'Anderson', 'MacDonald', 'Scott', 'Reid', 'Murray', 'Taylor', 'Clark', 'Ross', 'Watson', 'Morrison', 'Paterson', 'Young', 'Mitchell', 'Walker', 'Fraser', 'Miller', 'McDonald', 'Gray', 'Henderson', 'Hamilton', 'Johnston', 'Duncan', 'Graham', 'Ferguson', 'Kerr', 'Davidson', 'Bell', 'Cameron', 'Kelly', 'Martin', 'Hunter', 'Allan', 'Mackenzie'])[1 + (g / 20) % 40],
             now() - make_interval(mins => g), now() - make_interval(mins => g)
      FROM generate_series(1, 100000) AS g,
           LATERAL (SELECT ${JSON.stringify(states)}::jsonb ->> (g % 1000) AS s) AS pick,
           LATERAL (SELECT ${JSON.stringify(referrers.map((r) => ({ id: r.id, org: r.organisation_id })))}::jsonb -> (g % ${referrers.length}) AS r) AS who`.execute(test.db);
    // As autovacuum would: statistics for the planner, and the trigram index's pending list merged.
    await sql`VACUUM ANALYZE referral`.execute(test.db);
    app = await startInProcessApp(test.db);
  }, 180_000);
  afterAll(() => app?.stop());

  async function plan(email: string, address: string): Promise<Plan> {
    const compiled = referralListQuery(test.db, viewers[email]!, parseListQuery(new URLSearchParams(address))).compile(test.db);
    const result = await test.db.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${compiled.sql}`, [...compiled.parameters]));
    return (result.rows[0] as { 'QUERY PLAN': Plan[] })['QUERY PLAN'][0]!;
  }

  it('reads a few hundred pages at most for any page of the list, whoever asks', async () => {
    const cursor = (await listReferrals(test.db, viewers['manager@demo.example']!, { staffUserId: null, organisationId: null }, { cursor: null })).next!;
    const addresses = ['', 'status=drafts', 'status=with-choice', 'status=needs-attention', 'status=closed', 'q=Wilson', 'q=son', 'q=CH-004242', 'q=04242', 'q=nobody-has-this-name', `after=${cursor}`, `before=${cursor}`];
    const seen: string[] = [];
    for (const email of ['fiscal@demo.example', 'worker@demo.example', 'manager@demo.example']) {
      for (const address of addresses) {
        const { Plan: top } = await plan(email, address);
        const pages = top['Shared Hit Blocks'] + top['Shared Read Blocks'];
        seen.push(`${email} ${address || '(first page)'}: ${pages} pages`);
        expect(pages, seen.at(-1)).toBeLessThan(500);
      }
    }
    expect(seen.length).toBe(36);
    // For scale: a read of the whole table.
    const table = await sql<{ pages: number }>`SELECT relpages AS pages FROM pg_class WHERE relname = 'referral'`.execute(test.db);
    expect(table.rows[0]!.pages).toBeGreaterThan(2_000);
  });

  it('never reads the referral table from end to end', async () => {
    for (const email of ['fiscal@demo.example', 'manager@demo.example']) {
      // A name that is neither rare nor common may be read either way (PostgreSQL's guess at an
      // ILIKE varies with its sample): by the trigram index, or the person's own referrals newest
      // first until a page matches. Either way, never the whole table.
      for (const address of ['', 'status=closed', 'q=Campbell', 'q=Euan Kerr', 'q=Fraser Ross', 'q=CH-000001']) {
        const { Plan: top } = await plan(email, address);
        expect(scansOfReferral(top as unknown as PlanNode), `${email} ${address}`).not.toContain('Seq Scan');
      }
    }
  });

  it('serves the pages through HTTP at this size', async () => {
    const fiscal = await signedInClient(app.baseUrl, test.db, 'fiscal@demo.example');
    const first = await fiscal.get('/staff/referrals');
    expect(first.status).toBe(200);
    expect([...first.text.matchAll(/<tr class="govuk-table__row">/g)].length).toBe(26);
    const next = /href="([^"]+)"/.exec(/<a [^>]*rel="next"[^>]*>/.exec(first.text)![0])![1]!.replace(/&amp;/g, '&');
    expect((await fiscal.get(next)).status).toBe(200);
    expect((await fiscal.get('/staff/referrals?q=Robertson&status=closed')).status).toBe(200);
  });
});
