/**
 * A service with history, for the diary and case page benchmarks: 100,000 cases
 * allocated across 100 programme workers (the demo worker and 99 more), and 2,000,000
 * programme sessions, made by INSERT … SELECT over generate_series, never a row at a time.
 *
 * Each worker has 1,000 cases and 20,000 sessions: forty one-hour slots a week (Monday
 * to Friday, eight a day), each slot a different hour, so the exclusion constraint
 * programme_session_no_double_booking holds, and is checked when it is rebuilt at the
 * end. A worker works 40 cases at a time, one session a week each for 20 weeks; 25 such
 * blocks of cases make 500 weeks, ending 30 weeks from now. Cases of past blocks are
 * closed, completed or ended early; the current block is in the programme (some in
 * assessment); the next is allocated or in assessment. Sessions more than three weeks
 * past are signed off (a few missed or called off); recent ones have notes written,
 * with a few still waiting for attendance or notes; future ones are booked. Every row
 * carries a real persisted snapshot for its state.
 *
 * The schema is left as it is: every index and the exclusion constraint are in place
 * while the rows go in. The constraint's check (a GiST search per row) is most of the
 * time, so the sessions are loaded a share of the workers per core, each share in its
 * own transaction. A seed that fails part-way is found incomplete and made again.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import { seedDemoData } from '../db/seed';
import { currentProgramme } from '../modules/programme/definition';
import { createActor } from 'xstate';
import { CASE_MACHINE_ID, CASE_MACHINE_VERSION, caseMachine, type CaseEvent, type CaseState } from '../modules/referrals/case-machine';
import { SESSION_MACHINE_ID, SESSION_MACHINE_VERSION, type SessionEvent, type SessionState } from '../modules/sessions/session-machine';
import { advanceSession, newSessionSnapshot } from '../modules/sessions/snapshot';
import { caseSnapshot } from './seed-referrals';

export const BENCH_WORKERS = 100;
export const BENCH_CASES = 100_000;
export const BENCH_SESSIONS = 2_000_000;
export const BUSY_WORKER_EMAIL = 'worker@demo.example';

const SESSIONS_PER_CASE = 20;
const SLOTS_PER_WEEK = 40;
const CASES_AT_ONCE = SLOTS_PER_WEEK;
const WEEKS = BENCH_SESSIONS / BENCH_WORKERS / SLOTS_PER_WEEK; // 500
/** The block of 20 weeks that holds now: 10 of its weeks are past. */
const CURRENT_BLOCK = WEEKS / SESSIONS_PER_CASE - 2;
const WEEKS_BEFORE_NOW = CURRENT_BLOCK * SESSIONS_PER_CASE + 10;

const TO_ALLOCATED: CaseEvent[] = [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }, { type: 'ACCEPT' }, { type: 'ALLOCATE', workerId: 'WORKER' }];
const TO_PROGRAMME: CaseEvent[] = [...TO_ALLOCATED, { type: 'START_ASSESSMENT' }, { type: 'START_PROGRAMME' }];
const CASE_PATHS: Partial<Record<CaseState, CaseEvent[]>> = {
  allocated: TO_ALLOCATED,
  assessment: [...TO_ALLOCATED, { type: 'START_ASSESSMENT' }],
  in_programme: TO_PROGRAMME,
  completed: [...TO_PROGRAMME, { type: 'COMPLETE', attended: 24, needed: 24 }],
  ended_early: [...TO_PROGRAMME, { type: 'END_EARLY', reason: 'non_compliance', detail: 'Missed three sessions without a reason.' }],
  closed: [...TO_PROGRAMME, { type: 'COMPLETE', attended: 24, needed: 24 }, { type: 'CLOSE', outcome: 'Completed the programme.' }],
};

