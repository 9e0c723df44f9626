/**
 * Many referrals at once for the benchmarks: one INSERT … SELECT over generate_series,
 * never a row at a time. States are spread as a live service would have them (most
 * cases long closed, a few hundred in the queue), across the demo organisations, with
 * a real persisted snapshot for each state.
 */
import { createActor } from 'xstate';
import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { seedDemoData } from '../db/seed';
import { CASE_MACHINE_ID, CASE_MACHINE_VERSION, caseMachine, type CaseEvent, type CaseState } from '../modules/referrals/case-machine';

/** The events that bring a new case to each state. */
const PATHS: Partial<Record<CaseState, CaseEvent[]>> = {
  draft: [],
  submitted: [{ type: 'SUBMIT' }],
  screening: [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }],
  more_information_requested: [{ type: 'SUBMIT' }, { type: 'REQUEST_INFORMATION', request: 'Please send the charge sheet.' }],
  accepted: [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }, { type: 'ACCEPT' }],
  allocated: [{ type: 'SUBMIT' }, { type: 'START_SCREENING' }, { type: 'ACCEPT' }, { type: 'ALLOCATE', workerId: 'WORKER' }],
  closed: [{ type: 'SUBMIT' }, { type: 'DECLINE', reason: 'Not eligible.' }, { type: 'CLOSE', outcome: 'declined' }],
};

/** Share of cases in each state, out of 1,000. */
const MIX: Array<[CaseState, number]> = [
  ['closed', 900],
  ['allocated', 50],
  ['draft', 20],
  ['submitted', 12],
  ['screening', 6],
  ['more_information_requested', 6],
  ['accepted', 6],
];

/** The persisted snapshot of a case taken along `path` (ALLOCATE to `workerId`), which must end in `state`. */
export function caseSnapshot(path: CaseEvent[], state: CaseState, workerId: string): string {
  const actor = createActor(caseMachine).start();
  for (const event of path) actor.send(event.type === 'ALLOCATE' ? { ...event, workerId } : event);
  if (actor.getSnapshot().value !== state) throw new Error(`The bench path to ${state} ends in ${String(actor.getSnapshot().value)}`);
  const snapshot = JSON.stringify(actor.getPersistedSnapshot());
  actor.stop();
  return snapshot;
}

const snapshotFor = (state: CaseState, workerId: string) => caseSnapshot(PATHS[state] ?? [], state, workerId);

/** Makes the table hold exactly `total` referrals (adding to what is there, or starting again when asked). */
export async function seedReferrals(db: Db, total: number, options: { fresh?: boolean } = {}): Promise<number> {
  await seedDemoData(db, { NODE_ENV: 'test' });
  // CASCADE: the sessions, plans and reports of the cases go with them (bench/seed-sessions.ts makes those).
  if (options.fresh) await sql`TRUNCATE referral, case_event CASCADE`.execute(db);
  const existing = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM referral`.execute(db)).rows[0]!.n);
  const add = total - existing;
  if (add <= 0) return existing;

  const staff = await db.selectFrom('staff_user').innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id').select(['staff_user.id', 'staff_user.email', 'staff_user.organisation_id', 'organisation.kind']).execute();
  const referrers = staff.filter((s) => s.kind !== 'choice_service');
  const worker = staff.find((s) => s.email === 'worker@demo.example')!;
  const states = MIX.flatMap(([state, share]) => Array.from({ length: share }, () => state));
  const snapshots = Object.fromEntries(MIX.map(([state]) => [state, snapshotFor(state, worker.id)]));

  await sql`
    WITH params AS (
      SELECT ${JSON.stringify(states)}::jsonb AS states,
             ${JSON.stringify(snapshots)}::jsonb AS snapshots,
             ${JSON.stringify(referrers.map((r) => ({ id: r.id, org: r.organisation_id, route: r.kind === 'copfs_office' ? 'diversion' : 'structured_deferred_sentence' })))}::jsonb AS referrers
    ), rows AS (
      SELECT g,
             params.states ->> (g % 1000) AS state,
             params.referrers -> (g % jsonb_array_length(params.referrers)) AS referrer,
             params.snapshots,
             now() - make_interval(mins => g) AS at
      FROM params, generate_series(${existing + 1}::int, ${total}::int) AS g
    )
    INSERT INTO referral (organisation_id, referrer_staff_user_id, state, machine_id, machine_version, snapshot, version,
                          allocated_worker_id, person_name, person_date_of_birth, person_sex, route, legal_status, charges,
                          decision_date, consent, created_at, updated_at, submitted_at, first_submitted_at, closed_at)
    SELECT (referrer ->> 'org')::uuid, (referrer ->> 'id')::uuid, state, ${CASE_MACHINE_ID}, ${CASE_MACHINE_VERSION}, snapshots -> state, 1,
           CASE WHEN state = 'allocated' THEN ${worker.id}::uuid END,
           'Bench Person ' || g, DATE '1980-01-01' + (g % 9000), 'male', referrer ->> 'route', 'charged', 'Section 52A possession',
           (CURRENT_DATE + (g % 180)), 'given', at, at,
           CASE WHEN state <> 'draft' THEN at END, CASE WHEN state <> 'draft' THEN at END, CASE WHEN state = 'closed' THEN at END
    FROM rows`.execute(db);
  await sql`ANALYZE referral`.execute(db);
  return total;
}
