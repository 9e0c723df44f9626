/**
 * Programme delivery at scale (100,000 cases, 2,000,000 sessions; bench/seed-sessions.ts):
 * the busiest worker's diary, and a case page read by its allocated worker with its
 * audit write and without it. "Without" is the same page, the same code, with the
 * write thrown away by a PostgreSQL rule on the bench database only
 * (CREATE RULE … ON INSERT TO audit_event DO INSTEAD NOTHING), dropped straight after;
 * the goal is that the audit write costs at most 20% (ratio of p50 and of p99 ≤ 1.2).
 */
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'kysely';
import { signInAs } from '../../tests/support/staff';
import { BUSY_WORKER_EMAIL, seedSessions } from '../seed-sessions';
import { measure, withDb, type Measurement, type RunningProcess } from '../support';

// Two at a time, as for the lists: this machine has two cores, and a CHOICE team has a handful of staff.
const CONNECTIONS = 2;
/** Runs of each case page measurement, taken in turn. */
const ROUNDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Several runs of one measurement as one row: the median latencies, the mean rate, every error. */
const combined = (name: string, runs: Measurement[]): Measurement => ({
  name,
  requestsPerSecond: Math.round(runs.reduce((sum, run) => sum + run.requestsPerSecond, 0) / runs.length),
  p50: median(runs.map((run) => run.p50)),
  p99: median(runs.map((run) => run.p99)),
  errors: runs.reduce((sum, run) => sum + run.errors, 0),
  non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
});

let seeded: Promise<string> | null = null;

/** Seeds once per run, whichever of the two scenarios comes first; the note about it goes with that scenario only. */
async function ensureSeeded(databaseUrl: string): Promise<{ notes: string[] }> {
  if (seeded) {
    await seeded;
    return { notes: [] };
  }
  seeded = withDb(databaseUrl, async (db) => {
    const seed = await seedSessions(db);
    return seed.seeded
      ? `Seeding 100,000 cases, their histories and 2,000,000 sessions (the no-double-booking constraint checking every session as it went in) took ${seed.seconds.toFixed(1)} s.`
      : 'The 100,000 cases and 2,000,000 sessions were already seeded (the seed is made again when they are not all there).';
  });
  return { notes: [await seeded] };
}

export async function benchDiary(site: RunningProcess, databaseUrl: string): Promise<{ rows: Measurement[]; notes: string[] }> {
  const { notes } = await ensureSeeded(databaseUrl);
  const { worker, manager, workerId, week } = await withDb(databaseUrl, async (db) => {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM programme_session s JOIN staff_user u ON u.id = s.worker_id
      WHERE u.email = ${BUSY_WORKER_EMAIL} AND s.starts_at >= date_trunc('week', now()) AND s.starts_at < date_trunc('week', now()) + interval '7 days'`.execute(db);
    const signedIn = await signInAs(db, BUSY_WORKER_EMAIL);
    return { worker: signedIn, manager: await signInAs(db, 'manager@demo.example'), workerId: signedIn.userId, week: Number(rows[0]!.n) };
  });
  const rows = [
    await measure(`worker: GET /staff/diary (this week, ${week} sessions)`, `${site.baseUrl}/staff/diary`, { headers: { Cookie: worker.cookie }, connections: CONNECTIONS }),
    await measure('manager: GET /staff/diary?worker=… (the same diary)', `${site.baseUrl}/staff/diary?worker=${workerId}`, { headers: { Cookie: manager.cookie }, connections: CONNECTIONS }),
  ];
  return {
    rows,
    notes: [...notes, `The diary's worker has 20,000 sessions and 1,000 cases, out of 2,000,000 sessions for 100 workers; each view reads one week and the last 6 months' unfinished sessions, and writes its audit row.`],
  };
}

export async function benchCasePage(site: RunningProcess, databaseUrl: string): Promise<{ rows: Measurement[]; notes: string[] }> {
  const { notes } = await ensureSeeded(databaseUrl);
  const { worker, referralId } = await withDb(databaseUrl, async (db) => {
    const signedIn = await signInAs(db, BUSY_WORKER_EMAIL);
    const referral = await db
      .selectFrom('referral')
      .select('id')
      .where('allocated_worker_id', '=', signedIn.userId)
      .where('state', '=', 'in_programme')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { worker: signedIn, referralId: referral.id };
  });
  const url = `${site.baseUrl}/staff/referrals/${referralId}`;
  const options = { headers: { Cookie: worker.cookie }, connections: CONNECTIONS };
  const audits = () => withDb(databaseUrl, async (db) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event WHERE action = 'case.read' AND object_id = ${referralId}`.execute(db)).rows[0]!.n));
  const withAuditRuns: Measurement[] = [];
  const withoutRuns: Measurement[] = [];
  let written = 0;
  let discarded = 0;
  const measureWith = async () => {
    const before = await audits();
    withAuditRuns.push(await measure('with', url, options));
    written += (await audits()) - before;
  };
  const measureWithout = async () => {
    const before = await audits();
    await withDb(databaseUrl, (db) => sql`CREATE RULE bench_skip_audit AS ON INSERT TO audit_event DO INSTEAD NOTHING`.execute(db));
    try {
      withoutRuns.push(await measure('without', url, options));
      // Requests still in flight when a run stops are answered after it: let them finish before the rule goes.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      await withDb(databaseUrl, (db) => sql`DROP RULE IF EXISTS bench_skip_audit ON audit_event`.execute(db));
    }
    discarded += (await audits()) - before;
  };
  // In turn, and each first as often as the other, so that whatever else the machine is doing falls on both alike.
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      await measureWith();
      await measureWithout();
    } else {
      await measureWithout();
      await measureWith();
    }
  }
  const withAudit = combined('worker: GET /staff/referrals/:id (with its audit write)', withAuditRuns);
  const without = combined('worker: GET /staff/referrals/:id (audit write discarded)', withoutRuns);
  const ratio = (a: number, b: number) => (a / Math.max(1, b)).toFixed(2);
  return {
    rows: [withAudit, without],
    notes: [
      ...notes,
      `Case page with its audit write against without: p50 ${withAudit.p50} ms / ${without.p50} ms = ${ratio(withAudit.p50, without.p50)}, p99 ${withAudit.p99} ms / ${without.p99} ms = ${ratio(withAudit.p99, without.p99)} (goal: at most 1.2). ` +
        `Medians of ${ROUNDS} runs of each, taken in turn (p50 with: ${withAuditRuns.map((r) => r.p50).join(', ')} ms; without: ${withoutRuns.map((r) => r.p50).join(', ')} ms). ` +
        `${written.toLocaleString('en-GB')} case.read rows were written with the audit write and ${discarded} without (the rule threw them away). ` +
        `Load on the machine at the end (1-minute average): ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; anything else running shows up in these figures.`,
    ],
  };
}