/** The states a session is taken through to reach each state. */
const SESSION_PATHS: Record<Extract<SessionState, 'scheduled' | 'attended' | 'notes_recorded' | 'signed_off' | 'not_attended' | 'cancelled'>, SessionEvent[]> = {
  scheduled: [],
  attended: [{ type: 'MARK_ATTENDED' }],
  notes_recorded: [{ type: 'MARK_ATTENDED' }, { type: 'RECORD_NOTES' }],
  signed_off: [{ type: 'MARK_ATTENDED' }, { type: 'RECORD_NOTES' }, { type: 'SIGN_OFF' }],
  not_attended: [{ type: 'MARK_NOT_ATTENDED', judgement: 'acceptable', reason: 'Ill, phoned the day before' }],
  cancelled: [{ type: 'CANCEL', reason: 'Worker unwell' }],
};

/** Each step of a case's path as its event row would have it: the event, and the states either side. */
function caseSteps(path: CaseEvent[]): Array<{ event: string; from: string | null; to: string }> {
  const actor = createActor(caseMachine).start();
  const steps = path.map((event) => {
    const from = String(actor.getSnapshot().value);
    actor.send(event.type === 'ALLOCATE' ? { ...event, workerId: 'WORKER' } : event);
    return { event: event.type, from, to: String(actor.getSnapshot().value) };
  });
  actor.stop();
  return steps;
}

function sessionSnapshots(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(SESSION_PATHS).map(([state, path]) => {
      let snapshot: unknown = newSessionSnapshot();
      for (const event of path) {
        const step = advanceSession(snapshot, SESSION_MACHINE_VERSION, event);
        if (!step.accepted) throw new Error(`The bench path to ${state} was refused at ${event.type}`);
        snapshot = step.snapshot;
      }
      return [state, snapshot];
    }),
  );
}

/** The Monday (UTC midnight) the bench's 500 weeks start on, so that now falls in block CURRENT_BLOCK. */
function origin(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - (((new Date(today).getUTCDay() || 7) - 1) * 86_400_000);
  return new Date(monday - WEEKS_BEFORE_NOW * 7 * 86_400_000);
}

const count = async (db: Db, table: 'referral' | 'programme_session') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n);

/** Whether the bench data is there and still has this week in its current block. */
async function alreadySeeded(db: Db, busyWorkerId: string): Promise<boolean> {
  if ((await count(db, 'programme_session')) !== BENCH_SESSIONS || (await count(db, 'referral')) !== BENCH_CASES) return false;
  const { rows } = await sql<{ ahead: boolean }>`
    SELECT EXISTS (SELECT 1 FROM programme_session WHERE worker_id = ${busyWorkerId} AND starts_at > now() + interval '8 weeks') AS ahead`.execute(db);
  return rows[0]!.ahead;
}

/** Bench workers 1 to 99 beside the demo worker (0), all of the CHOICE service; their ids in that order. */
async function benchWorkers(db: Db): Promise<string[]> {
  const busy = await db.selectFrom('staff_user').select(['id', 'organisation_id']).where('email', '=', BUSY_WORKER_EMAIL).executeTakeFirstOrThrow();
  await sql`
    INSERT INTO staff_user (organisation_id, email, full_name, role, password_hash)
    SELECT ${busy.organisation_id}::uuid, 'bench.worker.' || lpad(n::text, 3, '0') || '@bench.example', 'Bench Worker ' || n, 'worker', NULL
      FROM generate_series(1, ${BENCH_WORKERS - 1}) AS n
    ON CONFLICT (email) DO NOTHING`.execute(db);
  const others = await db.selectFrom('staff_user').select('id').where('email', 'like', 'bench.worker.%@bench.example').orderBy('email').execute();
  return [busy.id, ...others.map((row) => row.id)].slice(0, BENCH_WORKERS);
}

/**
 * The load skips the foreign-key triggers (one lookup per row, 2,100,000 of them) when
 * the bench's database account may (a superuser; otherwise they simply run), and
 * checkForeignKeys then checks every key of the rows loaded in one join per key,
 * before the transaction commits.
 */
async function skipForeignKeyTriggers(trx: Transaction<Database>): Promise<void> {
  const { rows } = await sql<{ allowed: boolean }>`SELECT current_setting('is_superuser') = 'on' AS allowed`.execute(trx);
  if (rows[0]?.allowed) await sql`SET LOCAL session_replication_role = replica`.execute(trx);
}

