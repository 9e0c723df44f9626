/**
 * A worker's diary: their sessions in a bounded time range, oldest first, read by the
 * (worker_id, starts_at, id) index. A long range is read a page at a time by passing
 * the last row's start and id as `after` (keyset), never by offset. What needs the
 * worker's attention (attendance or notes not yet recorded) is read by the same index,
 * over a bounded stretch of the past, so neither read grows with the worker's history.
 */
import type { Executor } from '../audit/record';
import type { AbsenceJudgement, SessionState } from './session-machine';

export const DIARY_PAGE_SIZE = 200;
/** How far back "needs your attention" looks: half a year of sessions, at most. */
export const ATTENTION_LOOKBACK_DAYS = 182;
export const ATTENTION_LIMIT = 20;

export interface DiaryEntry {
  id: string;
  referralId: string;
  reference: string;
  /** The man's name, as the referral gives it. Whether to show it is the page's decision (see diary-page.ts). */
  personName: string | null;
  /** Who the case is allocated to now (it may have moved to another worker since). */
  allocatedWorkerId: string | null;
  moduleKey: string;
  startsAt: Date;
  endsAt: Date;
  state: SessionState;
  absence: AbsenceJudgement | null;
  version: number;
}

export interface DiaryPlace {
  startsAt: Date;
  id: string;
}

export interface DiaryOptions {
  after?: DiaryPlace;
  limit?: number;
}

function diaryQuery(db: Executor, workerId: string) {
  return db
    .selectFrom('programme_session')
    .innerJoin('referral', 'referral.id', 'programme_session.referral_id')
    .select([
      'programme_session.id',
      'programme_session.referral_id',
      'referral.reference',
      'referral.person_name',
      'referral.allocated_worker_id',
      'programme_session.module_key',
      'programme_session.starts_at',
      'programme_session.ends_at',
      'programme_session.state',
      'programme_session.absence_judgement',
      'programme_session.version',
    ])
    .where('programme_session.worker_id', '=', workerId);
}

type DiaryRow = Awaited<ReturnType<ReturnType<typeof diaryQuery>['execute']>>[number];

const entryOf = (row: DiaryRow): DiaryEntry => ({
  id: row.id,
  referralId: row.referral_id,
  reference: row.reference,
  personName: row.person_name,
  allocatedWorkerId: row.allocated_worker_id,
  moduleKey: row.module_key,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  state: row.state as SessionState,
  absence: row.absence_judgement,
  version: row.version,
});

async function readRange(db: Executor, workerId: string, from: Date, to: Date, after: DiaryPlace | undefined, limit: number): Promise<DiaryEntry[]> {
  let query = diaryQuery(db, workerId).where('programme_session.starts_at', '>=', from).where('programme_session.starts_at', '<', to);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('programme_session.starts_at', '>', after.startsAt), eb.and([eb('programme_session.starts_at', '=', after.startsAt), eb('programme_session.id', '>', after.id)])]),
    );
  }
  const rows = await query.orderBy('programme_session.starts_at').orderBy('programme_session.id').limit(limit).execute();
  return rows.map(entryOf);
}

const pageLimit = (limit: number | undefined) => Math.min(Math.max(1, limit ?? DIARY_PAGE_SIZE), DIARY_PAGE_SIZE);

/** Sessions starting in [from, to). Notes are not read: the diary shows times and references only. */
export function workerDiary(db: Executor, workerId: string, from: Date, to: Date, options: DiaryOptions = {}): Promise<DiaryEntry[]> {
  return readRange(db, workerId, from, to, options.after, pageLimit(options.limit));
}

/** One page of the diary and, if there is more in the range, the place the next page starts after. */
export async function workerDiaryPage(db: Executor, workerId: string, from: Date, to: Date, options: DiaryOptions = {}): Promise<{ entries: DiaryEntry[]; next: DiaryPlace | null }> {
  const limit = pageLimit(options.limit);
  const rows = await readRange(db, workerId, from, to, options.after, limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries[entries.length - 1];
  return { entries, next: rows.length > limit && last ? { startsAt: last.startsAt, id: last.id } : null };
}

export type AttentionReason = 'attendance' | 'notes';

export interface DiaryAttention {
  /** Oldest first. */
  entries: Array<DiaryEntry & { reason: AttentionReason }>;
  /** There are more than the panel shows. */
  more: boolean;
}

/**
 * The worker's sessions that still need something from them, oldest first: those whose
 * time is over but are still only booked (attendance not recorded), and those marked
 * attended with no notes yet. Read over the last ATTENTION_LOOKBACK_DAYS only.
 */
export async function diaryAttention(db: Executor, workerId: string, now: Date, options: { limit?: number } = {}): Promise<DiaryAttention> {
  const limit = Math.min(Math.max(1, options.limit ?? ATTENTION_LIMIT), 100);
  const since = new Date(now.getTime() - ATTENTION_LOOKBACK_DAYS * 86_400_000);
  const rows = await diaryQuery(db, workerId)
    .where('programme_session.starts_at', '>=', since)
    .where('programme_session.starts_at', '<', now)
    .where((eb) =>
      eb.or([eb('programme_session.state', '=', 'attended'), eb.and([eb('programme_session.state', '=', 'scheduled'), eb('programme_session.ends_at', '<=', now)])]),
    )
    .orderBy('programme_session.starts_at')
    .orderBy('programme_session.id')
    .limit(limit + 1)
    .execute();
  return {
    entries: rows.slice(0, limit).map((row) => ({ ...entryOf(row), reason: row.state === 'attended' ? 'notes' : 'attendance' })),
    more: rows.length > limit,
  };
}
