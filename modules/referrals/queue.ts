/**
 * The managers' screening queue: referrals sent to CHOICE and not yet allocated,
 * oldest first, 25 a page. Pages are keyset pages on (submitted_at, id), read through
 * the partial index `referral_queue_idx`, so a page costs the same with 1,000 referrals
 * or 100,000 (the queue is a few hundred rows however long the service's history).
 * Every read of the queue is one `case.list` audit row.
 */
import { sql } from 'kysely';
import { recordAudit, type AuditActor, type Executor } from '../audit/record';
import { onlyVisibleTo, type CaseViewer } from './access';
import type { CaseState } from './case-machine';

/** Must match the predicate of referral_queue_idx, written as constants so the planner can use it. */
export const QUEUE_STATES = ['submitted', 'screening', 'more_information_requested', 'accepted'] as const satisfies readonly CaseState[];
export type QueueState = (typeof QUEUE_STATES)[number];
export const QUEUE_PAGE_SIZE = 25;

const IN_QUEUE = sql<boolean>`referral.state IN (${sql.join(QUEUE_STATES.map((state) => sql.lit(state)))})`;

export interface QueueCursor {
  direction: 'after' | 'before';
  /** submitted_at to the microsecond, as PostgreSQL writes it. */
  at: string;
  id: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A place in the queue from the address (`after=` or `before=`); anything else is the first page. */
export function parseQueueCursor(params: URLSearchParams): QueueCursor | null {
  for (const direction of ['after', 'before'] as const) {
    const match = CURSOR.exec(params.get(direction) ?? '');
    if (!match) continue;
    const date = new Date(match[1]!);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== match[1]!.slice(0, 19)) continue;
    return { direction, at: match[1]!, id: match[2]! };
  }
  return null;
}

export interface QueueRow {
  id: string;
  reference: string;
  state: QueueState;
  personName: string | null;
  organisationName: string;
  submittedAt: Date;
  decisionDate: string | null;
  /** The referrer sent it outside a rule that is a matter of judgement. */
  eligibilityFlags: string[];
  cursor: string;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Cursors for the "Earlier" and "Later" links, when there is something there. */
  before: string | null;
  after: string | null;
  counts: Record<QueueState, number>;
}

/** The query of one page (pageSize + 1 rows, to know whether there is more): exported so a test can EXPLAIN it. */
export function queuePageQuery(db: Executor, viewer: CaseViewer, cursor: QueueCursor | null, pageSize = QUEUE_PAGE_SIZE) {
  let query = onlyVisibleTo(db.selectFrom('referral'), viewer)
    .innerJoin('organisation', 'organisation.id', 'referral.organisation_id')
    .select([
      'referral.id',
      'referral.reference',
      'referral.state',
      'referral.person_name',
      'referral.submitted_at',
      'referral.decision_date',
      'referral.eligibility_flags',
      'organisation.name as organisation_name',
    ])
    .select(sql<string>`to_char(referral.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at'))
    .where(IN_QUEUE)
    .where('referral.submitted_at', 'is not', null);
  if (cursor) {
    const place = sql`(${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
    query = query.where(sql<boolean>`(referral.submitted_at, referral.id) ${cursor.direction === 'after' ? sql`>` : sql`<`} ${place}`);
  }
  const direction = cursor?.direction === 'before' ? 'desc' : 'asc';
  return query.orderBy('referral.submitted_at', direction).orderBy('referral.id', direction).limit(pageSize + 1);
}

export async function screeningQueue(db: Executor, viewer: CaseViewer, actor: AuditActor, cursor: QueueCursor | null, pageSize = QUEUE_PAGE_SIZE): Promise<QueuePage> {
  const forwards = cursor?.direction !== 'before';
  const found = await queuePageQuery(db, viewer, cursor, pageSize).execute();
  const more = found.length > pageSize;
  const rows: QueueRow[] = found.slice(0, pageSize).map((row) => ({
    id: row.id,
    reference: row.reference,
    state: row.state as QueueState,
    personName: row.person_name,
    organisationName: row.organisation_name,
    submittedAt: row.submitted_at!,
    decisionDate: row.decision_date,
    eligibilityFlags: row.eligibility_flags,
    cursor: `${row.at}_${row.id}`,
  }));
  if (!forwards) rows.reverse();
  const first = rows[0]?.cursor ?? null;
  const last = rows.at(-1)?.cursor ?? null;
  const page = !cursor
    ? { before: null, after: more ? last : null }
    : cursor.direction === 'after'
      ? { before: first, after: more ? last : null }
      : { before: more ? first : null, after: last };

  const counted = await db.selectFrom('referral').select(['referral.state']).select(sql<number>`count(*)::int`.as('n')).where(IN_QUEUE).groupBy('referral.state').execute();
  const counts = Object.fromEntries(QUEUE_STATES.map((state) => [state, counted.find((c) => c.state === state)?.n ?? 0])) as Record<QueueState, number>;

  await recordAudit(db, { actor, action: 'case.list', outcome: 'success', detail: { view: 'screening', rows: rows.length } });
  return { rows, ...page, counts };
}