async function checkForeignKeys(trx: Transaction<Database>, table: 'referral' | 'case_event' | 'programme_session', only: RawBuilder<unknown> = sql`true`): Promise<void> {
  const keys = (
    await sql<{ columns: string[]; target: string; target_columns: string[] }>`
      SELECT array_agg(a.attname::text ORDER BY k.n) AS columns, c.confrelid::regclass::text AS target, array_agg(ta.attname::text ORDER BY k.n) AS target_columns
        FROM pg_constraint c
        CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, ref, n)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
        JOIN pg_attribute ta ON ta.attrelid = c.confrelid AND ta.attnum = k.ref
       WHERE c.conrelid = ${table}::regclass AND c.contype = 'f'
       GROUP BY c.oid, c.confrelid`.execute(trx)
  ).rows;
  for (const key of keys) {
    const matches = sql.join(key.columns.map((column, index) => sql`t.${sql.id(column)} = f.${sql.id(key.target_columns[index]!)}`), sql` AND `);
    const present = sql.join(key.columns.map((column) => sql`t.${sql.id(column)} IS NOT NULL`), sql` AND `);
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM ${sql.table(table)} t
       WHERE ${only} AND ${present} AND NOT EXISTS (SELECT 1 FROM ${sql.table(key.target)} f WHERE ${matches})`.execute(trx);
    if (Number(rows[0]!.n) > 0) throw new Error(`The bench seed made ${rows[0]!.n} ${table} rows whose ${key.columns.join(', ')} has no ${key.target}.`);
  }
}

export interface SessionSeed {
  busyWorkerId: string;
  seconds: number;
  seeded: boolean;
}

/** Makes the bench database hold the cases and sessions above (unless it already does), and says how long it took. */
export async function seedSessions(db: Db, log: (line: string) => void = console.log): Promise<SessionSeed> {
  const started = performance.now();
  await seedDemoData(db, { NODE_ENV: 'test' });
  const workers = await benchWorkers(db);
  const busyWorkerId = workers[0]!;
  if (await alreadySeeded(db, busyWorkerId)) {
    log(`Sessions: ${BENCH_CASES.toLocaleString('en-GB')} cases and ${BENCH_SESSIONS.toLocaleString('en-GB')} sessions already seeded.`);
    return { busyWorkerId, seconds: 0, seeded: false };
  }

  const staff = await db.selectFrom('staff_user').innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id').select(['staff_user.id', 'staff_user.organisation_id', 'organisation.kind']).execute();
  const referrers = staff.filter((s) => s.kind !== 'choice_service').map((r) => ({ id: r.id, org: r.organisation_id, route: r.kind === 'copfs_office' ? 'diversion' : 'structured_deferred_sentence' }));
  const caseSnapshots = Object.fromEntries(Object.entries(CASE_PATHS).map(([state, path]) => [state, JSON.parse(caseSnapshot(path, state as CaseState, 'WORKER')) as unknown]));
  const casePaths = Object.fromEntries(Object.entries(CASE_PATHS).map(([state, path]) => [state, caseSteps(path)]));
  const { definition } = await currentProgramme(db);
  const moduleKeys = definition.modules.flatMap((module) => Array.from({ length: module.plannedSessions }, () => module.key));
  const sessionModules = Array.from({ length: SESSIONS_PER_CASE }, (_, index) => moduleKeys[Math.min(index, moduleKeys.length - 1)]!);
  const now = new Date();
  const start = origin(now);
  const lap = (() => {
    let last = performance.now();
    return (what: string) => {
      const at = performance.now();
      log(`  ${what}: ${((at - last) / 1000).toFixed(1)} s`);
      last = at;
    };
  })();

  const workerArray = `{${workers.join(',')}}`;

  await db.transaction().execute(async (trx) => {
    await skipForeignKeyTriggers(trx);
    await sql`TRUNCATE referral, case_event CASCADE`.execute(trx);
    lap('emptied');

    // Case g (1 to 100,000) is worker (g - 1) % 100's case number (g - 1) / 100, in block ((g - 1) / 100) / 40.
    await sql`
      WITH params AS (
        SELECT ${JSON.stringify(caseSnapshots)}::jsonb AS snapshots,
               ${JSON.stringify(casePaths)}::jsonb AS paths,
               ${JSON.stringify(referrers)}::jsonb AS referrers,
               ${workerArray}::uuid[] AS workers
      ), cases AS (
        SELECT g, ((g - 1) / ${BENCH_WORKERS}) / ${CASES_AT_ONCE} AS block, (g - 1) % ${BENCH_WORKERS} AS w, params.*
          FROM params, generate_series(1, ${BENCH_CASES}) AS g
      ), placed AS (
        SELECT cases.*,
               CASE WHEN block < ${CURRENT_BLOCK} THEN (CASE WHEN g % 10 < 7 THEN 'closed' WHEN g % 10 < 9 THEN 'completed' ELSE 'ended_early' END)
                    WHEN block = ${CURRENT_BLOCK} THEN (CASE WHEN g % 10 = 0 THEN 'assessment' ELSE 'in_programme' END)
                    ELSE (CASE WHEN g % 2 = 0 THEN 'allocated' ELSE 'assessment' END) END AS state,
               workers[w + 1] AS worker_id,
               referrers -> (g % jsonb_array_length(referrers)) AS referrer,
               ${start}::timestamptz + make_interval(weeks => block * ${SESSIONS_PER_CASE}) - interval '30 days' AS at
          FROM cases
      )
      INSERT INTO referral (id, organisation_id, referrer_staff_user_id, state, machine_id, machine_version, snapshot, version,
                            allocated_worker_id, person_name, person_date_of_birth, person_sex, route, legal_status, charges,
                            decision_date, consent, end_reason, outcome, outcome_code, created_at, updated_at, submitted_at, first_submitted_at, closed_at)
      SELECT md5('bench-case-' || g)::uuid, (referrer ->> 'org')::uuid, (referrer ->> 'id')::uuid, state, ${CASE_MACHINE_ID}, ${CASE_MACHINE_VERSION},
             jsonb_set(snapshots -> state, '{context,allocatedWorkerId}', to_jsonb(worker_id::text)), jsonb_array_length(paths -> state) + 1,
             worker_id, 'Bench Person ' || g, DATE '1980-01-01' + (g % 9000), 'male', referrer ->> 'route', 'charged', 'Section 52A possession',
             CURRENT_DATE + (g % 180), 'given',
             CASE WHEN state = 'ended_early' THEN 'non_compliance' END,
             CASE WHEN state = 'closed' THEN 'Completed the programme.' END,
             CASE WHEN state = 'closed' THEN 'completed' END,
             at, at + interval '150 days', at, at,
             CASE WHEN state = 'closed' THEN at + interval '150 days' END
        FROM placed`.execute(trx);
    lap(`${BENCH_CASES.toLocaleString('en-GB')} cases`);

    // Each case's history: one event per step of its path.
    await sql`
      WITH paths AS (SELECT ${JSON.stringify(casePaths)}::jsonb AS paths)
      INSERT INTO case_event (referral_id, occurred_at, actor_staff_user_id, event, from_state, to_state, version)
      SELECT referral.id, referral.created_at + make_interval(days => step.n::int), referral.referrer_staff_user_id,
             step.value ->> 'event', step.value ->> 'from', step.value ->> 'to', step.n::int + 1
        FROM referral, paths, jsonb_array_elements(paths.paths -> referral.state) WITH ORDINALITY AS step(value, n)`.execute(trx);
    await checkForeignKeys(trx, 'referral');
    await checkForeignKeys(trx, 'case_event');
    lap('case histories');
  });

  // The sessions, a share of the workers on each core: the exclusion constraint checks every row as it goes in.
  const shares = Math.max(1, Math.min(4, availableParallelism()));
  const snapshots = JSON.stringify(sessionSnapshots());
  await Promise.all(
    Array.from({ length: shares }, (_, share) =>
      db.transaction().execute(async (trx) => {
        await skipForeignKeyTriggers(trx);
        const first = Math.floor((share * BENCH_WORKERS) / shares);
        const last = Math.floor(((share + 1) * BENCH_WORKERS) / shares) - 1;
        // Slot s (0 to 19,999) of worker w: week s / 40, weekday (s % 40) / 8, hour 8 + s % 8 (UTC).
        await sql`
          WITH params AS (
            SELECT ${snapshots}::jsonb AS snapshots,
                   ${JSON.stringify(sessionModules)}::jsonb AS modules,
                   ${workerArray}::uuid[] AS workers,
                   ${now}::timestamptz AS now
          ), slots AS (
            SELECT w, s, s / ${SLOTS_PER_WEEK} AS week, s % ${SLOTS_PER_WEEK} AS k,
                   ${start}::timestamptz + make_interval(days => (s / ${SLOTS_PER_WEEK}) * 7 + (s % ${SLOTS_PER_WEEK}) / 8, hours => 8 + s % 8) AS starts_at
              FROM generate_series(${first}::int, ${last}::int) AS w, generate_series(0, ${BENCH_SESSIONS / BENCH_WORKERS - 1}) AS s
          ), placed AS (
            SELECT slots.*, params.*,
                   ((week / ${SESSIONS_PER_CASE}) * ${CASES_AT_ONCE} + k) * ${BENCH_WORKERS} + w + 1 AS g,
                   CASE WHEN starts_at + interval '1 hour' > params.now THEN 'scheduled'
                        WHEN starts_at > params.now - interval '21 days' THEN (CASE WHEN s % 25 = 0 THEN 'scheduled' WHEN s % 25 = 1 THEN 'attended' ELSE 'notes_recorded' END)
                        ELSE (CASE WHEN s % 50 = 0 THEN 'not_attended' WHEN s % 50 = 1 THEN 'cancelled' ELSE 'signed_off' END) END AS state
              FROM slots, params
          )
          INSERT INTO programme_session (referral_id, worker_id, module_key, starts_at, ends_at, state, machine_id, machine_version, snapshot, version,
                                         topics_covered, engagement, homework_done, absence_judgement, absence_reason, reminded_at, created_at, updated_at)
          SELECT md5('bench-case-' || g)::uuid, workers[w + 1], modules ->> (week % ${SESSIONS_PER_CASE})::int, starts_at, starts_at + interval '1 hour',
                 state, ${SESSION_MACHINE_ID}, ${SESSION_MACHINE_VERSION}, snapshots -> state,
                 CASE state WHEN 'scheduled' THEN 1 WHEN 'attended' THEN 2 WHEN 'notes_recorded' THEN 3 WHEN 'signed_off' THEN 4 ELSE 2 END,
                 CASE WHEN state IN ('notes_recorded', 'signed_off') THEN 'The week''s exercise and his plan' END,
                 CASE WHEN state IN ('notes_recorded', 'signed_off') THEN 'full' END,
                 CASE WHEN state IN ('notes_recorded', 'signed_off') THEN 'done' END,
                 CASE WHEN state = 'not_attended' THEN 'acceptable' END,
                 CASE WHEN state = 'not_attended' THEN 'Ill, phoned the day before' END,
                 CASE WHEN starts_at < now THEN starts_at - interval '1 day' END,
                 starts_at - interval '14 days', LEAST(starts_at + interval '1 day', now)
            FROM placed`.execute(trx);
        await checkForeignKeys(trx, 'programme_session', sql`t.worker_id = ANY (${`{${workers.slice(first, last + 1).join(',')}}`}::uuid[])`);
      }),
    ),
  );
  lap(`${BENCH_SESSIONS.toLocaleString('en-GB')} sessions, ${shares} at a time`);

  await sql`ANALYZE referral, case_event, programme_session`.execute(db);
  lap('ANALYZE');
  const seconds = (performance.now() - started) / 1000;
  log(`Sessions: seeded ${BENCH_CASES.toLocaleString('en-GB')} cases and ${BENCH_SESSIONS.toLocaleString('en-GB')} sessions for ${BENCH_WORKERS} workers in ${seconds.toFixed(1)} s.`);
  return { busyWorkerId, seconds, seeded: true };
}
